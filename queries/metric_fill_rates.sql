-- name: metric_fill_rates
-- returns: the 33 metric columns (variant × metric) with filled_rows, total_rows and fill_percent,
-- highest fill first, then in dataset column order
SELECT c.column_name, split_part(c.column_name, '_', 1) AS variant,
       substr(c.column_name, length(split_part(c.column_name, '_', 1)) + 2) AS metric,
       c.filled_rows, c.total_rows, c.fill_percent
FROM column_fill_rates c
WHERE c.position BETWEEN 18 AND 50
ORDER BY c.filled_rows DESC, c.position;
