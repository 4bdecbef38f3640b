package loader_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// realRoot returns a snapshot of the real pipeline tree under ../shared, or skips the test.
func realRoot(t testing.TB, name string) string {
	t.Helper()
	root := filepath.Join(sharedData, name)
	if _, err := os.Stat(root); err != nil {
		t.Skipf("real data not present: %v", err)
	}
	return root
}

// The per-format counts below were verified by hand with find and jq over the shared snapshots
// (all commands run from ../shared/data/omniperf-claude-code/snapshot-archive unless noted):
//
//	modal-result      25 files: for f in results/modal/*/benchmark_result.json; do jq -e '.result|has("patched_metrics")|not' $f; done → 25 true (75 runs = 25 × 3)
//	modal-result-old   2 files: the same with has("patched_metrics") → 2 true (baeded25, ac45c44d; 4 runs: baseline + agent)
//	modal-progress    11 files: ls logs/modal/*_progress.json; jq -s 'map(.results|length)|add' → 67 entries (201 runs)
//	docker-local      15 files: ls results/docker/*_result.json → 16, minus bfdb1ba5 (jq empty fails on it)
//	docker-rerun       2 files: jq -s 'map(.results|keys|length)|add' results/docker/*/benchmark_result.json → 6 runs
//	separate-variant  57 files: ls results/separate_*/*.json → 34 minus 2 with .status=="skipped", plus ls results/*.json → 25 (loose)
//	separate-skip      2 files: jq -s 'map(select(.status=="skipped"))|length' results/separate_*/*.json → 2
//	rerun-3way         2 files: reruns/4_fixable/*.json, 3 variant objects each → 6 runs
//	hub-records        1 file:  jq length hf_upload_records.json → 7 records, only agent_ keys → 7 runs
//	flat-export        2 files: jq -c . exports/full_results.jsonl | wc -l → 94, exports/merged_benchmarks.jsonl → 84
//	ignored           10 files: find . -type f ! -name '*.json' ! -name '*.jsonl' | wc -l → 10 (.md and .txt)
//	total            130 files: find . -type f | wc -l
//
// snapshot-top: find . -type f | wc -l → 131; results/docker/*_result.json → 24 docker-local;
// results/docker/*/benchmark_result.json → 2 docker-rerun with 3 variant objects in all;
// results/separate_*/*.json → 61 (none skipped) + results/*.json → 40 loose = 101 separate-variant;
// reruns/4_fixable/*.json → 3 rerun-3way with 9 variant objects; one .txt note ignored; every .json
// passes jq empty.
type formatCount struct{ files, records, runs int }

var archiveCounts = map[string]formatCount{
	"modal-result":     {25, 25, 75},
	"modal-result-old": {2, 2, 4},
	"modal-progress":   {11, 67, 201},
	"docker-local":     {15, 15, 15},
	"docker-rerun":     {2, 2, 6},
	"separate-variant": {57, 57, 57},
	"separate-skip":    {2, 2, 2},
	"rerun-3way":       {2, 2, 6},
	"hub-records":      {1, 7, 7},
	"flat-export":      {2, 178, 0},
}

var topCounts = map[string]formatCount{
	"docker-local":     {24, 24, 24},
	"docker-rerun":     {2, 2, 3},
	"separate-variant": {101, 101, 101},
	"rerun-3way":       {3, 3, 9},
}

