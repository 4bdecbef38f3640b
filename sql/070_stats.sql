-- name: stats
-- defines: the statistics macros every agent comparison uses —
--   wilson_low(k, n) / wilson_high(k, n): Wilson score 95% interval of a proportion k/n;
--   mcnemar_p(b, c): exact two-sided McNemar p-value on b vs c discordant pairs (binomial, p = 1/2);
--   geo_mean(x): geometric mean of the positive values of x (an aggregate);
--   metric_directions and higher_is_better(metric), improvement_pct(metric, ref, x): the one
--   improvement() formula of 010_macros.sql with the direction looked up by metric name;
--   primary_metric_rules and primary_metric(mode, command, has_ttft, has_throughput, has_latency):
--   the one rule choosing each commit's primary metric.

-- z for a two-sided 95% interval.
CREATE OR REPLACE MACRO wilson_z() AS 1.959963984540054;

CREATE OR REPLACE MACRO wilson_low(k, n) AS CASE WHEN n > 0 THEN
    ((k / n + wilson_z() ^ 2 / (2 * n))
     - wilson_z() * sqrt((k / n) * (1 - k / n) / n + wilson_z() ^ 2 / (4 * n * n)))
    / (1 + wilson_z() ^ 2 / n) END;

CREATE OR REPLACE MACRO wilson_high(k, n) AS CASE WHEN n > 0 THEN
    ((k / n + wilson_z() ^ 2 / (2 * n))
     + wilson_z() * sqrt((k / n) * (1 - k / n) / n + wilson_z() ^ 2 / (4 * n * n)))
    / (1 + wilson_z() ^ 2 / n) END;

-- P = min(1, 2 · Σ_{i ≤ min(b,c)} C(b+c, i) / 2^(b+c)); 1 when there are no discordant pairs.
CREATE OR REPLACE MACRO mcnemar_p(b, c) AS CASE
    WHEN b IS NULL OR c IS NULL THEN NULL
    WHEN b + c = 0 THEN 1.0
    ELSE least(1.0, 2 * list_sum(list_transform(range(0, least(b, c) + 1),
        i -> exp(lgamma(b + c + 1) - lgamma(i + 1) - lgamma(b + c - i + 1) - (b + c) * ln(2)))))
    END;

CREATE OR REPLACE MACRO geo_mean(x) AS exp(avg(ln(CASE WHEN x > 0 THEN x END)));

CREATE OR REPLACE TABLE metric_directions (metric VARCHAR PRIMARY KEY, higher_is_better BOOLEAN NOT NULL);
INSERT INTO metric_directions VALUES
    ('ttft_mean', false), ('ttft_median', false), ('ttft_p99', false),
    ('tpot_mean', false), ('tpot_median', false), ('tpot_p99', false),
    ('itl_mean', false), ('itl_median', false), ('itl_p99', false),
    ('latency_avg', false), ('throughput', true);

CREATE OR REPLACE MACRO higher_is_better(m) AS
    (SELECT d.higher_is_better FROM metric_directions d WHERE d.metric = m);

CREATE OR REPLACE MACRO improvement_pct(m, ref, x) AS improvement(x, ref, NOT higher_is_better(m));

-- The primary-metric rule, first matching rank wins. A rule matches a commit when its mode is NULL
-- or the commit's benchmark_mode, its command pattern is NULL or LIKE the commit's perf_command,
-- and the commit has a value of the metric (any variant). Edit this table to change the rule.
CREATE OR REPLACE TABLE primary_metric_rules (
    rank           INTEGER PRIMARY KEY,
    benchmark_mode VARCHAR,
    command_like   VARCHAR,
    metric         VARCHAR NOT NULL,
    label          VARCHAR NOT NULL
);
INSERT INTO primary_metric_rules VALUES
    (10, 'serving',        NULL,                   'ttft_mean',   'serving → ttft_mean'),
    (20, 'standalone',     '%benchmark_latency%',  'latency_avg', 'standalone latency run → latency_avg'),
    (30, 'standalone',     NULL,                   'throughput',  'standalone throughput run → throughput'),
    (40, 'standalone',     NULL,                   'latency_avg', 'standalone without throughput → latency_avg'),
    (50, 'prefix_caching', NULL,                   'throughput',  'prefix_caching → throughput'),
    -- Modes as the separate and docker pipelines spell them.
    (54, 'throughput',     NULL,                   'throughput',  'throughput → throughput'),
    (56, 'latency',        NULL,                   'latency_avg', 'latency → latency_avg'),
    (60, NULL,             NULL,                   'ttft_mean',   'otherwise ttft_mean'),
    (70, NULL,             NULL,                   'throughput',  'otherwise throughput'),
    (80, NULL,             NULL,                   'latency_avg', 'otherwise latency_avg');

CREATE OR REPLACE MACRO primary_metric(mode, command, has_ttft, has_throughput, has_latency) AS (
    SELECT r.metric FROM primary_metric_rules r
    WHERE (r.benchmark_mode IS NULL OR r.benchmark_mode = mode)
      AND (r.command_like IS NULL OR command LIKE r.command_like)
      AND CASE r.metric WHEN 'ttft_mean' THEN has_ttft WHEN 'throughput' THEN has_throughput
                        WHEN 'latency_avg' THEN has_latency ELSE false END
    ORDER BY r.rank LIMIT 1);

-- The rule in one line, for printing wherever verdicts appear.
CREATE OR REPLACE MACRO primary_metric_rule() AS
    (SELECT string_agg(label, '; ' ORDER BY rank) FROM primary_metric_rules);
