-- unknown_references: Rows that point to a province, indicator or document the warehouse does not have, or to the wrong province.
-- vi: Dòng tham chiếu đến tỉnh, chỉ số hoặc văn bản không có trong kho dữ liệu, hoặc sai tỉnh.
-- level: error
--
-- Each observation's province must be its document's province; every id must exist in its
-- table (provinces, indicators, documents), including the national benchmark's indicators
-- and each province's successor.
SELECT 'observations' AS source_table, o.obs_id AS row_id, 'province_id' AS column_name,
       o.province_id AS value
FROM observations AS o LEFT JOIN provinces AS p USING (province_id)
WHERE p.province_id IS NULL
UNION ALL
SELECT 'observations', o.obs_id, 'indicator_id', o.indicator_id
FROM observations AS o LEFT JOIN indicators AS i USING (indicator_id)
WHERE i.indicator_id IS NULL
UNION ALL
SELECT 'observations', o.obs_id, 'province_id (document is of ' || d.province_id || ')',
       o.province_id
FROM observations AS o JOIN documents AS d USING (doc_id)
WHERE o.province_id <> d.province_id
UNION ALL
SELECT 'documents', d.doc_id, 'province_id', d.province_id
FROM documents AS d LEFT JOIN provinces AS p USING (province_id)
WHERE p.province_id IS NULL
UNION ALL
SELECT 'statements', s.statement_id, 'doc_id', s.doc_id
FROM statements AS s LEFT JOIN documents AS d USING (doc_id)
WHERE d.doc_id IS NULL
UNION ALL
SELECT 'qualitative_targets', q.qual_id, 'doc_id', q.doc_id
FROM qualitative_targets AS q LEFT JOIN documents AS d USING (doc_id)
WHERE d.doc_id IS NULL
UNION ALL
SELECT 'national_targets', 'line ' || n.source_line, 'indicator_id', n.indicator_id
FROM national_targets AS n LEFT JOIN indicators AS i USING (indicator_id)
WHERE i.indicator_id IS NULL
UNION ALL
SELECT 'provinces', p.province_id, 'successor_id', p.successor_id
FROM provinces AS p LEFT JOIN provinces AS s ON s.province_id = p.successor_id
WHERE p.successor_id IS NOT NULL AND s.province_id IS NULL
UNION ALL
SELECT 'harmonized', concat_ws(':', h.province_id, h.indicator_id, h.year, h.kind),
       'province_id/indicator_id', h.province_id || '/' || h.indicator_id
FROM harmonized AS h
LEFT JOIN provinces AS p USING (province_id)
LEFT JOIN indicators AS i USING (indicator_id)
WHERE p.province_id IS NULL OR i.indicator_id IS NULL
ORDER BY source_table, row_id;
