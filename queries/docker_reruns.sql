-- name: docker_reruns
-- returns: one row per run of a docker rerun file (format docker-rerun): commit, variant, status,
-- benchmark_mode, model, ttft_mean, tpot_mean, itl_mean, latency_avg, throughput, and the
-- data_source of the dataset rows of that commit; ordered by commit, then baseline, human, agent
SELECT left(k.commit_key, 8) AS commit_short, r.variant, r.status, r.benchmark_mode, r.model,
       r.ttft_mean, r.tpot_mean, r.itl_mean, r.latency_avg, r.throughput,
       (SELECT string_agg(DISTINCT d.data_source, ' ' ORDER BY d.data_source) FROM dataset d
         WHERE coalesce(d.commit_hash, d.commit_short) = k.commit_key) AS row_data_source,
       r.path
FROM runs r
JOIN run_commit_keys k USING (root, path, record, variant)
WHERE r.format = 'docker-rerun'
ORDER BY commit_short, CASE r.variant WHEN 'baseline' THEN 1 WHEN 'human' THEN 2 ELSE 3 END, r.path, r.record;
