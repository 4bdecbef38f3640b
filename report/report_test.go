package report_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	goldenfile "github.com/triad-bench/triad/internal/golden"

	"github.com/stretchr/testify/require"

	"github.com/triad-bench/triad/cli"
	"github.com/triad-bench/triad/db"
	"github.com/triad-bench/triad/queries"
	"github.com/triad-bench/triad/report"
)

// moduleRoot is the repository root, where the Makefile runs triad.
func moduleRoot(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	require.NoError(t, err)
	return filepath.Dir(wd)
}

// triad runs the CLI in-process from the module root and fails the test on a non-zero exit.
func triad(t *testing.T, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := cli.Run(args, strings.NewReader(""), &stdout, &stderr)
	require.Equal(t, 0, code, "triad %s\nstderr:\n%s", strings.Join(args, " "), stderr.String())
	return stdout.String()
}

// sampleArgs are the arguments of the Makefile's report target, with the paths of the output.
const sampleAgent = "claude-code"
const sampleModel = "claude-sonnet-4-20250514"

// ingestSample ingests testdata/sample exactly as `make report` does and returns the database.
func ingestSample(t *testing.T) string {
	t.Helper()
	t.Chdir(moduleRoot(t))
	dbPath := filepath.Join(t.TempDir(), "sample.duckdb")
	triad(t, "ingest", "--db", dbPath, "testdata/sample", "--agent-name", sampleAgent, "--agent-model", sampleModel)
	return dbPath
}

// renderSample writes the sample report to dir/name and returns the markdown.
func renderSample(t *testing.T, dbPath, out string) string {
	t.Helper()
	triad(t, "report", "--db", dbPath, "-o", out,
		"--claims", "testdata/report/sample_claims.csv", "--notes", "testdata/report/sample_notes.csv")
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	return string(b)
}

// compareTree compares the document got and its asset folder with the golden document want and
// its asset folder; with -update it rewrites the golden files first.
func compareTree(t *testing.T, got, want string) {
	t.Helper()
	gotAssets := filepath.Join(filepath.Dir(got), report.AssetDir(got))
	wantAssets := filepath.Join(filepath.Dir(want), report.AssetDir(want))
	if goldenfile.Updating() {
		require.NoError(t, os.RemoveAll(wantAssets))
		require.NoError(t, os.MkdirAll(wantAssets, 0o755))
		copyFile(t, got, want)
		for _, f := range listDir(t, gotAssets) {
			copyFile(t, filepath.Join(gotAssets, f), filepath.Join(wantAssets, f))
		}
	}
	sameFile(t, got, want)
	require.Equal(t, listDir(t, wantAssets), listDir(t, gotAssets), "charts beside %s", want)
	for _, f := range listDir(t, gotAssets) {
		sameFile(t, filepath.Join(gotAssets, f), filepath.Join(wantAssets, f))
	}
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil
	}
	require.NoError(t, err)
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(to, b, 0o644))
}

func sameFile(t *testing.T, got, want string) {
	t.Helper()
	g, err := os.ReadFile(got)
	require.NoError(t, err)
	w, err := os.ReadFile(want)
	require.NoError(t, err, "missing golden file: run go test ./report/... -update")
	if !bytes.Equal(g, w) {
		t.Fatalf("%s is stale (run go test ./report/... -update, or make report, and review the diff):\n%s", want, goldenfile.Diff(string(w), string(g)))
	}
}

func TestGoldenSample(t *testing.T) {
	dbPath := ingestSample(t)
	out := filepath.Join(t.TempDir(), "sample.md")
	renderSample(t, dbPath, out)
	compareTree(t, out, filepath.Join("testdata", "report", "sample.md"))
}

