-- name: model_mismatch
-- returns: one row per dataset row whose model is in doubt, with its category, the row's model, the
-- model its command names (--model), the models named by the runs that gave each variant's values
-- (from dataset_provenance; sorted, space-separated) and the reasons (variants ran different
-- models; the command names another model); ordered by commit and agent
WITH run_models AS (
    SELECT dataset_row_key(p.commit_hash, p.commit_short, p.agent_name, p.agent_model) AS row_key, r.variant,
           string_agg(DISTINCT r.model, ' ' ORDER BY r.model) AS models
    FROM dataset_provenance p
    JOIN runs r ON r.root = p.root AND r.path = p.path AND r.record = p.record
               AND r.variant = split_part(p.column_name, '_', 1)
    WHERE r.model IS NOT NULL AND r.model <> 'unknown'
    GROUP BY ALL
), rows AS (
    SELECT d.commit_short, d.commit_hash, d.agent_name, d.agent_model, d.category, d.model,
           nullif(regexp_extract(d.perf_command, '--model[ =]+([^ ]+)', 1), '') AS command_model,
           b.models AS baseline_models, h.models AS human_models, a.models AS agent_models
    FROM dataset_categorized d
    LEFT JOIN run_models b ON b.row_key = dataset_row_key(d.commit_hash, d.commit_short, d.agent_name, d.agent_model) AND b.variant = 'baseline'
    LEFT JOIN run_models h ON h.row_key = dataset_row_key(d.commit_hash, d.commit_short, d.agent_name, d.agent_model) AND h.variant = 'human'
    LEFT JOIN run_models a ON a.row_key = dataset_row_key(d.commit_hash, d.commit_short, d.agent_name, d.agent_model) AND a.variant = 'agent'
), reasons AS (
    SELECT *,
           concat_ws('; ',
               CASE WHEN list_unique(list_filter([baseline_models, human_models, agent_models], x -> x IS NOT NULL)) > 1
                         OR greatest(strpos(coalesce(baseline_models, ''), ' '), strpos(coalesce(human_models, ''), ' '),
                                     strpos(coalesce(agent_models, ''), ' ')) > 0
                    THEN 'variants ran different models' END,
               CASE WHEN command_model IS NOT NULL AND model IS NOT NULL AND command_model <> model
                    THEN 'the command names another model' END) AS reasons
    FROM rows
)
SELECT commit_short, agent_name, agent_model, category, model, command_model,
       baseline_models, human_models, agent_models, reasons
FROM reasons
WHERE reasons <> ''
ORDER BY commit_short, commit_hash NULLS FIRST, agent_name NULLS FIRST, agent_model NULLS FIRST;
