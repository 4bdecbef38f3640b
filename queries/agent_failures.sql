-- name: agent_failures
-- returns: one row per dataset row in category 'agent failure' (human metrics, no agent metrics):
-- data_source, benchmark_mode, the human metric that is known (throughput, else ttft_mean, else
-- latency_avg), the statuses of the commit's agent runs in any pipeline and the first line of the
-- first agent error (by path, at most 120 characters); ordered by commit and agent
WITH agent_runs AS (
    SELECT k.commit_key,
           string_agg(DISTINCT r.status, ' ' ORDER BY r.status) AS agent_statuses,
           first(left(split_part(trim(r.error), chr(10), 1), 120) ORDER BY r.path, r.record)
               FILTER (WHERE r.error IS NOT NULL AND trim(r.error) <> '') AS agent_error
    FROM runs r
    JOIN run_commit_keys k USING (root, path, record, variant)
    WHERE r.variant = 'agent'
    GROUP BY ALL
)
SELECT d.commit_short, d.agent_name, d.agent_model, d.data_source, d.benchmark_mode,
       CASE WHEN d.human_throughput IS NOT NULL THEN 'throughput'
            WHEN d.human_ttft_mean IS NOT NULL THEN 'ttft_mean'
            WHEN d.human_latency_avg IS NOT NULL THEN 'latency_avg' END AS human_metric,
       coalesce(d.human_throughput, d.human_ttft_mean, d.human_latency_avg) AS human_value,
       a.agent_statuses, a.agent_error
FROM dataset_categorized d
LEFT JOIN agent_runs a ON a.commit_key = coalesce(d.commit_hash, d.commit_short)
WHERE d.category = 'agent failure'
ORDER BY d.commit_short, d.commit_hash NULLS FIRST, d.agent_name NULLS FIRST, d.agent_model NULLS FIRST;