// TestAnalysisUpToDate fails when docs/ANALYSIS.md is not what `make report` writes today:
//
//	triad ingest --db DB testdata/sample --agent-name claude-code --agent-model claude-sonnet-4-20250514
//	triad report --db DB -o docs/ANALYSIS.md --claims testdata/report/sample_claims.csv --notes testdata/report/sample_notes.csv
func TestAnalysisUpToDate(t *testing.T) {
	dbPath := ingestSample(t)
	out := filepath.Join(t.TempDir(), "ANALYSIS.md")
	renderSample(t, dbPath, out)
	compareTree(t, out, filepath.Join("docs", "ANALYSIS.md"))
}

func TestDeterministic(t *testing.T) {
	dbPath := ingestSample(t)
	a := renderSample(t, dbPath, filepath.Join(t.TempDir(), "a.md"))
	b := renderSample(t, dbPath, filepath.Join(t.TempDir(), "a.md"))
	require.Equal(t, a, b)
	require.NotContains(t, a, "data:image", "charts go beside the document")
}

// cellSplit splits a markdown table row into cells, honouring escaped pipes and code spans.
func cellSplit(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "|")
	line = strings.TrimSuffix(line, "|")
	var cells []string
	var cur strings.Builder
	for i := 0; i < len(line); i++ {
		switch {
		case line[i] == '\\' && i+1 < len(line):
			cur.WriteByte(line[i])
			cur.WriteByte(line[i+1])
			i++
		case line[i] == '|':
			cells = append(cells, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(line[i])
		}
	}
	return append(cells, cur.String())
}

// tables returns every markdown table of doc as its lines, skipping fenced code blocks.
func tables(doc string) [][]string {
	var out [][]string
	var cur []string
	fenced := false
	for _, line := range strings.Split(doc, "\n") {
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
		}
		if !fenced && strings.HasPrefix(line, "|") {
			cur = append(cur, line)
			continue
		}
		if cur != nil {
			out = append(out, cur)
			cur = nil
		}
	}
	if cur != nil {
		out = append(out, cur)
	}
	return out
}

var separatorCell = regexp.MustCompile(`^\s*:?-{3,}:?\s*$`)

func checkTables(t *testing.T, doc string) int {
	t.Helper()
	ts := tables(doc)
	for _, tbl := range ts {
		require.GreaterOrEqual(t, len(tbl), 2, "table without separator: %q", tbl[0])
		header := cellSplit(tbl[0])
		for _, c := range cellSplit(tbl[1]) {
			require.Regexp(t, separatorCell, c, "separator row of table %q", tbl[0])
		}
		for _, row := range tbl[1:] {
			require.Len(t, cellSplit(row), len(header), "row %q of table %q", row, tbl[0])
		}
	}
	return len(ts)
}

func TestTablesHaveConsistentColumns(t *testing.T) {
	dbPath := ingestSample(t)
	doc := renderSample(t, dbPath, filepath.Join(t.TempDir(), "sample.md"))
	require.Greater(t, checkTables(t, doc), 10)
}

// queryRows runs a named query on dbPath as `triad query --name` does, with the report's band, and
// returns its rows as column → text.
func queryRows(t *testing.T, dbPath, name string) []map[string]string {
	t.Helper()
	database, err := db.Open(dbPath)
	require.NoError(t, err)
	defer database.Close()
	_, err = database.Exec("SET VARIABLE band = 2")
	require.NoError(t, err)
	q, err := queries.Get(name)
	require.NoError(t, err)
	rows, err := database.QueryContext(context.Background(), q.SQL)
	require.NoError(t, err)
	cols, all, err := db.ScanAll(rows)
	require.NoError(t, err)
	var out []map[string]string
	for _, vals := range all {
		rec := map[string]string{}
		for i, v := range vals {
			if v != nil {
				rec[cols[i]] = fmt.Sprint(v)
			}
		}
		out = append(out, rec)
	}
	return out
}

// section returns the text of the section whose heading starts with heading.
func section(t *testing.T, doc, heading string) string {
	t.Helper()
	i := strings.Index(doc, "\n"+heading)
	require.GreaterOrEqual(t, i, 0, "no section %q", heading)
	rest := doc[i+1:]
	if j := strings.Index(rest[len(heading):], "\n## "); j >= 0 {
		rest = rest[:len(heading)+j]
	}
	return rest
}

