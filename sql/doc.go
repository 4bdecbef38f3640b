// Package sqlfiles embeds the versioned SQL that turns the raw tables into answers.
//
// The directory is named sql/ for users; the Go package is sqlfiles so that it never shadows
// database/sql. It holds two kinds of numbered files, NNN_snake_name.sql:
//
//   - files directly in sql/ are shared by every rule set (macros, provenance, improvements,
//     categories and fill rates, numbered outside the rule sets' range);
//   - files in sql/<rules>/ (for example sql/v5/) are one rule set: how the pipelines merge into
//     the 76-column dataset_<rules> and the dataset view that the queries read.
//
// Numbers 000–099 are shared files that run before the merge (macros, commit keys, flat exports,
// agents, statistics), 100–199 belong to rule sets, and 200–299 are shared files that run on a
// rule set's result (categories, fill rates, checks, invariants).
//
// A rule set must define: dataset_<rules> (the 76 columns of loader/dataset_columns.csv, in order
// and type), and the rule-set-independent views the shared files and the queries read: dataset,
// dataset_provenance, duplicates, conflicts and dataset_row_origin (which rows the merge built and
// which an export gave as they stand). triad check verifies the column contract.
//
// Applying a rule set runs the shared files and that rule set's files together, ordered by number,
// so one number may be used only once across them. A badly named or duplicate file is an error at
// start-up; nothing is skipped silently.
package sqlfiles
