package cli

import (
	"context"
	"database/sql"
	"fmt"
	"os"

	"github.com/triad-bench/triad/db"
)

func runQuery(e *env, args []string) int {
	fs := flagSet(e, "query", "SQL")
	dbPath := fs.String("db", "triad.duckdb", "database file to read")
	format := fs.String("format", "table", "output format: table, csv, json or md")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(e.stderr, "triad query: want exactly one SQL statement")
		fs.Usage()
		return 2
	}
	switch *format {
	case "table", "csv", "json", "md":
	default:
		return fail(e, "query", 2, fmt.Errorf("--format: unknown format %q (want table, csv, json or md)", *format))
	}
	database, err := openExisting(*dbPath)
	if err != nil {
		return fail(e, "query", 1, err)
	}
	defer database.Close()
	if err := runStatement(context.Background(), database, fs.Arg(0), e.stdout, *format); err != nil {
		return fail(e, "query", 1, err)
	}
	return 0
}

// openExisting opens a database that must already exist: reading a missing file would silently
// create an empty one.
func openExisting(path string) (*sql.DB, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("database %q does not exist (run triad ingest first)", path)
	}
	return db.Open(path)
}

// runStatement runs one statement and prints its rows (statements without rows print nothing).
func runStatement(ctx context.Context, database *sql.DB, stmt string, w interface{ Write([]byte) (int, error) }, format string) error {
	rows, err := database.QueryContext(ctx, stmt)
	if err != nil {
		return err
	}
	defer rows.Close()
	res, err := collect(rows)
	if err != nil {
		return err
	}
	if len(res.columns) == 0 {
		return nil
	}
	return res.write(w, format)
}
