package loader_test

import (
	"os"
	"path/filepath"
	"testing"
)

// TestFormatsGolden ingests each case under testdata/formats/<case>/in and compares the normalised
// runs (without raw text and checksums), the chosen metric values with their origin, the ledger and
// the warnings with the case's golden CSV files. Refresh them with go test ./loader/ -update.
func TestFormatsGolden(t *testing.T) {
	cases, err := os.ReadDir("testdata/formats")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if !c.IsDir() {
			continue
		}
		t.Run(c.Name(), func(t *testing.T) {
			dir := filepath.Join("testdata/formats", c.Name())
			database, _ := ingest(t, filepath.Join(dir, "in"))
			golden(t, filepath.Join(dir, "runs.csv"), queryCSV(t, database, `
				SELECT path, record, variant, pipeline, format, commit_hash, commit_short, parent_commit,
				       agent_name, agent_model, status, error, benchmark_mode, model, gpu_config, perf_command,
				       timestamp, ttft_mean, ttft_median, ttft_p99, tpot_mean, tpot_median, tpot_p99,
				       itl_mean, itl_median, itl_p99, latency_avg, throughput, request_throughput,
				       total_throughput, metrics_origin
				FROM runs ORDER BY path, record, variant`))
			golden(t, filepath.Join(dir, "values.csv"), queryCSV(t, database, `
				SELECT path, record, variant, metric, value, origin, source_key, position
				FROM run_metric_values ORDER BY path, record, variant, metric`))
			golden(t, filepath.Join(dir, "files.csv"), queryCSV(t, database, `
				SELECT path, pipeline, format, status, error, reason, size_bytes, records, warnings
				FROM files ORDER BY path`))
			golden(t, filepath.Join(dir, "warnings.csv"), queryCSV(t, database, `
				SELECT path, position, message FROM warnings ORDER BY path, position, message`))
		})
	}
}
