-- name: conflicts
-- returns: every conflict the merge reported instead of deciding silently (prefix collisions,
-- runs with an ambiguous short hash, export rows shadowed by the raw merge or duplicated, ambiguous
-- export hashes): kind, commit_short, commit_hash, agent, detail and paths; ordered by kind and commit
SELECT kind, commit_short, commit_hash, agent_name, agent_model, detail, paths
FROM conflicts
ORDER BY kind, commit_short, commit_hash NULLS FIRST, agent_name NULLS FIRST, agent_model NULLS FIRST, paths NULLS FIRST, detail;
