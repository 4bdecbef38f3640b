// Package loader turns pipeline output files into rows of DuckDB's raw tables.
//
// An ingest works in four steps:
//
//  1. Walk each root. Every regular file becomes one row of the files ledger: loaded, error (with
//     the reason and the position that failed) or ignored (with the reason). Nothing is dropped.
//  2. Recognise the file's format by its content, with the path as a hint (see the registry in
//     formats.go), and take the pipeline from the folder (pipeline.go). The folder never decides
//     the format, and the content never decides the pipeline.
//  3. Normalise: each measured variant becomes a run_records row and its metric values become
//     run_values rows, spelled as the file spells them. Raw benchmark logs are scanned for values
//     the structured metrics lack (rawlog.go). Flat dataset exports become export_rows.
//  4. Append everything with DuckDB appenders, then run normalise.sql, which maps every spelling
//     to a canonical metric through the metric_aliases table (metric_aliases.csv, with its scale
//     to ms or tok/s) and rebuilds the runs table.
//
// Re-ingesting a root first deletes that root's rows, so the same roots give the same tables.
package loader
