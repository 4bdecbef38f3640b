-- name: agent_summary
-- returns: one row per agent configuration (agent_aliases): rows, commits, rows valid for comparison
-- (human and agent values of the primary metric), agent failures (rows with human but no agent
-- metrics, the agent failure category of commit_categories), rows without human metrics,
-- 3-way complete rows by benchmark mode, win / match / loss against human under the band (printed,
-- set with SET VARIABLE band), the win rate over valid rows with its Wilson 95% interval, the median
-- agent-vs-human % with its n per metric family, the geometric mean of agent/human speed ratios
-- (> 1 = agent faster) with its n, and the primary-metric rule
SELECT
    agent_config,
    count(*) AS rows,
    count(DISTINCT coalesce(commit_hash, commit_short)) AS commits,
    count(*) FILTER (WHERE valid) AS valid,
    count(*) FILTER (WHERE human_measured AND NOT agent_measured) AS agent_failures,
    count(*) FILTER (WHERE NOT human_measured) AS no_human_metrics,
    count(*) FILTER (WHERE complete3 AND benchmark_mode = 'serving') AS complete3_serving,
    count(*) FILTER (WHERE complete3 AND benchmark_mode = 'standalone') AS complete3_standalone,
    count(*) FILTER (WHERE complete3 AND benchmark_mode = 'prefix_caching') AS complete3_prefix_caching,
    count(*) FILTER (WHERE complete3 AND coalesce(benchmark_mode, '') NOT IN ('serving', 'standalone', 'prefix_caching')) AS complete3_other,
    verdict_band() AS band_pct,
    count(*) FILTER (WHERE verdict = 'win') AS wins,
    count(*) FILTER (WHERE verdict = 'match') AS matches,
    count(*) FILTER (WHERE verdict = 'loss') AS losses,
    round(count(*) FILTER (WHERE verdict = 'win') / nullif(count(*) FILTER (WHERE valid), 0), 4) AS win_rate,
    round(wilson_low(count(*) FILTER (WHERE verdict = 'win'), count(*) FILTER (WHERE valid)), 4) AS win_ci_low,
    round(wilson_high(count(*) FILTER (WHERE verdict = 'win'), count(*) FILTER (WHERE valid)), 4) AS win_ci_high,
    round(median(avh_ttft_mean), 2) AS median_avh_ttft_mean,
    count(avh_ttft_mean) AS n_ttft_mean,
    round(median(avh_tpot_mean), 2) AS median_avh_tpot_mean,
    count(avh_tpot_mean) AS n_tpot_mean,
    round(median(avh_itl_mean), 2) AS median_avh_itl_mean,
    count(avh_itl_mean) AS n_itl_mean,
    round(median(avh_latency_avg), 2) AS median_avh_latency_avg,
    count(avh_latency_avg) AS n_latency_avg,
    round(median(avh_throughput), 2) AS median_avh_throughput,
    count(avh_throughput) AS n_throughput,
    round(geo_mean(speed_ratio), 4) AS geomean_speed_ratio,
    count(speed_ratio) FILTER (WHERE speed_ratio > 0) AS n_speed_ratio,
    primary_metric_rule() AS primary_metric_rule
FROM agent_verdicts('dataset')
GROUP BY agent_config
ORDER BY agent_config;
