-- name: agents
-- defines: agent_aliases (every spelling of an agent configuration seen in the data, as data) and
-- the macro agent_config(agent_name, agent_model) that names a row's canonical configuration.
-- dataset_v5 keeps agent_name and agent_model as given; summaries group by agent_config.
-- A pair missing from the table is its own configuration, named "<agent_name> <agent_model>" with
-- the name's underscores read as hyphens.
CREATE OR REPLACE TABLE agent_aliases (
    agent_name   VARCHAR NOT NULL, -- as spelled in the data
    agent_model  VARCHAR NOT NULL, -- as spelled in the data
    agent_config VARCHAR NOT NULL, -- the canonical configuration
    note         VARCHAR
);
INSERT INTO agent_aliases VALUES
    -- published/full_dataset.csv: 92 rows 'claude-code'/'sonnet-4.5' and 4 rows
    -- 'claude_code'/'claude-sonnet-4-20250514' (data_source claude_code_rerun_fixable and docker)
    -- cover 96 distinct commits between them: one configuration under two spellings.
    ('claude-code', 'sonnet-4.5',               'claude-code sonnet-4.5', 'published spelling'),
    ('claude_code', 'claude-sonnet-4-20250514', 'claude-code sonnet-4.5', 'rerun spelling in the published file'),
    ('claude-code', 'claude-sonnet-4-20250514', 'claude-code sonnet-4.5', 'earlier exports (full_results.jsonl)'),
    ('claude_code', 'sonnet-4.5',               'claude-code sonnet-4.5', 'underscore spelling'),
    ('codex',       'gpt-5',                    'codex gpt-5',            'published spelling'),
    ('trae',        'sonnet-4.5',               'trae sonnet-4.5',        'published spelling'),
    ('trae',        'gpt-5',                    'trae gpt-5',             'published spelling');

CREATE OR REPLACE MACRO agent_config(name, model) AS coalesce(
    (SELECT a.agent_config FROM agent_aliases a
     WHERE a.agent_name = name AND a.agent_model = model),
    replace(name, '_', '-') || coalesce(' ' || model, '')
);
