-- name: edge_cases
-- returns: one row per dataset row and edge case found in its command and metrics, with the metric
-- to read and the matching evidence: 'single output token' (TPOT or ITL is 0 and the command asks
-- for --random-output-len 1 / --output-len 1: read ttft_mean), 'standalone latency' (a
-- benchmark_latency command with latency_avg: read latency_avg), 'bracketed flag' (an optional flag
-- written in brackets such as [--use-v2-block-manager], invalid on a command line), 'input-len to
-- serving' (--input-len passed to benchmark_serving, whose random dataset needs --random-input-len),
-- 'model differs from command' (the command's --model is not the run's model); ordered by case,
-- commit and agent
WITH rows AS (
    SELECT commit_short, commit_hash, agent_name, agent_model, model,
           coalesce(perf_command, '') AS cmd,
           nullif(regexp_extract(perf_command, '--model[ =]+([^ ]+)', 1), '') AS command_model,
           [baseline_tpot_mean, human_tpot_mean, agent_tpot_mean,
            baseline_itl_mean, human_itl_mean, agent_itl_mean] AS per_token,
           coalesce(baseline_latency_avg, human_latency_avg, agent_latency_avg) IS NOT NULL AS has_latency
    FROM dataset
), cases AS (
    SELECT 1 AS case_rank, 'single output token' AS edge_case, *, 'ttft_mean' AS metric,
           regexp_extract(cmd, '--(random-)?output-len[ =]+1\b', 0) || '; TPOT/ITL = 0' AS evidence
    FROM rows
    WHERE regexp_matches(cmd, '--(random-)?output-len[ =]+1\b')
      AND list_contains(per_token, 0.0)
    UNION ALL
    SELECT 2, 'standalone latency', *, 'latency_avg',
           regexp_extract(cmd, '\S*benchmark_latency\S*', 0)
    FROM rows
    WHERE regexp_matches(cmd, 'benchmark_latency') AND has_latency
    UNION ALL
    SELECT 3, 'bracketed flag', *, NULL,
           regexp_extract(cmd, '\[--[^\]]*\]', 0)
    FROM rows
    WHERE regexp_matches(cmd, '\[--[^\]]*\]')
    UNION ALL
    SELECT 4, 'input-len to serving', *, NULL,
           regexp_extract(cmd, '(^|\s)(--input-len[ =]+\S+)', 2)
    FROM rows
    WHERE regexp_matches(cmd, 'benchmark_serving') AND regexp_matches(cmd, '(^|\s)--input-len\b')
    UNION ALL
    SELECT 5, 'model differs from command', *, NULL,
           '--model ' || command_model || ' vs ' || model
    FROM rows
    WHERE command_model IS NOT NULL AND model IS NOT NULL AND model <> 'unknown' AND command_model <> model
)
SELECT edge_case, commit_short, agent_name, agent_model, metric, evidence
FROM cases
ORDER BY case_rank, commit_short, commit_hash NULLS FIRST, agent_name NULLS FIRST, agent_model NULLS FIRST;
