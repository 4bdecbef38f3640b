package db_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triad-bench/triad/db"
	"github.com/triad-bench/triad/loader"
)

// Full hashes of the fixtures. collideA and collideB share their 8-character prefix.
const (
	hashModal    = "aaaa0001aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	hashMerged   = "bbbb0002bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
	hashSepOnly  = "cccc0003cccccccccccccccccccccccccccccccc"
	hashDocker   = "dddd0004dddddddddddddddddddddddddddddddd"
	hashDockOnly = "eeee0005eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"
	collideA     = "ffff0006aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	collideB     = "ffff0006bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
	hashZeroRef  = "abab0007abababababababababababababababab"
)

func modalResult(hash string, baseline, human, agent string) string {
	return fmt.Sprintf(`{"instance": {"commit_hash": %q, "commit_subject": "subject %s", "repo": "vllm", "perf_command": "python benchmarks/benchmark_serving.py --model m", "files_changed": ["a.py"], "pr_url": "https://x/1", "models": ["m"]},
 "result": {"status": "success", "commit": %q, "full_commit": %q, "parent_commit": "p", "model": "m", "gpu_config": "H100:1", "benchmark_mode": "serving", "has_agent_patch": true,
  "baseline_metrics": %s, "human_metrics": %s, "agent_metrics": %s}}`, hash, hash[:8], hash[:8], hash, baseline, human, agent)
}

func separateRun(hash, variant, metrics, timestamp string) string {
	return fmt.Sprintf(`{"human_commit": %q, "human_commit_full": %q, "model": "m", "status": "success", "metrics": %s, "timestamp": %q}`,
		hash[:8], hash, metrics, timestamp)
}

func dockerRerun(short string, variants map[string]string) string {
	body := fmt.Sprintf(`{"commit": %q, "timestamp": "2026-01-12T10:00:00", "results": {`, short)
	first := true
	for _, v := range []string{"baseline", "human", "agent"} {
		m, ok := variants[v]
		if !ok {
			continue
		}
		if !first {
			body += ","
		}
		first = false
		body += fmt.Sprintf(`%q: {"commit_hash": %q, "status": "success", "benchmark_type": "serving", "model": "m", "metrics": %s}`, v, short, m)
	}
	return body + "}}"
}

// fixture writes the files of a tiny pipeline tree and returns its root.
func fixture(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
	}
	return root
}

func ingest(t *testing.T, root string) *sql.DB {
	t.Helper()
	database, err := db.Open("")
	require.NoError(t, err)
	t.Cleanup(func() { database.Close() })
	ctx := context.Background()
	_, err = loader.Ingest(ctx, database, []string{root}, loader.Options{})
	require.NoError(t, err)
	require.NoError(t, db.Apply(ctx, database, "v5"))
	return database
}

func mergeTree(t *testing.T) *sql.DB {
	return ingest(t, fixture(t, map[string]string{
		// Rule 1: a modal row with metrics stays modal even though separate has values.
		"results/modal/aaaa0001/benchmark_result.json": modalResult(hashModal,
			`{"ttft_mean": 100, "throughput": 50}`, `{"ttft_mean": 90, "throughput": 55}`, `{"ttft_mean": 80, "throughput": 60}`),
		"results/separate_baseline/aaaa0001_baseline_result.json": separateRun(hashModal, "baseline", `{"ttft_mean_ms": 999}`, "2026-01-07 09:00:00"),
		// Rule 2: a modal row without metrics is filled column by column from separate.
		"results/modal/bbbb0002/benchmark_result.json":            modalResult(hashMerged, `{}`, `{"tpot_mean": 7}`, `null`),
		"results/separate_baseline/bbbb0002_baseline_result.json": separateRun(hashMerged, "baseline", `{"output_token_throughput_tok_s": 200}`, "2026-01-07 09:00:00"),
		"results/separate_agent/bbbb0002_human_result.json":       separateRun(hashMerged, "human", `{"output_token_throughput_tok_s": 210}`, "2026-01-07 09:00:00"),
		// Rule 3: only separate knows the commit. Two human files: the newer one wins.
		"results/separate_agent/cccc0003_human_result.json":    separateRun(hashSepOnly, "human", `{"output_token_throughput_tok_s": 300}`, "2026-01-07 09:00:00"),
		"results/separate_agent_v2/cccc0003_human_result.json": separateRun(hashSepOnly, "human", `{"output_token_throughput_tok_s": 310}`, "2026-01-08 09:00:00"),
		"results/separate_agent/cccc0003_agent_result.json":    separateRun(hashSepOnly, "agent", `{"output_token_throughput_tok_s": 320}`, "2026-01-07 09:00:00"),
		"results/separate_agent_v2/cccc0003_agent_result.json": separateRun(hashSepOnly, "agent", `{}`, "2026-01-09 09:00:00"),
		// Rule 4: a docker rerun replaces a row without metrics; a docker-only commit is a row.
		"results/modal/dddd0004/benchmark_result.json": modalResult(hashDocker, `{}`, `{}`, `{}`),
		"results/docker/dddd0004/benchmark_result.json": dockerRerun("dddd0004", map[string]string{
			"baseline": `{"mean_ttft_ms": 40}`, "human": `{"mean_ttft_ms": 30}`}),
		"results/docker/eeee0005/benchmark_result.json": dockerRerun("eeee0005", map[string]string{
			"human": `{"mean_ttft_ms": 20}`, "agent": `{"mean_ttft_ms": 10}`}),
		// A prefix collision: never merged, reported.
		"results/modal/ffff0006/benchmark_result.json":            modalResult(collideA, `{}`, `{"throughput": 10}`, `{}`),
		"results/separate_baseline/ffff0006_baseline_result.json": separateRun(collideB, "baseline", `{"output_token_throughput_tok_s": 5}`, "2026-01-07 09:00:00"),
		"results/separate_agent/ffff0006_agent_result.json":       `{"commit": "ffff0006", "status": "success", "metrics": {"output_token_throughput_tok_s": 7}, "timestamp": "2026-01-07 09:00:00"}`,
		"results/modal/abab0007/benchmark_result.json":            modalResult(hashZeroRef, `{"ttft_mean": 0, "throughput": 0}`, `{"ttft_mean": 5, "throughput": 3}`, `{"ttft_mean": 4}`),
	}))
}

