-- name: report_schema
-- returns: one row per column group of the dataset view (metadata, test script, raw metric blobs,
-- serving metrics, standalone metrics, improvements, then any column none of them claims), in that
-- order, with its number of columns and their names in view order
WITH cols AS (
    SELECT column_name, column_index
    FROM duckdb_columns()
    WHERE table_name = 'dataset' AND schema_name = 'main' AND database_name = current_database()
), grouped AS (
    SELECT column_name, column_index,
           CASE
               WHEN column_name LIKE '%\_improvement\_%' ESCAPE '\' OR column_name LIKE 'agent\_vs\_human\_%' ESCAPE '\' THEN 6
               WHEN regexp_full_match(column_name, '(baseline|human|agent)_raw') THEN 3
               WHEN column_name = 'test_script' THEN 2
               WHEN regexp_full_match(column_name, '(baseline|human|agent)_(ttft|tpot|itl)_(mean|median|p99)') THEN 4
               WHEN regexp_full_match(column_name, '(baseline|human|agent)_(latency_avg|throughput)') THEN 5
               WHEN column_name IN ('commit_hash', 'commit_short', 'commit_subject', 'repo', 'perf_command',
                                    'files_changed', 'pr_url', 'models', 'parent_commit', 'gpu_config',
                                    'benchmark_mode', 'agent_name', 'agent_model', 'benchmark_date', 'model',
                                    'has_agent_patch', 'patch_path', 'data_source') THEN 1
               ELSE 7
           END AS group_rank
    FROM cols
)
SELECT CASE group_rank
           WHEN 1 THEN 'Metadata'
           WHEN 2 THEN 'Test script'
           WHEN 3 THEN 'Raw metric blobs'
           WHEN 4 THEN 'Serving metrics (TTFT, TPOT, ITL × mean, median, p99 × baseline, human, agent)'
           WHEN 5 THEN 'Standalone metrics (latency_avg, throughput × baseline, human, agent)'
           WHEN 6 THEN 'Improvements (%, positive = better)'
           ELSE 'Other'
       END AS column_group,
       count(*) AS columns,
       string_agg(column_name, ', ' ORDER BY column_index) AS names
FROM grouped
GROUP BY group_rank
ORDER BY group_rank;
