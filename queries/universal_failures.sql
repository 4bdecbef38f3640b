-- name: universal_failures
-- returns: the commits that every agent configuration attempting them fails (no agent metric in
-- any of their rows), with how many configurations attempted them (of all in the dataset), whether
-- the human and baseline runs were measured, the benchmark mode and the data sources
WITH per_commit AS (
    -- A commit known only by its short hash (commit_hash NULL) is its own commit, not one of many NULLs.
    SELECT commit_hash, coalesce(commit_hash, commit_short) AS commit_key,
           min(commit_short) AS commit_short,
           any_value(commit_mode) AS benchmark_mode,
           count(DISTINCT agent_config) AS configs_attempted,
           string_agg(DISTINCT agent_config, ', ' ORDER BY agent_config) AS configs,
           bool_or(agent_measured) AS any_agent_measured,
           bool_or(human_measured) AS human_measured,
           bool_or(baseline_value IS NOT NULL) AS baseline_primary_measured,
           string_agg(DISTINCT data_source, ', ' ORDER BY data_source) AS data_sources
    FROM agent_verdicts('dataset')
    GROUP BY commit_hash, commit_key
)
SELECT commit_hash, commit_short, benchmark_mode, configs_attempted,
       (SELECT count(DISTINCT agent_config(agent_name, agent_model)) FROM dataset) AS configs_in_dataset,
       configs, human_measured, baseline_primary_measured, data_sources
FROM per_commit
WHERE NOT any_agent_measured
ORDER BY configs_attempted DESC, commit_key;
