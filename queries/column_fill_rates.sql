-- name: column_fill_rates
-- returns: one row per dataset column in DESIGN order: position, column_name, filled_rows,
-- total_rows and fill_percent (one decimal); a NULL, an empty text and an empty list are unfilled
SELECT position, column_name, filled_rows, total_rows, fill_percent
FROM column_fill_rates
ORDER BY position;
