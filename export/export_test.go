package export_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	goldenfile "github.com/triad-bench/triad/internal/golden"

	"github.com/stretchr/testify/require"

	"github.com/triad-bench/triad/cli"
	"github.com/triad-bench/triad/db"
	"github.com/triad-bench/triad/export"
)

// moduleRoot is the repository root, seen from this package's directory.
const moduleRoot = ".."

var sampleRoot = filepath.Join(moduleRoot, "testdata", "sample")

// triad runs the CLI in-process and fails the test on a non-zero exit.
func triad(t *testing.T, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := cli.Run(args, strings.NewReader(""), &stdout, &stderr)
	require.Equalf(t, 0, code, "triad %s: exit %d\nstderr:\n%s", strings.Join(args, " "), code, stderr.String())
	return stdout.String()
}

// ingest loads roots into a new database file and returns its path.
func ingest(t *testing.T, roots ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "triad.duckdb")
	triad(t, append([]string{"ingest", "--db", path}, roots...)...)
	return path
}

func exportTo(t *testing.T, dbPath, format string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "out")
	triad(t, "export", "--db", dbPath, "--format", format, "-o", dir)
	return dir
}

func dataFile(dir, format string) string {
	return filepath.Join(dir, "data", export.DataFileName(format))
}

// loaderColumns reads loader/dataset_columns.csv: the 76 columns' names and DuckDB types in order.
func loaderColumns(t *testing.T) [][2]string {
	t.Helper()
	f, err := os.Open(filepath.Join(moduleRoot, "loader", "dataset_columns.csv"))
	require.NoError(t, err)
	defer f.Close()
	records, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	var out [][2]string
	for _, r := range records[1:] {
		out = append(out, [2]string{r[1], r[2]})
	}
	return out
}

func TestColumnsMatchLoader(t *testing.T) {
	var got [][2]string
	for _, c := range export.Columns() {
		got = append(got, [2]string{c.Name, c.Type})
		require.NotEmptyf(t, c.Description, "column %s has no description", c.Name)
	}
	require.Equal(t, loaderColumns(t), got)
	require.Len(t, got, 76)
}

// The sample corpus is ingested once and exported once per format; the tests below share these.
var (
	sampleOnce    sync.Once
	sampleDBPath  string
	sampleDirs    map[string]string
	sampleErr     error
	sampleTempDir string
)

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if sampleTempDir != "" {
		os.RemoveAll(sampleTempDir)
	}
	os.Exit(code)
}

// sample returns the sample database and its export directory per format.
func sample(t *testing.T) (string, map[string]string) {
	t.Helper()
	if _, err := os.Stat(sampleRoot); err != nil {
		t.Skipf("no sample corpus: %v", err)
	}
	sampleOnce.Do(func() {
		if sampleTempDir, sampleErr = os.MkdirTemp("", "triad-export-test-"); sampleErr != nil {
			return
		}
		sampleDBPath = filepath.Join(sampleTempDir, "sample.duckdb")
		sampleDirs = map[string]string{}
		if sampleErr = run("ingest", "--db", sampleDBPath, sampleRoot); sampleErr != nil {
			return
		}
		for _, format := range export.Formats {
			dir := filepath.Join(sampleTempDir, format)
			if sampleErr = run("export", "--db", sampleDBPath, "--format", format, "-o", dir); sampleErr != nil {
				return
			}
			sampleDirs[format] = dir
		}
	})
	require.NoError(t, sampleErr)
	return sampleDBPath, sampleDirs
}

func run(args ...string) error {
	var stdout, stderr bytes.Buffer
	if code := cli.Run(args, strings.NewReader(""), &stdout, &stderr); code != 0 {
		return fmt.Errorf("triad %s: exit %d\n%s", strings.Join(args, " "), code, stderr.String())
	}
	return nil
}

