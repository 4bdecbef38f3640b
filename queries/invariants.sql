-- name: invariants
-- returns: one row per check of the applied rule set (sql/220_invariants.sql): check_name,
-- severity (error: a promise of the dataset is broken; warning: the inputs have a problem worth
-- reading), violations, ok, what it checks and one example; errors first, then by name
SELECT check_name, severity, violations, ok, description, example
FROM invariants
ORDER BY severity = 'warning', check_name;
