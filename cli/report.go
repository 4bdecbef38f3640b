package cli

import (
	"context"
	"fmt"

	"github.com/triad-bench/triad/db"
	"github.com/triad-bench/triad/queries"
	"github.com/triad-bench/triad/report"
	sqlfiles "github.com/triad-bench/triad/sql"
)

func runReport(e *env, args []string) int {
	fs := flagSet(e, "report", "")
	dbPath := fs.String("db", "triad.duckdb", "ingested database to report on")
	rules := fs.String("rules", sqlfiles.Default, "rule set to apply before reporting (sql/<rules>/)")
	out := fs.StringP("output", "o", "", "markdown file to write (charts go to <name>.assets/ beside it); standard output when empty")
	notesPath := fs.String("notes", "", "CSV of commit,section,note placed beside the rows they name")
	claimsPath := fs.String("claims", "", "CSV of claim,expected checked against the data")
	band := fs.Float64("band", report.DefaultBand, "match band for verdicts, in percent (±)")
	date := fs.String("date", "", "date printed in the report (none when empty)")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 0 {
		fmt.Fprintln(e.stderr, "triad report: takes no arguments")
		fs.Usage()
		return 2
	}
	if *band <= 0 {
		return fail(e, "report", 2, fmt.Errorf("--band: want a positive percentage, have %v", *band))
	}
	if _, err := sqlfiles.Files(*rules); err != nil {
		return fail(e, "report", 2, fmt.Errorf("--rules: %w", err))
	}
	opts := report.Options{Rules: *rules, Band: *band, Date: *date, Query: lookupQuery}
	if *claimsPath != "" {
		claims, err := report.ReadClaims(*claimsPath)
		if err != nil {
			return fail(e, "report", 2, fmt.Errorf("--claims: %w", err))
		}
		if claims == nil {
			claims = []report.Claim{}
		}
		opts.Claims = claims
	}
	if *notesPath != "" {
		notes, err := report.ReadNotes(*notesPath)
		if err != nil {
			return fail(e, "report", 2, fmt.Errorf("--notes: %w", err))
		}
		opts.Notes = notes
	}
	if *out != "" {
		opts.AssetDir = report.AssetDir(*out)
	}
	database, err := openExisting(*dbPath)
	if err != nil {
		return fail(e, "report", 1, err)
	}
	defer database.Close()
	ctx := context.Background()
	if err := db.Apply(ctx, database, *rules); err != nil {
		return fail(e, "report", 1, err)
	}
	doc, err := report.Render(ctx, database, opts)
	if err != nil {
		return fail(e, "report", 1, err)
	}
	if *out == "" {
		if _, err := e.stdout.Write(doc.Markdown); err != nil {
			return fail(e, "report", 1, err)
		}
		return 0
	}
	if err := doc.WriteFiles(*out); err != nil {
		return fail(e, "report", 1, err)
	}
	return 0
}

// lookupQuery returns the SQL of a named query.
func lookupQuery(name string) (string, error) {
	q, err := queries.Get(name)
	if err != nil {
		return "", err
	}
	return q.SQL, nil
}
