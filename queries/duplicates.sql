-- name: duplicates
-- returns: every run that shares its commit, variant, agent and source with another run of the
-- rule set's sources, the chosen one included, with the reason of the choice; ordered by source,
-- commit, variant, chosen first, then path
SELECT source, commit_short, variant, agent_name, agent_model, chosen, reason,
       pipeline, path, record, status, has_metrics, timestamp
FROM duplicates
ORDER BY source, commit_short, commit_key, variant, agent_name NULLS FIRST, agent_model NULLS FIRST,
         chosen DESC, path, record;
