-- harmonized_without_method: Harmonized values without a valid method, or whose value does not match their method (a stated or interpolated row without a value, a missing row with one).
-- vi: Giá trị đã chuẩn hóa thiếu phương pháp hợp lệ hoặc không khớp với phương pháp (được nêu/nội suy mà không có giá trị, thiếu mà lại có giá trị).
-- level: error
--
-- Every harmonized value says how it was obtained: `stated`, `interpolated`,
-- `carried_forward` or `missing`, never silently carried. A stated value keeps its
-- observations; an interpolated one its two anchor years.
SELECT 'harmonized' AS source_table, province_id, indicator_id, year, kind, method, value,
       anchor_year_before, anchor_year_after, obs_ids,
       CASE
           WHEN method IS NULL THEN 'no method'
           WHEN method NOT IN ('stated', 'interpolated', 'carried_forward', 'missing')
               THEN 'unknown method'
           WHEN method = 'missing' AND value IS NOT NULL THEN 'missing row with a value'
           WHEN method <> 'missing' AND value IS NULL THEN 'value without a number'
           WHEN method = 'interpolated'
                AND (anchor_year_before IS NULL OR anchor_year_after IS NULL)
               THEN 'interpolated without anchors'
           ELSE 'value without observations'
       END AS problem
FROM harmonized
WHERE method IS NULL
   OR method NOT IN ('stated', 'interpolated', 'carried_forward', 'missing')
   OR (method = 'missing' AND value IS NOT NULL)
   OR (method <> 'missing' AND value IS NULL)
   OR (method = 'interpolated' AND (anchor_year_before IS NULL OR anchor_year_after IS NULL))
   OR (method <> 'missing' AND (obs_ids IS NULL OR obs_ids = ''))
UNION ALL
SELECT 'comparison', province_id, indicator_id, year, kind, method, value,
       anchor_year_before, anchor_year_after, obs_ids, 'no method'
FROM comparison
WHERE method IS NULL
ORDER BY source_table, province_id, indicator_id, year, kind;
