-- name: pipeline_disagreements
-- returns: one row per commit, variant, metric and pair of pipelines whose values are more than 5%
-- apart (|a - b| / max(|a|, |b|)), with both values and files; ordered by commit, variant, metric,
-- pipelines and values
SELECT commit_short, variant, metric, agent_name, agent_model,
       pipeline_a, value_a, path_a, pipeline_b, value_b, path_b, apart_percent
FROM pipeline_disagreements
ORDER BY commit_short, variant, metric, pipeline_a, pipeline_b, value_a, value_b, agent_name NULLS FIRST, agent_model NULLS FIRST;
