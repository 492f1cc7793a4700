-- national_without_source: National benchmark rows without their source document, source URL, indicator or value.
-- vi: Dòng chỉ tiêu quốc gia thiếu văn bản nguồn, đường dẫn nguồn, chỉ số hoặc giá trị.
-- level: error
--
-- A national value is only a benchmark when one can see where it comes from: each row keeps
-- the resolution or decision (`source_doc`) and a public page (`source_url`).
SELECT source_line, indicator_id, kind, year, comparator, value, source_doc, source_url,
       CASE
           WHEN indicator_id IS NULL THEN 'no indicator'
           WHEN value IS NULL THEN 'no value'
           WHEN source_doc IS NULL OR trim(source_doc) = '' THEN 'no source document'
           ELSE 'no source URL'
       END AS problem
FROM national_targets
WHERE indicator_id IS NULL OR value IS NULL
   OR source_doc IS NULL OR trim(source_doc) = ''
   OR source_url IS NULL OR trim(source_url) = ''
ORDER BY source_line;
