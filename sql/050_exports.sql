-- name: exports
-- defines: hash_resolutions_v (every short commit hash of a final export row, resolved to the one
-- full hash it prefixes, or left alone when ambiguous or unknown) and export_dataset_rows (the
-- final dataset rows of flat exports, the 76 columns in DESIGN order, short hashes resolved, then
-- source_root, source_path and source_record).

-- One row per distinct short hash of a final export row: resolved when exactly one full hash starts
-- with it, ambiguous when several do, unknown when none does.
CREATE OR REPLACE VIEW hash_resolutions_v AS
WITH shorts AS (
    SELECT lower(commit_hash) AS short_hash, count(*) AS export_rows,
           string_agg(DISTINCT path, ', ' ORDER BY path) AS paths
    FROM export_rows
    WHERE data_source IS NOT NULL
      AND regexp_full_match(lower(commit_hash), '[0-9a-f]{4,39}')
    GROUP BY ALL
), candidates AS (
    SELECT s.short_hash, s.export_rows, s.paths,
           coalesce(list(k.commit_hash ORDER BY k.commit_hash) FILTER (WHERE k.commit_hash IS NOT NULL), []) AS matches
    FROM shorts s
    -- full_commit_hashes (sql/020_commit_keys.sql): every full hash of export rows, runs and commits.
    LEFT JOIN full_commit_hashes k ON starts_with(k.commit_hash, s.short_hash)
    GROUP BY ALL
)
SELECT short_hash,
       CASE len(matches) WHEN 1 THEN matches[1] END AS full_hash,
       CASE len(matches) WHEN 0 THEN 'unknown' WHEN 1 THEN 'resolved' ELSE 'ambiguous' END AS status,
       len(matches) AS candidates,
       export_rows,
       paths,
       CASE WHEN len(matches) > 1 THEN array_to_string(matches, ' ') END AS ambiguous_among
FROM candidates;

CREATE OR REPLACE VIEW export_dataset_rows AS
SELECT
    coalesce(h.full_hash, r.commit_hash) AS commit_hash,
    r.commit_short,
    r.commit_subject,
    r.repo,
    r.perf_command,
    r.files_changed,
    r.pr_url,
    r.models,
    r.parent_commit,
    r.gpu_config,
    r.benchmark_mode,
    r.agent_name,
    r.agent_model,
    r.benchmark_date,
    r.model,
    r.has_agent_patch,
    r.patch_path,
    r.baseline_ttft_mean,
    r.baseline_ttft_median,
    r.baseline_ttft_p99,
    r.baseline_tpot_mean,
    r.baseline_tpot_median,
    r.baseline_tpot_p99,
    r.baseline_itl_mean,
    r.baseline_itl_median,
    r.baseline_itl_p99,
    r.baseline_latency_avg,
    r.baseline_throughput,
    r.human_ttft_mean,
    r.human_ttft_median,
    r.human_ttft_p99,
    r.human_tpot_mean,
    r.human_tpot_median,
    r.human_tpot_p99,
    r.human_itl_mean,
    r.human_itl_median,
    r.human_itl_p99,
    r.human_latency_avg,
    r.human_throughput,
    r.agent_ttft_mean,
    r.agent_ttft_median,
    r.agent_ttft_p99,
    r.agent_tpot_mean,
    r.agent_tpot_median,
    r.agent_tpot_p99,
    r.agent_itl_mean,
    r.agent_itl_median,
    r.agent_itl_p99,
    r.agent_latency_avg,
    r.agent_throughput,
    r.human_improvement_ttft_mean,
    r.human_improvement_tpot_mean,
    r.human_improvement_itl_mean,
    r.agent_improvement_ttft_mean,
    r.agent_improvement_tpot_mean,
    r.agent_improvement_itl_mean,
    r.agent_vs_human_ttft_mean,
    r.agent_vs_human_tpot_mean,
    r.agent_vs_human_itl_mean,
    r.human_improvement_ttft_median,
    r.human_improvement_ttft_p99,
    r.agent_improvement_ttft_median,
    r.agent_improvement_ttft_p99,
    r.agent_vs_human_ttft_median,
    r.agent_vs_human_ttft_p99,
    r.human_improvement_latency_avg,
    r.human_improvement_throughput,
    r.agent_improvement_latency_avg,
    r.agent_improvement_throughput,
    r.agent_vs_human_latency_avg,
    r.agent_vs_human_throughput,
    r.baseline_raw,
    r.human_raw,
    r.agent_raw,
    r.test_script,
    r.data_source,
    -- Where the row came from, after the 76 columns: rule sets order export rows by it.
    r.root AS source_root,
    r.path AS source_path,
    r.record AS source_record
FROM export_rows r
LEFT JOIN hash_resolutions_v h
       ON h.status = 'resolved' AND h.short_hash = lower(r.commit_hash)
WHERE r.data_source IS NOT NULL;
