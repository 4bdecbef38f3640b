package cli

import (
	"context"
	"database/sql"
	"fmt"
	"os"

	"github.com/triad-bench/triad/db"
	"github.com/triad-bench/triad/queries"
)

func runQuery(e *env, args []string) int {
	fs := flagSet(e, "query", "SQL | --name NAME | --list")
	dbPath := fs.String("db", "triad.duckdb", "database file to read (:memory: for none)")
	format := fs.String("format", "table", "output format: table, csv, json or md")
	name := fs.String("name", "", "run the named query NAME (queries/NAME.sql) instead of SQL")
	list := fs.Bool("list", false, "list the named queries with what they return")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if *list {
		if *name != "" || fs.NArg() != 0 {
			return fail(e, "query", 2, fmt.Errorf("--list: takes no SQL and no --name"))
		}
		return listQueries(e)
	}
	stmt := ""
	switch {
	case *name != "" && fs.NArg() != 0:
		return fail(e, "query", 2, fmt.Errorf("--name: give either --name or SQL, not both"))
	case *name != "":
		q, err := queries.Get(*name)
		if err != nil {
			return fail(e, "query", 2, fmt.Errorf("--name: %w", err))
		}
		stmt = q.SQL
	case fs.NArg() == 1:
		stmt = fs.Arg(0)
	default:
		fmt.Fprintln(e.stderr, "triad query: want exactly one SQL statement, --name NAME or --list")
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
	// Several statements run one after the other and each prints its result, as in DuckDB's CLI.
	statements, rest := splitStatements(stmt)
	if rest != "" && !onlyComments(rest) {
		statements = append(statements, rest)
	}
	for _, s := range statements {
		if err := runStatement(context.Background(), database, s, e.stdout, *format); err != nil {
			if *name != "" {
				err = fmt.Errorf("query %q: %w", *name, err)
			}
			return fail(e, "query", 1, err)
		}
	}
	return 0
}

// listQueries prints every named query with its returns header.
func listQueries(e *env) int {
	all, err := queries.List()
	if err != nil {
		return fail(e, "query", 1, err)
	}
	for _, q := range all {
		fmt.Fprintf(e.stdout, "%s\n    %s\n", q.Name, q.Returns)
	}
	return 0
}

// openExisting opens a database that must already exist: reading a missing file would silently
// create an empty one. ":memory:" opens an empty in-memory database, for statements that read
// files directly (SELECT * FROM 'out/data/train-00000-of-00001.parquet').
func openExisting(path string) (*sql.DB, error) {
	if path == ":memory:" {
		return db.Open("")
	}
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
