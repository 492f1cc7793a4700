-- Question: What does each province plan for 2030, side by side with the national target (one column per province)?
-- Câu hỏi: Mỗi tỉnh đặt chỉ tiêu gì cho năm 2030, đặt cạnh chỉ tiêu quốc gia (mỗi tỉnh một cột)?
--
-- The table macro comparison_matrix(year) gives the matrix in long form; PIVOT turns it into
-- one column per province (NULL: no value for 2030 — a plan that does not reach 2030 is never
-- carried forward). Only indicators with a national 2030 target are kept.
PIVOT (
    SELECT indicator_id, unit, national_value, province_id, value
    FROM comparison_matrix(2030)
    WHERE national_value IS NOT NULL
)
ON province_id
USING first(value)
ORDER BY indicator_id;
