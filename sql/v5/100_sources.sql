-- name: v5 sources
-- defines: v5_sources (which pipelines and formats feed dataset v5, under which merge source) and
-- v5_row_has_metrics(...) (the published rule for a row "with metrics").

-- The published merge read three sources. Its "separate pipeline" includes the per-variant files
-- lying directly in results/ (pipeline loose): the published dataset's claude-code row of 89a84b0b
-- has agent_ttft_mean 356.05, which only results/89a84b0b_agent_result.json states, and e206b543's
-- baseline_throughput 3116.22 is results/e206b543_baseline_result.json. A later rule set that also
-- uses docker-local, rerun-3way or hub records writes its own table beside this one. copy_rank
-- orders copies of one run: a result's own file before the copy a progress log holds.
CREATE OR REPLACE VIEW v5_sources AS
SELECT * FROM (VALUES
    ('modal',    'modal-result',     'modal',    1),
    ('modal',    'modal-result-old', 'modal',    1),
    ('log',      'modal-progress',   'modal',    2),
    ('separate', 'separate-variant', 'separate', 1),
    ('separate', 'separate-skip',    'separate', 1),
    ('loose',    'separate-variant', 'separate', 1),
    ('loose',    'separate-skip',    'separate', 1),
    ('docker',   'docker-rerun',     'docker',   1)
) AS t(pipeline, format, source, copy_rank);

-- The published rule for "a row without metrics" (merge rules 2 and 4): no baseline ttft_mean,
-- throughput or latency_avg. This is the only place v5 states it.
CREATE OR REPLACE MACRO v5_row_has_metrics(baseline_ttft_mean, baseline_throughput, baseline_latency_avg) AS
    coalesce(baseline_ttft_mean, baseline_throughput, baseline_latency_avg) IS NOT NULL;
