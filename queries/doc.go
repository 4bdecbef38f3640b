// Package queries embeds the named, read-only queries of triad: queries/<name>.sql, one query per
// file.
//
// Every file starts with two header lines,
//
//	-- name: category_counts
//	-- returns: one row per category …
//
// where the name equals the file name without .sql and the returns text (which may continue on
// further comment lines) says what the rows are and how they are ordered. Queries read only the
// rule-set-independent views (dataset, commit_categories, conflicts, …) and the raw tables, so the
// same query answers for any rule set. A badly named file, a missing or mismatched header or a
// duplicate name is an error when the list is first read.
//
// Tunables are DuckDB variables with a default set in SQL, for example the verdict band of
// agent_vs_human: `SET VARIABLE band = 5;` (default 2, see sql/010_macros.sql).
package queries
