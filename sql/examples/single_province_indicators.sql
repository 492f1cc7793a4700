-- Question: Which indicators does only one province target, and does the national reference set a target for them?
-- Câu hỏi: Những chỉ số nào chỉ có một tỉnh đặt chỉ tiêu, và quốc gia có chỉ tiêu cho các chỉ số đó không?
--
-- From v_coverage: a province targets an indicator when its plans set a target or a yearly
-- milestone for it (baselines do not count). Indicators with a national benchmark first:
-- there, the other provinces' silence is a gap against a national goal.
SELECT indicator_id, indicator_name_vi, domain, province_id, target_years,
       has_national_target, national_years
FROM v_coverage
WHERE has_target AND n_provinces = 1
ORDER BY has_national_target DESC, domain, indicator_id;
