package loader

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	goldenfile "github.com/triad-bench/triad/internal/golden"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-bench/triad/db"
	sqlfiles "github.com/triad-bench/triad/sql"
)

// moduleRoot is the repository root, found from this file's place.
func moduleRoot(t *testing.T) string {
	_, file, _, ok := runtime.Caller(0)
	require.True(t, ok)
	return filepath.Dir(filepath.Dir(file))
}

// applyShared applies the shared pre-merge SQL files (000–099) and, for the agent queries, a
// stand-in `dataset` view over export_dataset_rows (dataset_v5 belongs to the v5 rule set).
func applyShared(t *testing.T, database *sql.DB) {
	t.Helper()
	files, err := sqlfiles.Files(sqlfiles.Default)
	require.NoError(t, err)
	ctx := context.Background()
	for _, f := range files {
		if f.Number >= 100 {
			continue
		}
		_, err := database.ExecContext(ctx, f.SQL)
		require.NoError(t, err, f.Name)
	}
	_, err = database.ExecContext(ctx, "CREATE OR REPLACE VIEW dataset AS SELECT * FROM export_dataset_rows")
	require.NoError(t, err)
}

func ingestRoots(t *testing.T, roots ...string) *sql.DB {
	t.Helper()
	database, err := db.Open("")
	require.NoError(t, err)
	t.Cleanup(func() { database.Close() })
	_, err = Ingest(context.Background(), database, roots, Options{})
	require.NoError(t, err)
	applyShared(t, database)
	return database
}

// render writes a query's rows as CSV with fixed formats: NULL, floats with %.6g, lists as [a|b].
func render(t *testing.T, database *sql.DB, query string) string {
	t.Helper()
	rows, err := database.Query(query)
	require.NoError(t, err, query)
	cols, all, err := db.ScanAll(rows)
	require.NoError(t, err, query)
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	require.NoError(t, w.Write(cols))
	for _, vals := range all {
		rec := make([]string, len(cols))
		for i, v := range vals {
			rec[i] = cell(v)
		}
		require.NoError(t, w.Write(rec))
	}
	w.Flush()
	return buf.String()
}

func cell(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case float64:
		return strconv.FormatFloat(x, 'g', 6, 64)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = cell(e)
		}
		return "[" + strings.Join(parts, "|") + "]"
	default:
		return fmt.Sprint(x)
	}
}

// golden compares got with the file, or rewrites it under -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	goldenfile.Check(t, path, []byte(got))
}

func TestParseListText(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"[]", []string{}},
		{"['a' 'b']", []string{"a", "b"}},
		{"['a.py' 'b.py'\n 'c.py']", []string{"a.py", "b.py", "c.py"}},
		{"['a', 'b']", []string{"a", "b"}},
		{`["a","b"]`, []string{"a", "b"}},
		{`["it's", 'say "hi"']`, []string{"it's", `say "hi"`}},
		{`['it\'s' 'back\\slash']`, []string{"it's", `back\slash`}},
		{"[1 2]", []string{"1", "2"}},
	}
	for _, c := range cases {
		got, err := parseListText(c.in)
		require.NoError(t, err, c.in)
		assert.Equal(t, c.want, got, c.in)
	}
	_, err := parseListText("['open")
	assert.Error(t, err)
}

// TestFlatExportFormats ingests the same three rows written as CSV, JSONL and a JSON array, and
// as Parquet written by DuckDB from the CSV ingest: every format must give the same values.
func TestFlatExportFormats(t *testing.T) {
	root := filepath.Join(moduleRoot(t), "testdata", "formats", "flat-export")
	database := ingestRoots(t, root)
	cols := "commit_hash, agent_name, agent_model, files_changed, has_agent_patch, human_throughput, " +
		"agent_vs_human_throughput, commit_subject, data_source"
	got := render(t, database, "SELECT path, record, "+cols+" FROM export_rows ORDER BY path, record")
	got += render(t, database, "SELECT path, position, message FROM warnings ORDER BY path, position, message")
	got += render(t, database, "SELECT path, format, status, records, warnings FROM files ORDER BY path")
	golden(t, filepath.Join(root, "..", "flat-export.expected.csv"), got)

	same := func(a, b string) {
		q := "SELECT " + cols + " FROM export_rows WHERE path = '%s' ORDER BY commit_hash"
		assert.Equal(t, render(t, database, fmt.Sprintf(q, a)), render(t, database, fmt.Sprintf(q, b)), a+" vs "+b)
	}
	same("rows.csv", "rows.jsonl")
	same("rows.csv", "rows.json")

	// Parquet: written from the CSV's rows, read back through the loader.
	dir := t.TempDir()
	pq := filepath.Join(dir, "rows.parquet")
	_, err := database.Exec(fmt.Sprintf("COPY (SELECT * EXCLUDE (root, path, record) FROM export_rows WHERE path = 'rows.csv' ORDER BY record) TO '%s' (FORMAT parquet)", pq))
	require.NoError(t, err)
	back := ingestRoots(t, dir)
	q := "SELECT * EXCLUDE (root, path, record) FROM export_rows ORDER BY commit_hash"
	want := render(t, database, "SELECT * EXCLUDE (root, path, record) FROM export_rows WHERE path = 'rows.csv' ORDER BY commit_hash")
	assert.Equal(t, want, render(t, back, q))
}

