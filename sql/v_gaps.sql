-- v_gaps: Each province's value per indicator and year beside the national target for that year: gap (in the indicator's unit) and whether the province is ahead
-- vi: Giá trị của tỉnh theo chỉ số và năm so với chỉ tiêu quốc gia cùng năm: chênh lệch (theo đơn vị của chỉ số) và tỉnh có vượt hay không.
--
-- A thin view over the table `comparison`, which the build computes with
-- vnhealth.harmonize.frames.compare() on the `harmonized` table, so SQL and notebooks agree.
-- Rules:
-- * Rows: one per province × indicator × year that has a national target (kind `target`,
--   comparator not `relative`), including years the plan does not reach (`method` = 'missing',
--   `value` NULL: never carried forward). Where a province states several kinds for one year,
--   the plan's target is shown before a yearly milestone, an actual, then a baseline (`kind`).
-- * `value`, `national_value`: representative values in the indicator's unit (a bound as
--   written, the midpoint of a range). `gap` = value − national_value. `ahead` is direction
--   aware: higher value for higher_is_better, lower for lower_is_better, closer to the band for
--   band indicators; at an equal value the stricter comparator ("trên 95%" over "đạt 95%") is
--   ahead. NULL when the province has no value for the year.
-- * Several national documents for one indicator × year (life expectancy 2025: Resolution
--   20-NQ/TW and the National Assembly's 2021–2025 plan; doctors per 10,000 in 2025: Decision
--   201/QĐ-TTg and the same plan): `national_value` comes from the most recent document (the
--   date written in its `source_doc`), `national_source` lists every source, most recent
--   first, `national_statements` every value with its source, and `national_conflict` says
--   whether they disagree.
-- * `nearest_*`: the plan's stated target (or milestone) nearest to the year, compared with the
--   same national value (`nearest_gap`, `nearest_ahead`): a cross-year comparison, explicit.
-- * `reform_note`: set when the years involved (the row's year, its interpolation anchors, its
--   nearest target) lie on both sides of the province's 2025 change (Lào Cai merged with Yên
--   Bái on 1 July 2025; Thừa Thiên Huế became Huế on 1 January 2025).
CREATE OR REPLACE VIEW v_gaps AS
SELECT
    c.province_id,
    p.name_vi AS province_name_vi,
    p.name_en AS province_name_en,
    c.indicator_id,
    i.name_vi AS indicator_name_vi,
    i.name_en AS indicator_name_en,
    i.domain,
    c.direction,
    c.unit,
    c.year,
    c.kind,
    c.method,
    c.comparator,
    c.value,
    c.value_low,
    c.value_high,
    c.national_comparator,
    c.national_value,
    c.gap,
    c.better_by,
    c.ahead,
    c.assessment,
    c.national_source,
    c.national_conflict,
    c.national_statements,
    c.nearest_year,
    c.nearest_value,
    c.nearest_gap,
    c.nearest_ahead,
    c.reform_note,
    c.anchor_year_before,
    c.anchor_year_after,
    c.obs_ids,
    c.doc_ids
FROM comparison AS c
LEFT JOIN provinces AS p ON p.province_id = c.province_id
LEFT JOIN indicators AS i ON i.indicator_id = c.indicator_id
WHERE c.is_primary AND c.national_value IS NOT NULL
ORDER BY c.indicator_id, c.year, c.province_id;