func queryRows(t *testing.T, database *sql.DB, q string, args ...any) [][]any {
	t.Helper()
	rows, err := database.Query(q, args...)
	require.NoError(t, err)
	_, out, err := db.ScanAll(rows)
	require.NoError(t, err)
	return out
}

func TestMergeRules(t *testing.T) {
	database := mergeTree(t)
	row := func(hash string) map[string]any {
		rows, err := database.Query(`SELECT data_source, baseline_ttft_mean, baseline_throughput, human_ttft_mean,
			human_tpot_mean, human_throughput, agent_ttft_mean, agent_throughput, commit_subject
			FROM dataset_v5 WHERE commit_hash = ?`, hash)
		require.NoError(t, err)
		defer rows.Close()
		require.True(t, rows.Next(), "no dataset row for %s", hash)
		var src string
		var bt, bp, ht, htp, hp, at, ap sql.NullFloat64
		var subject sql.NullString
		require.NoError(t, rows.Scan(&src, &bt, &bp, &ht, &htp, &hp, &at, &ap, &subject))
		require.False(t, rows.Next(), "two dataset rows for %s", hash)
		m := map[string]any{"data_source": src, "subject": subject.String}
		for name, v := range map[string]sql.NullFloat64{"baseline_ttft_mean": bt, "baseline_throughput": bp,
			"human_ttft_mean": ht, "human_tpot_mean": htp, "human_throughput": hp, "agent_ttft_mean": at, "agent_throughput": ap} {
			if v.Valid {
				m[name] = v.Float64
			}
		}
		return m
	}

	t.Run("modal with metrics stays modal", func(t *testing.T) {
		r := row(hashModal)
		require.Equal(t, "modal", r["data_source"])
		require.Equal(t, 100.0, r["baseline_ttft_mean"])
	})
	t.Run("modal without metrics is filled column by column", func(t *testing.T) {
		r := row(hashMerged)
		require.Equal(t, "merged", r["data_source"])
		require.Equal(t, 200.0, r["baseline_throughput"])
		require.Equal(t, 210.0, r["human_throughput"])
		require.Equal(t, 7.0, r["human_tpot_mean"], "a modal value separate does not have stays")
		require.Equal(t, "subject bbbb0002", r["subject"])
	})
	t.Run("separate only", func(t *testing.T) {
		r := row(hashSepOnly)
		require.Equal(t, "separate", r["data_source"])
		require.Equal(t, 310.0, r["human_throughput"], "the newer of two runs wins")
		require.Equal(t, 320.0, r["agent_throughput"], "a run with metrics beats a newer one without")
	})
	t.Run("docker replaces a row without metrics", func(t *testing.T) {
		r := row(hashDocker)
		require.Equal(t, "docker", r["data_source"])
		require.Equal(t, 40.0, r["baseline_ttft_mean"])
		require.Equal(t, 30.0, r["human_ttft_mean"])
	})
	t.Run("docker only", func(t *testing.T) {
		got := queryRows(t, database, `SELECT data_source, human_ttft_mean, agent_ttft_mean FROM dataset_v5 WHERE commit_short = 'eeee0005'`)
		require.Equal(t, [][]any{{"docker", 20.0, 10.0}}, got)
	})
	t.Run("prefix collision is reported and not merged", func(t *testing.T) {
		got := queryRows(t, database, `SELECT commit_hash, data_source, baseline_throughput, human_throughput FROM dataset_v5
			WHERE commit_short = 'ffff0006' ORDER BY commit_hash`)
		require.Equal(t, [][]any{{collideA, "modal", nil, 10.0}, {collideB, "separate", 5.0, nil}}, got)
		kinds := queryRows(t, database, `SELECT kind FROM conflicts WHERE commit_short = 'ffff0006' ORDER BY kind`)
		require.Equal(t, [][]any{{"ambiguous short hash"}, {"prefix collision"}}, kinds)
	})
	t.Run("duplicates view shows every choice", func(t *testing.T) {
		got := queryRows(t, database, `SELECT variant, chosen, reason FROM duplicates WHERE commit_short = 'cccc0003' ORDER BY variant, chosen DESC`)
		require.Equal(t, [][]any{
			{"agent", true, "chosen"}, {"agent", false, "the chosen run has metrics"},
			{"human", true, "chosen"}, {"human", false, "the chosen run is newer"},
		}, got)
	})
	t.Run("provenance names the file of each value", func(t *testing.T) {
		got := queryRows(t, database, `SELECT column_name, pipeline, path FROM dataset_provenance
			WHERE commit_hash = ? ORDER BY column_name`, hashMerged)
		require.Equal(t, [][]any{
			{"baseline_throughput", "separate", "results/separate_baseline/bbbb0002_baseline_result.json"},
			{"human_throughput", "separate", "results/separate_agent/bbbb0002_human_result.json"},
			{"human_tpot_mean", "modal", "results/modal/bbbb0002/benchmark_result.json"},
		}, got)
	})
}