func TestFlatExportUnknownLayout(t *testing.T) {
	database := ingestRoots(t, filepath.Join(moduleRoot(t), "testdata", "formats", "flat-export-bad"))
	var status, errText string
	require.NoError(t, database.QueryRow("SELECT status, error FROM files WHERE path = 'unknown.csv'").Scan(&status, &errText))
	assert.Equal(t, "error", status)
	assert.Contains(t, errText, "unknown layout")
	assert.Contains(t, errText, "name, score")
}

func TestStatsMacros(t *testing.T) {
	database := ingestRoots(t, filepath.Join(moduleRoot(t), "testdata", "formats", "flat-export"))
	var lo, hi, p, g, none float64
	require.NoError(t, database.QueryRow("SELECT wilson_low(7, 10), wilson_high(7, 10), mcnemar_p(9, 1), mcnemar_p(0, 0)").Scan(&lo, &hi, &p, &none))
	assert.InDelta(t, 0.3968, lo, 5e-5)
	assert.InDelta(t, 0.8922, hi, 5e-5)
	assert.InDelta(t, 0.02148, p, 5e-6)
	assert.Equal(t, 1.0, none)
	require.NoError(t, database.QueryRow("SELECT mcnemar_p(1, 9), mcnemar_p(5, 5)").Scan(&p, &none))
	assert.InDelta(t, 0.02148, p, 5e-6)
	assert.Equal(t, 1.0, none)
	require.NoError(t, database.QueryRow("SELECT geo_mean(x) FROM (VALUES (2.0), (8.0), (NULL)) t(x)").Scan(&g))
	assert.InDelta(t, 4.0, g, 1e-12)

	var band float64
	var verdict string
	require.NoError(t, database.QueryRow("SELECT verdict_band(), verdict(2.5)").Scan(&band, &verdict))
	assert.Equal(t, 2.0, band)
	assert.Equal(t, "win", verdict)
	_, err := database.Exec("SET VARIABLE band = 5")
	require.NoError(t, err)
	require.NoError(t, database.QueryRow("SELECT verdict_band(), verdict(2.5)").Scan(&band, &verdict))
	assert.Equal(t, 5.0, band)
	assert.Equal(t, "match", verdict)

	var m1, m2, m3, m4, m5 string
	require.NoError(t, database.QueryRow(`SELECT primary_metric('serving', NULL, true, true, false),
		primary_metric('standalone', 'python benchmarks/benchmark_latency.py', false, true, true),
		primary_metric('standalone', 'python benchmarks/benchmark_throughput.py', false, true, true),
		primary_metric('prefix_caching', NULL, false, true, true),
		primary_metric('serving', NULL, false, true, false)`).Scan(&m1, &m2, &m3, &m4, &m5))
	assert.Equal(t, []string{"ttft_mean", "latency_avg", "throughput", "throughput", "throughput"}, []string{m1, m2, m3, m4, m5})
}

// agentQueries are the named queries of issue 4, read from queries/.
var agentQueries = []string{"agent_summary", "universal_failures", "agent_pairs", "hash_resolutions", "agent_aliases"}

func readQuery(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(moduleRoot(t), "queries", name+".sql"))
	require.NoError(t, err)
	s := string(b)
	require.True(t, strings.HasPrefix(s, "-- name: "+name+"\n"), "queries/%s.sql must start with its name", name)
	require.Contains(t, s, "\n-- returns: ")
	return s
}

func TestAgentQueriesGolden(t *testing.T) {
	root := filepath.Join(moduleRoot(t), "testdata", "agents")
	database := ingestRoots(t, filepath.Join(root, "input"))
	for _, name := range agentQueries {
		t.Run(name, func(t *testing.T) {
			golden(t, filepath.Join(root, "expected", name+".csv"), render(t, database, readQuery(t, name)))
		})
	}
	golden(t, filepath.Join(root, "expected", "agent_verdicts.csv"), render(t, database,
		`SELECT commit_short, agent_name, agent_config, primary_metric, round(avh_pct, 4) AS avh_pct, verdict,
		        valid, complete3, agent_measured FROM agent_verdicts('dataset') ORDER BY ALL`))
}

