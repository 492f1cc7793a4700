-- percent_out_of_range: Percentages outside 0–100 (observations as written, and harmonized values of indicators measured in %).
-- vi: Tỷ lệ phần trăm nằm ngoài khoảng 0–100 (giá trị như trong văn bản và giá trị đã chuẩn hóa của chỉ số tính theo %).
-- level: error
--
-- A share cannot be below 0% or above 100%. Relative changes ("giảm 20%") are changes, not
-- shares, and are left out; so are indicators whose plausible range in the catalogue reaches
-- below 0 (population growth rates) or above 100 (bed occupancy, a ratio of bed-days used to
-- bed-days available): implausible_values.sql checks those.
SELECT 'observations' AS source_table, o.obs_id AS row_id, o.province_id, o.indicator_id,
       o.year, o.value, o.value_high, o.unit, o.doc_id, o.line
FROM observations AS o
LEFT JOIN indicators AS i USING (indicator_id)
WHERE o.unit = 'percent' AND o.comparator <> 'relative'
  AND coalesce(i.plausible_low, 0) >= 0 AND coalesce(i.plausible_high, 100) <= 100
  AND (o.value < 0 OR o.value > 100 OR o.value_high < 0 OR o.value_high > 100)
UNION ALL
SELECT 'harmonized', h.province_id || ':' || h.indicator_id || ':' || h.year || ':' || h.kind,
       h.province_id, h.indicator_id, h.year, h.value, h.value_high, h.unit, h.doc_ids, NULL
FROM harmonized AS h
LEFT JOIN indicators AS i USING (indicator_id)
WHERE h.unit = 'percent' AND coalesce(i.plausible_low, 0) >= 0
  AND coalesce(i.plausible_high, 100) <= 100
  AND (h.value < 0 OR h.value > 100 OR h.value_low < 0 OR h.value_high > 100)
ORDER BY source_table, row_id;
