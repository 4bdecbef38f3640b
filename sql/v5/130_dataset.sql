-- name: v5 dataset
-- defines: v5_export_rows (final rows of flat exports, each marked kept, shadowed or duplicate),
-- dataset_v5 (the 76 columns in DESIGN.md order), v5_conflicts, and the rule-set-independent
-- names the queries read: dataset, provenance, duplicates, conflicts.
--
-- dataset_v5 is the raw merge (v5_merged_rows) plus the final rows of earlier flat exports
-- (export_dataset_rows, sql/050_exports.sql) whose (commit, agent) the raw merge does not produce.
-- The raw merge wins a collision; an agent the raw merge does not know (NULL) collides with any
-- agent. Two export rows with one key keep the first by path and record. Every such choice is
-- listed in conflicts. The 21 improvements of raw-merge rows are computed here with improvement();
-- a pipeline's own precomputed improvements are never copied. Export rows are final rows and keep
-- every value as the export states it, stored improvements included (issue 4: the published
-- dataset round-trips); improvement_check lists where those disagree with their own metrics.
-- dataset_row_origin says which rows are which ('merge' or 'export').

CREATE OR REPLACE VIEW v5_export_rows AS
WITH keyed AS (
    SELECT e.*, lower(coalesce(e.commit_hash, e.commit_short)) AS commit_key,
           row_number() OVER (ORDER BY e.source_root, e.source_path, e.source_record) AS export_row
    FROM export_dataset_rows e
), marked AS (
    SELECT k.*,
           EXISTS (
               SELECT 1 FROM v5_merged_rows m
               WHERE (m.commit_key = k.commit_key
                      OR (length(k.commit_key) < 40 AND starts_with(m.commit_key, k.commit_key)))
                 AND (m.agent_name IS NULL OR m.agent_name IS NOT DISTINCT FROM k.agent_name)
                 AND (m.agent_model IS NULL OR m.agent_model IS NOT DISTINCT FROM k.agent_model)
           ) AS shadowed,
           row_number() OVER (PARTITION BY k.commit_key, k.agent_name, k.agent_model ORDER BY k.export_row) AS copy_number
    FROM keyed k
)
SELECT *,
       CASE WHEN shadowed THEN 'shadowed' WHEN copy_number > 1 THEN 'duplicate' ELSE 'kept' END AS fate
FROM marked;

CREATE OR REPLACE TABLE dataset_v5 AS
WITH merge_rows AS (
    SELECT
       commit_hash,
       commit_short,
       commit_subject,
       repo,
       perf_command,
       files_changed,
       pr_url,
       models,
       parent_commit,
       gpu_config,
       benchmark_mode,
       agent_name,
       agent_model,
       benchmark_date,
       model,
       has_agent_patch,
       patch_path,
       baseline_ttft_mean,
       baseline_ttft_median,
       baseline_ttft_p99,
       baseline_tpot_mean,
       baseline_tpot_median,
       baseline_tpot_p99,
       baseline_itl_mean,
       baseline_itl_median,
       baseline_itl_p99,
       baseline_latency_avg,
       baseline_throughput,
       human_ttft_mean,
       human_ttft_median,
       human_ttft_p99,
       human_tpot_mean,
       human_tpot_median,
       human_tpot_p99,
       human_itl_mean,
       human_itl_median,
       human_itl_p99,
       human_latency_avg,
       human_throughput,
       agent_ttft_mean,
       agent_ttft_median,
       agent_ttft_p99,
       agent_tpot_mean,
       agent_tpot_median,
       agent_tpot_p99,
       agent_itl_mean,
       agent_itl_median,
       agent_itl_p99,
       agent_latency_avg,
       agent_throughput,
       improvement(human_ttft_mean, baseline_ttft_mean, true) AS human_improvement_ttft_mean,
       improvement(human_tpot_mean, baseline_tpot_mean, true) AS human_improvement_tpot_mean,
       improvement(human_itl_mean, baseline_itl_mean, true) AS human_improvement_itl_mean,
       improvement(agent_ttft_mean, baseline_ttft_mean, true) AS agent_improvement_ttft_mean,
       improvement(agent_tpot_mean, baseline_tpot_mean, true) AS agent_improvement_tpot_mean,
       improvement(agent_itl_mean, baseline_itl_mean, true) AS agent_improvement_itl_mean,
       improvement(agent_ttft_mean, human_ttft_mean, true) AS agent_vs_human_ttft_mean,
       improvement(agent_tpot_mean, human_tpot_mean, true) AS agent_vs_human_tpot_mean,
       improvement(agent_itl_mean, human_itl_mean, true) AS agent_vs_human_itl_mean,
       improvement(human_ttft_median, baseline_ttft_median, true) AS human_improvement_ttft_median,
       improvement(human_ttft_p99, baseline_ttft_p99, true) AS human_improvement_ttft_p99,
       improvement(agent_ttft_median, baseline_ttft_median, true) AS agent_improvement_ttft_median,
       improvement(agent_ttft_p99, baseline_ttft_p99, true) AS agent_improvement_ttft_p99,
       improvement(agent_ttft_median, human_ttft_median, true) AS agent_vs_human_ttft_median,
       improvement(agent_ttft_p99, human_ttft_p99, true) AS agent_vs_human_ttft_p99,
       improvement(human_latency_avg, baseline_latency_avg, true) AS human_improvement_latency_avg,
       improvement(human_throughput, baseline_throughput, false) AS human_improvement_throughput,
       improvement(agent_latency_avg, baseline_latency_avg, true) AS agent_improvement_latency_avg,
       improvement(agent_throughput, baseline_throughput, false) AS agent_improvement_throughput,
       improvement(agent_latency_avg, human_latency_avg, true) AS agent_vs_human_latency_avg,
       improvement(agent_throughput, human_throughput, false) AS agent_vs_human_throughput,
       baseline_raw,
       human_raw,
       agent_raw,
       test_script,
       data_source
    FROM v5_merged_rows
), export_rows AS (
    -- export_dataset_rows already has the 76 columns in order; the bookkeeping columns go.
    SELECT * EXCLUDE (commit_key, export_row, shadowed, copy_number, fate, source_root, source_path, source_record)
    FROM v5_export_rows
    WHERE fate = 'kept'
), unioned AS (
    SELECT * FROM merge_rows
    UNION ALL
    SELECT * FROM export_rows
)
SELECT * REPLACE (
    CAST(files_changed AS VARCHAR[]) AS files_changed,
    CAST(models AS VARCHAR[]) AS models,
    CAST(has_agent_patch AS BOOLEAN) AS has_agent_patch,
    CAST(benchmark_date AS VARCHAR) AS benchmark_date)
