-- name: agent verdicts
-- defines: the table macro agent_verdicts(tbl), one row per row of the dataset table named tbl
-- (normally 'dataset'), with its agent configuration, its commit's primary metric (by
-- primary_metric_rules) and the baseline, human and agent values of it, the agent-vs-human
-- improvement % and its verdict under verdict_band(), the agent/human speed ratio (> 1 = agent
-- faster), the agent-vs-human % per metric family, and the flags
--   agent_measured: the row has at least one agent metric (false = an agent failure);
--   valid: human and agent values of the primary metric are both present;
--   complete3: baseline, human and agent values of the primary metric are all present.
-- Percentages are computed from the metrics, never read from the stored improvement columns.
CREATE OR REPLACE MACRO agent_verdicts(tbl) AS TABLE
WITH d AS (
    -- commit_key: the full hash, or the short hash of a commit no file states in full, so that two
    -- such commits never share one primary metric.
    SELECT *, agent_config(agent_name, agent_model) AS agent_config,
           coalesce(commit_hash, commit_short) AS commit_key
    FROM query_table(tbl)
), modes AS (
    SELECT commit_key, benchmark_mode, count(*) AS n
    FROM d WHERE benchmark_mode IS NOT NULL GROUP BY ALL
), commit_modes AS (
    SELECT commit_key, first(benchmark_mode ORDER BY n DESC, benchmark_mode) AS commit_mode
    FROM modes GROUP BY commit_key
), commit_facts AS (
    SELECT commit_key,
           min(perf_command) AS command,
           bool_or(coalesce(baseline_ttft_mean, human_ttft_mean, agent_ttft_mean) IS NOT NULL) AS has_ttft,
           bool_or(coalesce(baseline_throughput, human_throughput, agent_throughput) IS NOT NULL) AS has_throughput,
           bool_or(coalesce(baseline_latency_avg, human_latency_avg, agent_latency_avg) IS NOT NULL) AS has_latency
    FROM d GROUP BY commit_key
), commit_metric AS (
    SELECT f.commit_key, m.commit_mode,
           primary_metric(m.commit_mode, f.command, f.has_ttft, f.has_throughput, f.has_latency) AS primary_metric
    FROM commit_facts f LEFT JOIN commit_modes m USING (commit_key)
), v AS (
    SELECT d.commit_hash, d.commit_short, d.agent_name, d.agent_model, d.agent_config, d.benchmark_mode,
           d.data_source, c.commit_mode, c.primary_metric,
           map_extract_value(map(['ttft_mean', 'ttft_median', 'ttft_p99', 'tpot_mean', 'tpot_median', 'tpot_p99', 'itl_mean', 'itl_median', 'itl_p99', 'latency_avg', 'throughput'],
            [d.baseline_ttft_mean, d.baseline_ttft_median, d.baseline_ttft_p99, d.baseline_tpot_mean, d.baseline_tpot_median, d.baseline_tpot_p99, d.baseline_itl_mean, d.baseline_itl_median, d.baseline_itl_p99, d.baseline_latency_avg, d.baseline_throughput]), c.primary_metric) AS baseline_value,
           map_extract_value(map(['ttft_mean', 'ttft_median', 'ttft_p99', 'tpot_mean', 'tpot_median', 'tpot_p99', 'itl_mean', 'itl_median', 'itl_p99', 'latency_avg', 'throughput'],
            [d.human_ttft_mean, d.human_ttft_median, d.human_ttft_p99, d.human_tpot_mean, d.human_tpot_median, d.human_tpot_p99, d.human_itl_mean, d.human_itl_median, d.human_itl_p99, d.human_latency_avg, d.human_throughput]), c.primary_metric) AS human_value,
           map_extract_value(map(['ttft_mean', 'ttft_median', 'ttft_p99', 'tpot_mean', 'tpot_median', 'tpot_p99', 'itl_mean', 'itl_median', 'itl_p99', 'latency_avg', 'throughput'],
            [d.agent_ttft_mean, d.agent_ttft_median, d.agent_ttft_p99, d.agent_tpot_mean, d.agent_tpot_median, d.agent_tpot_p99, d.agent_itl_mean, d.agent_itl_median, d.agent_itl_p99, d.agent_latency_avg, d.agent_throughput]), c.primary_metric) AS agent_value,
           improvement_pct('ttft_mean', d.human_ttft_mean, d.agent_ttft_mean) AS avh_ttft_mean,
           improvement_pct('tpot_mean', d.human_tpot_mean, d.agent_tpot_mean) AS avh_tpot_mean,
           improvement_pct('itl_mean', d.human_itl_mean, d.agent_itl_mean) AS avh_itl_mean,
           improvement_pct('latency_avg', d.human_latency_avg, d.agent_latency_avg) AS avh_latency_avg,
           improvement_pct('throughput', d.human_throughput, d.agent_throughput) AS avh_throughput,
           coalesce(d.agent_ttft_mean, d.agent_ttft_median, d.agent_ttft_p99, d.agent_tpot_mean, d.agent_tpot_median, d.agent_tpot_p99, d.agent_itl_mean, d.agent_itl_median, d.agent_itl_p99, d.agent_latency_avg, d.agent_throughput) IS NOT NULL AS agent_measured,
           coalesce(d.human_ttft_mean, d.human_ttft_median, d.human_ttft_p99, d.human_tpot_mean, d.human_tpot_median, d.human_tpot_p99, d.human_itl_mean, d.human_itl_median, d.human_itl_p99, d.human_latency_avg, d.human_throughput) IS NOT NULL AS human_measured
    FROM d LEFT JOIN commit_metric c ON c.commit_key = d.commit_key
)
SELECT v.*,
       improvement_pct(primary_metric, human_value, agent_value) AS avh_pct,
       human_value IS NOT NULL AND agent_value IS NOT NULL AS valid,
       baseline_value IS NOT NULL AND human_value IS NOT NULL AND agent_value IS NOT NULL AS complete3,
       verdict(improvement_pct(primary_metric, human_value, agent_value)) AS verdict,
       CASE WHEN human_value > 0 AND agent_value > 0 THEN
            CASE WHEN higher_is_better(primary_metric) THEN agent_value / human_value
                 ELSE human_value / agent_value END END AS speed_ratio
FROM v;
