-- name: row_fill_by_category
-- returns: average filled columns (of 76) per group of dataset rows — first the two evaluability
-- groups (group_kind 'evaluable': evaluable, non-evaluable), then the four categories (group_kind
-- 'category') in rank order; avg_filled is rounded to one decimal, fill_percent to whole percent
WITH groups AS (
    SELECT 'evaluable' AS group_kind, CASE WHEN evaluable THEN 1 ELSE 2 END AS rank,
           CASE WHEN evaluable THEN 'evaluable' ELSE 'non-evaluable' END AS name,
           filled_columns, total_columns
    FROM row_fill
    UNION ALL
    SELECT 'category', k.category_rank, k.category, f.filled_columns, f.total_columns
    FROM category_ranks k
    LEFT JOIN row_fill f USING (category)
)
SELECT group_kind, name, count(filled_columns) AS rows,
       round(avg(filled_columns), 1) AS avg_filled,
       76 AS total_columns,
       round(100.0 * avg(filled_columns) / 76) AS fill_percent
FROM groups
GROUP BY group_kind, name
ORDER BY CASE group_kind WHEN 'evaluable' THEN 1 ELSE 2 END, min(rank);
