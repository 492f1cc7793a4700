-- implausible_values: Values outside the plausible range the catalogue gives each indicator (a sign of a unit or parsing mistake).
-- vi: Giá trị nằm ngoài khoảng hợp lý của chỉ số trong danh mục (dấu hiệu nhầm đơn vị hoặc đọc sai số).
-- level: warning
--
-- Checked in the indicator's unit, where a mistake in scale shows: harmonized values (stated
-- and interpolated, their interval ends included) and national targets stated in the
-- indicator's unit. The ranges are `plausible: [low, high]` in data/catalog/indicators.yaml.
SELECT 'harmonized' AS source_table, h.province_id, h.indicator_id, h.year, h.kind,
       h.method, h.value, h.value_low, h.value_high, h.unit,
       i.plausible_low, i.plausible_high, h.obs_ids AS provenance
FROM harmonized AS h
JOIN indicators AS i USING (indicator_id)
WHERE h.value < i.plausible_low OR h.value > i.plausible_high
   OR h.value_low < i.plausible_low OR h.value_high > i.plausible_high
UNION ALL
SELECT 'national_targets', NULL, n.indicator_id, n.year, n.kind, NULL, n.value, NULL,
       n.value_high, n.unit, i.plausible_low, i.plausible_high,
       'national_targets.csv line ' || n.source_line
FROM national_targets AS n
JOIN indicators AS i USING (indicator_id)
WHERE n.comparator <> 'relative' AND n.unit = i.unit
  AND (n.value < i.plausible_low OR n.value > i.plausible_high
       OR n.value_high > i.plausible_high)
ORDER BY source_table, indicator_id, province_id, year;
