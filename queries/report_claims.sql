-- name: report_claims
-- returns: one row per number a document may claim about the dataset (claim, description, value):
-- the one place that maps a claim's name to its computed value. `triad report --claims FILE`
-- checks each claim,expected line of FILE against it. Ordered: totals, categories, benchmark
-- modes (mode_<mode>, mode_null), data sources (source_<source>)
WITH claims AS (
    SELECT 1 AS claim_rank, 'total_rows' AS claim, 'rows of the dataset' AS description,
           (SELECT count(*) FROM dataset) AS value
    UNION ALL SELECT 2, 'commits', 'distinct commits', (SELECT count(DISTINCT coalesce(commit_hash, commit_short)) FROM dataset)
    UNION ALL SELECT 3, 'valid_3way', 'rows with baseline, human and agent metrics (B+H+A)',
                     (SELECT count_if(category = 'B+H+A') FROM commit_categories)
    UNION ALL SELECT 4, 'h_a_only', 'rows with human and agent metrics but no baseline',
                     (SELECT count_if(category = 'H+A only') FROM commit_categories)
    UNION ALL SELECT 5, 'agent_failures', 'rows with human metrics but no agent metrics',
                     (SELECT count_if(category = 'agent failure') FROM commit_categories)
    UNION ALL SELECT 6, 'no_metrics', 'rows without human metrics',
                     (SELECT count_if(category = 'no metrics') FROM commit_categories)
    UNION ALL SELECT 7, 'evaluable', 'rows with human metrics (valid 3-way + H+A only + agent failures)',
                     (SELECT count_if(evaluable) FROM commit_categories)
    UNION ALL
    SELECT 10, 'mode_' || coalesce(benchmark_mode, 'null'), 'rows whose benchmark_mode is ' || coalesce(benchmark_mode, 'NULL'), rows
    FROM benchmark_mode_counts
    UNION ALL
    SELECT 20 + source_rank, 'source_' || data_source, 'rows whose data_source is ' || data_source, rows
    FROM data_source_counts
)
SELECT claim, description, value
FROM claims
ORDER BY claim_rank, claim;
