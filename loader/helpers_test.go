package loader_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	goldenfile "github.com/triad-bench/triad/internal/golden"

	"github.com/triad-bench/triad/db"
	"github.com/triad-bench/triad/loader"
)

// sampleRoot is the bundled sample corpus, relative to this package's folder.
const sampleRoot = "../testdata/sample"

// sharedData is ../shared/data/omniperf-claude-code seen from the module root (/work/main/..).
const sharedData = "../../shared/data/omniperf-claude-code"

// openDB opens an in-memory database that is closed when the test ends.
func openDB(tb testing.TB) *sql.DB {
	tb.Helper()
	database, err := db.Open("")
	if err != nil {
		tb.Fatalf("open database: %v", err)
	}
	tb.Cleanup(func() { database.Close() })
	return database
}

// ingest loads roots into a fresh in-memory database.
func ingest(tb testing.TB, roots ...string) (*sql.DB, loader.Summary) {
	tb.Helper()
	database := openDB(tb)
	sum, err := loader.Ingest(context.Background(), database, roots, loader.Options{})
	if err != nil {
		tb.Fatalf("ingest %v: %v", roots, err)
	}
	return database, sum
}

// queryRows runs q and returns its rows rendered as strings (NULL as "").
func queryRows(tb testing.TB, database *sql.DB, q string, args ...any) (cols []string, out [][]string) {
	tb.Helper()
	rows, err := database.Query(q, args...)
	if err != nil {
		tb.Fatalf("query %q: %v", q, err)
	}
	cols, all, err := db.ScanAll(rows)
	if err != nil {
		tb.Fatalf("query %q: %v", q, err)
	}
	for _, vals := range all {
		rec := make([]string, len(cols))
		for i, v := range vals {
			rec[i] = cell(v)
		}
		out = append(out, rec)
	}
	return cols, out
}

// cell renders one value with a fixed format: floats in their shortest exact spelling.
func cell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case float32:
		return strconv.FormatFloat(float64(x), 'g', -1, 32)
	case []byte:
		return string(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = cell(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	default:
		return fmt.Sprint(x)
	}
}

// queryCSV runs q and renders the result as CSV with a header.
func queryCSV(tb testing.TB, database *sql.DB, q string, args ...any) string {
	tb.Helper()
	cols, rows := queryRows(tb, database, q, args...)
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write(cols)
	_ = w.WriteAll(rows)
	w.Flush()
	return b.String()
}

// scalar runs a query that returns one value.
func scalar(tb testing.TB, database *sql.DB, q string, args ...any) string {
	tb.Helper()
	_, rows := queryRows(tb, database, q, args...)
	if len(rows) != 1 || len(rows[0]) != 1 {
		tb.Fatalf("query %q: want one value, got %v", q, rows)
	}
	return rows[0][0]
}

// golden compares got with the golden file at path (internal/golden), or rewrites it under -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	goldenfile.Check(t, path, []byte(got))
}

// regularFiles lists the regular files under root (find -type f), slash-separated and relative.
func regularFiles(tb testing.TB, root string) []string {
	tb.Helper()
	var out []string
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			rel, _ := filepath.Rel(root, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// checkLedger asserts that every regular file under root has exactly one files row, and returns
// the ledger as path → status.
func checkLedger(t *testing.T, database *sql.DB, root string) map[string]string {
	t.Helper()
	_, rows := queryRows(t, database, "SELECT path, status FROM files WHERE root = ? ORDER BY path", loader.CleanRoot(root))
	ledger := map[string]string{}
	for _, r := range rows {
		if _, dup := ledger[r[0]]; dup {
			t.Errorf("%s: more than one files row", r[0])
		}
		ledger[r[0]] = r[1]
	}
	for _, f := range regularFiles(t, root) {
		if _, ok := ledger[loader.PathText(f)]; !ok {
			t.Errorf("%s: regular file missing from the ledger", f)
		}
	}
	return ledger
}
