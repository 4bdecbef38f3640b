-- name: agent_vs_human
-- returns: one row per dataset row with human and agent values of its commit's primary metric
-- (primary_metric_rules: serving → ttft_mean, standalone throughput → throughput, latency runs →
-- latency_avg, prefix_caching → throughput), with its category, the metric, human_value,
-- agent_value, agent_vs_human_percent (improvement(), positive = agent better, one decimal), the
-- verdict (win / match / loss outside or inside ±verdict_band() points, default 2) and
-- data_source; best agent first, then by commit
WITH verdicts AS (
    SELECT * FROM agent_verdicts('dataset') WHERE valid
)
SELECT v.commit_short, v.agent_name, v.agent_model, c.category, v.primary_metric AS metric,
       v.human_value, v.agent_value,
       round(v.avh_pct, 1) + 0.0 AS agent_vs_human_percent,
       v.verdict,
       v.data_source
FROM verdicts v
JOIN commit_categories c
  ON c.row_key = dataset_row_key(v.commit_hash, v.commit_short, v.agent_name, v.agent_model)
ORDER BY v.avh_pct DESC NULLS LAST, v.commit_short, v.agent_name NULLS FIRST, v.agent_model NULLS FIRST;
