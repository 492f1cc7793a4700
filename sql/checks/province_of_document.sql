-- province_of_document: Rows whose province is not the document's, unless the text names that province as the value's.
-- vi: Dòng có tỉnh khác với tỉnh của văn bản nguồn mà văn bản không nêu tên tỉnh đó cho giá trị.
-- level: error
--
-- Every value of a document belongs to the document's province (a national value quoted for
-- comparison is not a province value), unless the text names another province as the value's
-- (province_basis 'named': "Lai Châu 65,8 tuổi; Kon Tum 66,8 tuổi", a table row by province);
-- such a value is never the document's own province's. That ids exist at all is the generic
-- check schema_references (sql/schema.yaml `references`).
SELECT 'observations' AS source_table, o.obs_id AS row_id, o.province_id,
       d.province_id AS document_province_id
FROM observations AS o JOIN documents AS d USING (doc_id)
WHERE (o.province_id IS DISTINCT FROM d.province_id) IS DISTINCT FROM (o.province_basis = 'named')
UNION ALL
SELECT 'quarantine', q.obs_id, q.province_id, d.province_id
FROM quarantine AS q JOIN documents AS d USING (doc_id)
WHERE (q.province_id IS DISTINCT FROM d.province_id) IS DISTINCT FROM (q.province_basis = 'named')
UNION ALL
SELECT 'qualitative_targets', q.qual_id, q.province_id, d.province_id
FROM qualitative_targets AS q JOIN documents AS d USING (doc_id)
WHERE q.province_id IS DISTINCT FROM d.province_id
ORDER BY source_table, row_id;
