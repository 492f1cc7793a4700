-- comparison_matrix: Table macro comparison_matrix(for_year): every indicator × province for one year, with the national target beside it (the comparison matrix in long form)
-- vi: Macro bảng comparison_matrix(năm): mọi chỉ số × tỉnh trong một năm, kèm chỉ tiêu quốc gia (ma trận so sánh, dạng dài).
--
-- Usage: SELECT * FROM comparison_matrix(2030);
-- Wide form (one column per province), in an ad-hoc query:
--   PIVOT (SELECT indicator_id, national_value, province_id, value FROM comparison_matrix(2030))
--   ON province_id USING first(value);
-- Rules: the same rows as v_gaps for that year (one per province × indicator, the plan's target
-- before a milestone, an actual, a baseline), but for every indicator a province states at
-- some point, with or without a national target. A year the plan does not reach is
-- `missing`, never carried; the nearest stated target is in `nearest_*`, with a `reform_note`
-- when it lies across the province's 2025 change. PIVOT in a macro needs its province list
-- written out, which would go stale when a province is added; hence the long form.
CREATE OR REPLACE MACRO comparison_matrix(for_year) AS TABLE
SELECT
    c.indicator_id,
    i.name_vi AS indicator_name_vi,
    i.name_en AS indicator_name_en,
    i.domain,
    c.direction,
    c.unit,
    c.year,
    c.province_id,
    p.name_vi AS province_name_vi,
    c.kind,
    c.method,
    c.comparator,
    c.value,
    c.value_low,
    c.value_high,
    c.national_comparator,
    c.national_value,
    c.gap,
    c.ahead,
    c.assessment,
    c.national_source,
    c.nearest_year,
    c.nearest_value,
    c.nearest_gap,
    c.reform_note
FROM comparison AS c
LEFT JOIN provinces AS p ON p.province_id = c.province_id
LEFT JOIN indicators AS i ON i.indicator_id = c.indicator_id
WHERE c.is_primary AND c.year = for_year
ORDER BY i.domain, c.indicator_id, c.province_id;
