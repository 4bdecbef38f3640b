-- name: category_counts
-- returns: one row per category (B+H+A, H+A only, agent failure, no metrics) in that order, with
-- its dataset rows, their share in percent and whether the category is evaluable; the rows sum to
-- the rows of dataset
SELECT k.category_rank, k.category, count(c.category) AS rows,
       round(100.0 * count(c.category) / nullif((SELECT count(*) FROM dataset), 0), 1) AS percent,
       k.evaluable
FROM category_ranks k
LEFT JOIN commit_categories c USING (category)
GROUP BY ALL
ORDER BY k.category_rank;
