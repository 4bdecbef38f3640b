package queries_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	goldenfile "github.com/triad-bench/triad/internal/golden"

	"github.com/stretchr/testify/require"

	"github.com/triad-bench/triad/cli"
	"github.com/triad-bench/triad/queries"
)

// The agent of agent runs whose files do not name one, as the Makefile ingests the sample.
var agentFlags = []string{"--agent-name", "claude-code", "--agent-model", "claude-sonnet-4-20250514"}

func TestListHeaders(t *testing.T) {
	all, err := queries.List()
	require.NoError(t, err)
	require.NotEmpty(t, all)
	for _, q := range all {
		require.NotEmpty(t, q.Returns, q.Name)
		require.True(t, strings.HasPrefix(q.SQL, "-- name: "+q.Name+"\n"), q.Name)
	}
	q, err := queries.Get("category_counts")
	require.NoError(t, err)
	require.Equal(t, "category_counts", q.Name)
	_, err = queries.Get("no_such_query")
	require.ErrorContains(t, err, `unknown query "no_such_query"`)
}

// moduleRoot is the directory of go.mod, one level up from this package.
func moduleRoot(t *testing.T) string {
	wd, err := os.Getwd()
	require.NoError(t, err)
	return filepath.Dir(wd)
}

func ingestTree(t *testing.T, root string) string {
	t.Helper()
	dbPath := filepath.Join(t.TempDir(), "triad.duckdb")
	var stderr bytes.Buffer
	args := append([]string{"ingest", "--db", dbPath}, agentFlags...)
	code := cli.Run(append(args, root), nil, &bytes.Buffer{}, &stderr)
	require.Equal(t, 0, code, stderr.String())
	return dbPath
}

func runQuery(t *testing.T, dbPath string, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := cli.Run(append([]string{"query", "--db", dbPath}, args...), nil, &stdout, &stderr)
	require.Equal(t, 0, code, stderr.String())
	return stdout.String()
}

// TestGolden runs every named query over testdata/sample and compares its CSV with
// testdata/queries/<name>.csv.
func TestGolden(t *testing.T) {
	root := moduleRoot(t)
	// The root is named relative to this package so that the ledger's root column, which some
	// queries print, is the same in every checkout.
	sample := filepath.Join("..", "testdata", "sample")
	if _, err := os.Stat(sample); err != nil {
		t.Skip("testdata/sample is missing")
	}
	dbPath := ingestTree(t, sample)
	all, err := queries.List()
	require.NoError(t, err)
	for _, q := range all {
		t.Run(q.Name, func(t *testing.T) {
			got := runQuery(t, dbPath, "--name", q.Name, "--format", "csv")
			golden := filepath.Join(root, "testdata", "queries", q.Name+".csv")
			goldenfile.Check(t, golden, []byte(got))
		})
	}
}
