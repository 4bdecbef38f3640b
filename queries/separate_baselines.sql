-- name: separate_baselines
-- returns: one row per baseline run of the separate pipeline that has metrics: its file, status,
-- throughput, ttft_mean and latency_avg, how many dataset rows carry exactly these baseline values
-- (used_in_rows) and those rows' data_source values; ordered by commit and path
WITH baselines AS (
    SELECT k.commit_key, left(k.commit_key, 8) AS commit_short, r.path, r.status,
           r.throughput, r.ttft_mean, r.latency_avg
    FROM runs r
    JOIN run_commit_keys k USING (root, path, record, variant)
    WHERE r.pipeline = 'separate' AND r.variant = 'baseline'
      AND coalesce(r.ttft_mean, r.ttft_median, r.ttft_p99, r.tpot_mean, r.tpot_median, r.tpot_p99,
                   r.itl_mean, r.itl_median, r.itl_p99, r.latency_avg, r.throughput) IS NOT NULL
)
SELECT b.commit_short, b.path, b.status, b.throughput, b.ttft_mean, b.latency_avg,
       count(d.commit_short) AS used_in_rows,
       string_agg(DISTINCT d.data_source, ' ' ORDER BY d.data_source) AS data_sources
FROM baselines b
LEFT JOIN dataset d
  ON coalesce(d.commit_hash, d.commit_short) = b.commit_key
 AND d.baseline_throughput IS NOT DISTINCT FROM b.throughput
 AND d.baseline_ttft_mean IS NOT DISTINCT FROM b.ttft_mean
 AND d.baseline_latency_avg IS NOT DISTINCT FROM b.latency_avg
GROUP BY ALL
ORDER BY b.commit_short, b.path;
