package loader

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// variants are the three measured variants, in the order the tables list them.
var variants = []string{"baseline", "human", "agent"}

// run is one measured variant as one record of one file states it.
type run struct {
	record        int
	variant       string
	commitHash    string
	commitShort   string
	parentCommit  string
	agentName     string
	agentModel    string
	status        string
	errText       string
	benchmarkMode string
	model         string
	gpuConfig     string
	perfCommand   string
	timestamp     string
	raw           string
	contentSHA    string
	values        []metricValue
}

// metricValue is one metric as spelled in the file; the alias table maps it to a canonical metric.
type metricValue struct {
	sourceKey string
	value     float64
	origin    string // structured | raw_log
	position  string
}

// commitMeta is what a file says about the commit itself rather than one variant's run.
type commitMeta struct {
	record        int
	commitHash    string
	commitShort   string
	subject       string
	repo          string
	prURL         string
	filesChanged  []string
	models        []string
	parentCommit  string
	perfCommand   string
	testScript    string
	patchPath     string
	hasAgentPatch *bool
}

type warning struct {
	position string
	message  string
}

// extraction collects what one file yields.
type extraction struct {
	runs       []run
	commits    []commitMeta
	exportRows []exportRow
	warnings   []warning
	records    int // records taken: runs, export rows or skip records
}

func (x *extraction) warn(position, format string, args ...any) {
	x.warnings = append(x.warnings, warning{position: position, message: fmt.Sprintf(format, args...)})
}

var (
	fullHash  = regexp.MustCompile(`^[0-9a-f]{40}$`)
	shortHash = regexp.MustCompile(`^[0-9a-f]{7,39}$`)
)

// setCommit files a hash under full or short. A 40-character hash is full; a shorter hex string is
// a short hash; anything else is ignored (a caller may try another key).
func setCommit(full, short *string, value string) bool {
	h := strings.ToLower(strings.TrimSpace(value))
	switch {
	case fullHash.MatchString(h):
		*full = h
		if *short == "" || strings.HasPrefix(h, *short) {
			*short = h[:8]
		}
		return true
	case shortHash.MatchString(h):
		if *short == "" {
			*short = h[:min(8, len(h))]
		}
		return true
	}
	return false
}

// commitKeys lists, most specific first, the keys under which the pipelines name the commit.
var commitKeys = []string{
	"full_commit", "commit_full", "human_commit_full", "commit_hash_full",
	"commit_hash", "commit", "human_commit", "commit_short",
}

// identify fills a run's or commit's hashes from the first keys that hold one.
func identify(o obj, full, short *string) {
	for _, k := range commitKeys {
		setCommit(full, short, text(o[k]))
	}
}

// metricKeys is the set of source spellings the alias table knows, filled from metric_aliases.csv.
var metricKeys map[string]bool

// collectMetrics reads every key of o that the alias table knows, with its JSON path.
// Keys are visited in sorted order so that warnings come out the same every time.
func collectMetrics(o obj, prefix, at string, r *run, x *extraction) {
	for _, k := range sortedKeys(o) {
		key := strings.TrimPrefix(k, prefix)
		if prefix != "" && key == k {
			continue
		}
		if !metricKeys[key] {
			continue
		}
		pos := at + "." + k
		v, ok, reason := number(o[k])
		if !ok {
			if reason != "" {
				x.warn(pos, "%s", reason)
			}
			continue
		}
		r.values = append(r.values, metricValue{sourceKey: key, value: v, origin: "structured", position: pos})
	}
}

// checksum identifies a record's content, so that two copies of one run are known to be the same.
func checksum(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func sortedKeys(o obj) []string {
	keys := make([]string, 0, len(o))
	for k := range o {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
