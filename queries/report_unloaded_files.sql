-- name: report_unloaded_files
-- returns: one row per file of the ledger that was not loaded, errors first then ignored files,
-- each ordered by root and path, with its pipeline, the format it was recognised as (NULL when
-- none) and why: the error of a file that failed, the reason a file is not data
SELECT status, root, path, pipeline, format, coalesce(error, reason) AS why
FROM files
WHERE status <> 'loaded'
ORDER BY status = 'ignored', root, path;
