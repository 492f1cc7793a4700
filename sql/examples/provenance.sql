-- Question: Where exactly does each figure a province states for an indicator come from (document, line and quote)?
-- Câu hỏi: Mỗi số liệu của một tỉnh cho một chỉ số lấy từ đâu (văn bản, số dòng và trích dẫn)?
-- Parameters: province=son_la indicator=life_expectancy
--
-- Run: vnhealth sql --file sql/examples/provenance.sql -p province=son_la
--        -p indicator=life_expectancy
-- Every occurrence is its own row: a target repeated in an appendix appears twice, with its
-- own line.
SELECT year, kind, comparator, value, unit, doc_id, source_file, line, value_text, quote
FROM v_observations
WHERE province_id = $province AND indicator_id = $indicator
ORDER BY year, doc_id, line;
