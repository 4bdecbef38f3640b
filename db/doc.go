// Package db opens triad's DuckDB database and applies a rule set's SQL files to it.
//
// The database is one file (default triad.duckdb) that the official DuckDB CLI can open. Apply
// runs the numbered files of sql/ in order and records each in the applied_sql table with its
// checksum, so a database always says which rules produced its views.
package db
