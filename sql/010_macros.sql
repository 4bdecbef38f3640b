-- name: macros
-- defines: the macros every rule set and query shares — improvement(x, ref, lower_is_better),
-- has_any_metric(11 metrics), run_time(ts), dataset_row_key(...), verdict_band() and verdict(pct).

-- The one improvement formula, in percent, positive = better. Latencies (lower is better):
-- (ref - x) / ref * 100; throughputs: (x - ref) / ref * 100. NULL when either side is NULL or the
-- reference is 0. human_improvement_* and agent_improvement_* use the baseline as ref,
-- agent_vs_human_* the human value.
CREATE OR REPLACE MACRO improvement(x, ref, lower_is_better) AS
    CASE
        WHEN x IS NULL OR ref IS NULL OR ref = 0 THEN NULL
        WHEN lower_is_better THEN (ref - x) / ref * 100
        ELSE (x - ref) / ref * 100
    END;

-- A variant "has metrics" (has_B, has_H, has_A) when any of its 11 dataset metrics is known:
-- a serving metric, latency_avg or throughput.
CREATE OR REPLACE MACRO has_any_metric(ttft_mean, ttft_median, ttft_p99, tpot_mean, tpot_median, tpot_p99,
                                       itl_mean, itl_median, itl_p99, latency_avg, throughput) AS
    coalesce(ttft_mean, ttft_median, ttft_p99, tpot_mean, tpot_median, tpot_p99,
             itl_mean, itl_median, itl_p99, latency_avg, throughput) IS NOT NULL;

-- A run's timestamp as written ('2026-01-05 10:42:58', '2026-01-12T14:22:25.610911',
-- '2026-01-09T06:00:00Z') read as a TIMESTAMP; a trailing zone is dropped (all pipelines wrote
-- UTC or local time of one machine), and anything unreadable is NULL.
CREATE OR REPLACE MACRO run_time(ts) AS
    try_cast(regexp_replace(trim(ts), '(Z|[+-][0-9]{2}:?[0-9]{2})$', '') AS TIMESTAMP);

-- The band, in percentage points, inside which agent and human are a match: ±2 unless a session
-- says otherwise with `SET VARIABLE band = 5;` (triad report --band sets it). Every verdict of
-- every query and report section goes through verdict(), so there is one band.
CREATE OR REPLACE MACRO verdict_band() AS coalesce(try_cast(getvariable('band') AS DOUBLE), 2.0);

-- win / match / loss for an agent-vs-human percentage (positive = agent better).
CREATE OR REPLACE MACRO verdict(pct) AS
    CASE
        WHEN pct IS NULL THEN NULL
        WHEN pct > verdict_band() THEN 'win'
        WHEN pct < -verdict_band() THEN 'loss'
        ELSE 'match'
    END;

-- The key of a dataset row as one string, for joining views back to their row: the commit (its full
-- hash, or the short hash of a commit no file states in full) and the agent, NULLs written \N.
CREATE OR REPLACE MACRO dataset_row_key(commit_hash, commit_short, agent_name, agent_model) AS
    concat_ws('|', coalesce(commit_hash, commit_short), coalesce(agent_name, '\N'), coalesce(agent_model, '\N'));
