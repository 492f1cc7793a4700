-- Question: Which provincial targets for 2025 are behind the national target for 2025?
-- Câu hỏi: Những chỉ tiêu năm 2025 nào của các tỉnh thấp hơn (kém hơn) chỉ tiêu quốc gia năm 2025?
--
-- "Behind" is direction-aware: a lower value for indicators where higher is better, a higher
-- value where lower is better (infant mortality). Only the plans' targets are compared here,
-- not their reported 2025 results (kind = 'baseline').
SELECT province_id, indicator_id, indicator_name_vi, comparator, value, unit,
       national_comparator, national_value, gap, national_source
FROM v_gaps
WHERE year = 2025 AND kind = 'target' AND NOT ahead AND assessment = 'behind national'
ORDER BY province_id, indicator_id;