FROM unioned;

-- Which rows of dataset_v5 the raw merge built ('merge') and which an export gave as they stand
-- ('export'). Every rule set defines this view: triad check holds merge rows to the improvement
-- formula and reports export rows' stored improvements as warnings.
CREATE OR REPLACE VIEW dataset_row_origin AS
SELECT commit_hash, commit_short, agent_name, agent_model, 'merge' AS origin FROM v5_merged_rows
UNION ALL
SELECT commit_hash, commit_short, agent_name, agent_model, 'export' FROM v5_export_rows WHERE fate = 'kept';

-- Everything the merge refused to decide silently.
CREATE OR REPLACE VIEW v5_conflicts AS
SELECT 'prefix collision' AS kind, p.commit_short, NULL::VARCHAR AS commit_hash,
       NULL::VARCHAR AS agent_name, NULL::VARCHAR AS agent_model,
       'full hashes ' || array_to_string(p.full_hashes, ' ') || ' share the short hash; never merged' AS detail,
       (SELECT string_agg(DISTINCT r.path, ' ' ORDER BY r.path) FROM runs r
         WHERE lower(left(r.commit_short, 8)) = p.commit_short) AS paths
FROM commit_prefixes p
WHERE p.candidates > 1
UNION ALL
SELECT 'ambiguous short hash', left(k.commit_key, 8), NULL, r.agent_name, r.agent_model,
       'a ' || r.variant || ' run names only the short hash, which several full hashes share; left out',
       r.path
FROM run_commit_keys k
JOIN runs r USING (root, path, record, variant)
WHERE k.resolution = 'ambiguous'
UNION ALL
SELECT CASE fate WHEN 'shadowed' THEN 'export row shadowed by raw merge' ELSE 'duplicate export row' END,
       left(commit_key, 8), CASE WHEN length(commit_key) = 40 THEN commit_key END, agent_name, agent_model,
       CASE fate WHEN 'shadowed' THEN 'the raw merge produces this commit and agent; the export row is not used'
                 ELSE 'an earlier export row has the same commit and agent; this one is not used' END,
       NULL
FROM v5_export_rows
WHERE fate <> 'kept'
UNION ALL
SELECT 'ambiguous export hash', left(short_hash, 8), NULL, NULL, NULL,
       'export short hash ' || short_hash || ' prefixes ' || ambiguous_among, paths
FROM hash_resolutions_v
WHERE status = 'ambiguous';

CREATE OR REPLACE VIEW dataset AS SELECT * FROM dataset_v5;
CREATE OR REPLACE VIEW dataset_provenance AS SELECT * FROM v5_provenance;
CREATE OR REPLACE VIEW duplicates AS SELECT * FROM v5_duplicates;
CREATE OR REPLACE VIEW conflicts AS SELECT * FROM v5_conflicts;
