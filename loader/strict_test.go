package loader_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/triad-bench/triad/cli"
)

// TestIngestExitCodes runs `triad ingest` through the CLI: 0 for a normal run that lists its
// errors, 1 with --strict when a file failed, 2 for a root that does not exist.
func TestIngestExitCodes(t *testing.T) {
	run := func(args ...string) (int, string) {
		var out, errOut bytes.Buffer
		code := cli.Run(args, strings.NewReader(""), &out, &errOut)
		return code, errOut.String()
	}
	dir := t.TempDir()
	code, stderr := run("ingest", "--db", filepath.Join(dir, "a.duckdb"), sampleRoot)
	if code != 0 {
		t.Fatalf("ingest of the sample: exit %d, want 0; stderr:\n%s", code, stderr)
	}
	lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "ingested 27 files: 24 loaded, 1 errors, 2 ignored") {
		t.Errorf("last stderr line %q, want the summary line", last)
	}
	if !strings.Contains(stderr, "results/docker/ef3c9ead_result.json: line 4, column 3") {
		t.Errorf("stderr does not list the invalid file with its position:\n%s", stderr)
	}
	if code, stderr := run("ingest", "--strict", "--db", filepath.Join(dir, "b.duckdb"), sampleRoot); code != 1 {
		t.Errorf("ingest --strict of the sample: exit %d, want 1; stderr:\n%s", code, stderr)
	}
	if code, stderr := run("ingest", "--db", filepath.Join(dir, "c.duckdb"), filepath.Join(dir, "no-such-root")); code != 2 {
		t.Errorf("ingest of a missing root: exit %d, want 2; stderr:\n%s", code, stderr)
	}
	if code, _ := run("ingest", "--db", filepath.Join(dir, "d.duckdb")); code != 2 {
		t.Errorf("ingest without a root: exit %d, want 2", code)
	}
	if code, _ := run("ingest", "--no-such-flag", sampleRoot); code != 2 {
		t.Errorf("ingest with an unknown flag: exit %d, want 2", code)
	}
}
