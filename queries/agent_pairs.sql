-- name: agent_pairs
-- returns: one row per pair of agent configurations (a < b), over the commits where both have a
-- valid comparison with human on the primary metric: a_wins = commits where a beats human beyond
-- the band and b does not, b_wins the reverse, ties = both or neither; the exact two-sided McNemar
-- p-value on the discordant pairs (a_wins vs b_wins); the median of a's minus b's agent-vs-human %;
-- the band and the primary-metric rule
WITH one AS (
    -- one row per (commit, configuration): a valid one first, then by spelling and source
    SELECT commit_hash, agent_config,
           first(verdict ORDER BY valid DESC, agent_name, agent_model, data_source) AS verdict,
           first(avh_pct ORDER BY valid DESC, agent_name, agent_model, data_source) AS avh_pct
    FROM agent_verdicts('dataset')
    GROUP BY commit_hash, agent_config
), pairs AS (
    SELECT a.agent_config AS agent_a, b.agent_config AS agent_b,
           (a.verdict = 'win') AS a_win, (b.verdict = 'win') AS b_win,
           a.avh_pct - b.avh_pct AS diff
    FROM one a JOIN one b ON a.commit_hash = b.commit_hash AND a.agent_config < b.agent_config
    WHERE a.verdict IS NOT NULL AND b.verdict IS NOT NULL
), configs AS (
    SELECT DISTINCT a.agent_config AS agent_a, b.agent_config AS agent_b
    FROM one a JOIN one b ON a.agent_config < b.agent_config
)
SELECT c.agent_a, c.agent_b,
       count(p.agent_a) AS commits,
       count(*) FILTER (WHERE p.a_win AND NOT p.b_win) AS a_wins,
       count(*) FILTER (WHERE p.a_win = p.b_win) AS ties,
       count(*) FILTER (WHERE p.b_win AND NOT p.a_win) AS b_wins,
       round(mcnemar_p(count(*) FILTER (WHERE p.a_win AND NOT p.b_win),
                       count(*) FILTER (WHERE p.b_win AND NOT p.a_win)), 5) AS mcnemar_p,
       round(median(p.diff), 2) AS median_avh_diff,
       verdict_band() AS band_pct,
       primary_metric_rule() AS primary_metric_rule
FROM configs c LEFT JOIN pairs p USING (agent_a, agent_b)
GROUP BY c.agent_a, c.agent_b
ORDER BY c.agent_a, c.agent_b;