// TestNumbersMatchQueries checks numbers of the report against the queries they come from, so a
// template cannot drift from the SQL.
func TestNumbersMatchQueries(t *testing.T) {
	dbPath := ingestSample(t)
	doc := renderSample(t, dbPath, filepath.Join(t.TempDir(), "sample.md"))

	overview := queryRows(t, dbPath, "report_overview")[0]
	require.Contains(t, doc, fmt.Sprintf("- **Total rows**: %s (%s commits,", overview["dataset_rows"], overview["commits"]))

	summary := section(t, doc, "## Executive summary")
	total := 0
	for _, r := range queryRows(t, dbPath, "category_counts") {
		require.Contains(t, summary, fmt.Sprintf("| %s | %s |", r["category"], r["rows"]))
		var n int
		fmt.Sscan(r["rows"], &n)
		total += n
	}
	require.Contains(t, summary, fmt.Sprintf("| **Total** | **%d** |", total))
	require.Equal(t, overview["dataset_rows"], fmt.Sprint(total))

	sources := section(t, doc, "## Data sources")
	for _, r := range queryRows(t, dbPath, "data_source_counts") {
		require.Contains(t, sources, fmt.Sprintf("| `%s` | %s |", r["data_source"], r["rows"]))
	}

	avh := queryRows(t, dbPath, "agent_vs_human")
	verified := section(t, doc, "## Verified data points")
	require.Contains(t, verified, fmt.Sprintf("agent vs human (%d)", len(avh)))
	for _, r := range avh {
		require.Contains(t, verified, fmt.Sprintf("| `%s` |", r["commit_short"]))
	}
	wins := 0
	for _, r := range avh {
		if r["verdict"] == "win" {
			wins++
		}
	}
	require.Contains(t, section(t, doc, "## Conclusion"), fmt.Sprintf("the agent wins %d,", wins))

	for _, name := range []string{"model_mismatch", "agent_failures", "edge_cases", "docker_reruns"} {
		n := len(queryRows(t, dbPath, name))
		require.Regexp(t, fmt.Sprintf(`\n## [^\n]* \(%d\)\n`, n), doc, "heading count of %s", name)
	}

	agents := section(t, doc, "## Agents")
	for _, r := range queryRows(t, dbPath, "agent_summary") {
		require.Contains(t, agents, fmt.Sprintf("| %s | %s | %s | %s | %s | %s | %s | %s | %s |",
			r["agent_config"], r["rows"], r["commits"], r["valid"], r["agent_failures"], r["no_human_metrics"],
			r["wins"], r["matches"], r["losses"]))
	}
}

