-- Question: Which provincial plans require faster yearly progress than the national targets require over the same years?
-- Câu hỏi: Kế hoạch nào của tỉnh đòi hỏi tiến bộ hằng năm nhanh hơn mức mà chỉ tiêu quốc gia đòi hỏi trong cùng giai đoạn?
--
-- From v_pace: the province's yearly change from its baseline to its latest target, next to
-- the national yearly change from the latest national result before that year to the
-- national target for the same year.
SELECT province_id, indicator_id, indicator_name_vi, baseline_year, baseline_value,
       target_year, target_value, round(pace_per_year, 4) AS pace_per_year,
       national_baseline_value, national_target_value,
       round(national_pace_per_year, 4) AS national_pace_per_year
FROM v_pace
WHERE steeper_than_national
ORDER BY province_id, indicator_id;
