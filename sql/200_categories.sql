-- name: categories and fill rates
-- defines: commit_categories (per dataset row: row_key, has_b, has_h, has_a, category, evaluable),
-- dataset_categorized (the dataset's rows with those columns appended),
-- category_ranks, dataset_cells (per row and column: filled or not), row_fill, column_fill_rates,
-- benchmark_mode_counts and data_source_counts. They read the rule-set-independent view dataset.

-- The four categories in report order. Evaluable = the human variant has metrics.
CREATE OR REPLACE VIEW category_ranks AS
SELECT * FROM (VALUES
    (1, 'B+H+A',         true,  'baseline, human and agent metrics: a valid 3-way comparison'),
    (2, 'H+A only',      true,  'human and agent metrics without a baseline'),
    (3, 'agent failure', true,  'human metrics, no agent metrics'),
    (4, 'no metrics',    false, 'no human metrics')
) AS t(category_rank, category, evaluable, description);

CREATE OR REPLACE TABLE commit_categories AS
WITH flags AS (
    SELECT dataset_row_key(commit_hash, commit_short, agent_name, agent_model) AS row_key,
           commit_hash, commit_short, agent_name, agent_model, data_source, benchmark_mode,
           has_any_metric(baseline_ttft_mean, baseline_ttft_median, baseline_ttft_p99, baseline_tpot_mean,
                          baseline_tpot_median, baseline_tpot_p99, baseline_itl_mean, baseline_itl_median,
                          baseline_itl_p99, baseline_latency_avg, baseline_throughput) AS has_b,
           has_any_metric(human_ttft_mean, human_ttft_median, human_ttft_p99, human_tpot_mean,
                          human_tpot_median, human_tpot_p99, human_itl_mean, human_itl_median,
                          human_itl_p99, human_latency_avg, human_throughput) AS has_h,
           has_any_metric(agent_ttft_mean, agent_ttft_median, agent_ttft_p99, agent_tpot_mean,
                          agent_tpot_median, agent_tpot_p99, agent_itl_mean, agent_itl_median,
                          agent_itl_p99, agent_latency_avg, agent_throughput) AS has_a
    FROM dataset
)
SELECT f.*,
       CASE
           WHEN f.has_b AND f.has_h AND f.has_a THEN 'B+H+A'
           WHEN f.has_h AND f.has_a THEN 'H+A only'
           WHEN f.has_h THEN 'agent failure'
           ELSE 'no metrics'
       END AS category,
       f.has_h AS evaluable
FROM flags f;

-- The dataset with each row's category: the one place a query joins a row to its category.
CREATE OR REPLACE VIEW dataset_categorized AS
SELECT d.*, c.has_b, c.has_h, c.has_a, c.category, c.evaluable
FROM dataset d
JOIN commit_categories c ON c.row_key = dataset_row_key(d.commit_hash, d.commit_short, d.agent_name, d.agent_model);

-- One row per dataset row and column: is the cell filled (non-NULL; a list or text must also be
-- non-empty)? This is the only place the 76 columns are listed for fill counts.
CREATE OR REPLACE TABLE dataset_cells AS
SELECT commit_hash AS row_commit_hash, commit_short AS row_commit_short,
       agent_name AS row_agent_name, agent_model AS row_agent_model,
       unnest([
        {'position': 1, 'column_name': 'commit_hash', 'filled': coalesce(commit_hash <> '', false)},
        {'position': 2, 'column_name': 'commit_short', 'filled': coalesce(commit_short <> '', false)},
        {'position': 3, 'column_name': 'commit_subject', 'filled': coalesce(commit_subject <> '', false)},
        {'position': 4, 'column_name': 'repo', 'filled': coalesce(repo <> '', false)},
        {'position': 5, 'column_name': 'perf_command', 'filled': coalesce(perf_command <> '', false)},
        {'position': 6, 'column_name': 'files_changed', 'filled': coalesce(len(files_changed) > 0, false)},
        {'position': 7, 'column_name': 'pr_url', 'filled': coalesce(pr_url <> '', false)},
        {'position': 8, 'column_name': 'models', 'filled': coalesce(len(models) > 0, false)},
        {'position': 9, 'column_name': 'parent_commit', 'filled': coalesce(parent_commit <> '', false)},
        {'position': 10, 'column_name': 'gpu_config', 'filled': coalesce(gpu_config <> '', false)},
        {'position': 11, 'column_name': 'benchmark_mode', 'filled': coalesce(benchmark_mode <> '', false)},
        {'position': 12, 'column_name': 'agent_name', 'filled': coalesce(agent_name <> '', false)},
        {'position': 13, 'column_name': 'agent_model', 'filled': coalesce(agent_model <> '', false)},
        {'position': 14, 'column_name': 'benchmark_date', 'filled': coalesce(benchmark_date <> '', false)},
        {'position': 15, 'column_name': 'model', 'filled': coalesce(model <> '', false)},
        {'position': 16, 'column_name': 'has_agent_patch', 'filled': has_agent_patch IS NOT NULL},
        {'position': 17, 'column_name': 'patch_path', 'filled': coalesce(patch_path <> '', false)},
        {'position': 18, 'column_name': 'baseline_ttft_mean', 'filled': baseline_ttft_mean IS NOT NULL},
        {'position': 19, 'column_name': 'baseline_ttft_median', 'filled': baseline_ttft_median IS NOT NULL},
        {'position': 20, 'column_name': 'baseline_ttft_p99', 'filled': baseline_ttft_p99 IS NOT NULL},
        {'position': 21, 'column_name': 'baseline_tpot_mean', 'filled': baseline_tpot_mean IS NOT NULL},
        {'position': 22, 'column_name': 'baseline_tpot_median', 'filled': baseline_tpot_median IS NOT NULL},
        {'position': 23, 'column_name': 'baseline_tpot_p99', 'filled': baseline_tpot_p99 IS NOT NULL},
        {'position': 24, 'column_name': 'baseline_itl_mean', 'filled': baseline_itl_mean IS NOT NULL},
        {'position': 25, 'column_name': 'baseline_itl_median', 'filled': baseline_itl_median IS NOT NULL},
        {'position': 26, 'column_name': 'baseline_itl_p99', 'filled': baseline_itl_p99 IS NOT NULL},
        {'position': 27, 'column_name': 'baseline_latency_avg', 'filled': baseline_latency_avg IS NOT NULL},
        {'position': 28, 'column_name': 'baseline_throughput', 'filled': baseline_throughput IS NOT NULL},
        {'position': 29, 'column_name': 'human_ttft_mean', 'filled': human_ttft_mean IS NOT NULL},
        {'position': 30, 'column_name': 'human_ttft_median', 'filled': human_ttft_median IS NOT NULL},
        {'position': 31, 'column_name': 'human_ttft_p99', 'filled': human_ttft_p99 IS NOT NULL},
        {'position': 32, 'column_name': 'human_tpot_mean', 'filled': human_tpot_mean IS NOT NULL},
        {'position': 33, 'column_name': 'human_tpot_median', 'filled': human_tpot_median IS NOT NULL},
        {'position': 34, 'column_name': 'human_tpot_p99', 'filled': human_tpot_p99 IS NOT NULL},
        {'position': 35, 'column_name': 'human_itl_mean', 'filled': human_itl_mean IS NOT NULL},
        {'position': 36, 'column_name': 'human_itl_median', 'filled': human_itl_median IS NOT NULL},
        {'position': 37, 'column_name': 'human_itl_p99', 'filled': human_itl_p99 IS NOT NULL},
        {'position': 38, 'column_name': 'human_latency_avg', 'filled': human_latency_avg IS NOT NULL},
        {'position': 39, 'column_name': 'human_throughput', 'filled': human_throughput IS NOT NULL},
        {'position': 40, 'column_name': 'agent_ttft_mean', 'filled': agent_ttft_mean IS NOT NULL},
        {'position': 41, 'column_name': 'agent_ttft_median', 'filled': agent_ttft_median IS NOT NULL},
        {'position': 42, 'column_name': 'agent_ttft_p99', 'filled': agent_ttft_p99 IS NOT NULL},
        {'position': 43, 'column_name': 'agent_tpot_mean', 'filled': agent_tpot_mean IS NOT NULL},
        {'position': 44, 'column_name': 'agent_tpot_median', 'filled': agent_tpot_median IS NOT NULL},
        {'position': 45, 'column_name': 'agent_tpot_p99', 'filled': agent_tpot_p99 IS NOT NULL},
        {'position': 46, 'column_name': 'agent_itl_mean', 'filled': agent_itl_mean IS NOT NULL},
        {'position': 47, 'column_name': 'agent_itl_median', 'filled': agent_itl_median IS NOT NULL},
        {'position': 48, 'column_name': 'agent_itl_p99', 'filled': agent_itl_p99 IS NOT NULL},
        {'position': 49, 'column_name': 'agent_latency_avg', 'filled': agent_latency_avg IS NOT NULL},
        {'position': 50, 'column_name': 'agent_throughput', 'filled': agent_throughput IS NOT NULL},
        {'position': 51, 'column_name': 'human_improvement_ttft_mean', 'filled': human_improvement_ttft_mean IS NOT NULL},
        {'position': 52, 'column_name': 'human_improvement_tpot_mean', 'filled': human_improvement_tpot_mean IS NOT NULL},
        {'position': 53, 'column_name': 'human_improvement_itl_mean', 'filled': human_improvement_itl_mean IS NOT NULL},
        {'position': 54, 'column_name': 'agent_improvement_ttft_mean', 'filled': agent_improvement_ttft_mean IS NOT NULL},
        {'position': 55, 'column_name': 'agent_improvement_tpot_mean', 'filled': agent_improvement_tpot_mean IS NOT NULL},
        {'position': 56, 'column_name': 'agent_improvement_itl_mean', 'filled': agent_improvement_itl_mean IS NOT NULL},
        {'position': 57, 'column_name': 'agent_vs_human_ttft_mean', 'filled': agent_vs_human_ttft_mean IS NOT NULL},
        {'position': 58, 'column_name': 'agent_vs_human_tpot_mean', 'filled': agent_vs_human_tpot_mean IS NOT NULL},
        {'position': 59, 'column_name': 'agent_vs_human_itl_mean', 'filled': agent_vs_human_itl_mean IS NOT NULL},
        {'position': 60, 'column_name': 'human_improvement_ttft_median', 'filled': human_improvement_ttft_median IS NOT NULL},
        {'position': 61, 'column_name': 'human_improvement_ttft_p99', 'filled': human_improvement_ttft_p99 IS NOT NULL},
        {'position': 62, 'column_name': 'agent_improvement_ttft_median', 'filled': agent_improvement_ttft_median IS NOT NULL},
        {'position': 63, 'column_name': 'agent_improvement_ttft_p99', 'filled': agent_improvement_ttft_p99 IS NOT NULL},
        {'position': 64, 'column_name': 'agent_vs_human_ttft_median', 'filled': agent_vs_human_ttft_median IS NOT NULL},
        {'position': 65, 'column_name': 'agent_vs_human_ttft_p99', 'filled': agent_vs_human_ttft_p99 IS NOT NULL},
        {'position': 66, 'column_name': 'human_improvement_latency_avg', 'filled': human_improvement_latency_avg IS NOT NULL},
        {'position': 67, 'column_name': 'human_improvement_throughput', 'filled': human_improvement_throughput IS NOT NULL},
        {'position': 68, 'column_name': 'agent_improvement_latency_avg', 'filled': agent_improvement_latency_avg IS NOT NULL},
        {'position': 69, 'column_name': 'agent_improvement_throughput', 'filled': agent_improvement_throughput IS NOT NULL},
        {'position': 70, 'column_name': 'agent_vs_human_latency_avg', 'filled': agent_vs_human_latency_avg IS NOT NULL},
        {'position': 71, 'column_name': 'agent_vs_human_throughput', 'filled': agent_vs_human_throughput IS NOT NULL},
        {'position': 72, 'column_name': 'baseline_raw', 'filled': coalesce(baseline_raw <> '', false)},
        {'position': 73, 'column_name': 'human_raw', 'filled': coalesce(human_raw <> '', false)},
        {'position': 74, 'column_name': 'agent_raw', 'filled': coalesce(agent_raw <> '', false)},
        {'position': 75, 'column_name': 'test_script', 'filled': coalesce(test_script <> '', false)},
        {'position': 76, 'column_name': 'data_source', 'filled': coalesce(data_source <> '', false)}
       ], recursive := true)
FROM dataset;

-- Filled columns per dataset row (of 76), with the row's category.
CREATE OR REPLACE VIEW row_fill AS
WITH counts AS (
    SELECT row_commit_hash, row_commit_short, row_agent_name, row_agent_model,
           count_if(filled) AS filled_columns, count(*) AS total_columns
    FROM dataset_cells
    GROUP BY ALL
)
SELECT c.row_commit_hash AS commit_hash, c.row_commit_short AS commit_short,
       c.row_agent_name AS agent_name, c.row_agent_model AS agent_model,
       c.filled_columns, c.total_columns, k.category, k.evaluable, k.data_source
FROM counts c
JOIN commit_categories k
  ON k.commit_short = c.row_commit_short
 AND k.commit_hash IS NOT DISTINCT FROM c.row_commit_hash
 AND k.agent_name IS NOT DISTINCT FROM c.row_agent_name
 AND k.agent_model IS NOT DISTINCT FROM c.row_agent_model;

-- Share of dataset rows with the column filled, per column in dataset order.
CREATE OR REPLACE VIEW column_fill_rates AS
SELECT position, column_name, count_if(filled) AS filled_rows, count(*) AS total_rows,
       round(100.0 * count_if(filled) / count(*), 1) AS fill_percent
FROM dataset_cells
GROUP BY ALL;

CREATE OR REPLACE VIEW benchmark_mode_counts AS
SELECT benchmark_mode, count(*) AS rows,
       round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS percent
FROM dataset
GROUP BY ALL;

-- data_source counts, in merge-rule order; sources no row has are listed with 0.
CREATE OR REPLACE VIEW data_source_counts AS
WITH known AS (
    SELECT * FROM (VALUES
        (1, 'modal',    'modal pipeline only'),
        (2, 'merged',   'modal metadata, metrics filled from the separate pipeline'),
        (3, 'separate', 'separate pipeline only'),
        (4, 'docker',   'docker rerun (highest priority)')
    ) AS t(source_rank, data_source, description)
), counted AS (
    SELECT data_source, count(*) AS rows FROM dataset GROUP BY ALL
)
SELECT coalesce(k.source_rank, 99) AS source_rank, coalesce(k.data_source, c.data_source) AS data_source,
       coalesce(c.rows, 0) AS rows,
       round(100.0 * coalesce(c.rows, 0) / nullif((SELECT count(*) FROM dataset), 0), 1) AS percent,
       coalesce(k.description, 'not a v5 source') AS description
FROM known k
FULL JOIN counted c USING (data_source);
