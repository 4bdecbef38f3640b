// Package report turns query results into the analysis document.
//
// A report is rendered in five steps:
//
//  1. The caller opens an ingested database and applies the rule set (db.Apply), so the views the
//     queries read are current, and sets the verdict band (SET VARIABLE band).
//  2. The section templates embedded from templates/*.md.tmpl are parsed once, in file-name order,
//     after the helper functions (number formats, markdown escaping, queries, notes, claims and
//     charts) are registered.
//  3. Each section runs the named queries it needs through the query lookup the caller supplies
//     (the queries package in the CLI). Every query runs at most once per report; a missing query,
//     a missing column or a template error stops the report with an error, never a blank section.
//  4. Claims (claim,expected) are checked against the report_claims query, which is the one place
//     that maps claim names to computed values; notes (commit,section,note) are placed beside the
//     rows of the section they name, and a note whose commit the section does not show is listed
//     at the end of its section, so nothing is dropped silently.
//  5. Charts are drawn as SVG by package report/svg and the document and its charts are written to
//     temporary files and renamed into place, so an interrupted run leaves the previous ones intact.
//
// The output depends only on the database, the flags and the notes and claims files: rows are
// sorted by the queries, numbers have fixed formats and no clock is read unless a date is given.
package report
