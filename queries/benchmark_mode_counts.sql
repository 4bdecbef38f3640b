-- name: benchmark_mode_counts
-- returns: one row per benchmark_mode of dataset (NULL for rows without one) with its rows and
-- share in percent, most rows first, then by mode with NULL last
SELECT benchmark_mode, rows, percent
FROM benchmark_mode_counts
ORDER BY rows DESC, benchmark_mode NULLS LAST;
