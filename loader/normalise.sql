-- name: loader normalise
-- defines: run_metric_values (the chosen value per run and canonical metric, with its origin) and the
-- runs table (one row per measured variant, metrics as columns). Re-run after every ingest.

-- One value per (run, metric): a structured value beats one recovered from the raw log; among
-- structured spellings the alias table's priority decides (the exact canonical key wins).
CREATE OR REPLACE VIEW run_metric_values AS
SELECT root, path, record, variant, metric, value, origin, source_key, position
FROM (
    SELECT v.root, v.path, v.record, v.variant, a.metric, v.value * a.scale AS value,
           v.origin, v.source_key, v.position,
           row_number() OVER (
               PARTITION BY v.root, v.path, v.record, v.variant, a.metric
               ORDER BY CASE v.origin WHEN 'structured' THEN 0 ELSE 1 END, a.priority, v.source_key
           ) AS choice
    FROM run_values v
    JOIN metric_aliases a USING (source_key)
    WHERE v.value IS NOT NULL AND isfinite(v.value)
)
WHERE choice = 1;

CREATE OR REPLACE TABLE runs AS
WITH pivoted AS (
    SELECT root, path, record, variant,
           max(value) FILTER (WHERE metric = 'ttft_mean')          AS ttft_mean,
           max(value) FILTER (WHERE metric = 'ttft_median')        AS ttft_median,
           max(value) FILTER (WHERE metric = 'ttft_p99')           AS ttft_p99,
           max(value) FILTER (WHERE metric = 'tpot_mean')          AS tpot_mean,
           max(value) FILTER (WHERE metric = 'tpot_median')        AS tpot_median,
           max(value) FILTER (WHERE metric = 'tpot_p99')           AS tpot_p99,
           max(value) FILTER (WHERE metric = 'itl_mean')           AS itl_mean,
           max(value) FILTER (WHERE metric = 'itl_median')         AS itl_median,
           max(value) FILTER (WHERE metric = 'itl_p99')            AS itl_p99,
           max(value) FILTER (WHERE metric = 'latency_avg')        AS latency_avg,
           max(value) FILTER (WHERE metric = 'throughput')         AS throughput,
           max(value) FILTER (WHERE metric = 'request_throughput') AS request_throughput,
           max(value) FILTER (WHERE metric = 'total_throughput')   AS total_throughput,
           CASE
               WHEN count(*) FILTER (WHERE origin = 'raw_log') = 0 THEN 'structured'
               WHEN count(*) FILTER (WHERE origin = 'structured') = 0 THEN 'raw_log'
               ELSE 'structured+raw_log'
           END AS metrics_origin
    FROM run_metric_values
    GROUP BY ALL
)
SELECT r.root, r.path, r.record, r.variant, r.pipeline, r.format,
       r.commit_hash, r.commit_short, r.parent_commit, r.agent_name, r.agent_model,
       r.status, r.error, r.benchmark_mode, r.model, r.gpu_config, r.perf_command, r.timestamp,
       p.ttft_mean, p.ttft_median, p.ttft_p99, p.tpot_mean, p.tpot_median, p.tpot_p99,
       p.itl_mean, p.itl_median, p.itl_p99, p.latency_avg, p.throughput,
       p.request_throughput, p.total_throughput,
       p.metrics_origin, r.raw, r.content_sha256
FROM run_records r
LEFT JOIN pivoted p USING (root, path, record, variant)
ORDER BY r.root, r.path, r.record, r.variant;
