-- name: invariants
-- defines: invariants, one row per check that `triad check` runs over the applied rule set: its
-- name, its severity (error: the SQL broke a promise of the dataset; warning: the inputs have a
-- problem worth reading), how many rows violate it, what it checks, and one example violation.
-- Every check is a count over tables and views the rule set already defines; nothing is recomputed
-- here that a view states, except the improvement formula, which is checked independently.

CREATE OR REPLACE VIEW invariants AS
WITH numbered AS (
    -- Only rows the rule set's merge built are held to the formula: export rows keep the values
    -- their export states (dataset_row_origin), and improvement_check reports where those differ.
    SELECT row_number() OVER () AS row_id, d.*
    FROM dataset d
    WHERE NOT EXISTS (
        SELECT 1 FROM dataset_row_origin o
        WHERE o.origin = 'export'
          AND o.commit_hash IS NOT DISTINCT FROM d.commit_hash AND o.commit_short IS NOT DISTINCT FROM d.commit_short
          AND o.agent_name IS NOT DISTINCT FROM d.agent_name AND o.agent_model IS NOT DISTINCT FROM d.agent_model)
),
metric_wide AS (
    SELECT row_id, COLUMNS('^(baseline|human|agent)_(ttft|tpot|itl)_(mean|median|p99)$|^(baseline|human|agent)_(latency_avg|throughput)$')
    FROM numbered
),
metric_cells AS (
    UNPIVOT metric_wide ON COLUMNS(* EXCLUDE row_id) INTO NAME column_name VALUE value
),
improvement_wide AS (
    SELECT row_id, COLUMNS('^(human_improvement|agent_improvement|agent_vs_human)_') FROM numbered
),
improvement_cells AS (
    UNPIVOT improvement_wide ON COLUMNS(* EXCLUDE row_id) INTO NAME column_name VALUE stored
),
-- Each improvement recomputed from its two metric cells with the formula written out here, not
-- with improvement(), so that a wrong macro cannot vouch for itself. UNPIVOT drops NULL cells, so
-- a value stored where none should be (or missing where one should be) shows as a one-sided row.
expected_cells AS (
    SELECT x.row_id, c.column_name,
           CASE WHEN c.lower_is_better THEN (r.value - x.value) / r.value * 100
                ELSE (x.value - r.value) / r.value * 100 END AS expected
    FROM improvement_columns c
    JOIN metric_cells x ON x.column_name = c.x_column
    JOIN metric_cells r ON r.row_id = x.row_id AND r.column_name = c.ref_column
    WHERE r.value <> 0
),
improvement_errors AS (
    SELECT coalesce(i.row_id, e.row_id) AS row_id, coalesce(i.column_name, e.column_name) AS column_name,
           i.stored, e.expected
    FROM improvement_cells i
    FULL JOIN expected_cells e ON e.row_id = i.row_id AND e.column_name = i.column_name
    WHERE i.stored IS NULL OR e.expected IS NULL OR abs(i.stored - e.expected) > 1e-9
),
key_dups AS (
    SELECT coalesce(commit_hash, commit_short) AS commit_key, agent_name, agent_model, count(*) AS n
    FROM dataset GROUP BY ALL HAVING count(*) > 1
),
checks AS (
    SELECT 'improvements_follow_formula' AS check_name, 'error' AS severity,
           (SELECT count(*) FROM improvement_errors) AS violations,
           'in rows the merge built, each of the 21 improvement columns equals (ref - x) / ref * 100 (latencies) or (x - ref) / ref * 100 (throughput), NULL when a side is missing or ref is 0' AS description,
           (SELECT format('row {} {}: stored {} expected {}', row_id, column_name, stored, expected)
              FROM improvement_errors ORDER BY row_id, column_name LIMIT 1) AS example
    UNION ALL
    SELECT 'one_row_per_key', 'error', (SELECT count(*) FROM key_dups),
           'one dataset row per (commit, agent_name, agent_model)',
           (SELECT format('{} {} {}: {} rows', commit_key, agent_name, agent_model, n) FROM key_dups ORDER BY ALL LIMIT 1)
    UNION ALL
    SELECT 'categories_cover_rows', 'error',
           abs((SELECT count(*) FROM dataset) - (SELECT count(*) FROM commit_categories)),
           'every dataset row falls in exactly one category',
           NULL
    UNION ALL
    SELECT 'columns_as_designed', 'error',
           (SELECT count(*) FROM dataset_columns d
             FULL JOIN (SELECT column_index AS position, column_name AS name, data_type AS type
                        FROM duckdb_columns() WHERE table_name = 'dataset' AND schema_name = 'main') v
               ON v.position = d.position
             WHERE v.name IS DISTINCT FROM d.name OR v.type IS DISTINCT FROM d.type),
           'the dataset view has the 76 columns of loader/dataset_columns.csv, in order and type',
           NULL
    UNION ALL
    SELECT 'data_source_known', 'error', (SELECT count(*) FROM dataset WHERE data_source IS NULL),
           'every row says where its metrics came from',
           NULL
    UNION ALL
    SELECT 'commit_hash_full', 'warning',
           (SELECT count(*) FROM dataset WHERE commit_hash IS NULL OR NOT regexp_full_match(commit_hash, '[0-9a-f]{40}')),
           'every row names its commit by the full 40-character hash (a commit known only by a short hash has none)',
           (SELECT min(commit_short) FROM dataset WHERE commit_hash IS NULL OR NOT regexp_full_match(commit_hash, '[0-9a-f]{40}'))
    UNION ALL
    SELECT 'files_loaded', 'warning', (SELECT count(*) FROM files WHERE status = 'error'),
           'every data file loaded (see the files ledger)',
           (SELECT min(error) FROM files WHERE status = 'error')
    UNION ALL
    SELECT 'values_kept', 'warning', (SELECT count(*) FROM warnings),
           'no value was nulled or skipped on load (see the warnings table)',
           (SELECT min(path || ': ' || message) FROM warnings)
    UNION ALL
    SELECT 'no_conflicts', 'warning', (SELECT count(*) FROM conflicts),
           'no two sources produced the same row, and no short hash is shared by two commits',
           (SELECT min(kind || ' ' || commit_short) FROM conflicts)
    UNION ALL
    SELECT 'pipelines_agree', 'warning', (SELECT count(*) FROM pipeline_disagreements),
           'two pipelines measuring the same commit, variant and metric agree within 5%',
           NULL
    UNION ALL
    SELECT 'stored_improvements_agree', 'warning', (SELECT count(*) FROM improvement_check),
           'improvements stored in flat exports agree with ours within 0.01 points',
           (SELECT min(commit_short || ' ' || column_name) FROM improvement_check)
)
SELECT check_name, severity, violations, violations = 0 AS ok, description, example
FROM checks;
