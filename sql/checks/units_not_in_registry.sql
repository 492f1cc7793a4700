-- units_not_in_registry: Units used anywhere in the warehouse that the unit registry (data/catalog/units.yaml) does not declare.
-- vi: Đơn vị được dùng trong kho dữ liệu nhưng không có trong danh mục đơn vị (data/catalog/units.yaml).
-- level: error
--
-- Conversions happen only through the registry, so an undeclared unit is a value that can
-- never be compared. An observation without a unit is allowed (the indicator's unit is then
-- assumed and flagged by the library); the catalogue and the national reference must always
-- state one.
WITH used AS (
    SELECT 'observations' AS source_table, obs_id AS row_id, unit FROM observations
    WHERE unit IS NOT NULL
    UNION ALL SELECT 'indicators', indicator_id, unit FROM indicators
    UNION ALL
    SELECT 'national_targets', 'line ' || source_line, unit FROM national_targets
    UNION ALL
    SELECT 'harmonized', concat_ws(':', province_id, indicator_id, year, kind), unit
    FROM harmonized
    UNION ALL SELECT 'pace', concat_ws(':', province_id, indicator_id), unit FROM pace
)
SELECT u.source_table, u.row_id, u.unit
FROM used AS u
LEFT JOIN units AS r ON r.unit_id = u.unit
WHERE r.unit_id IS NULL
ORDER BY u.source_table, u.row_id;
