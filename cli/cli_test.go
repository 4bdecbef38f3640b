package cli_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triad-bench/triad/cli"
	"github.com/triad-bench/triad/db"
)

// run drives the real command line in-process.
func run(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = cli.Run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// ingestSample loads testdata/sample into a fresh database file and returns its path.
func ingestSample(t *testing.T) string {
	t.Helper()
	dbPath := filepath.Join(t.TempDir(), "triad.duckdb")
	code, _, stderr := run(t, "", "ingest", "--db", dbPath,
		"--agent-name", "claude-code", "--agent-model", "claude-sonnet-4-20250514", filepath.Join("..", "testdata", "sample"))
	require.Equal(t, 0, code, stderr)
	return dbPath
}

func TestUsageErrors(t *testing.T) {
	code, _, stderr := run(t, "", "frobnicate")
	require.Equal(t, 2, code)
	require.Contains(t, stderr, `unknown command "frobnicate"`)

	code, _, stderr = run(t, "", "query", "--bogus", "select 1")
	require.Equal(t, 2, code)
	require.Contains(t, stderr, "unknown flag: --bogus")

	code, _, stderr = run(t, "", "query", "--db", filepath.Join(t.TempDir(), "missing.duckdb"), "select 1")
	require.Equal(t, 1, code)
	require.Contains(t, stderr, "does not exist")

	code, stdout, _ := run(t, "", "version")
	require.Equal(t, 0, code)
	require.True(t, strings.HasPrefix(stdout, "triad "))
}

func TestQueryAndShell(t *testing.T) {
	dbPath := ingestSample(t)

	// A statement that opens with a comment is SQL, not a flag.
	code, stdout, stderr := run(t, "", "query", "--db", dbPath, "--format", "csv", "-- files per status\nSELECT status, count(*) AS n FROM files GROUP BY ALL ORDER BY status")
	require.Equal(t, 0, code, stderr)
	require.Equal(t, "status,n\nerror,1\nignored,2\nloaded,24\n", stdout)

	code, stdout, stderr = run(t, "", "query", "--db", dbPath, "--list")
	require.Equal(t, 0, code, stderr)
	require.Contains(t, stdout, "category_counts")
	require.Contains(t, stdout, "invariants")

	// The shell reads statements across lines from a pipe and knows its dot commands.
	script := ".tables\nSELECT count(*) AS rows\n  FROM dataset;\n.schema files\n.mode csv\nSELECT 1 AS one;\n.quit\nSELECT 'not reached';\n"
	code, stdout, stderr = run(t, script, "shell", "--db", dbPath)
	require.Equal(t, 0, code, stderr)
	require.Contains(t, stdout, "dataset_v5")
	require.Contains(t, stdout, "sha256")
	require.Contains(t, stdout, "one\n1\n")
	require.NotContains(t, stdout, "not reached")

	// A failing statement from a pipe makes the shell exit 1, as a script expects.
	code, _, stderr = run(t, "SELECT * FROM no_such_table;\n", "shell", "--db", dbPath)
	require.Equal(t, 1, code)
	require.Contains(t, stderr, "no_such_table")
}

func TestCheck(t *testing.T) {
	dbPath := ingestSample(t)
	code, stdout, stderr := run(t, "", "check", "--db", dbPath, "--format", "csv")
	require.Equal(t, 0, code, stderr)
	require.Contains(t, stdout, "improvements_follow_formula,error,0,true")
	require.Contains(t, stdout, "files_loaded,warning,1,false") // the sample's one invalid file
	require.Contains(t, stderr, "0 errors")

	code, _, _ = run(t, "", "check", "--db", dbPath, "--strict")
	require.Equal(t, 1, code, "--strict fails on the sample's warnings")
}

// TestInvariantsCatchBrokenImprovements shadows the dataset with a copy whose improvement is off by
// one point and expects the independent formula check to notice.
func TestInvariantsCatchBrokenImprovements(t *testing.T) {
	dbPath := ingestSample(t)
	database, err := db.Open(dbPath)
	require.NoError(t, err)
	defer database.Close()
	count := func() int {
		var n int
		require.NoError(t, database.QueryRow(`SELECT violations FROM invariants WHERE check_name = 'improvements_follow_formula'`).Scan(&n))
		return n
	}
	require.Zero(t, count())
	// The originals are read from dataset_v5: "main.dataset" would also name the temporary table.
	_, err = database.Exec(`CREATE TEMP TABLE dataset AS
		SELECT * REPLACE (human_improvement_ttft_mean + 1 AS human_improvement_ttft_mean) FROM dataset_v5`)
	require.NoError(t, err)
	var filled int
	require.NoError(t, database.QueryRow(`SELECT count(human_improvement_ttft_mean) FROM temp.dataset`).Scan(&filled))
	require.Positive(t, filled)
	require.Equal(t, filled, count())

	_, err = database.Exec(`CREATE OR REPLACE TEMP TABLE dataset AS
		SELECT * REPLACE (CAST(NULL AS DOUBLE) AS agent_vs_human_ttft_mean) FROM dataset_v5`)
	require.NoError(t, err)
	var dropped int
	require.NoError(t, database.QueryRow(`SELECT count(agent_vs_human_ttft_mean) FROM dataset_v5`).Scan(&dropped))
	require.Positive(t, dropped)
	require.Equal(t, dropped, count(), "a missing improvement is a violation too")
}

// TestPublishedRowsAsTheyStand ingests the folder of the published dataset and checks, for every one
// of the 76 columns, that dataset_v5 has as many non-empty values as the CSV file, counted here with
// encoding/csv rather than triad's SQL: final export rows keep every value, improvements included.
func TestPublishedRowsAsTheyStand(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "data", "omniperf-claude-code", "published")
	f, err := os.Open(filepath.Join(dir, "full_dataset.csv"))
	if err != nil {
		t.Skipf("published dataset absent: %v", err)
	}
	defer f.Close()
	records, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	header, rows := records[0], records[1:]
	want := map[string]int{}
	for _, r := range rows {
		for i, v := range r {
			if v != "" {
				want[header[i]]++
			}
		}
	}

	dbPath := filepath.Join(t.TempDir(), "triad.duckdb")
	code, _, stderr := run(t, "", "ingest", "--db", dbPath, dir)
	require.Equal(t, 0, code, stderr)
	database, err := db.Open(dbPath)
	require.NoError(t, err)
	defer database.Close()
	var n int
	require.NoError(t, database.QueryRow(`SELECT count(*) FROM dataset_v5`).Scan(&n))
	require.Equal(t, len(rows), n)
	for _, col := range header {
		var got int
		require.NoError(t, database.QueryRow(fmt.Sprintf(`SELECT count(%q) FROM dataset_v5`, col)).Scan(&got))
		require.Equal(t, want[col], got, "non-null %s", col)
	}
}

func TestStatementsSpanLinesAndShareLines(t *testing.T) {
	dbPath := ingestSample(t)
	script := ".mode csv\nselect 'a;\nb' as x;\nselect 1 as one; select 2 as two;\n.schema nosuch\n"
	code, stdout, stderr := run(t, script, "shell", "--db", dbPath)
	require.Equal(t, 1, code, "a failed dot command from a pipe exits 1")
	require.Contains(t, stderr, `no table or view named "nosuch"`)
	require.Equal(t, "x\n\"a;\nb\"\none\n1\ntwo\n2\n", stdout)

	code, stdout, stderr = run(t, "", "query", "--db", dbPath, "--format", "csv", "select 1 as one; select 2 as two")
	require.Equal(t, 0, code, stderr)
	require.Equal(t, "one\n1\ntwo\n2\n", stdout)

	code, stdout, stderr = run(t, "", "query", "--db", ":memory:", "--format", "csv", "select 42 as answer")
	require.Equal(t, 0, code, stderr)
	require.Equal(t, "answer\n42\n", stdout)
}
