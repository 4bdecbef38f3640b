package loader_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/triad-bench/triad/loader"
)

// TestHostileInputs writes pathological files at test time and ingests them: no panic, no hang,
// every file accounted for in the ledger with the status it deserves.
func TestHostileInputs(t *testing.T) {
	root := t.TempDir()
	write := func(rel string, data []byte) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const depth = 100_000
	write("deep_open.json", []byte(strings.Repeat("[", depth)))
	write("deep_closed.json", []byte(strings.Repeat("[", depth)+strings.Repeat("]", depth)))
	write("deep_object.json", []byte(strings.Repeat(`{"a":`, depth)+"1"+strings.Repeat("}", depth)))
	big := `{"human_commit": "abcdef12", "status": "success", "metrics": {"ttft_mean_ms": 1.5}, "raw_output": "` +
		strings.Repeat("x", 30<<20) + `"}`
	write("results/abcdef12_baseline_result.json", []byte(big))
	write("results/abcdef13_human_result.json", []byte("{\"human_commit\": \"abcdef13\", \"model\": \"bad \xff\xfe utf8\", \"status\": \"ok\xc3\", \"metrics\": {\"ttft_mean_ms\": 2}}"))
	write("results/bad\xffname/abcdef14_agent_result.json", []byte(`{"human_commit": "abcdef14", "metrics": {"ttft_mean_ms": 3}}`))
	write("results/we\"ird'\nname, \"quoted\".json", []byte(`{"human_commit": "abcdef15", "variant": "human"}`))
	write("empty.json", nil)
	write("blank.jsonl", []byte("\n\n  \n"))
	write("truncated.json", []byte(`{"human_commit": "abcdef16", "metrics": {"ttft_mean_ms": 1`))
	write("results/abcdef17_baseline_result.json", []byte(`{"human_commit": "abcdef17", "metrics": {"ttft_mean_ms": 1e999, "tpot_mean_ms": -1e999, "itl_mean_ms": 4}}`))
	write("scalar.json", []byte("42"))
	write("string.json", []byte(`"just a string"`))
	write("null.json", []byte("null"))
	write("two_values.json", []byte(`{"a": 1} {"b": 2}`))
	write("bom.json", []byte("\xef\xbb\xbf{\"human_commit\": \"abcdef18\"}"))
	write("nul_bytes.json", []byte("{\"a\x00\": \"\x00\"}"))
	// A folder symlinked to its parent: a loop if followed.
	if err := os.MkdirAll(filepath.Join(root, "loop"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("..", filepath.Join(root, "loop", "up")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("missing-target.json", filepath.Join(root, "dangling.json")); err != nil {
		t.Fatal(err)
	}

	database := openDB(t)
	type outcome struct {
		sum loader.Summary
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		sum, err := loader.Ingest(context.Background(), database, []string{root}, loader.Options{})
		done <- outcome{sum, err}
	}()
	var got outcome
	select {
	case got = <-done:
	case <-time.After(3 * time.Minute):
		t.Fatal("ingest of hostile inputs did not finish within 3 minutes")
	}
	if got.err != nil {
		t.Fatalf("ingest failed as a whole: %v", got.err)
	}
	ledger := checkLedger(t, database, root)
	for _, link := range []string{"loop/up", "dangling.json"} {
		if ledger[link] != "ignored" {
			t.Errorf("%s: status %q, want ignored (symbolic links are not followed)", link, ledger[link])
		}
	}
	want := map[string]string{
		"deep_open.json":                                 "error",
		"deep_closed.json":                               "error",
		"deep_object.json":                               "error",
		"results/abcdef12_baseline_result.json":          "loaded",
		"results/abcdef13_human_result.json":             "loaded",
		`results/bad\xffname/abcdef14_agent_result.json`: "loaded",
		"results/we\"ird'\nname, \"quoted\".json":        "loaded",
		"empty.json":                                     "error",
		"blank.jsonl":                                    "error",
		"truncated.json":                                 "error",
		"results/abcdef17_baseline_result.json":          "loaded",
		"scalar.json":                                    "error",
		"string.json":                                    "error",
		"null.json":                                      "error",
		"two_values.json":                                "error",
		"bom.json":                                       "error",
		"nul_bytes.json":                                 "error",
	}
	for path, status := range want {
		if _, ok := ledger[path]; !ok || status == "any" {
			continue // a missing row is reported by checkLedger
		}
		if ledger[path] != status {
			t.Errorf("%q: status %q, want %q", path, ledger[path], status)
		}
	}
	if len(ledger) != len(want)+2 {
		t.Errorf("ledger has %d rows, want %d", len(ledger), len(want)+2)
	}
	// Every error names the file and says where or what failed.
	_, errs := queryRows(t, database, "SELECT path, error FROM files WHERE status = 'error' ORDER BY path")
	for _, r := range errs {
		if !strings.Contains(r[1], r[0]) {
			t.Errorf("%q: error %q does not name the file", r[0], r[1])
		}
		t.Logf("%q: %.160s", r[0], r[1])
	}
	if e := scalar(t, database, "SELECT error FROM files WHERE path = 'truncated.json'"); !strings.Contains(e, "line 1, column") {
		t.Errorf("truncated.json: error %q has no position", e)
	}
	// The 30 MB raw text is kept whole; the unrepresentable numbers become warnings, the finite one stays.
	if n := scalar(t, database, "SELECT length(raw) FROM runs WHERE commit_short = 'abcdef12'"); n != "31457280" {
		t.Errorf("30 MB raw_output stored with length %s", n)
	}
	if v := scalar(t, database, "SELECT coalesce(ttft_mean::VARCHAR, 'null') || '/' || coalesce(tpot_mean::VARCHAR, 'null') || '/' || itl_mean FROM runs WHERE commit_short = 'abcdef17'"); v != "null/null/4.0" {
		t.Errorf("1e999 run: ttft/tpot/itl = %s, want null/null/4.0", v)
	}
	if n := scalar(t, database, "SELECT count(*) FROM warnings WHERE path = 'results/abcdef17_baseline_result.json'"); n != "2" {
		t.Errorf("1e999 run: %s warnings, want 2", n)
	}
	if m := scalar(t, database, "SELECT model FROM runs WHERE commit_short = 'abcdef13'"); m != "bad \uFFFD\uFFFD utf8" {
		t.Errorf("invalid UTF-8 model stored as %q", m)
	}
}

// TestInvalidUTF8NamesStayApart: two folders whose names differ only in an invalid byte must stay
// two ledger rows with their own runs (replacing bad bytes by U+FFFD once merged them).
func TestInvalidUTF8NamesStayApart(t *testing.T) {
	root := t.TempDir()
	for dir, ttft := range map[string]string{"separate_\xff": "3", "separate_\xfe": "5"} {
		if err := os.MkdirAll(filepath.Join(root, "results", dir), 0o755); err != nil {
			t.Skipf("this file system refuses invalid UTF-8 names: %v", err)
		}
		body := `{"human_commit_full": "abcdef0123456789abcdef0123456789abcdef01", "status": "success", "metrics": {"ttft_mean_ms": ` + ttft + `}}`
		if err := os.WriteFile(filepath.Join(root, "results", dir, "abcdef01_baseline_result.json"), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	database, _ := ingest(t, root)
	got := queryCSV(t, database, `SELECT path, ttft_mean FROM runs ORDER BY path`)
	want := "path,ttft_mean\n" +
		`results/separate_\xfe/abcdef01_baseline_result.json,5` + "\n" +
		`results/separate_\xff/abcdef01_baseline_result.json,3` + "\n"
	if got != want {
		t.Errorf("runs:\n%s\nwant:\n%s", got, want)
	}
}
