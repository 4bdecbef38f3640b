-- name: v5 runs
-- defines: v5_candidate_runs (runs of the v5 sources with their commit_key), v5_duplicates (every
-- run that shares its commit, variant, agent and source with another, chosen or not, and why) and
-- v5_chosen_runs (one run per commit, variant, agent and source).
--
-- Duplicates inside one source resolve in this order:
--   1. identical content (same content_sha256) counts once;
--   2. a run with metrics (has_any_metric) beats one without;
--   3. the newer timestamp (run_time) wins; a run without a timestamp loses to one with;
--   4. a result's own file beats a progress-log copy (v5_sources.copy_rank);
--   5. the later path (progress logs and snapshots are named by date), then the lower record.
-- Runs whose short hash prefixes several full hashes are left out (see conflicts).

CREATE OR REPLACE VIEW v5_candidate_runs AS
SELECT k.commit_key, k.resolution, s.source, s.copy_rank,
       r.root, r.path, r.record, r.variant, r.pipeline, r.format,
       r.commit_hash, r.commit_short, r.parent_commit, r.agent_name, r.agent_model,
       r.status, r.error, r.benchmark_mode, r.model, r.gpu_config, r.perf_command, r.timestamp,
       r.ttft_mean, r.ttft_median, r.ttft_p99, r.tpot_mean, r.tpot_median, r.tpot_p99,
       r.itl_mean, r.itl_median, r.itl_p99, r.latency_avg, r.throughput,
       r.raw, r.content_sha256,
       has_any_metric(r.ttft_mean, r.ttft_median, r.ttft_p99, r.tpot_mean, r.tpot_median, r.tpot_p99,
                      r.itl_mean, r.itl_median, r.itl_p99, r.latency_avg, r.throughput) AS has_metrics,
       run_time(r.timestamp) AS run_at
FROM runs r
JOIN v5_sources s USING (pipeline, format)
JOIN run_commit_keys k USING (root, path, record, variant)
WHERE k.resolution <> 'ambiguous';

CREATE OR REPLACE VIEW v5_ranked_runs AS
WITH copies AS (
    SELECT *,
           row_number() OVER (
               PARTITION BY commit_key, variant, agent_name, agent_model, source,
                            coalesce(content_sha256, root || '/' || path || '#' || record)
               ORDER BY copy_rank, path DESC, record
           ) AS copy_number
    FROM v5_candidate_runs
), distinct_runs AS (
    SELECT *,
           row_number() OVER (
               PARTITION BY commit_key, variant, agent_name, agent_model, source
               ORDER BY has_metrics DESC, run_at DESC NULLS LAST, copy_rank, path DESC, record
           ) AS choice
    FROM copies
    WHERE copy_number = 1
)
SELECT c.*, d.choice,
       count(*) OVER (PARTITION BY c.commit_key, c.variant, c.agent_name, c.agent_model, c.source) AS group_runs
FROM copies c
LEFT JOIN distinct_runs d USING (root, path, record, variant);

CREATE OR REPLACE TABLE v5_chosen_runs AS
SELECT * EXCLUDE (copy_number, choice, group_runs)
FROM v5_ranked_runs
WHERE choice = 1;

CREATE OR REPLACE VIEW v5_duplicates AS
SELECT d.source, d.commit_key, left(d.commit_key, 8) AS commit_short, d.variant, d.agent_name, d.agent_model,
       coalesce(d.choice = 1, false) AS chosen,
       CASE
           WHEN d.choice = 1 THEN 'chosen'
           WHEN d.copy_number > 1 THEN 'identical content counted once'
           WHEN w.has_metrics AND NOT d.has_metrics THEN 'the chosen run has metrics'
           WHEN w.run_at > d.run_at OR (w.run_at IS NOT NULL AND d.run_at IS NULL) THEN 'the chosen run is newer'
           WHEN w.copy_rank < d.copy_rank THEN 'the chosen run is the result''s own file'
           ELSE 'tie broken by path'
       END AS reason,
       d.pipeline, d.format, d.path, d.record, d.status, d.has_metrics, d.timestamp, d.content_sha256,
       w.path AS chosen_path, w.record AS chosen_record
FROM v5_ranked_runs d
JOIN v5_chosen_runs w
  ON w.commit_key = d.commit_key AND w.variant = d.variant AND w.source = d.source
 AND w.agent_name IS NOT DISTINCT FROM d.agent_name AND w.agent_model IS NOT DISTINCT FROM d.agent_model
WHERE d.group_runs > 1;
