-- name: data_source_counts
-- returns: one row per data_source in merge-rule order (modal, merged, separate, docker, then any
-- other value), with rows, share in percent and a description; sources without rows show 0
SELECT data_source, rows, percent, description
FROM data_source_counts
ORDER BY source_rank, data_source;
