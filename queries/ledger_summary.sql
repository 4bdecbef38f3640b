-- name: ledger_summary
-- returns: the file ledger summed per pipeline, format and status: files, records, warnings and
-- bytes; ordered by pipeline, format (NULL last) and status
SELECT pipeline, format, status, count(*) AS files, coalesce(sum(records), 0) AS records,
       coalesce(sum(warnings), 0) AS warnings, coalesce(sum(size_bytes), 0) AS bytes
FROM files
GROUP BY ALL
ORDER BY pipeline NULLS LAST, format NULLS LAST, status;
