package cli

import (
	"context"
	"fmt"

	"github.com/triad-bench/triad/db"
	"github.com/triad-bench/triad/queries"
	sqlfiles "github.com/triad-bench/triad/sql"
)

// runCheck re-applies the rule set and prints the invariants query. It exits 1 when an error check
// fails, or with --strict when any check fails, so scripts and CI can gate on a database.
func runCheck(e *env, args []string) int {
	fs := flagSet(e, "check", "")
	dbPath := fs.String("db", "triad.duckdb", "database file to check")
	rules := fs.String("rules", sqlfiles.Default, "rule set to apply before checking (sql/<rules>/)")
	format := fs.String("format", "table", "output format: table, csv, json or md")
	strict := fs.Bool("strict", false, "exit 1 when a warning check fails too")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 0 {
		fmt.Fprintln(e.stderr, "triad check: takes no arguments")
		return 2
	}
	if !validFormat(*format) {
		return fail(e, "check", 2, fmt.Errorf("--format: unknown format %q (want table, csv, json or md)", *format))
	}
	if _, err := sqlfiles.Files(*rules); err != nil {
		return fail(e, "check", 2, fmt.Errorf("--rules: %w", err))
	}
	database, err := openExisting(*dbPath)
	if err != nil {
		return fail(e, "check", 1, err)
	}
	defer database.Close()
	ctx := context.Background()
	if err := db.Apply(ctx, database, *rules); err != nil {
		return fail(e, "check", 1, err)
	}
	q, err := queries.Get("invariants")
	if err != nil {
		return fail(e, "check", 1, err)
	}
	if err := runStatement(ctx, database, q.SQL, e.stdout, *format); err != nil {
		return fail(e, "check", 1, err)
	}
	var failedErrors, failedWarnings int
	err = database.QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE severity = 'error' AND NOT ok),
		count(*) FILTER (WHERE severity = 'warning' AND NOT ok) FROM invariants`).Scan(&failedErrors, &failedWarnings)
	if err != nil {
		return fail(e, "check", 1, err)
	}
	fmt.Fprintf(e.stderr, "checked rule set %s: %d errors, %d warnings\n", *rules, failedErrors, failedWarnings)
	if failedErrors > 0 || (*strict && failedWarnings > 0) {
		return 1
	}
	return 0
}
