-- Question: Which provinces plan a 2030 life expectancy below the national target of 75.5 years, and by how much?
-- Câu hỏi: Những tỉnh nào đặt chỉ tiêu tuổi thọ trung bình năm 2030 thấp hơn chỉ tiêu quốc gia 75,5 tuổi, thấp hơn bao nhiêu?
--
-- v_gaps compares each province's 2030 value with the national target for 2030 (Resolution
-- 72-NQ/TW). Provinces whose plans do not reach 2030 have no 2030 value (method 'missing') and
-- are not listed: their value is never carried forward.
SELECT province_id, province_name_vi, value AS life_expectancy_2030, national_value,
       gap, national_source, obs_ids
FROM v_gaps
WHERE indicator_id = 'life_expectancy' AND year = 2030 AND value < national_value
ORDER BY gap;
