-- Question: Where must Lai Châu's year-by-year path to 2030 speed up, i.e. where does the yearly change its plan requires grow from one milestone to the next?
-- Câu hỏi: Ở chỉ số nào lộ trình hằng năm của Lai Châu đến năm 2030 phải tăng tốc, tức là mức thay đổi mỗi năm mà kế hoạch đòi hỏi lớn hơn năm trước?
--
-- Uses the values Lai Châu's plans state for 2025–2030 (the 2025 result and the yearly
-- milestones of the 2026–2030 appendix; interpolated years left out), one per year (a target
-- before a milestone, an actual, a baseline). The change per year between two stated points
-- is compared with the change per year of the step before; rounding noise below 0.001 is
-- ignored.
WITH points AS (
    SELECT indicator_id, year, kind, value
    FROM harmonized
    WHERE province_id = 'lai_chau' AND method = 'stated' AND year BETWEEN 2025 AND 2030
    QUALIFY row_number() OVER (
        PARTITION BY indicator_id, year
        ORDER BY CASE kind WHEN 'target' THEN 0 WHEN 'trajectory' THEN 1
                           WHEN 'actual' THEN 2 ELSE 3 END) = 1
),
steps AS (
    SELECT indicator_id, year, value,
           lag(year) OVER w AS from_year,
           lag(value) OVER w AS from_value,
           (value - lag(value) OVER w) / (year - lag(year) OVER w) AS change_per_year
    FROM points
    WINDOW w AS (PARTITION BY indicator_id ORDER BY year)
),
paced AS (
    SELECT *, lag(change_per_year) OVER (PARTITION BY indicator_id ORDER BY year)
                  AS previous_change_per_year
    FROM steps
)
SELECT p.indicator_id, i.name_vi AS indicator_name_vi, p.from_year, p.year,
       p.from_value, p.value, round(p.previous_change_per_year, 4) AS previous_change_per_year,
       round(p.change_per_year, 4) AS change_per_year
FROM paced AS p
JOIN indicators AS i USING (indicator_id)
WHERE p.change_per_year > p.previous_change_per_year + 0.001
ORDER BY p.indicator_id, p.year;