func TestImprovements(t *testing.T) {
	database := mergeTree(t)
	got := queryRows(t, database, `SELECT human_improvement_ttft_mean, agent_improvement_ttft_mean, agent_vs_human_ttft_mean,
		human_improvement_throughput, agent_vs_human_throughput FROM dataset_v5 WHERE commit_hash = ?`, hashModal)
	require.Len(t, got, 1)
	require.InDelta(t, 10.0, got[0][0], 1e-9) // (100-90)/100
	require.InDelta(t, 20.0, got[0][1], 1e-9) // (100-80)/100
	require.InDelta(t, 100.0*10/90, got[0][2], 1e-9)
	require.InDelta(t, 10.0, got[0][3], 1e-9) // (55-50)/50, higher is better
	require.InDelta(t, 100.0*5/55, got[0][4], 1e-9)

	// ref = 0 and a missing side give NULL.
	got = queryRows(t, database, `SELECT human_improvement_ttft_mean, human_improvement_throughput, agent_vs_human_ttft_mean,
		agent_vs_human_throughput FROM dataset_v5 WHERE commit_hash = ?`, hashZeroRef)
	require.Equal(t, []any{nil, nil, 20.0, nil}, got[0])

	macro := queryRows(t, database, `SELECT improvement(NULL, 1, true), improvement(1, NULL, true), improvement(1, 0, false), improvement(90, 100, true), improvement(110, 100, false)`)
	require.Equal(t, []any{nil, nil, nil, 10.0, 10.0}, macro[0])
}

func TestCategories(t *testing.T) {
	database := mergeTree(t)
	got := queryRows(t, database, `SELECT commit_short, category, evaluable FROM commit_categories ORDER BY commit_short, commit_hash`)
	require.Equal(t, [][]any{
		{"aaaa0001", "B+H+A", true},
		{"abab0007", "B+H+A", true},
		{"bbbb0002", "agent failure", true},
		{"cccc0003", "H+A only", true},
		{"dddd0004", "agent failure", true},
		{"eeee0005", "H+A only", true},
		{"ffff0006", "agent failure", true},
		{"ffff0006", "no metrics", false},
	}, got)
	fill := queryRows(t, database, `SELECT count(*), min(total_columns), max(total_columns) FROM row_fill`)
	require.Equal(t, []any{int64(8), int64(76), int64(76)}, fill[0])
}

// TestRowAgentFromIngest: a commit whose agent never wrote a run is still a row of the agent the
// ingest was told about; without --agent-name it is a row with no agent.
func TestRowAgentFromIngest(t *testing.T) {
	root := fixture(t, map[string]string{
		"results/separate_baseline/cccc0003_baseline_result.json": separateRun(hashSepOnly, "baseline", `{"ttft_mean_ms": 10}`, "2026-01-01 00:00:00"),
		"results/separate_agent/cccc0003_human_result.json":       separateRun(hashSepOnly, "human", `{"ttft_mean_ms": 9}`, "2026-01-01 00:00:00"),
	})
	agentOf := func(opts loader.Options) (name, model sql.NullString) {
		database, err := db.Open("")
		require.NoError(t, err)
		defer database.Close()
		ctx := context.Background()
		_, err = loader.Ingest(ctx, database, []string{root}, opts)
		require.NoError(t, err)
		require.NoError(t, db.Apply(ctx, database, "v5"))
		require.NoError(t, database.QueryRow(`SELECT agent_name, agent_model FROM dataset_v5`).Scan(&name, &model))
		return name, model
	}
	name, model := agentOf(loader.Options{AgentName: "claude-code", AgentModel: "claude-sonnet-4-20250514"})
	require.Equal(t, "claude-code", name.String)
	require.Equal(t, "claude-sonnet-4-20250514", model.String)
	name, model = agentOf(loader.Options{})
	require.False(t, name.Valid)
	require.False(t, model.Valid)
}
