-- Question: Where do national documents set different targets for the same indicator and year, and which one does the benchmark use?
-- Câu hỏi: Ở đâu các văn bản quốc gia đặt chỉ tiêu khác nhau cho cùng một chỉ số và năm, và chuẩn so sánh dùng giá trị nào?
--
-- The benchmark (national_value in v_gaps and comparison_matrix) takes the most recent
-- document; every source stays visible in national_source and national_statements.
WITH targets AS (
    SELECT indicator_id, year, value, source_doc, source_line
    FROM national_targets
    WHERE kind = 'target' AND comparator <> 'relative'
),
used AS (
    SELECT DISTINCT indicator_id, year, national_value
    FROM comparison
    WHERE national_value IS NOT NULL
)
SELECT t.indicator_id, t.year, count(*) AS n_sources,
       string_agg(t.value::VARCHAR || ' (line ' || t.source_line || ')', '; '
                  ORDER BY t.source_line) AS values_stated,
       any_value(u.national_value) AS benchmark_value
FROM targets AS t
LEFT JOIN used AS u USING (indicator_id, year)
GROUP BY t.indicator_id, t.year
HAVING count(DISTINCT t.value) > 1
ORDER BY t.indicator_id, t.year;
