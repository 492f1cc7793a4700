-- v_coverage: Which province sets a target for which indicator, with the national benchmark's years beside it
-- vi: Tỉnh nào đặt chỉ tiêu cho chỉ số nào, kèm các năm có chỉ tiêu quốc gia tương ứng.
--
-- One row per indicator × province that has a plan in `documents`, for every indicator that
-- some province or the national reference targets. A province "has a target" when one of its
-- observations is of kind `target` or `trajectory` (relative targets included, baselines and
-- actuals not). The national reference is a benchmark: it appears in the columns
-- `has_national_target`, `national_years` and `national_sources`, never as a province row.
-- `n_provinces` counts the provinces targeting the indicator (so `n_provinces = 1` lists the
-- indicators only one province targets).
CREATE OR REPLACE VIEW v_coverage AS
WITH plan_provinces AS (
    SELECT DISTINCT province_id FROM documents
),
targets AS (
    SELECT
        province_id,
        indicator_id,
        string_agg(DISTINCT CAST(year AS VARCHAR), ', ' ORDER BY CAST(year AS VARCHAR))
            AS target_years,
        min(year) AS first_target_year,
        max(year) AS last_target_year,
        count(*) AS n_observations,
        string_agg(DISTINCT doc_id, ', ' ORDER BY doc_id) AS doc_ids
    FROM observations
    WHERE kind IN ('target', 'trajectory')
    GROUP BY province_id, indicator_id
),
national AS (
    SELECT
        indicator_id,
        string_agg(DISTINCT CAST(year AS VARCHAR), ', ' ORDER BY CAST(year AS VARCHAR))
            AS national_years,
        string_agg(DISTINCT source_doc, '; ' ORDER BY source_doc) AS national_sources
    FROM national_targets
    WHERE kind = 'target'
    GROUP BY indicator_id
),
counts AS (
    SELECT indicator_id, count(DISTINCT province_id) AS n_provinces
    FROM targets
    GROUP BY indicator_id
),
covered AS (
    SELECT indicator_id FROM targets
    UNION
    SELECT indicator_id FROM national
)
SELECT
    c.indicator_id,
    i.name_vi AS indicator_name_vi,
    i.name_en AS indicator_name_en,
    i.domain,
    pp.province_id,
    p.name_vi AS province_name_vi,
    p.name_en AS province_name_en,
    t.indicator_id IS NOT NULL AS has_target,
    t.target_years,
    t.first_target_year,
    t.last_target_year,
    coalesce(t.n_observations, 0) AS n_observations,
    t.doc_ids,
    coalesce(n.n_provinces, 0) AS n_provinces,
    nat.indicator_id IS NOT NULL AS has_national_target,
    nat.national_years,
    nat.national_sources
FROM covered AS c
CROSS JOIN plan_provinces AS pp
LEFT JOIN indicators AS i ON i.indicator_id = c.indicator_id
LEFT JOIN provinces AS p ON p.province_id = pp.province_id
LEFT JOIN targets AS t ON t.indicator_id = c.indicator_id AND t.province_id = pp.province_id
LEFT JOIN counts AS n ON n.indicator_id = c.indicator_id
LEFT JOIN national AS nat ON nat.indicator_id = c.indicator_id
ORDER BY i.domain, c.indicator_id, pp.province_id;
