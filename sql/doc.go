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
// Applying a rule set runs the shared files and that rule set's files together, ordered by number,
// so one number may be used only once across them. A badly named or duplicate file is an error at
// start-up; nothing is skipped silently.
package sqlfiles
