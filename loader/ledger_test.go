package loader_test

import (
	"context"
	"strings"
	"testing"

	"github.com/triad-bench/triad/loader"
)

// sampleFormats is the format every file of the sample corpus must be recognised as.
var sampleFormats = map[string]string{
	"README.md":                 "", // ignored
	"exports/old_results.jsonl": "flat-export",
	"hf_upload_records.json":    "hub-records",
	"logs/modal/sample_3way_20251231_101500_progress.json":    "modal-progress",
	"logs/reruns/rerun_log.txt":                               "", // ignored
	"reruns/4_fixable/151e9536_result.json":                   "rerun-3way",
	"results/2b9ced37_agent_result.json":                      "separate-variant",
	"results/2b9ced37_baseline_result.json":                   "separate-variant",
	"results/2b9ced37_human_result.json":                      "separate-variant",
	"results/docker/33afe9c5/benchmark_result.json":           "docker-rerun",
	"results/docker/8090e43e_result.json":                     "docker-local",
	"results/docker/ef3c9ead_result.json":                     "", // error
	"results/modal/001b1bfa/benchmark_result.json":            "modal-result",
	"results/modal/17756a11/benchmark_result.json":            "modal-result",
	"results/modal/33afe9c5/benchmark_result.json":            "modal-result",
	"results/modal/62c6fffb/benchmark_result.json":            "modal-result-old",
	"results/modal/82d4a81a/benchmark_result.json":            "modal-result",
	"results/modal/98b9fbc1/benchmark_result.json":            "modal-result",
	"results/modal/af24bbf4/benchmark_result.json":            "modal-result",
	"results/modal/db96d87d/benchmark_result.json":            "modal-result",
	"results/separate_agent/17756a11_human_result.json":       "separate-variant",
	"results/separate_agent/4956b232_agent_result.json":       "separate-skip",
	"results/separate_agent/ff3eca5a_agent_result.json":       "separate-variant",
	"results/separate_agent/ff3eca5a_human_result.json":       "separate-variant",
	"results/separate_baseline/17756a11_baseline_result.json": "separate-variant",
	"results/separate_baseline/4956b232_baseline_result.json": "separate-skip",
	"results/separate_baseline/ff3eca5a_baseline_result.json": "separate-variant",
}

// TestLedgerSample checks that every file of the sample corpus has exactly one files row with the
// right status and format, and that the one invalid file's error names its position.
func TestLedgerSample(t *testing.T) {
	database, sum := ingest(t, sampleRoot)
	ledger := checkLedger(t, database, sampleRoot)
	if len(ledger) != len(sampleFormats) {
		t.Errorf("ledger has %d rows, want %d (update sampleFormats when the corpus changes)", len(ledger), len(sampleFormats))
	}
	_, rows := queryRows(t, database, "SELECT path, status, coalesce(format, ''), coalesce(error, '') FROM files ORDER BY path")
	for _, r := range rows {
		path, status, format, errText := r[0], r[1], r[2], r[3]
		want, known := sampleFormats[path]
		if !known {
			t.Errorf("%s: not listed in sampleFormats", path)
			continue
		}
		wantStatus := "loaded"
		switch {
		case path == "results/docker/ef3c9ead_result.json":
			wantStatus = "error"
			if !strings.Contains(errText, "line 4, column 3") || !strings.Contains(errText, path) {
				t.Errorf("%s: error %q does not name the file and line 4, column 3", path, errText)
			}
		case strings.HasSuffix(path, ".md") || strings.HasSuffix(path, ".txt"):
			wantStatus = "ignored"
		}
		if status != wantStatus || format != want {
			t.Errorf("%s: status %s format %q, want %s %q", path, status, format, wantStatus, want)
		}
	}
	if sum.Files != len(sampleFormats) || sum.Errors != 1 || sum.Ignored != 2 || sum.Loaded != len(sampleFormats)-3 {
		t.Errorf("summary %q, want %d files: %d loaded, 1 errors, 2 ignored", sum, len(sampleFormats), len(sampleFormats)-3)
	}
	// Every loaded file yields something, and the ledger's counts match the tables.
	if n := scalar(t, database, "SELECT count(*) FROM files WHERE status = 'loaded' AND coalesce(records, 0) = 0"); n != "0" {
		t.Errorf("%s loaded files yielded no records", n)
	}
	if n := scalar(t, database, `SELECT count(*) FROM files f WHERE warnings <> (SELECT count(*) FROM warnings w WHERE w.root = f.root AND w.path = f.path)`); n != "0" {
		t.Errorf("%s files whose warnings column disagrees with the warnings table", n)
	}
	if n := scalar(t, database, "SELECT count(*) FROM runs r ANTI JOIN files f USING (root, path)"); n != "0" {
		t.Errorf("%s runs without a files row", n)
	}
}

// TestReingestSample ingests the same root twice into one database: the tables must not change.
func TestReingestSample(t *testing.T) {
	database, _ := ingest(t, sampleRoot)
	count := func() string {
		return scalar(t, database, `SELECT (SELECT count(*) FROM files) || '/' || (SELECT count(*) FROM runs) || '/' ||
			(SELECT count(*) FROM run_values) || '/' || (SELECT count(*) FROM commits) || '/' ||
			(SELECT count(*) FROM warnings) || '/' || (SELECT count(*) FROM export_rows)`)
	}
	first := count()
	if _, err := loader.Ingest(context.Background(), database, []string{sampleRoot}, loader.Options{}); err != nil {
		t.Fatal(err)
	}
	if again := count(); again != first {
		t.Errorf("re-ingest changed the row counts (files/runs/values/commits/warnings/exports): %s then %s", first, again)
	}
}
