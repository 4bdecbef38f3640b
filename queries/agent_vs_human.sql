-- name: agent_vs_human
-- returns: one row per dataset row with human and agent metrics (categories B+H+A and H+A only):
-- the metric compared (throughput, else ttft_mean, else latency_avg — the first both variants
-- have), human_value, agent_value, agent_vs_human_percent (improvement(), positive = agent better,
-- one decimal), the verdict (win / match / loss within verdict_band() points, default 1) and
-- data_source; best agent first, then by commit
WITH rows AS (
    SELECT d.*, c.category
    FROM dataset d
    JOIN commit_categories c
      ON c.commit_short = d.commit_short
     AND c.commit_hash IS NOT DISTINCT FROM d.commit_hash
     AND c.agent_name IS NOT DISTINCT FROM d.agent_name
     AND c.agent_model IS NOT DISTINCT FROM d.agent_model
    WHERE c.category IN ('B+H+A', 'H+A only')
), picked AS (
    SELECT commit_short, commit_hash, agent_name, agent_model, category, data_source,
           CASE
               WHEN human_throughput IS NOT NULL AND agent_throughput IS NOT NULL THEN 'throughput'
               WHEN human_ttft_mean IS NOT NULL AND agent_ttft_mean IS NOT NULL THEN 'ttft_mean'
               WHEN human_latency_avg IS NOT NULL AND agent_latency_avg IS NOT NULL THEN 'latency_avg'
           END AS metric,
           human_throughput, agent_throughput, human_ttft_mean, agent_ttft_mean,
           human_latency_avg, agent_latency_avg
    FROM rows
), valued AS (
    SELECT *,
           CASE metric WHEN 'throughput' THEN human_throughput WHEN 'ttft_mean' THEN human_ttft_mean
                       WHEN 'latency_avg' THEN human_latency_avg END AS human_value,
           CASE metric WHEN 'throughput' THEN agent_throughput WHEN 'ttft_mean' THEN agent_ttft_mean
                       WHEN 'latency_avg' THEN agent_latency_avg END AS agent_value
    FROM picked
)
SELECT commit_short, agent_name, agent_model, category, metric, human_value, agent_value,
       round(improvement(agent_value, human_value, metric <> 'throughput'), 1) + 0.0 AS agent_vs_human_percent,
       verdict(improvement(agent_value, human_value, metric <> 'throughput')) AS verdict,
       data_source
FROM valued
ORDER BY improvement(agent_value, human_value, metric <> 'throughput') DESC NULLS LAST,
         commit_short, agent_name NULLS FIRST, agent_model NULLS FIRST;
