-- Question: How do Lào Cai's 2024 targets compare with the national targets for 2030, and what must a reader know about that comparison?
-- Câu hỏi: Chỉ tiêu năm 2024 của Lào Cai so với chỉ tiêu quốc gia năm 2030 thế nào, và người đọc cần lưu ý gì khi so sánh?
--
-- Lào Cai's plan is for 2024 only: its 2030 value is 'missing' (never carried forward). The
-- 2024 target is shown as the nearest stated target and compared with the 2030 benchmark
-- explicitly (nearest_gap), with the reform note: Lào Cai merged with Yên Bái on 1 July 2025,
-- so a 2024 figure describes the old province.
SELECT indicator_id, indicator_name_vi, method AS method_2030, nearest_year,
       nearest_value, national_comparator, national_value AS national_2030, nearest_gap,
       nearest_ahead, reform_note
FROM v_gaps
WHERE province_id = 'lao_cai' AND year = 2030
ORDER BY indicator_id;
