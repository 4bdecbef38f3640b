-- name: checks
-- defines: improvement_columns (each improvement column's formula as data), pipeline_disagreements
-- (one metric of one commit and variant measured by two pipelines more than 5% apart) and
-- improvement_check (precomputed improvements in flat exports that differ from ours by more than
-- 0.01 percentage points).

CREATE OR REPLACE VIEW improvement_columns AS
SELECT * FROM (VALUES
    ('human_improvement_ttft_mean', 'human_ttft_mean', 'baseline_ttft_mean', true),
    ('human_improvement_tpot_mean', 'human_tpot_mean', 'baseline_tpot_mean', true),
    ('human_improvement_itl_mean', 'human_itl_mean', 'baseline_itl_mean', true),
    ('agent_improvement_ttft_mean', 'agent_ttft_mean', 'baseline_ttft_mean', true),
    ('agent_improvement_tpot_mean', 'agent_tpot_mean', 'baseline_tpot_mean', true),
    ('agent_improvement_itl_mean', 'agent_itl_mean', 'baseline_itl_mean', true),
    ('agent_vs_human_ttft_mean', 'agent_ttft_mean', 'human_ttft_mean', true),
    ('agent_vs_human_tpot_mean', 'agent_tpot_mean', 'human_tpot_mean', true),
    ('agent_vs_human_itl_mean', 'agent_itl_mean', 'human_itl_mean', true),
    ('human_improvement_ttft_median', 'human_ttft_median', 'baseline_ttft_median', true),
    ('human_improvement_ttft_p99', 'human_ttft_p99', 'baseline_ttft_p99', true),
    ('agent_improvement_ttft_median', 'agent_ttft_median', 'baseline_ttft_median', true),
    ('agent_improvement_ttft_p99', 'agent_ttft_p99', 'baseline_ttft_p99', true),
    ('agent_vs_human_ttft_median', 'agent_ttft_median', 'human_ttft_median', true),
    ('agent_vs_human_ttft_p99', 'agent_ttft_p99', 'human_ttft_p99', true),
    ('human_improvement_latency_avg', 'human_latency_avg', 'baseline_latency_avg', true),
    ('human_improvement_throughput', 'human_throughput', 'baseline_throughput', false),
    ('agent_improvement_latency_avg', 'agent_latency_avg', 'baseline_latency_avg', true),
    ('agent_improvement_throughput', 'agent_throughput', 'baseline_throughput', false),
    ('agent_vs_human_latency_avg', 'agent_latency_avg', 'human_latency_avg', true),
    ('agent_vs_human_throughput', 'agent_throughput', 'human_throughput', false)
) AS t(column_name, x_column, ref_column, lower_is_better);

-- Every pipeline in runs, not only those a rule set merges. Values are compared per commit,
-- variant, agent and metric; an agent the file does not name (NULL) is compared with any agent.
-- "Apart" is |a - b| / max(|a|, |b|), so the test is symmetric.
CREATE OR REPLACE VIEW pipeline_disagreements AS
WITH measured AS (
    SELECT k.commit_key, v.variant, r.agent_name, r.agent_model, v.metric, r.pipeline, v.value,
           min(v.path) AS path
    FROM run_metric_values v
    JOIN run_commit_keys k USING (root, path, record, variant)
    JOIN runs r USING (root, path, record, variant)
    WHERE k.resolution <> 'ambiguous'
      AND v.metric NOT IN ('request_throughput', 'total_throughput')
    GROUP BY ALL
)
SELECT left(a.commit_key, 8) AS commit_short, a.variant, a.metric,
       coalesce(a.agent_name, b.agent_name) AS agent_name, coalesce(a.agent_model, b.agent_model) AS agent_model,
       a.pipeline AS pipeline_a, a.value AS value_a, a.path AS path_a,
       b.pipeline AS pipeline_b, b.value AS value_b, b.path AS path_b,
       round(100.0 * abs(a.value - b.value) / greatest(abs(a.value), abs(b.value)), 1) AS apart_percent
FROM measured a
JOIN measured b
  ON a.commit_key = b.commit_key AND a.variant = b.variant AND a.metric = b.metric
 AND a.pipeline < b.pipeline
 AND (a.agent_name IS NULL OR b.agent_name IS NULL OR a.agent_name = b.agent_name)
 AND (a.agent_model IS NULL OR b.agent_model IS NULL OR a.agent_model = b.agent_model)
WHERE abs(a.value - b.value) > 0.05 * greatest(abs(a.value), abs(b.value));

-- Improvements stored in flat exports, compared with improvement() over the same row's own metrics
-- ('own metrics') and with dataset's value for the same commit and agent ('dataset').
CREATE OR REPLACE VIEW improvement_check AS
WITH stored AS (
    UNPIVOT (SELECT root, path, record, commit_hash, agent_name, agent_model, human_improvement_ttft_mean, human_improvement_tpot_mean, human_improvement_itl_mean, agent_improvement_ttft_mean, agent_improvement_tpot_mean, agent_improvement_itl_mean, agent_vs_human_ttft_mean, agent_vs_human_tpot_mean, agent_vs_human_itl_mean, human_improvement_ttft_median, human_improvement_ttft_p99, agent_improvement_ttft_median, agent_improvement_ttft_p99, agent_vs_human_ttft_median, agent_vs_human_ttft_p99, human_improvement_latency_avg, human_improvement_throughput, agent_improvement_latency_avg, agent_improvement_throughput, agent_vs_human_latency_avg, agent_vs_human_throughput FROM export_rows)
    ON human_improvement_ttft_mean, human_improvement_tpot_mean, human_improvement_itl_mean, agent_improvement_ttft_mean, agent_improvement_tpot_mean, agent_improvement_itl_mean, agent_vs_human_ttft_mean, agent_vs_human_tpot_mean, agent_vs_human_itl_mean, human_improvement_ttft_median, human_improvement_ttft_p99, agent_improvement_ttft_median, agent_improvement_ttft_p99, agent_vs_human_ttft_median, agent_vs_human_ttft_p99, human_improvement_latency_avg, human_improvement_throughput, agent_improvement_latency_avg, agent_improvement_throughput, agent_vs_human_latency_avg, agent_vs_human_throughput
    INTO NAME column_name VALUE stored
), metrics AS (
    UNPIVOT (SELECT root, path, record, baseline_ttft_mean, baseline_ttft_median, baseline_ttft_p99, baseline_tpot_mean, baseline_tpot_median, baseline_tpot_p99, baseline_itl_mean, baseline_itl_median, baseline_itl_p99, baseline_latency_avg, baseline_throughput, human_ttft_mean, human_ttft_median, human_ttft_p99, human_tpot_mean, human_tpot_median, human_tpot_p99, human_itl_mean, human_itl_median, human_itl_p99, human_latency_avg, human_throughput, agent_ttft_mean, agent_ttft_median, agent_ttft_p99, agent_tpot_mean, agent_tpot_median, agent_tpot_p99, agent_itl_mean, agent_itl_median, agent_itl_p99, agent_latency_avg, agent_throughput FROM export_rows)
    ON baseline_ttft_mean, baseline_ttft_median, baseline_ttft_p99, baseline_tpot_mean, baseline_tpot_median, baseline_tpot_p99, baseline_itl_mean, baseline_itl_median, baseline_itl_p99, baseline_latency_avg, baseline_throughput, human_ttft_mean, human_ttft_median, human_ttft_p99, human_tpot_mean, human_tpot_median, human_tpot_p99, human_itl_mean, human_itl_median, human_itl_p99, human_latency_avg, human_throughput, agent_ttft_mean, agent_ttft_median, agent_ttft_p99, agent_tpot_mean, agent_tpot_median, agent_tpot_p99, agent_itl_mean, agent_itl_median, agent_itl_p99, agent_latency_avg, agent_throughput
    INTO NAME column_name VALUE value
), ours AS (
    UNPIVOT (SELECT commit_hash, commit_short, agent_name, agent_model, human_improvement_ttft_mean, human_improvement_tpot_mean, human_improvement_itl_mean, agent_improvement_ttft_mean, agent_improvement_tpot_mean, agent_improvement_itl_mean, agent_vs_human_ttft_mean, agent_vs_human_tpot_mean, agent_vs_human_itl_mean, human_improvement_ttft_median, human_improvement_ttft_p99, agent_improvement_ttft_median, agent_improvement_ttft_p99, agent_vs_human_ttft_median, agent_vs_human_ttft_p99, human_improvement_latency_avg, human_improvement_throughput, agent_improvement_latency_avg, agent_improvement_throughput, agent_vs_human_latency_avg, agent_vs_human_throughput FROM dataset)
    ON human_improvement_ttft_mean, human_improvement_tpot_mean, human_improvement_itl_mean, agent_improvement_ttft_mean, agent_improvement_tpot_mean, agent_improvement_itl_mean, agent_vs_human_ttft_mean, agent_vs_human_tpot_mean, agent_vs_human_itl_mean, human_improvement_ttft_median, human_improvement_ttft_p99, agent_improvement_ttft_median, agent_improvement_ttft_p99, agent_vs_human_ttft_median, agent_vs_human_ttft_p99, human_improvement_latency_avg, human_improvement_throughput, agent_improvement_latency_avg, agent_improvement_throughput, agent_vs_human_latency_avg, agent_vs_human_throughput
    INTO NAME column_name VALUE value
), recomputed AS (
    SELECT s.root, s.path, s.record, s.commit_hash, s.agent_name, s.agent_model, s.column_name, s.stored,
           improvement(x.value, ref.value, c.lower_is_better) AS own_metrics_value
    FROM stored s
    JOIN improvement_columns c USING (column_name)
    LEFT JOIN metrics x ON x.root = s.root AND x.path = s.path AND x.record = s.record AND x.column_name = c.x_column
    LEFT JOIN metrics ref ON ref.root = s.root AND ref.path = s.path AND ref.record = s.record AND ref.column_name = c.ref_column
), compared AS (
    SELECT r.*, 'own metrics' AS compared_with, r.own_metrics_value AS ours
    FROM recomputed r
    UNION ALL
    SELECT r.*, 'dataset', o.value
    FROM recomputed r
    JOIN ours o
      ON o.column_name = r.column_name
     AND (o.commit_hash = lower(r.commit_hash) OR o.commit_short = lower(left(r.commit_hash, 8)) AND length(r.commit_hash) < 40)
     AND (o.agent_name IS NULL OR r.agent_name IS NULL OR o.agent_name = r.agent_name)
     AND (o.agent_model IS NULL OR r.agent_model IS NULL OR o.agent_model = r.agent_model)
)
SELECT left(lower(commit_hash), 8) AS commit_short, agent_name, agent_model, path, record, column_name,
       compared_with, stored, ours, round(stored - ours, 4) AS difference_pp
FROM compared
WHERE ours IS NULL OR abs(stored - ours) > 0.01;