func checkFormatCounts(t *testing.T, root string, want map[string]formatCount, wantIgnored, wantErrors int) {
	t.Helper()
	database, sum := ingest(t, root)
	ledger := checkLedger(t, database, root)
	if n := len(regularFiles(t, root)); len(ledger) != n || sum.Files != n {
		t.Errorf("ledger has %d rows (summary %d files), find -type f gives %d", len(ledger), sum.Files, n)
	}
	_, rows := queryRows(t, database, `
		SELECT f.format, count(*), sum(f.records),
		       (SELECT count(*) FROM runs r WHERE r.format = f.format)
		FROM files f WHERE f.status = 'loaded' GROUP BY f.format ORDER BY f.format`)
	got := map[string]formatCount{}
	for _, r := range rows {
		var c formatCount
		for i, p := range []*int{&c.files, &c.records, &c.runs} {
			if _, err := fmt.Sscan(r[i+1], p); err != nil {
				t.Fatal(err)
			}
		}
		got[r[0]] = c
	}
	for f, w := range want {
		if got[f] != w {
			t.Errorf("format %s: files/records/runs = %v, want %v", f, got[f], w)
		}
	}
	for f, g := range got {
		if _, ok := want[f]; !ok {
			t.Errorf("unexpected format %s: %v", f, g)
		}
	}
	if sum.Ignored != wantIgnored || sum.Errors != wantErrors {
		t.Errorf("summary %q, want %d errors and %d ignored", sum, wantErrors, wantIgnored)
	}
}

// TestRealArchive ingests the archived pipeline tree and checks the ledger, the one invalid file,
// the per-format counts and a few values checked by hand.
func TestRealArchive(t *testing.T) {
	root := realRoot(t, "snapshot-archive")
	checkFormatCounts(t, root, archiveCounts, 10, 1)
	database, _ := ingest(t, root)
	_, errs := queryRows(t, database, "SELECT path, error FROM files WHERE status = 'error'")
	if len(errs) != 1 || errs[0][0] != "results/docker/bfdb1ba5_result.json" {
		t.Fatalf("error rows %v, want only results/docker/bfdb1ba5_result.json", errs)
	}
	if !regexp.MustCompile(`line \d+, column \d+`).MatchString(errs[0][1]) {
		t.Errorf("error %q gives no line and column", errs[0][1])
	}
	spot := []struct{ name, query, want string }{
		{"015069b0 separate baseline ttft_mean", `SELECT ttft_mean FROM runs WHERE commit_short = '015069b0' AND pipeline = 'separate' AND variant = 'baseline'`, "10.47"},
		{"015069b0 separate baseline throughput", `SELECT throughput FROM runs WHERE commit_short = '015069b0' AND pipeline = 'separate' AND variant = 'baseline'`, "198.31"},
		{"22dd9c27 docker-local baseline latency_avg (ms)", `SELECT latency_avg FROM runs WHERE commit_short = '22dd9c27' AND format = 'docker-local' AND variant = 'baseline'`, "65.9"},
		{"e206b543 loose baseline ttft_median", `SELECT value || ' ' || origin FROM run_metric_values WHERE path = 'results/e206b543_baseline_result.json' AND variant = 'baseline' AND metric = 'ttft_median'`, "569.57 raw_log"},
		{"e206b543 loose baseline metrics_origin", `SELECT metrics_origin FROM runs WHERE path = 'results/e206b543_baseline_result.json'`, "structured+raw_log"},
		{"skips", `SELECT string_agg(path || ':' || variant, ' ' ORDER BY path) FROM runs WHERE status = 'skipped'`,
			"results/separate_agent/21d93c14_agent_result.json:agent results/separate_baseline/21d93c14_baseline_result.json:baseline"},
		{"hashes are lower-case 40 hex", `SELECT count(*) FROM runs WHERE commit_hash IS NOT NULL AND NOT regexp_full_match(commit_hash, '[0-9a-f]{40}')`, "0"},
		{"every run has a short hash", `SELECT count(*) FROM runs WHERE commit_short IS NULL OR NOT regexp_full_match(commit_short, '[0-9a-f]{8}')`, "0"},
	}
	for _, s := range spot {
		if got := scalar(t, database, s.query); got != s.want {
			t.Errorf("%s = %s, want %s", s.name, got, s.want)
		}
	}
}

// TestRealTop ingests the later snapshot: every file accounted for, no errors.
func TestRealTop(t *testing.T) {
	root := realRoot(t, "snapshot-top")
	checkFormatCounts(t, root, topCounts, 1, 0)
}
