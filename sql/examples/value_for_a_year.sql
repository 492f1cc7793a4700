-- Question: What value does a province's plan give an indicator in a given year, and is it stated or interpolated?
-- Câu hỏi: Kế hoạch của một tỉnh cho chỉ số một giá trị bao nhiêu vào một năm nhất định, giá trị đó được nêu trực tiếp hay nội suy?
-- Parameters: province=lai_chau indicator=hypertension_managed year=2023
--
-- Run: vnhealth sql --file sql/examples/value_for_a_year.sql -p province=lai_chau
--        -p indicator=hypertension_managed -p year=2023
-- A year between two stated points is interpolated linearly (from what was achieved towards
-- what is aimed at); a year beyond them is 'missing', never carried forward.
SELECT h.province_id, h.indicator_id, i.name_vi AS indicator_name_vi, h.year, h.kind,
       h.method, h.value, h.unit, h.anchor_year_before, h.anchor_year_after, h.obs_ids
FROM harmonized AS h
JOIN indicators AS i USING (indicator_id)
WHERE h.province_id = $province AND h.indicator_id = $indicator AND h.year = $year
ORDER BY h.kind;
