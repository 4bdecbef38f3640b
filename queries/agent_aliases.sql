-- name: agent_aliases
-- returns: every (agent_name, agent_model) spelling found in the dataset with its canonical agent
-- configuration, its row count, whether the alias table lists it, and the alias table's note
SELECT d.agent_name, d.agent_model,
       agent_config(d.agent_name, d.agent_model) AS agent_config,
       count(*) AS rows,
       bool_or(a.agent_config IS NOT NULL) AS in_alias_table,
       any_value(a.note) AS note
FROM dataset d
LEFT JOIN agent_aliases a ON a.agent_name = d.agent_name AND a.agent_model = d.agent_model
GROUP BY d.agent_name, d.agent_model
ORDER BY agent_config, d.agent_name, d.agent_model;
