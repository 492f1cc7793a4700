-- Question: How many doctors per commune health station do the provinces aim for in 2027, against the national 4–5?
-- Câu hỏi: Các tỉnh đặt mục tiêu bao nhiêu bác sĩ mỗi trạm y tế xã vào năm 2027, so với mức quốc gia 4–5 bác sĩ?
--
-- Ranges are compared by their midpoints (4–5 → 4.5), their ends kept in value_low and
-- value_high.
SELECT province_id, province_name_vi, kind, value_low, value_high, value,
       national_value, gap, assessment, obs_ids
FROM v_gaps
WHERE indicator_id = 'doctors_per_station' AND year = 2027 AND value IS NOT NULL
ORDER BY province_id;