// TestSampleGolden compares the sample's exports with testdata/export/sample/<format>/: the data
// file for JSONL and CSV, DESCRIBE and the row count for Parquet (its bytes depend on the DuckDB
// version), and the dataset card for all three.
func TestSampleGolden(t *testing.T) {
	_, dirs := sample(t)
	for _, format := range export.Formats {
		t.Run(format, func(t *testing.T) {
			dir := dirs[format]
			golden := filepath.Join(moduleRoot, "testdata", "export", "sample", format)
			checkGolden(t, filepath.Join(golden, "README.md"), readFile(t, filepath.Join(dir, "README.md")))
			if format == "parquet" {
				checkGolden(t, filepath.Join(golden, "describe.txt"), describeParquet(t, dataFile(dir, format)))
				return
			}
			checkGolden(t, filepath.Join(golden, "data", export.DataFileName(format)), readFile(t, dataFile(dir, format)))
		})
	}
}

// describeParquet is DuckDB's view of a Parquet file: each column's name and type, then the row count.
func describeParquet(t *testing.T, path string) string {
	t.Helper()
	database, err := db.Open("")
	require.NoError(t, err)
	defer database.Close()
	var b strings.Builder
	for _, c := range parquetColumns(t, database, path) {
		fmt.Fprintf(&b, "%s %s\n", c[0], c[1])
	}
	fmt.Fprintf(&b, "rows %d\n", countRows(t, database, "read_parquet("+literal(path)+")"))
	return b.String()
}

func parquetColumns(t *testing.T, database *sql.DB, path string) [][2]string {
	t.Helper()
	rows, err := database.Query("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(" + literal(path) + "))")
	require.NoError(t, err)
	defer rows.Close()
	var out [][2]string
	for rows.Next() {
		var c [2]string
		require.NoError(t, rows.Scan(&c[0], &c[1]))
		out = append(out, c)
	}
	require.NoError(t, rows.Err())
	return out
}

func countRows(t *testing.T, database *sql.DB, relation string) int {
	t.Helper()
	var n int
	require.NoError(t, database.QueryRow("SELECT count(*) FROM "+relation).Scan(&n))
	return n
}

