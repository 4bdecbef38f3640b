-- name: loader schema
-- defines: the raw tables that `triad ingest` appends to. They hold what the files say, keyed by
-- (root, path[, record, variant]); everything derived from them lives in views and in sql/.
CREATE TABLE IF NOT EXISTS files (
    root        VARCHAR NOT NULL, -- the root argument as given, cleaned
    path        VARCHAR NOT NULL, -- slash-separated, relative to root
    pipeline    VARCHAR,          -- from the folder: modal, separate, docker, rerun, log, loose, or the top folder's name
    format      VARCHAR,          -- the recognised format, NULL when ignored or unrecognised
    status      VARCHAR NOT NULL, -- loaded | error | ignored
    error       VARCHAR,          -- for status='error': what failed and where (line:column, byte offset or JSON path)
    reason      VARCHAR,          -- for status='ignored': why the file is not data
    size_bytes  BIGINT,
    sha256      VARCHAR,
    records     INTEGER,          -- runs, rows or records taken from the file
    warnings    INTEGER           -- values nulled or skipped, see the warnings table
);
CREATE TABLE IF NOT EXISTS run_records (
    root           VARCHAR NOT NULL,
    path           VARCHAR NOT NULL,
    record         INTEGER NOT NULL, -- index of the record inside the file (0 for single-record files)
    variant        VARCHAR NOT NULL, -- baseline | human | agent
    pipeline       VARCHAR,
    format         VARCHAR,
    commit_hash    VARCHAR,          -- full 40-character lower-case hash, when the file states it
    commit_short   VARCHAR,          -- first 8 characters
    parent_commit  VARCHAR,
    agent_name     VARCHAR,          -- agent identity (from the file, else from --agent-name/--agent-model)
    agent_model    VARCHAR,
    status         VARCHAR,
    error          VARCHAR,
    benchmark_mode VARCHAR,
    model          VARCHAR,
    gpu_config     VARCHAR,
    perf_command   VARCHAR,
    timestamp      VARCHAR,
    raw            VARCHAR,          -- the run's raw benchmark output, when the file has it
    content_sha256 VARCHAR           -- checksum of the record's own JSON, to spot identical copies
);
CREATE TABLE IF NOT EXISTS run_values (
    root       VARCHAR NOT NULL,
    path       VARCHAR NOT NULL,
    record     INTEGER NOT NULL,
    variant    VARCHAR NOT NULL,
    source_key VARCHAR NOT NULL, -- the key as spelled in the file (or in the raw log)
    value      DOUBLE,           -- as stated, before the alias table's scale
    origin     VARCHAR NOT NULL, -- structured | raw_log
    position   VARCHAR           -- JSON path of the value, or 'raw_log'
);
CREATE TABLE IF NOT EXISTS commits (
    root            VARCHAR NOT NULL,
    path            VARCHAR NOT NULL,
    record          INTEGER NOT NULL,
    commit_hash     VARCHAR,
    commit_short    VARCHAR,
    commit_subject  VARCHAR,
    repo            VARCHAR,
    pr_url          VARCHAR,
    files_changed   VARCHAR[],
    models          VARCHAR[],
    parent_commit   VARCHAR,
    perf_command    VARCHAR,
    test_script     VARCHAR,
    patch_path      VARCHAR,
    has_agent_patch BOOLEAN
);
CREATE TABLE IF NOT EXISTS warnings (
    root     VARCHAR NOT NULL,
    path     VARCHAR NOT NULL,
    position VARCHAR,
    message  VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS metric_aliases (
    source_key VARCHAR PRIMARY KEY, -- a spelling seen in the data
    metric     VARCHAR NOT NULL,    -- the canonical metric (a dataset_v5 suffix, or request/total throughput)
    scale      DOUBLE NOT NULL,     -- multiply to reach ms (latencies) or tok/s / req/s (throughputs)
    priority   INTEGER NOT NULL     -- lower wins when one record spells a metric twice
);
-- export_rows: rows of a flat dataset export (the 76 dataset_v5 columns, typed as dataset_v5 types them),
-- taken as they stand. Columns the file lacks are NULL.
CREATE TABLE IF NOT EXISTS export_rows (
    root VARCHAR NOT NULL,
    path VARCHAR NOT NULL,
    record INTEGER NOT NULL, -- line (JSONL), row (CSV, Parquet) or array index, starting at 1 for lines and rows
    commit_hash VARCHAR,
    commit_short VARCHAR,
    commit_subject VARCHAR,
    repo VARCHAR,
    perf_command VARCHAR,
    files_changed VARCHAR[],
    pr_url VARCHAR,
    models VARCHAR[],
    parent_commit VARCHAR,
    gpu_config VARCHAR,
    benchmark_mode VARCHAR,
    agent_name VARCHAR,
    agent_model VARCHAR,
    benchmark_date VARCHAR,
    model VARCHAR,
    has_agent_patch BOOLEAN,
    patch_path VARCHAR,
    baseline_ttft_mean DOUBLE,
    baseline_ttft_median DOUBLE,
    baseline_ttft_p99 DOUBLE,
    baseline_tpot_mean DOUBLE,
    baseline_tpot_median DOUBLE,
    baseline_tpot_p99 DOUBLE,
    baseline_itl_mean DOUBLE,
    baseline_itl_median DOUBLE,
    baseline_itl_p99 DOUBLE,
    baseline_latency_avg DOUBLE,
    baseline_throughput DOUBLE,
    human_ttft_mean DOUBLE,
    human_ttft_median DOUBLE,
    human_ttft_p99 DOUBLE,
    human_tpot_mean DOUBLE,
    human_tpot_median DOUBLE,
    human_tpot_p99 DOUBLE,
    human_itl_mean DOUBLE,
    human_itl_median DOUBLE,
    human_itl_p99 DOUBLE,
    human_latency_avg DOUBLE,
    human_throughput DOUBLE,
    agent_ttft_mean DOUBLE,
    agent_ttft_median DOUBLE,
    agent_ttft_p99 DOUBLE,
    agent_tpot_mean DOUBLE,
    agent_tpot_median DOUBLE,
    agent_tpot_p99 DOUBLE,
    agent_itl_mean DOUBLE,
    agent_itl_median DOUBLE,
    agent_itl_p99 DOUBLE,
    agent_latency_avg DOUBLE,
    agent_throughput DOUBLE,
    human_improvement_ttft_mean DOUBLE,
    human_improvement_tpot_mean DOUBLE,
    human_improvement_itl_mean DOUBLE,
    agent_improvement_ttft_mean DOUBLE,
    agent_improvement_tpot_mean DOUBLE,
    agent_improvement_itl_mean DOUBLE,
    agent_vs_human_ttft_mean DOUBLE,
    agent_vs_human_tpot_mean DOUBLE,
    agent_vs_human_itl_mean DOUBLE,
    human_improvement_ttft_median DOUBLE,
    human_improvement_ttft_p99 DOUBLE,
    agent_improvement_ttft_median DOUBLE,
    agent_improvement_ttft_p99 DOUBLE,
    agent_vs_human_ttft_median DOUBLE,
    agent_vs_human_ttft_p99 DOUBLE,
    human_improvement_latency_avg DOUBLE,
    human_improvement_throughput DOUBLE,
    agent_improvement_latency_avg DOUBLE,
    agent_improvement_throughput DOUBLE,
    agent_vs_human_latency_avg DOUBLE,
    agent_vs_human_throughput DOUBLE,
    baseline_raw VARCHAR,
    human_raw VARCHAR,
    agent_raw VARCHAR,
    test_script VARCHAR,
    data_source VARCHAR
);
-- dataset_columns: the 76 columns every rule set's dataset must have, in order, with their types
-- (loader/dataset_columns.csv, reseeded on every ingest). triad check compares the dataset with it.
CREATE TABLE IF NOT EXISTS dataset_columns (
    position INTEGER PRIMARY KEY, -- 1-based
    name     VARCHAR NOT NULL,
    type     VARCHAR NOT NULL
);
-- ingest_roots: one row per ingested root with the agent identity its ingest was told
-- (--agent-name/--agent-model), so that a rule set can name the agent of a commit's row even when
-- no agent run of that commit survives (the agent failed before writing a file).
CREATE TABLE IF NOT EXISTS ingest_roots (
    root        VARCHAR PRIMARY KEY,
    agent_name  VARCHAR,
    agent_model VARCHAR
);
