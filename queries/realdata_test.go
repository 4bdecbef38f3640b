package queries_test

import (
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triad-bench/triad/db"
)

// archiveCommits reads the v5 sources of the archive tree directly, without triad: the short hash
// of every commit that modal results, modal progress logs, separate files (loose ones included) and docker reruns
// name,
// and the full hashes each short hash is stated with.
func archiveCommits(t *testing.T, tree string) (shorts map[string]map[string]bool, dockerReruns int) {
	t.Helper()
	shorts = map[string]map[string]bool{}
	add := func(short, full string) {
		short = strings.ToLower(short)
		if len(short) > 8 {
			short = short[:8]
		}
		if shorts[short] == nil {
			shorts[short] = map[string]bool{}
		}
		if len(full) == 40 {
			shorts[short][strings.ToLower(full)] = true
		}
	}
	readJSON := func(path string) map[string]any {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		var doc map[string]any
		if json.Unmarshal(data, &doc) != nil {
			return nil
		}
		return doc
	}
	str := func(m map[string]any, keys ...string) string {
		for _, k := range keys {
			if s, ok := m[k].(string); ok && s != "" {
				return s
			}
		}
		return ""
	}
	dirs, err := os.ReadDir(filepath.Join(tree, "results", "modal"))
	require.NoError(t, err)
	for _, d := range dirs {
		doc := readJSON(filepath.Join(tree, "results", "modal", d.Name(), "benchmark_result.json"))
		full := ""
		if res, ok := doc["result"].(map[string]any); ok {
			full = str(res, "full_commit", "commit_hash")
		}
		add(d.Name(), full)
	}
	logs, _ := filepath.Glob(filepath.Join(tree, "logs", "modal", "*_progress.json"))
	for _, l := range logs {
		results, _ := readJSON(l)["results"].([]any)
		for _, r := range results {
			m, _ := r.(map[string]any)
			add(str(m, "commit", "full_commit", "commit_hash"), str(m, "full_commit", "commit_hash"))
		}
	}
	// The separate source: results/separate_*/ and the per-variant files lying directly in results/.
	seps, _ := filepath.Glob(filepath.Join(tree, "results", "separate_*", "*.json"))
	loose, _ := filepath.Glob(filepath.Join(tree, "results", "*_result.json"))
	for _, s := range append(seps, loose...) {
		doc := readJSON(s)
		add(filepath.Base(s)[:8], str(doc, "human_commit_full", "commit_full"))
	}
	reruns, _ := filepath.Glob(filepath.Join(tree, "results", "docker", "*", "benchmark_result.json"))
	for _, r := range reruns {
		add(filepath.Base(filepath.Dir(r)), "")
	}
	return shorts, len(reruns)
}

func TestRealArchive(t *testing.T) {
	tree := filepath.Join(moduleRoot(t), "..", "shared", "data", "omniperf-claude-code", "snapshot-archive")
	if _, err := os.Stat(tree); err != nil {
		t.Skip("../shared/data/omniperf-claude-code/snapshot-archive is absent")
	}
	shorts, dockerReruns := archiveCommits(t, tree)
	wantRows := 0
	var collisions []string
	for short, fulls := range shorts {
		wantRows++
		if len(fulls) > 1 {
			wantRows += len(fulls) - 1
			collisions = append(collisions, short)
		}
	}
	sort.Strings(collisions)

	dbPath := ingestTree(t, tree)
	database, err := db.Open(dbPath)
	require.NoError(t, err)
	defer database.Close()
	one := func(q string) int {
		var n int
		require.NoError(t, database.QueryRow(q).Scan(&n), q)
		return n
	}

	rows := one(`SELECT count(*) FROM dataset_v5`)
	require.Equal(t, wantRows, rows, "one row per commit (a prefix collision is two)")
	require.Equal(t, dockerReruns, one(`SELECT count(*) FROM dataset_v5 WHERE data_source = 'docker'`))
	require.Zero(t, one(`SELECT count(*) FROM dataset_v5 WHERE data_source NOT IN ('modal', 'merged', 'separate', 'docker') OR data_source IS NULL`))

	// category_counts sums to the rows of dataset_v5.
	out := runQuery(t, dbPath, "--name", "category_counts", "--format", "csv")
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err)
	sum := 0
	for _, r := range recs[1:] {
		n, err := strconv.Atoi(r[2])
		require.NoError(t, err)
		sum += n
	}
	require.Equal(t, rows, sum)

	// 76 columns, in loader/dataset_columns.csv's order and types.
	f, err := os.Open(filepath.Join(moduleRoot(t), "loader", "dataset_columns.csv"))
	require.NoError(t, err)
	defer f.Close()
	want, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	got := queryStrings(t, database, `SELECT column_name, column_type FROM (DESCRIBE dataset_v5)`)
	require.Len(t, got, 76)
	for i, w := range want[1:] {
		require.Equal(t, []string{w[1], w[2]}, got[i])
	}

	require.Zero(t, one(`SELECT count(*) FROM dataset_v5 WHERE
		abs(human_improvement_ttft_mean - (baseline_ttft_mean - human_ttft_mean) / baseline_ttft_mean * 100) > 1e-9
		OR (human_improvement_ttft_mean IS NULL) <> (baseline_ttft_mean IS NULL OR human_ttft_mean IS NULL OR baseline_ttft_mean = 0)`))

	// Every prefix collision found in the files is reported.
	got = queryStrings(t, database, `SELECT commit_short FROM conflicts WHERE kind = 'prefix collision' ORDER BY 1`)
	var reported []string
	for _, r := range got {
		reported = append(reported, r[0])
	}
	require.Equal(t, collisions, reported)

	// The two other conflict queries of the issue run.
	runQuery(t, dbPath, "--name", "conflicts")
	runQuery(t, dbPath, "--name", "pipeline_disagreements")
}

func queryStrings(t *testing.T, database *sql.DB, q string) [][]string {
	t.Helper()
	rows, err := database.Query(q)
	require.NoError(t, err)
	defer rows.Close()
	cols, err := rows.Columns()
	require.NoError(t, err)
	var out [][]string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		require.NoError(t, rows.Scan(ptrs...))
		row := make([]string, len(cols))
		for i, v := range vals {
			row[i] = v.String
		}
		out = append(out, row)
	}
	require.NoError(t, rows.Err())
	return out
}