func literal(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// TestParquetSchema reads the Parquet export back with DuckDB: the 76 columns of
// loader/dataset_columns.csv in order and type, as many rows as dataset_v5, and the card's
// num_examples equal to that count.
func TestParquetSchema(t *testing.T) {
	dbPath, dirs := sample(t)
	checkParquet(t, dbPath, dirs["parquet"])
}

func checkParquetExport(t *testing.T, dbPath string) int {
	t.Helper()
	return checkParquet(t, dbPath, exportTo(t, dbPath, "parquet"))
}

func checkParquet(t *testing.T, dbPath, dir string) int {
	t.Helper()
	database, err := db.Open("")
	require.NoError(t, err)
	defer database.Close()
	require.Equal(t, loaderColumns(t), parquetColumns(t, database, dataFile(dir, "parquet")))
	rows := countRows(t, database, "read_parquet("+literal(dataFile(dir, "parquet"))+")")

	source, err := db.Open(dbPath)
	require.NoError(t, err)
	defer source.Close()
	require.Equal(t, countRows(t, source, "dataset_v5"), rows, "parquet rows vs dataset_v5")
	require.Equal(t, rows, cardExamples(t, dir), "card num_examples vs parquet rows")
	return rows
}

var numExamples = regexp.MustCompile(`(?m)^    num_examples: (\d+)$`)

func cardExamples(t *testing.T, dir string) int {
	t.Helper()
	m := numExamples.FindStringSubmatch(readFile(t, filepath.Join(dir, "README.md")))
	require.NotNil(t, m, "card has no num_examples")
	n, err := strconv.Atoi(m[1])
	require.NoError(t, err)
	return n
}

// TestRoundTrip ingests each export directory of the sample into a fresh database and exports
// again: JSONL and CSV must be byte-identical, Parquet equal in values.
func TestRoundTrip(t *testing.T) {
	_, dirs := sample(t)
	for _, format := range export.Formats {
		t.Run(format, func(t *testing.T) {
			first := dirs[format]
			second := exportTo(t, ingest(t, first), format)
			require.Equal(t, cardExamples(t, first), cardExamples(t, second), "num_examples")
			if format != "parquet" {
				requireSameText(t, readFile(t, dataFile(first, format)), readFile(t, dataFile(second, format)))
				return
			}
			database, err := db.Open("")
			require.NoError(t, err)
			defer database.Close()
			a := "read_parquet(" + literal(dataFile(first, format)) + ")"
			b := "read_parquet(" + literal(dataFile(second, format)) + ")"
			require.Equal(t, countRows(t, database, a), countRows(t, database, b))
			require.Zero(t, countRows(t, database, "(SELECT * FROM "+a+" EXCEPT ALL SELECT * FROM "+b+")"), "rows only in the first export")
			require.Zero(t, countRows(t, database, "(SELECT * FROM "+b+" EXCEPT ALL SELECT * FROM "+a+")"), "rows only in the second export")
			// The same DuckDB writes the same values to the same bytes.
			require.Equal(t, readFile(t, dataFile(first, format)), readFile(t, dataFile(second, format)), "parquet bytes")
		})
	}
}

// TestDeterministic exports the sample database again: the Parquet file and the card must be
// byte-identical to the first export. (JSONL and CSV are held to more by TestRoundTrip.)
func TestDeterministic(t *testing.T) {
	dbPath, dirs := sample(t)
	again := exportTo(t, dbPath, "parquet")
	require.Equal(t, readFile(t, dataFile(dirs["parquet"], "parquet")), readFile(t, dataFile(again, "parquet")), "parquet data file differs between two exports")
	require.Equal(t, readFile(t, filepath.Join(dirs["parquet"], "README.md")), readFile(t, filepath.Join(again, "README.md")))
}

// TestRealTree checks the acceptance on the real pipeline tree and the published dataset,
// when ../shared/data is present.
func TestRealTree(t *testing.T) {
	data := filepath.Join(moduleRoot, "..", "shared", "data", "omniperf-claude-code")
	for _, root := range []string{"snapshot-archive", "published"} {
		t.Run(root, func(t *testing.T) {
			path := filepath.Join(data, root)
			if _, err := os.Stat(path); err != nil {
				t.Skipf("real data absent: %v", err)
			}
			rows := checkParquetExport(t, ingest(t, path))
			require.Positive(t, rows)
		})
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}

// checkGolden compares got with the golden file (internal/golden), or rewrites it under -update.
func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	goldenfile.Check(t, path, []byte(got))
}

func requireSameText(t *testing.T, want, got string) {
	t.Helper()
	if want != got {
		t.Fatalf("exports differ (-first +second):\n%s", goldenfile.Diff(want, got))
	}
}

// TestWriteEdgeCases exports a hand-made dataset whose values are hard to write: quotes, commas
// and newlines in text, non-ASCII, lists with nulls, empty lists, tiny and huge floats, -0.
func TestWriteEdgeCases(t *testing.T) {
	database, err := db.Open("")
	require.NoError(t, err)
	defer database.Close()
	var cols []string
	for _, c := range export.Columns() {
		cols = append(cols, fmt.Sprintf("CAST(NULL AS %s) AS %s", c.Type, c.Name))
	}
	ctx := context.Background()
	_, err = database.ExecContext(ctx, "CREATE TABLE dataset_edge AS SELECT "+strings.Join(cols, ", ")+" FROM range(3)")
	require.NoError(t, err)
	_, err = database.ExecContext(ctx, `
		UPDATE dataset_edge SET commit_hash = 'c', agent_name = 'b', data_source = 'modal',
			commit_subject = 'quote " comma , newline' || chr(10) || 'end <tag> & ü', files_changed = ['a.py', NULL, 'b,c.py'],
			models = [], has_agent_patch = false, baseline_ttft_mean = 0.000001234, human_ttft_mean = 1e22,
			agent_ttft_mean = -0.0, baseline_throughput = 1234.5, baseline_raw = 'line1' || chr(13) || chr(10) || 'line2'
		WHERE rowid = 0;
		UPDATE dataset_edge SET commit_hash = 'a', agent_name = NULL, has_agent_patch = true, baseline_ttft_mean = 0.1 + 0.2 WHERE rowid = 1;
		UPDATE dataset_edge SET commit_hash = 'a', agent_name = 'z', commit_subject = ' leading space' WHERE rowid = 2;`)
	require.NoError(t, err)
	for _, format := range []string{"jsonl", "csv"} {
		t.Run(format, func(t *testing.T) {
			dir := t.TempDir()
			res, err := export.Write(ctx, database, export.Options{Relation: "dataset_edge", Rules: "edge", Format: format, Dir: dir, Summaries: edgeSummaries})
			require.NoError(t, err)
			require.Equal(t, 3, res.Rows)
			golden := filepath.Join(moduleRoot, "testdata", "export", "edge")
			checkGolden(t, filepath.Join(golden, "data", export.DataFileName(format)), readFile(t, res.DataFile))
			if format == "csv" {
				checkGolden(t, filepath.Join(golden, "README.md"), readFile(t, res.Card))
			}
			entries, err := os.ReadDir(filepath.Join(dir, "data"))
			require.NoError(t, err)
			require.Len(t, entries, 1, "temporary or stale files left in data/")
		})
	}
}

// edgeSummaries stand in for the named queries: the card renders whatever a query returns,
// including NULL, lists, floats and text with a pipe.
var edgeSummaries = []export.Summary{
	{Title: "Data sources", Name: "edge_data_sources", SQL: `SELECT data_source, count(*) AS rows FROM dataset_edge GROUP BY ALL ORDER BY data_source NULLS LAST`},
	{Title: "Odd values", Name: "edge_values", SQL: `SELECT 'a|b' AS text, 1.5::DOUBLE AS share, ['x', NULL] AS list, true AS flag, NULL AS nothing`},
}

func TestWriteRejectsNaN(t *testing.T) {
	database, err := db.Open("")
	require.NoError(t, err)
	defer database.Close()
	var cols []string
	for _, c := range export.Columns() {
		cols = append(cols, fmt.Sprintf("CAST(NULL AS %s) AS %s", c.Type, c.Name))
	}
	_, err = database.Exec("CREATE TABLE dataset_nan AS SELECT " + strings.Join(cols, ", ") + "; UPDATE dataset_nan SET human_throughput = 'nan'::DOUBLE")
	require.NoError(t, err)
	dir := t.TempDir()
	_, err = export.Write(context.Background(), database, export.Options{Relation: "dataset_nan", Format: "jsonl", Dir: dir})
	require.ErrorContains(t, err, "row 1, column human_throughput: NaN has no JSON form")
	entries, err := os.ReadDir(filepath.Join(dir, "data"))
	require.NoError(t, err)
	require.Empty(t, entries, "a failed export must leave nothing behind")
}

func TestCLIErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"export", "--format", "xml", "-o", "x"}, 2, "triad export: --format: unknown format \"xml\" (want parquet, jsonl or csv)\n"},
		{[]string{"export", "--format", "csv"}, 2, "triad export: -o/--output: no output directory given\n"},
		{[]string{"export", "--rules", "v0", "-o", "x"}, 2, "triad export: --rules: unknown rule set \"v0\"\n"},
		{[]string{"export", "--db", "/nonexistent/triad.duckdb", "-o", "x"}, 1, "triad export: database \"/nonexistent/triad.duckdb\" does not exist (run triad ingest first)\n"},
	} {
		var stdout, stderr bytes.Buffer
		code := cli.Run(tc.args, strings.NewReader(""), &stdout, &stderr)
		require.Equal(t, tc.code, code, tc.args)
		require.Equal(t, tc.msg, stderr.String(), tc.args)
	}
}

func TestFailingSummaryWritesNothing(t *testing.T) {
	database, err := db.Open("")
	require.NoError(t, err)
	defer database.Close()
	var cols []string
	for _, c := range export.Columns() {
		cols = append(cols, fmt.Sprintf("CAST(NULL AS %s) AS %s", c.Type, c.Name))
	}
	_, err = database.Exec("CREATE TABLE dataset_one AS SELECT " + strings.Join(cols, ", "))
	require.NoError(t, err)
	dir := t.TempDir()
	_, err = export.Write(context.Background(), database, export.Options{Relation: "dataset_one", Format: "csv", Dir: dir,
		Summaries: []export.Summary{{Title: "Broken", Name: "broken", SQL: "SELECT * FROM no_such_table"}}})
	require.ErrorContains(t, err, "failed to run query broken for the dataset card")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		require.True(t, e.IsDir(), "unexpected file %s", e.Name())
	}
	data, err := os.ReadDir(filepath.Join(dir, "data"))
	require.NoError(t, err)
	require.Empty(t, data)
}
