-- v_pace: The yearly change each province's plan requires from its baseline to its target, next to the yearly change the national targets require to the same year
-- vi: Mức thay đổi bình quân mỗi năm mà kế hoạch của tỉnh đòi hỏi, từ giá trị gốc đến chỉ tiêu, bên cạnh mức thay đổi mà chỉ tiêu quốc gia đòi hỏi đến cùng năm.
--
-- A thin view over the table `pace`, computed by vnhealth.harmonize.frames.required_pace() at build.
-- Rules:
-- * Province: baseline = the earliest baseline/actual the plans state, target = the latest
--   target; `pace_per_year` = (target_value − baseline_value) / (target_year − baseline_year),
--   in the indicator's unit. `pace_status` says why a pace is missing ('no baseline stated',
--   'no target stated', 'target not after baseline').
-- * National: from the latest national `actual` before the province's target year to the
--   national target for that year (the most recent source when two disagree);
--   `national_pace_per_year` is NULL when the reference has no such pair.
-- * `steeper_than_national`: the plan asks for more yearly progress in the indicator's good
--   direction than the national targets do (NULL for band indicators or without both paces).
-- * `reform_note`: set when baseline and target years lie on both sides of the province's
--   2025 change.
CREATE OR REPLACE VIEW v_pace AS
SELECT
    t.province_id,
    p.name_vi AS province_name_vi,
    p.name_en AS province_name_en,
    t.indicator_id,
    i.name_vi AS indicator_name_vi,
    i.name_en AS indicator_name_en,
    i.domain,
    t.direction,
    t.unit,
    t.baseline_year,
    t.baseline_kind,
    t.baseline_value,
    t.target_year,
    t.target_comparator,
    t.target_value,
    t.years,
    t.pace_per_year,
    t.pace_status,
    t.national_baseline_year,
    t.national_baseline_value,
    t.national_target_value,
    t.national_pace_per_year,
    t.steeper_than_national,
    t.national_source,
    t.reform_note,
    t.baseline_obs_ids,
    t.target_obs_ids
FROM pace AS t
LEFT JOIN provinces AS p ON p.province_id = t.province_id
LEFT JOIN indicators AS i ON i.indicator_id = t.indicator_id
ORDER BY t.indicator_id, t.province_id;
