-- duplicate_keys: Keys that are missing or not unique, in every table that has one.
-- vi: Khóa bị thiếu hoặc bị trùng trong các bảng có khóa.
-- level: error
--
-- Keys: provinces.province_id, units.unit_id, indicators.indicator_id, documents.doc_id and
-- source_file, statements.statement_id, observations.obs_id, qualitative_targets.qual_id;
-- harmonized and comparison: province × indicator × year × kind; pace: province × indicator;
-- national_targets: indicator × kind × year × comparator × source.
WITH keys AS (
    SELECT 'provinces' AS source_table, province_id AS key FROM provinces
    UNION ALL SELECT 'units', unit_id FROM units
    UNION ALL SELECT 'indicators', indicator_id FROM indicators
    UNION ALL SELECT 'documents', doc_id FROM documents
    UNION ALL SELECT 'documents.source_file', source_file FROM documents
    UNION ALL SELECT 'statements', statement_id FROM statements
    UNION ALL SELECT 'observations', obs_id FROM observations
    UNION ALL SELECT 'qualitative_targets', qual_id FROM qualitative_targets
    UNION ALL
    SELECT 'harmonized', concat_ws(' | ', province_id, indicator_id, year, kind) FROM harmonized
    UNION ALL
    SELECT 'comparison', concat_ws(' | ', province_id, indicator_id, year, kind) FROM comparison
    UNION ALL SELECT 'pace', concat_ws(' | ', province_id, indicator_id) FROM pace
    UNION ALL
    SELECT 'national_targets',
           concat_ws(' | ', indicator_id, kind, year, comparator, source_doc)
    FROM national_targets
)
SELECT source_table, key, count(*) AS n_rows,
       CASE WHEN key IS NULL OR key = '' THEN 'missing key' ELSE 'duplicate key' END AS problem
FROM keys
GROUP BY source_table, key
HAVING key IS NULL OR key = '' OR count(*) > 1
ORDER BY source_table, key;
