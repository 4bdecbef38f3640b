-- name: report_overview
-- returns: one row describing the dataset view: its rows, distinct commits, agent configurations
-- (agent_config of agent_name and agent_model; rows without an agent are not a configuration) and
-- columns
SELECT
    (SELECT count(*) FROM dataset) AS dataset_rows,
    (SELECT count(DISTINCT coalesce(commit_hash, commit_short)) FROM dataset) AS commits,
    (SELECT count(DISTINCT agent_config(agent_name, agent_model)) FROM dataset
     WHERE agent_name IS NOT NULL OR agent_model IS NOT NULL) AS agent_configurations,
    (SELECT count(*) FROM duckdb_columns() WHERE table_name = 'dataset' AND schema_name = 'main' AND database_name = current_database()) AS dataset_columns;
