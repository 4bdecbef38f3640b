package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/triad-bench/triad/db"
	"github.com/triad-bench/triad/export"
	"github.com/triad-bench/triad/queries"
	sqlfiles "github.com/triad-bench/triad/sql"
)

func runExport(e *env, args []string) int {
	fs := flagSet(e, "export", "-o DIR")
	dbPath := fs.String("db", "triad.duckdb", "database file to read")
	rules := fs.String("rules", sqlfiles.Default, "rule set to apply before exporting (sql/<rules>/); the dataset is dataset_<rules>")
	format := fs.String("format", "parquet", "data file format: parquet, jsonl or csv")
	out := fs.StringP("output", "o", "", "directory to write: DIR/data/train-00000-of-00001.<format> and the card DIR/README.md")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 0 {
		fmt.Fprintf(e.stderr, "triad export: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return 2
	}
	if *out == "" {
		return fail(e, "export", 2, fmt.Errorf("-o/--output: no output directory given"))
	}
	switch *format {
	case "parquet", "jsonl", "csv":
	default:
		return fail(e, "export", 2, fmt.Errorf("--format: unknown format %q (want parquet, jsonl or csv)", *format))
	}
	if _, err := sqlfiles.Files(*rules); err != nil {
		return fail(e, "export", 2, fmt.Errorf("--rules: %w", err))
	}
	database, err := openExisting(*dbPath)
	if err != nil {
		return fail(e, "export", 1, err)
	}
	defer database.Close()
	ctx := context.Background()
	start := time.Now()
	// Views are re-applied so the export follows the SQL in this binary, not the SQL of the
	// ingest that wrote the database.
	if err := db.Apply(ctx, database, *rules); err != nil {
		return fail(e, "export", 1, err)
	}
	summaries, err := exportSummaries()
	if err != nil {
		return fail(e, "export", 1, err)
	}
	res, err := export.Write(ctx, database, export.Options{
		Relation:  "dataset_" + *rules,
		Rules:     *rules,
		Format:    *format,
		Dir:       *out,
		Summaries: summaries,
	})
	if err != nil {
		return fail(e, "export", 1, err)
	}
	for _, r := range res.Removed {
		fmt.Fprintf(e.stderr, "removed %s (another format's data file)\n", r)
	}
	fmt.Fprintf(e.stderr, "exported %d rows of dataset_%s to %s and %s in %s\n",
		res.Rows, *rules, res.DataFile, res.Card, time.Since(start).Round(time.Millisecond))
	return 0
}

// cardSummaries are the dataset card's summary tables: a title and the named query behind it.
var cardSummaries = []struct{ title, query string }{
	{"Data sources", "data_source_counts"},
	{"Benchmark modes", "benchmark_mode_counts"},
	{"Categories", "category_counts"},
}

// exportSummaries loads the card's named queries.
func exportSummaries() ([]export.Summary, error) {
	var out []export.Summary
	for _, s := range cardSummaries {
		q, err := queries.Get(s.query)
		if err != nil {
			return nil, fmt.Errorf("dataset card: %w", err)
		}
		out = append(out, export.Summary{Title: s.title, Name: q.Name, SQL: q.SQL})
	}
	return out, nil
}