// TestClaims checks that claims equal to the data get ✅ and all others ❌ with the difference.
func TestClaims(t *testing.T) {
	dbPath := ingestSample(t)
	doc := renderSample(t, dbPath, filepath.Join(t.TempDir(), "sample.md"))
	recon := section(t, doc, "## Data-quality reconciliation")
	claims := map[string]string{}
	for _, r := range queryRows(t, dbPath, "report_claims") {
		claims[r["claim"]] = r["value"]
	}
	parsed, err := report.ReadClaims("testdata/report/sample_claims.csv")
	require.NoError(t, err)
	for _, c := range parsed {
		line := regexp.MustCompile("(?m)^\\| `" + regexp.QuoteMeta(c.Name) + "` \\|.*$").FindString(recon)
		require.NotEmpty(t, line, "claim %s not in the report", c.Name)
		cells := cellSplit(line)
		require.Equal(t, c.Expected, strings.TrimSpace(cells[2]), line)
		require.Equal(t, claims[c.Name], strings.TrimSpace(cells[3]), line)
		if claims[c.Name] == c.Expected {
			require.Equal(t, "✅", strings.TrimSpace(cells[4]), line)
		} else {
			require.Equal(t, "❌", strings.TrimSpace(cells[4]), line)
			var got, want int
			fmt.Sscan(claims[c.Name], &got)
			fmt.Sscan(c.Expected, &want)
			require.Equal(t, fmt.Sprintf("%+d", got-want), strings.TrimSpace(cells[5]), line)
		}
	}

	// The published analysis's numbers, checked against the sample, are all wrong.
	published := filepath.Join(t.TempDir(), "published.csv")
	require.NoError(t, os.WriteFile(published, []byte("claim,expected\nvalid_3way,19\nh_a_only,19\nagent_failures,11\nno_metrics,47\ntotal_rows,96\nevaluable,49\n"), 0o644))
	out := filepath.Join(t.TempDir(), "p.md")
	triad(t, "report", "--db", dbPath, "-o", out, "--claims", published)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	recon = section(t, string(b), "## Data-quality reconciliation")
	require.Equal(t, 6, strings.Count(recon, "| ❌ |"))
	require.NotContains(t, recon, "| ✅ |")

	// A claim no query defines is an error, not a silent skip.
	bad := filepath.Join(t.TempDir(), "bad.csv")
	require.NoError(t, os.WriteFile(bad, []byte("claim,expected\nvalid_3wya,19\n"), 0o644))
	var stderr bytes.Buffer
	code := cli.Run([]string{"report", "--db", dbPath, "--claims", bad}, strings.NewReader(""), &bytes.Buffer{}, &stderr)
	require.Equal(t, 1, code)
	require.Contains(t, stderr.String(), `unknown claim "valid_3wya"`)
}

// TestMissingQueryIsAnError: a section whose query does not exist stops the report.
func TestMissingQueryIsAnError(t *testing.T) {
	dbPath := ingestSample(t)
	database, err := db.Open(dbPath)
	require.NoError(t, err)
	defer database.Close()
	lookup := func(name string) (string, error) {
		if name == "agent_vs_human" {
			return "", fmt.Errorf("unknown query %q", name)
		}
		q, err := queries.Get(name)
		return q.SQL, err
	}
	_, err = report.Render(context.Background(), database, report.Options{Rules: "v5", Band: 2, Query: lookup})
	require.ErrorContains(t, err, "query agent_vs_human")
}

// TestStdoutEmbedsCharts: without -o the report goes to standard output with its charts inline.
func TestStdoutEmbedsCharts(t *testing.T) {
	dbPath := ingestSample(t)
	doc := triad(t, "report", "--db", dbPath, "--band", "5", "--date", "2026-01-12")
	require.Contains(t, doc, "](data:image/svg+xml;base64,")
	require.Contains(t, doc, "- **Generated**: 2026-01-12")
	require.Contains(t, doc, "±5%")
	checkTables(t, doc)
}

// TestRealTrees renders the real trees of ../shared/data twice each: every section renders and
// the bytes are identical. Skipped when the data is absent.
func TestRealTrees(t *testing.T) {
	for _, tree := range []string{"snapshot-archive", "published"} {
		t.Run(tree, func(t *testing.T) {
			root := filepath.Join(moduleRoot(t), "..", "shared", "data", "omniperf-claude-code", tree)
			if _, err := os.Stat(root); err != nil {
				t.Skipf("%s is absent", root)
			}
			t.Chdir(moduleRoot(t))
			dbPath := filepath.Join(t.TempDir(), "real.duckdb")
			triad(t, "ingest", "--db", dbPath, root)
			dir := t.TempDir()
			a := triad(t, "report", "--db", dbPath)
			triad(t, "report", "--db", dbPath, "-o", filepath.Join(dir, "real.md"))
			b, err := os.ReadFile(filepath.Join(dir, "real.md"))
			require.NoError(t, err)
			c := triad(t, "report", "--db", dbPath)
			require.Equal(t, a, c, "two renders differ")
			sections, err := report.Sections()
			require.NoError(t, err)
			require.Equal(t, len(sections)-1, strings.Count(string(b), "\n## "), "one level-2 heading per section after the title")
			checkTables(t, string(b))
		})
	}
}
