package loader

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"strconv"
)

//go:embed metric_aliases.csv
var aliasCSV []byte

// alias is one row of metric_aliases.csv: a spelling, its canonical metric and scale.
type alias struct {
	sourceKey string
	metric    string
	scale     float64
	priority  int
}

// aliases is the one table mapping source spellings to canonical metrics; canonical indexes it.
var (
	aliases   []alias
	canonical map[string]string
)

func init() {
	var err error
	aliases, err = parseAliases(aliasCSV)
	if err != nil {
		panic(fmt.Sprintf("metric_aliases.csv: %v", err)) // embedded at build time: a broken file is a build defect
	}
	metricKeys = map[string]bool{}
	canonical = map[string]string{}
	for _, a := range aliases {
		metricKeys[a.sourceKey] = true
		canonical[a.sourceKey] = a.metric
	}
}

func parseAliases(data []byte) ([]alias, error) {
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 || fmt.Sprint(rows[0]) != "[source_key metric scale priority]" {
		return nil, fmt.Errorf("header must be source_key,metric,scale,priority")
	}
	seen := map[string]bool{}
	var out []alias
	for i, row := range rows[1:] {
		scale, err := strconv.ParseFloat(row[2], 64)
		if err != nil {
			return nil, fmt.Errorf("line %d: scale: %w", i+2, err)
		}
		prio, err := strconv.Atoi(row[3])
		if err != nil {
			return nil, fmt.Errorf("line %d: priority: %w", i+2, err)
		}
		if seen[row[0]] {
			return nil, fmt.Errorf("line %d: %q listed twice", i+2, row[0])
		}
		seen[row[0]] = true
		out = append(out, alias{sourceKey: row[0], metric: row[1], scale: scale, priority: prio})
	}
	return out, nil
}
