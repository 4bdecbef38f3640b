package loader

import (
	"regexp"
	"strconv"
)

// logPatterns read the numbers benchmark scripts print. Each captures one number and names the
// alias-table spelling it stands for, so units are scaled by the same table as structured values.
var logPatterns = []struct {
	sourceKey string
	re        *regexp.Regexp
}{
	// vLLM's "Serving Benchmark Result" block (benchmark_serving.py, vllm bench serve).
	{"mean_ttft_ms", regexp.MustCompile(`(?m)^Mean TTFT \(ms\):\s+([0-9.eE+-]+)`)},
	{"median_ttft_ms", regexp.MustCompile(`(?m)^Median TTFT \(ms\):\s+([0-9.eE+-]+)`)},
	{"p99_ttft_ms", regexp.MustCompile(`(?m)^P99 TTFT \(ms\):\s+([0-9.eE+-]+)`)},
	{"mean_tpot_ms", regexp.MustCompile(`(?m)^Mean TPOT \(ms\):\s+([0-9.eE+-]+)`)},
	{"median_tpot_ms", regexp.MustCompile(`(?m)^Median TPOT \(ms\):\s+([0-9.eE+-]+)`)},
	{"p99_tpot_ms", regexp.MustCompile(`(?m)^P99 TPOT \(ms\):\s+([0-9.eE+-]+)`)},
	{"mean_itl_ms", regexp.MustCompile(`(?m)^Mean ITL \(ms\):\s+([0-9.eE+-]+)`)},
	{"median_itl_ms", regexp.MustCompile(`(?m)^Median ITL \(ms\):\s+([0-9.eE+-]+)`)},
	{"p99_itl_ms", regexp.MustCompile(`(?m)^P99 ITL \(ms\):\s+([0-9.eE+-]+)`)},
	{"output_token_throughput_tok_s", regexp.MustCompile(`(?m)^Output token throughput \(tok/s\):\s+([0-9.eE+-]+)`)},
	{"request_throughput_req_s", regexp.MustCompile(`(?m)^Request throughput \(req/s\):\s+([0-9.eE+-]+)`)},
	{"total_token_throughput_tok_s", regexp.MustCompile(`(?m)^Total [Tt]oken throughput \(tok/s\):\s+([0-9.eE+-]+)`)},
	// benchmark_latency.py.
	{"avg_latency_s", regexp.MustCompile(`Avg latency:\s+([0-9.eE+-]+)\s+seconds`)},
}

// recoverFromLog adds, for every metric the structured values lack, the value the raw log states.
// The first occurrence in the log counts. Recovered values carry origin raw_log.
func recoverFromLog(r *run) {
	if r.raw == "" {
		return
	}
	have := map[string]bool{}
	for _, v := range r.values {
		have[canonical[v.sourceKey]] = true
	}
	for _, p := range logPatterns {
		metric := canonical[p.sourceKey]
		if have[metric] {
			continue
		}
		m := p.re.FindStringSubmatch(r.raw)
		if m == nil {
			continue
		}
		f, err := strconv.ParseFloat(m[1], 64)
		if err != nil {
			continue
		}
		have[metric] = true
		r.values = append(r.values, metricValue{sourceKey: p.sourceKey, value: f, origin: "raw_log", position: "raw_log"})
	}
}
