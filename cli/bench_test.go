package cli_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/triad-bench/triad/cli"
	"github.com/triad-bench/triad/db"
)

// realTree is a folder of the real data beside the project, or a skip when it is absent.
func realTree(b *testing.B, name string) string {
	dir := filepath.Join("..", "..", "shared", "data", "omniperf-claude-code", name)
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("%s is absent", dir)
	}
	return dir
}

// ingested loads root into a fresh database once, outside the timer.
func ingested(b *testing.B, root string) string {
	b.Helper()
	dbPath := filepath.Join(b.TempDir(), "triad.duckdb")
	var stderr bytes.Buffer
	if code := cli.Run([]string{"ingest", "--db", dbPath, "--agent-name", "claude-code",
		"--agent-model", "claude-sonnet-4-20250514", root}, nil, &bytes.Buffer{}, &stderr); code != 0 {
		b.Fatalf("ingest %s: exit %d: %s", root, code, stderr.String())
	}
	return dbPath
}

func runBench(b *testing.B, args ...string) {
	b.Helper()
	var stderr bytes.Buffer
	if code := cli.Run(args, nil, &bytes.Buffer{}, &stderr); code != 0 {
		b.Fatalf("%v: exit %d: %s", args, code, stderr.String())
	}
}

// BenchmarkApplyRealTree measures applying rule set v5 (merge, dataset, categories, checks) to the
// ingested archive tree, the step every ingest, report, export and check runs.
func BenchmarkApplyRealTree(b *testing.B) {
	database, err := db.Open(ingested(b, realTree(b, "snapshot-archive")))
	if err != nil {
		b.Fatal(err)
	}
	defer database.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := db.Apply(context.Background(), database, "v5"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReportRealTree measures triad report (apply, every named query, templates, SVG) on the
// archive tree.
func BenchmarkReportRealTree(b *testing.B) {
	dbPath := ingested(b, realTree(b, "snapshot-archive"))
	out := filepath.Join(b.TempDir(), "real.md")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		runBench(b, "report", "--db", dbPath, "-o", out)
	}
}

// BenchmarkExportPublished measures triad export of the 361-row published dataset per format.
func BenchmarkExportPublished(b *testing.B) {
	dbPath := ingested(b, realTree(b, "published"))
	for _, format := range []string{"parquet", "jsonl", "csv"} {
		b.Run(format, func(b *testing.B) {
			out := b.TempDir()
			for i := 0; i < b.N; i++ {
				runBench(b, "export", "--db", dbPath, "--format", format, "-o", out)
			}
		})
	}
}
