-- name: commit keys
-- defines: full_commit_hashes, commit_prefixes (short hash → the full hashes it prefixes),
-- run_commit_keys (every run's commit_key and how it was resolved) and commit_metadata (one row of
-- commit metadata per commit_key, column by column from the best file).

-- Every full 40-character hash that any file states.
CREATE OR REPLACE VIEW full_commit_hashes AS
SELECT DISTINCT lower(h) AS commit_hash
FROM (
    SELECT commit_hash AS h FROM runs
    UNION ALL SELECT commit_hash FROM commits
    UNION ALL SELECT commit_hash FROM export_rows
)
WHERE regexp_full_match(lower(h), '[0-9a-f]{40}');

-- One row per 8-character prefix of a known full hash. candidates > 1 is a prefix collision: two
-- different commits that the published scripts (which matched on the prefix) would have merged.
CREATE OR REPLACE VIEW commit_prefixes AS
SELECT left(commit_hash, 8) AS commit_short,
       list(commit_hash ORDER BY commit_hash) AS full_hashes,
       count(*) AS candidates
FROM full_commit_hashes
GROUP BY ALL;

-- A run's commit identity. The full hash when the file states it ('full'); else the one full hash
-- of the tree that starts with its short hash ('prefix'); else the short hash itself ('short only',
-- no file states a full hash for it) — unless several full hashes share the prefix ('ambiguous'):
-- such runs are never merged, they are listed in conflicts.
CREATE OR REPLACE VIEW run_commit_keys AS
SELECT r.root, r.path, r.record, r.variant,
       CASE
           WHEN r.commit_hash IS NOT NULL THEN lower(r.commit_hash)
           WHEN p.candidates = 1 THEN p.full_hashes[1]
           ELSE lower(left(r.commit_short, 8))
       END AS commit_key,
       CASE
           WHEN r.commit_hash IS NOT NULL THEN 'full'
           WHEN p.candidates = 1 THEN 'prefix'
           WHEN p.candidates > 1 THEN 'ambiguous'
           ELSE 'short only'
       END AS resolution
FROM runs r
LEFT JOIN commit_prefixes p ON p.commit_short = lower(left(r.commit_short, 8));

-- Commit metadata per commit_key, each column from the best file that states it: a modal result
-- file before an older-layout one before a progress-log copy, then the later path.
CREATE OR REPLACE VIEW commit_metadata AS
WITH keyed AS (
    SELECT c.*,
           CASE
               WHEN c.commit_hash IS NOT NULL THEN lower(c.commit_hash)
               WHEN p.candidates = 1 THEN p.full_hashes[1]
               ELSE lower(left(c.commit_short, 8))
           END AS commit_key,
           coalesce(p.candidates, 0) > 1 AND c.commit_hash IS NULL AS ambiguous,
           CASE f.format WHEN 'modal-result' THEN 0 WHEN 'modal-result-old' THEN 1 ELSE 2 END AS file_rank
    FROM commits c
    LEFT JOIN files f USING (root, path)
    LEFT JOIN commit_prefixes p ON p.commit_short = lower(left(c.commit_short, 8))
)
SELECT commit_key,
       first(commit_subject ORDER BY file_rank, path DESC, record) FILTER (WHERE commit_subject IS NOT NULL) AS commit_subject,
       first(repo ORDER BY file_rank, path DESC, record) FILTER (WHERE repo IS NOT NULL) AS repo,
       first(pr_url ORDER BY file_rank, path DESC, record) FILTER (WHERE pr_url IS NOT NULL) AS pr_url,
       first(files_changed ORDER BY file_rank, path DESC, record) FILTER (WHERE files_changed IS NOT NULL) AS files_changed,
       first(models ORDER BY file_rank, path DESC, record) FILTER (WHERE models IS NOT NULL) AS models,
       first(parent_commit ORDER BY file_rank, path DESC, record) FILTER (WHERE parent_commit IS NOT NULL) AS parent_commit,
       first(perf_command ORDER BY file_rank, path DESC, record) FILTER (WHERE perf_command IS NOT NULL) AS perf_command,
       first(test_script ORDER BY file_rank, path DESC, record) FILTER (WHERE test_script IS NOT NULL) AS test_script,
       first(patch_path ORDER BY file_rank, path DESC, record) FILTER (WHERE patch_path IS NOT NULL) AS patch_path,
       first(has_agent_patch ORDER BY file_rank, path DESC, record) FILTER (WHERE has_agent_patch IS NOT NULL) AS has_agent_patch
FROM keyed
WHERE NOT ambiguous
GROUP BY commit_key;
