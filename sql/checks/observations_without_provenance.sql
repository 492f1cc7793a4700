-- observations_without_provenance: Observations that cannot be traced to their source: no document, a line outside the file, no quote, or a quote that does not contain the number.
-- vi: Giá trị không truy được nguồn: thiếu văn bản, số dòng nằm ngoài tệp, thiếu trích dẫn, hoặc trích dẫn không chứa con số.
-- level: error
--
-- Every observation must name its document (one in `documents`), the 1-based line of the raw
-- file where its number stands, that line quoted, the number as written (`value_text`)
-- inside the quote, and the statement it was read from.
SELECT o.obs_id, o.doc_id, o.line, d.n_lines, o.statement_id, o.value_text, o.quote,
       CASE
           WHEN o.doc_id IS NULL THEN 'no document'
           WHEN d.doc_id IS NULL THEN 'document not in documents'
           WHEN o.line IS NULL THEN 'no line'
           WHEN o.line < 1 OR o.line > d.n_lines THEN 'line outside the file'
           WHEN o.quote IS NULL OR trim(o.quote) = '' THEN 'no quote'
           WHEN o.value_text IS NULL OR trim(o.value_text) = '' THEN 'no value as written'
           WHEN strpos(o.quote, o.value_text) = 0 THEN 'quote does not contain the value'
           WHEN o.statement_id IS NULL THEN 'no statement'
           ELSE 'statement not in statements'
       END AS problem
FROM observations AS o
LEFT JOIN documents AS d USING (doc_id)
LEFT JOIN statements AS s USING (statement_id)
WHERE o.doc_id IS NULL OR d.doc_id IS NULL
   OR o.line IS NULL OR o.line < 1 OR o.line > d.n_lines
   OR o.quote IS NULL OR trim(o.quote) = ''
   OR o.value_text IS NULL OR trim(o.value_text) = ''
   OR strpos(o.quote, o.value_text) = 0
   OR o.statement_id IS NULL OR s.statement_id IS NULL
ORDER BY o.obs_id;