// TestPublishedDataset ingests the published 361-row file as a root and checks counts derived from
// the file itself with encoding/csv.
func TestPublishedDataset(t *testing.T) {
	dir := filepath.Join(moduleRoot(t), "..", "shared", "data", "omniperf-claude-code", "published")
	path := filepath.Join(dir, "full_dataset.csv")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("published dataset absent: %v", err)
	}
	recs, err := csv.NewReader(f).ReadAll()
	f.Close()
	require.NoError(t, err)
	header, body := recs[0], recs[1:]
	col := func(name string) int { return slices.Index(header, name) }

	database := ingestRoots(t, dir)
	var n int
	require.NoError(t, database.QueryRow("SELECT count(*) FROM export_dataset_rows").Scan(&n))
	assert.Equal(t, len(body), n)
	assert.Equal(t, 361, n)

	// Distinct commits after resolving short hashes: a short hash counts as the full hash it prefixes.
	full := map[string]bool{}
	for _, r := range body {
		if h := r[col("commit_hash")]; len(h) == 40 {
			full[h] = true
		}
	}
	distinct, resolved := map[string]bool{}, 0
	for _, r := range body {
		h := r[col("commit_hash")]
		if len(h) < 40 {
			for k := range full {
				if strings.HasPrefix(k, h) {
					h, resolved = k, resolved+1
				}
			}
		}
		distinct[h] = true
	}
	assert.Equal(t, 3, resolved)
	var commits, long int
	require.NoError(t, database.QueryRow("SELECT count(DISTINCT commit_hash), count(*) FILTER (WHERE length(commit_hash) = 40) FROM export_dataset_rows").Scan(&commits, &long))
	assert.Equal(t, len(distinct), commits)
	assert.Equal(t, 96, commits)
	assert.Equal(t, 361, long)
	var res int
	require.NoError(t, database.QueryRow("SELECT count(*) FROM hash_resolutions_v WHERE status = 'resolved'").Scan(&res))
	assert.Equal(t, 3, res)

	pairs := map[string]int{}
	sources := map[string]bool{}
	for _, r := range body {
		pairs[r[col("agent_name")]+"/"+r[col("agent_model")]]++
		sources[r[col("data_source")]] = true
	}
	assert.Len(t, pairs, 5)
	assert.Len(t, sources, 11)
	rows, err := database.Query("SELECT agent_name || '/' || agent_model, count(*) FROM export_dataset_rows GROUP BY 1")
	require.NoError(t, err)
	gotPairs := map[string]int{}
	for rows.Next() {
		var k string
		var c int
		require.NoError(t, rows.Scan(&k, &c))
		gotPairs[k] = c
	}
	rows.Close()
	assert.Equal(t, pairs, gotPairs)
	var nSources int
	require.NoError(t, database.QueryRow("SELECT count(DISTINCT data_source) FROM export_dataset_rows").Scan(&nSources))
	assert.Equal(t, 11, nSources)

	// Non-null counts per column equal the file's non-empty cells.
	for _, name := range header {
		want := 0
		for _, r := range body {
			if r[col(name)] != "" {
				want++
			}
		}
		var got int
		require.NoError(t, database.QueryRow(fmt.Sprintf("SELECT count(%s) FROM export_dataset_rows", name)).Scan(&got))
		assert.Equal(t, want, got, name)
	}
	var baseTTFT, humanThr int
	require.NoError(t, database.QueryRow("SELECT count(baseline_ttft_mean), count(human_throughput) FROM export_dataset_rows").Scan(&baseTTFT, &humanThr))
	assert.Equal(t, 123, baseTTFT)
	assert.Equal(t, 186, humanThr)

	// files_changed: count quoted items in the cells independently of the loader's parser.
	items, listRows := 0, 0
	for _, r := range body {
		k := strings.Count(r[col("files_changed")], "'") / 2
		items += k
		if k > 0 {
			listRows++
		}
	}
	var gotItems, gotRows int
	require.NoError(t, database.QueryRow("SELECT sum(len(files_changed)), count(*) FILTER (WHERE len(files_changed) > 0) FROM export_dataset_rows").Scan(&gotItems, &gotRows))
	assert.Equal(t, items, gotItems)
	assert.Equal(t, 209, gotItems)
	assert.Equal(t, listRows, gotRows)
	assert.Equal(t, 62, gotRows)

	// Values are kept as given: every metric equals strconv.ParseFloat of its cell.
	for _, name := range []string{"baseline_ttft_mean", "human_improvement_throughput", "agent_throughput"} {
		var sum float64
		require.NoError(t, database.QueryRow(fmt.Sprintf("SELECT coalesce(sum(%s), 0) FROM export_dataset_rows", name)).Scan(&sum))
		want := 0.0
		for _, r := range body {
			if v := r[col(name)]; v != "" {
				x, err := strconv.ParseFloat(v, 64)
				require.NoError(t, err)
				want += x
			}
		}
		assert.InEpsilon(t, want, sum, 1e-12, name)
	}

	// The named queries run.
	for _, name := range agentQueries {
		_, err := database.Exec(readQuery(t, name))
		assert.NoError(t, err, name)
	}
}
