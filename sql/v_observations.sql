-- v_observations: Every observation with its document, province and indicator names, for reading and filtering without joins
-- vi: Mọi giá trị trích xuất kèm tên văn bản, tên tỉnh và tên chỉ tiêu, để đọc và lọc không cần nối bảng.
--
-- One row per row of `observations` (LEFT JOINs: an observation whose document, province or
-- indicator were missing from the catalogue would still show, with NULL names; the check
-- schema_references, from sql/schema.yaml, reports such rows). `value` is the number as
-- written, in the unit the document used (`unit`); `indicator_unit` is the unit comparisons
-- use.
CREATE OR REPLACE VIEW v_observations AS
SELECT
    o.obs_id,
    o.province_id,
    p.name_vi AS province_name_vi,
    p.name_en AS province_name_en,
    o.indicator_id,
    i.name_vi AS indicator_name_vi,
    i.name_en AS indicator_name_en,
    i.domain,
    i.direction,
    o.kind,
    o.year,
    o.comparator,
    o.value,
    o.value_high,
    o.unit,
    i.unit AS indicator_unit,
    o.relative_to,
    o.doc_id,
    d.title AS doc_title,
    d.doc_number,
    d.issued_on,
    d.source_file,
    o.line,
    o.quote,
    o.value_text,
    o.statement_id,
    o.source,
    o.ledger_reason
FROM observations AS o
LEFT JOIN documents AS d USING (doc_id)
LEFT JOIN provinces AS p ON p.province_id = o.province_id
LEFT JOIN indicators AS i ON i.indicator_id = o.indicator_id
ORDER BY o.province_id, o.indicator_id, o.year, o.doc_id, o.line, o.obs_id;
