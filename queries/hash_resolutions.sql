-- name: hash_resolutions
-- returns: every short commit hash of a final export row: the full hash it was resolved to
-- (status resolved), or why it was left alone (ambiguous, with the candidates; unknown)
SELECT short_hash, status, full_hash, candidates, export_rows, paths, ambiguous_among
FROM hash_resolutions_v
ORDER BY status DESC, short_hash;
