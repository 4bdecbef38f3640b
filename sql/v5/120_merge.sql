-- name: v5 merge
-- defines: v5_row_keys, v5_row_runs, v5_cells (per row and metric column: the value each source
-- offers), v5_row_flags, v5_cell_choice (the merge, column by column), v5_provenance and
-- v5_merged_rows (the raw-merge rows, metrics and metadata, before improvements).
--
-- The merge (DESIGN.md "Merge rules", the published v5):
--   1. every commit of the modal source is a row, data_source 'modal';
--   2. a modal row without metrics (v5_row_has_metrics) takes, column by column, the separate
--      source's value where that has one; if any value came from it the row is 'merged';
--   3. a commit only the separate source knows is a row, 'separate';
--   4. a docker rerun with metrics replaces the metrics of a row that has none (after rules 1–3)
--      or whenever the rerun has agent metrics: each variant the rerun measured takes all 11 of its
--      columns from the rerun, and the row is 'docker'; a commit only docker knows is a 'docker' row.
-- A row is (commit_key, agent_name, agent_model). Baseline and human runs are shared by every agent
-- row of their commit; an agent run belongs to the row of its own agent (NULL matches NULL).

-- One row per commit and agent identity seen in any v5 source. A commit without agent runs gets
-- one row for the agent its ingest named (ingest_roots, from --agent-name/--agent-model, when
-- every root holding the commit's runs names the same one), else a row with a NULL agent.
-- row_key joins a row's parts (NULL agents included, written \N).
CREATE OR REPLACE VIEW v5_row_keys AS
WITH seen AS (
    SELECT DISTINCT commit_key FROM v5_chosen_runs
), agents AS (
    SELECT DISTINCT commit_key, agent_name, agent_model FROM v5_chosen_runs WHERE variant = 'agent'
), root_agents AS (
    SELECT r.commit_key, min(i.agent_name) AS agent_name, min(i.agent_model) AS agent_model
    FROM (SELECT DISTINCT commit_key, root FROM v5_chosen_runs) r
    JOIN ingest_roots i USING (root)
    GROUP BY r.commit_key
    HAVING count(DISTINCT (i.agent_name, i.agent_model)) = 1 AND count(i.agent_name) = count(*)
), identities AS (
    SELECT s.commit_key,
           CASE WHEN a.commit_key IS NULL THEN ra.agent_name ELSE a.agent_name END AS agent_name,
           CASE WHEN a.commit_key IS NULL THEN ra.agent_model ELSE a.agent_model END AS agent_model
    FROM seen s
    LEFT JOIN agents a USING (commit_key)
    LEFT JOIN root_agents ra ON ra.commit_key = s.commit_key
)
SELECT commit_key || '|' || coalesce(agent_name, '\N') || '|' || coalesce(agent_model, '\N') AS row_key,
       commit_key, agent_name, agent_model
FROM identities;

-- The chosen runs attached to each row.
CREATE OR REPLACE TABLE v5_row_runs AS
SELECT k.row_key, k.commit_key, k.agent_name, k.agent_model,
       r.source, r.variant, r.root, r.path, r.record, r.pipeline, r.format,
       r.parent_commit, r.status, r.error, r.benchmark_mode, r.model, r.gpu_config, r.perf_command,
       r.run_at, r.raw, r.has_metrics
FROM v5_row_keys k
JOIN v5_chosen_runs r
  ON r.commit_key = k.commit_key
 AND (r.variant <> 'agent' OR (r.agent_name IS NOT DISTINCT FROM k.agent_name
                               AND r.agent_model IS NOT DISTINCT FROM k.agent_model));

-- The 33 metric columns of dataset_v5, by variant and metric.
CREATE OR REPLACE VIEW v5_metric_columns AS
SELECT v.variant, m.metric, v.variant || '_' || m.metric AS column_name,
       (v.rank - 1) * 11 + m.rank AS column_rank
FROM (VALUES ('baseline', 1), ('human', 2), ('agent', 3)) AS v(variant, rank)
CROSS JOIN (VALUES ('ttft_mean', 1), ('ttft_median', 2), ('ttft_p99', 3), ('tpot_mean', 4),
                   ('tpot_median', 5), ('tpot_p99', 6), ('itl_mean', 7), ('itl_median', 8),
                   ('itl_p99', 9), ('latency_avg', 10), ('throughput', 11)) AS m(metric, rank);

-- Per row and metric column, what each source offers (at most one run per source and variant).
CREATE OR REPLACE VIEW v5_cells AS
WITH offered AS (
    SELECT rr.row_key, rr.source, rr.variant,
           v.metric, v.value, rr.pipeline, rr.path, rr.record
    FROM v5_row_runs rr
    JOIN run_metric_values v USING (root, path, record, variant)
)
SELECT k.row_key, k.commit_key, k.agent_name, k.agent_model, c.variant, c.metric, c.column_name, c.column_rank,
       max(o.value) FILTER (WHERE o.source = 'modal')    AS modal_value,
       max(o.value) FILTER (WHERE o.source = 'separate') AS separate_value,
       max(o.value) FILTER (WHERE o.source = 'docker')   AS docker_value
FROM v5_row_keys k
CROSS JOIN v5_metric_columns c
LEFT JOIN offered o
  ON o.row_key = k.row_key
 AND o.variant = c.variant AND o.metric = c.metric
GROUP BY ALL;

-- Per row: which sources know it and the facts rules 2 and 4 decide on.
CREATE OR REPLACE TABLE v5_row_flags AS
WITH presence AS (
    SELECT row_key,
           bool_or(source = 'modal') AS in_modal,
           bool_or(source = 'separate') AS in_separate,
           bool_or(source = 'docker') AS in_docker
    FROM v5_row_runs
    GROUP BY ALL
), modal_side AS (
    SELECT row_key,
           v5_row_has_metrics(max(modal_value) FILTER (WHERE column_name = 'baseline_ttft_mean'),
                              max(modal_value) FILTER (WHERE column_name = 'baseline_throughput'),
                              max(modal_value) FILTER (WHERE column_name = 'baseline_latency_avg')) AS modal_has_metrics,
           bool_or(docker_value IS NOT NULL) AS docker_has_metrics,
           bool_or(docker_value IS NOT NULL AND variant = 'agent') AS docker_has_agent,
           list(DISTINCT variant ORDER BY variant) FILTER (WHERE docker_value IS NOT NULL) AS docker_variants
    FROM v5_cells
    GROUP BY ALL
), before_docker AS (
    -- the baseline columns rule 4 looks at, as rules 1-3 leave them
    SELECT c.row_key,
           v5_row_has_metrics(
               max(CASE WHEN p.in_modal AND m.modal_has_metrics THEN c.modal_value
                        WHEN p.in_modal THEN coalesce(c.separate_value, c.modal_value)
                        ELSE c.separate_value END) FILTER (WHERE c.column_name = 'baseline_ttft_mean'),
               max(CASE WHEN p.in_modal AND m.modal_has_metrics THEN c.modal_value
                        WHEN p.in_modal THEN coalesce(c.separate_value, c.modal_value)
                        ELSE c.separate_value END) FILTER (WHERE c.column_name = 'baseline_throughput'),
               max(CASE WHEN p.in_modal AND m.modal_has_metrics THEN c.modal_value
                        WHEN p.in_modal THEN coalesce(c.separate_value, c.modal_value)
                        ELSE c.separate_value END) FILTER (WHERE c.column_name = 'baseline_latency_avg')
           ) AS merged_has_metrics
    FROM v5_cells c
    JOIN presence p USING (row_key)
    JOIN modal_side m USING (row_key)
    GROUP BY ALL
)
SELECT p.row_key, p.in_modal, p.in_separate, p.in_docker,
       m.modal_has_metrics, b.merged_has_metrics, m.docker_has_metrics, m.docker_has_agent,
       coalesce(m.docker_variants, []) AS docker_variants,
       p.in_docker AND m.docker_has_metrics AND (NOT b.merged_has_metrics OR m.docker_has_agent) AS docker_applies
FROM presence p
JOIN modal_side m USING (row_key)
JOIN before_docker b USING (row_key);

-- The merge, one row per row key and metric column: the source that gives the value.
CREATE OR REPLACE TABLE v5_cell_choice AS
WITH chosen AS (
    SELECT c.*, f.in_modal, f.in_separate, f.in_docker, f.docker_applies,
           CASE
               WHEN f.docker_applies AND list_contains(f.docker_variants, c.variant) THEN 'docker'
               WHEN f.in_modal AND f.modal_has_metrics THEN 'modal'
               WHEN f.in_modal AND c.separate_value IS NOT NULL THEN 'separate'
               WHEN f.in_modal THEN 'modal'
               WHEN f.in_separate THEN 'separate'
               ELSE 'docker'
           END AS source
    FROM v5_cells c
    JOIN v5_row_flags f USING (row_key)
)
SELECT ch.row_key, ch.commit_key, ch.agent_name, ch.agent_model, ch.variant, ch.metric, ch.column_name, ch.column_rank,
       ch.source,
       CASE ch.source WHEN 'modal' THEN ch.modal_value WHEN 'separate' THEN ch.separate_value ELSE ch.docker_value END AS value,
       rr.pipeline, rr.root, rr.path, rr.record
FROM chosen ch
LEFT JOIN v5_row_runs rr
  ON rr.row_key = ch.row_key AND rr.source = ch.source AND rr.variant = ch.variant;

-- Which pipeline and file gave every metric value of a raw-merge row.
CREATE OR REPLACE VIEW v5_provenance AS
SELECT CASE WHEN length(commit_key) = 40 THEN commit_key END AS commit_hash,
       left(commit_key, 8) AS commit_short, agent_name, agent_model,
       column_name, value, source, pipeline, root, path, record
FROM v5_cell_choice
WHERE value IS NOT NULL;

-- Per row and variant, the source whose run stands for the variant (its raw output goes to
-- <variant>_raw): the source of the variant's values, else the row's own first source.
CREATE OR REPLACE VIEW v5_variant_sources AS
SELECT c.row_key, c.variant,
       CASE
           WHEN bool_or(c.source = 'docker' AND c.value IS NOT NULL) THEN 'docker'
           WHEN bool_or(c.source = 'separate' AND c.value IS NOT NULL) THEN 'separate'
           WHEN bool_or(c.source = 'modal' AND c.value IS NOT NULL) THEN 'modal'
           WHEN any_value(f.in_modal) THEN 'modal'
           WHEN any_value(f.in_separate) THEN 'separate'
           ELSE 'docker'
       END AS source
FROM v5_cell_choice c
JOIN v5_row_flags f USING (row_key)
GROUP BY ALL;

-- The raw-merge rows: metadata, the 33 metrics, raw outputs and data_source (no improvements yet).
-- Run metadata (model, gpu_config, benchmark_mode, perf_command, parent_commit) comes from the
-- first run that states it: modal before separate before docker, human before baseline before
-- agent. benchmark_date is the date of the newest timestamp among the row's runs (modal results
-- carry none, so it is often NULL).
CREATE OR REPLACE TABLE v5_merged_rows AS
WITH metrics AS (
    SELECT row_key,
       max(value) FILTER (WHERE column_name = 'baseline_ttft_mean') AS baseline_ttft_mean,
       max(value) FILTER (WHERE column_name = 'baseline_ttft_median') AS baseline_ttft_median,
       max(value) FILTER (WHERE column_name = 'baseline_ttft_p99') AS baseline_ttft_p99,
       max(value) FILTER (WHERE column_name = 'baseline_tpot_mean') AS baseline_tpot_mean,
       max(value) FILTER (WHERE column_name = 'baseline_tpot_median') AS baseline_tpot_median,
       max(value) FILTER (WHERE column_name = 'baseline_tpot_p99') AS baseline_tpot_p99,
       max(value) FILTER (WHERE column_name = 'baseline_itl_mean') AS baseline_itl_mean,
       max(value) FILTER (WHERE column_name = 'baseline_itl_median') AS baseline_itl_median,
       max(value) FILTER (WHERE column_name = 'baseline_itl_p99') AS baseline_itl_p99,
       max(value) FILTER (WHERE column_name = 'baseline_latency_avg') AS baseline_latency_avg,
       max(value) FILTER (WHERE column_name = 'baseline_throughput') AS baseline_throughput,
       max(value) FILTER (WHERE column_name = 'human_ttft_mean') AS human_ttft_mean,
       max(value) FILTER (WHERE column_name = 'human_ttft_median') AS human_ttft_median,
       max(value) FILTER (WHERE column_name = 'human_ttft_p99') AS human_ttft_p99,
       max(value) FILTER (WHERE column_name = 'human_tpot_mean') AS human_tpot_mean,
       max(value) FILTER (WHERE column_name = 'human_tpot_median') AS human_tpot_median,
       max(value) FILTER (WHERE column_name = 'human_tpot_p99') AS human_tpot_p99,
       max(value) FILTER (WHERE column_name = 'human_itl_mean') AS human_itl_mean,
       max(value) FILTER (WHERE column_name = 'human_itl_median') AS human_itl_median,
       max(value) FILTER (WHERE column_name = 'human_itl_p99') AS human_itl_p99,
       max(value) FILTER (WHERE column_name = 'human_latency_avg') AS human_latency_avg,
       max(value) FILTER (WHERE column_name = 'human_throughput') AS human_throughput,
       max(value) FILTER (WHERE column_name = 'agent_ttft_mean') AS agent_ttft_mean,
       max(value) FILTER (WHERE column_name = 'agent_ttft_median') AS agent_ttft_median,
       max(value) FILTER (WHERE column_name = 'agent_ttft_p99') AS agent_ttft_p99,
       max(value) FILTER (WHERE column_name = 'agent_tpot_mean') AS agent_tpot_mean,
       max(value) FILTER (WHERE column_name = 'agent_tpot_median') AS agent_tpot_median,
       max(value) FILTER (WHERE column_name = 'agent_tpot_p99') AS agent_tpot_p99,
       max(value) FILTER (WHERE column_name = 'agent_itl_mean') AS agent_itl_mean,
       max(value) FILTER (WHERE column_name = 'agent_itl_median') AS agent_itl_median,
       max(value) FILTER (WHERE column_name = 'agent_itl_p99') AS agent_itl_p99,
       max(value) FILTER (WHERE column_name = 'agent_latency_avg') AS agent_latency_avg,
       max(value) FILTER (WHERE column_name = 'agent_throughput') AS agent_throughput
    FROM v5_cell_choice
    GROUP BY ALL
), run_meta AS (
    SELECT row_key,
           first(model ORDER BY s_rank, v_rank) FILTER (WHERE model IS NOT NULL) AS model,
           first(gpu_config ORDER BY s_rank, v_rank) FILTER (WHERE gpu_config IS NOT NULL) AS gpu_config,
           first(benchmark_mode ORDER BY s_rank, v_rank) FILTER (WHERE benchmark_mode IS NOT NULL) AS benchmark_mode,
           first(perf_command ORDER BY s_rank, v_rank) FILTER (WHERE perf_command IS NOT NULL) AS perf_command,
           first(parent_commit ORDER BY s_rank, v_rank) FILTER (WHERE parent_commit IS NOT NULL) AS parent_commit,
           strftime(max(run_at), '%Y-%m-%d') AS benchmark_date
    FROM (
        SELECT *,
               CASE source WHEN 'modal' THEN 1 WHEN 'separate' THEN 2 ELSE 3 END AS s_rank,
               CASE variant WHEN 'human' THEN 1 WHEN 'baseline' THEN 2 ELSE 3 END AS v_rank
        FROM v5_row_runs
    )
    GROUP BY ALL
), raws AS (
    SELECT vs.row_key,
           max(rr.raw) FILTER (WHERE vs.variant = 'baseline') AS baseline_raw,
           max(rr.raw) FILTER (WHERE vs.variant = 'human') AS human_raw,
           max(rr.raw) FILTER (WHERE vs.variant = 'agent') AS agent_raw
    FROM v5_variant_sources vs
    LEFT JOIN v5_row_runs rr
      ON rr.row_key = vs.row_key AND rr.source = vs.source AND rr.variant = vs.variant
    GROUP BY ALL
), sources AS (
    SELECT c.row_key,
           CASE
               WHEN any_value(f.docker_applies) OR NOT (any_value(f.in_modal) OR any_value(f.in_separate)) THEN 'docker'
               WHEN any_value(f.in_modal) AND bool_or(c.source = 'separate' AND c.value IS NOT NULL) THEN 'merged'
               WHEN any_value(f.in_modal) THEN 'modal'
               ELSE 'separate'
           END AS data_source
    FROM v5_cell_choice c
    JOIN v5_row_flags f USING (row_key)
    GROUP BY ALL
)
SELECT k.row_key, k.commit_key,
       CASE WHEN length(k.commit_key) = 40 THEN k.commit_key END AS commit_hash,
       left(k.commit_key, 8) AS commit_short,
       cm.commit_subject, cm.repo,
       coalesce(cm.perf_command, rm.perf_command) AS perf_command,
       cm.files_changed, cm.pr_url, cm.models,
       coalesce(cm.parent_commit, rm.parent_commit) AS parent_commit,
       rm.gpu_config, rm.benchmark_mode, k.agent_name, k.agent_model, rm.benchmark_date, rm.model,
       cm.has_agent_patch, cm.patch_path,
       m.* EXCLUDE (row_key),
       rw.baseline_raw, rw.human_raw, rw.agent_raw,
       cm.test_script, s.data_source
FROM v5_row_keys k
JOIN metrics m USING (row_key)
JOIN run_meta rm USING (row_key)
JOIN raws rw USING (row_key)
JOIN sources s USING (row_key)
LEFT JOIN commit_metadata cm USING (commit_key);
