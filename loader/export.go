package loader

import (
	"bufio"
	"bytes"
	"context"
	"database/sql/driver"
	_ "embed"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/triad-bench/triad/db"
)

//go:embed dataset_columns.csv
var datasetColumnsCSV []byte

// datasetColumn is one of the 76 dataset_v5 columns with its DuckDB type.
type datasetColumn struct {
	name, typ string
}

var (
	datasetColumns []datasetColumn
	datasetIndex   map[string]int // column name → position (0-based)
)

func init() {
	recs, err := csv.NewReader(bytes.NewReader(datasetColumnsCSV)).ReadAll()
	if err != nil || len(recs) < 2 {
		panic(fmt.Sprintf("dataset_columns.csv: %v", err)) // embedded at build time: a broken file is a build defect
	}
	datasetIndex = map[string]int{}
	for _, r := range recs[1:] {
		datasetIndex[r[1]] = len(datasetColumns)
		datasetColumns = append(datasetColumns, datasetColumn{name: r[1], typ: r[2]})
	}
}

// exportRow is one row of a flat dataset export: the 76 dataset_v5 values in column order.
type exportRow struct {
	record int
	values []driver.Value
}

// hashColumns hold commit hashes; they are lower-cased, every other value is kept as given.
var hashColumns = map[string]bool{"commit_hash": true, "commit_short": true, "parent_commit": true}

// variantPrefixes start the per-variant metric columns.
var variantPrefixes = []string{"baseline_", "human_", "agent_"}

// isMetricColumn reports whether a dataset column is a per-variant number.
func isMetricColumn(name string) bool {
	i, ok := datasetIndex[name]
	if !ok || datasetColumns[i].typ != "DOUBLE" {
		return false
	}
	for _, p := range variantPrefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// looksLikeExport decides by a row's keys whether it is a row of a dataset export: it names its
// data_source, or an agent or commit together with per-variant metric columns. Nested improvement
// objects (human_improvement: {ttft_mean: …}) count by their flattened names.
func looksLikeExport(keys []string) bool {
	if slices.Contains(keys, "data_source") {
		return true
	}
	identity := slices.Contains(keys, "agent_name") || slices.Contains(keys, "commit_hash")
	if !identity {
		return false
	}
	for _, k := range keys {
		if isMetricColumn(k) || k == "human_improvement" || k == "agent_improvement" || k == "agent_vs_human" {
			return true
		}
	}
	return false
}

// isFlatExport recognises rows of a dataset export. A .json file must be an array of row objects
// with dataset columns; .jsonl, .csv and .parquet files are only ever exports, so their extractor
// decides and names an unknown layout itself.
func isFlatExport(s *source) bool {
	if s.ext() != ".json" {
		return true
	}
	list, ok := s.doc.([]any)
	if !ok || len(list) == 0 {
		return false
	}
	for _, e := range list {
		if o := object(e); o != nil && looksLikeExport(sortedKeys(o)) {
			return true
		}
	}
	return false
}

// rawRow is one row as read, before typing: keys to values as the file spells them (strings for
// CSV; decoded JSON values for JSON; native values for Parquet).
type rawRow struct {
	record   int
	position string // how warnings name the row, e.g. "line 3" or "row 2"
	values   obj
}

func extractFlatExport(s *source, x *extraction) error {
	var rows []rawRow
	var err error
	switch s.ext() {
	case ".csv":
		rows, err = readCSVRows(s.data)
	case ".jsonl":
		rows, err = readJSONLRows(s.data, x)
	case ".json":
		rows, err = readJSONArrayRows(s.doc, x)
	case ".parquet":
		rows, err = readParquetRows(s.data)
	default:
		err = fmt.Errorf("unknown layout: %s is not an export extension", s.ext())
	}
	if err != nil {
		return err
	}
	recognised := false
	for _, r := range rows {
		if looksLikeExport(sortedKeys(r.values)) {
			recognised = true
			break
		}
	}
	if !recognised {
		return fmt.Errorf("unknown layout: %s", describeRows(rows))
	}
	unknown := map[string]int{}
	for _, r := range rows {
		x.exportRows = append(x.exportRows, typeRow(r, unknown, x))
		x.records++
	}
	if len(unknown) > 0 {
		keys := make([]string, 0, len(unknown))
		for k := range unknown {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = fmt.Sprintf("%s (%d rows)", k, unknown[k])
		}
		x.warn("", "ignored %d keys that are not dataset columns: %s", len(keys), strings.Join(parts, ", "))
	}
	return nil
}

// describeRows names what a file without dataset columns holds, for its "unknown layout" error.
func describeRows(rows []rawRow) string {
	if len(rows) == 0 {
		return "no rows"
	}
	keys := sortedKeys(rows[0].values)
	if len(keys) > 12 {
		keys = append(keys[:12], "…")
	}
	return fmt.Sprintf("%d rows without dataset columns (first row's keys: %s)", len(rows), strings.Join(keys, ", "))
}

// typeRow turns one raw row into the 76 typed values, flattening nested improvement objects and
// counting keys that are not dataset columns.
func typeRow(r rawRow, unknown map[string]int, x *extraction) exportRow {
	flat := obj{}
	for _, k := range sortedKeys(r.values) {
		v := r.values[k]
		if _, known := datasetIndex[k]; !known {
			if nested := object(v); nested != nil {
				for _, nk := range sortedKeys(nested) {
					name := k + "_" + nk
					if _, ok := datasetIndex[name]; ok {
						flat[name] = nested[nk]
					} else {
						unknown[k+"."+nk]++
					}
				}
				continue
			}
			unknown[k]++
			continue
		}
		flat[k] = v
	}
	out := exportRow{record: r.record, values: make([]driver.Value, len(datasetColumns))}
	for i, c := range datasetColumns {
		v, present := flat[c.name]
		if !present {
			continue
		}
		pos := r.position + ", " + c.name
		var val driver.Value
		switch c.typ {
		case "DOUBLE":
			val = exportNumber(v, pos, x)
		case "BOOLEAN":
			val = exportBool(v, pos, x)
		case "VARCHAR[]":
			val = exportList(v, pos, x)
		default:
			val = exportText(v, pos, x)
			if s, ok := val.(string); ok && hashColumns[c.name] {
				val = strings.ToLower(s)
			}
		}
		out.values[i] = val
	}
	return out
}

// exportText keeps a text value as given; an empty string is NULL.
func exportText(v any, pos string, x *extraction) driver.Value {
	switch t := v.(type) {
	case nil:
		return nil
	case string:
		if t == "" {
			return nil
		}
		return strings.ToValidUTF8(t, "\uFFFD")
	case json.Number, bool:
		return text(t)
	case float64:
		return strconv.FormatFloat(t, 'g', -1, 64)
	case float32:
		return strconv.FormatFloat(float64(t), 'g', -1, 32)
	case int, int8, int16, int32, int64, uint8, uint16, uint32, uint64:
		return fmt.Sprint(t)
	case time.Time:
		return t.Format(time.RFC3339Nano)
	default:
		b, err := json.Marshal(t)
		if err != nil {
			x.warn(pos, "%T is not text, read as null", v)
			return nil
		}
		x.warn(pos, "%s where text was expected, kept as JSON", jsonType(v))
		return string(b)
	}
}

// exportNumber reads a DOUBLE: numbers and numeric strings with strconv.ParseFloat; placeholders
// (nan, N/A, None…) become NULL with a warning; an empty string is NULL.
func exportNumber(v any, pos string, x *extraction) driver.Value {
	switch t := v.(type) {
	case nil:
		return nil
	case string:
		if strings.TrimSpace(t) == "" {
			return nil
		}
	case float32:
		v = float64(t)
	case int:
		v = float64(t)
	case int8:
		v = float64(t)
	case int16:
		v = float64(t)
	case int32:
		v = float64(t)
	case int64:
		v = float64(t)
	case uint8:
		v = float64(t)
	case uint16:
		v = float64(t)
	case uint32:
		v = float64(t)
	case uint64:
		v = float64(t)
	case *big.Int:
		f, _ := new(big.Float).SetInt(t).Float64()
		v = f
	}
	f, ok, reason := number(v)
	if !ok {
		if reason == "" {
			reason = "not a number"
		}
		x.warn(pos, "%s", reason)
		return nil
	}
	return f
}

// exportBool reads a BOOLEAN: true/false in any case (Python's True/False included), 1/0.
func exportBool(v any, pos string, x *extraction) driver.Value {
	if v == nil {
		return nil
	}
	if s, ok := v.(string); ok && strings.TrimSpace(s) == "" {
		return nil
	}
	if b, ok := boolean(v); ok {
		return b
	}
	switch t := v.(type) {
	case int32:
		return t != 0
	case int64:
		return t != 0
	case float64:
		return t != 0
	}
	if s, ok := v.(string); ok && placeholders[strings.ToLower(strings.TrimSpace(s))] {
		x.warn(pos, "placeholder %q read as null", clip(s, 40))
	} else {
		x.warn(pos, "%s %q is not a boolean, read as null", jsonType(v), clip(fmt.Sprint(v), 40))
	}
	return nil
}

// exportList reads a VARCHAR[]: a JSON array, or a string holding one written as JSON
// (["a","b"]) or as Python or numpy print it (['a', 'b'], ['a' 'b'] across lines, []).
func exportList(v any, pos string, x *extraction) driver.Value {
	switch t := v.(type) {
	case nil:
		return nil
	case []any:
		out := make([]any, 0, len(t))
		for _, e := range t {
			switch s := e.(type) {
			case nil:
				out = append(out, nil)
			case string:
				out = append(out, strings.ToValidUTF8(s, "\uFFFD"))
			default:
				out = append(out, exportText(e, pos, x))
			}
		}
		return out
	case []string:
		out := make([]any, len(t))
		for i, s := range t {
			out[i] = s
		}
		return out
	case string:
		s := strings.TrimSpace(t)
		if s == "" {
			return nil
		}
		if placeholders[strings.ToLower(s)] {
			x.warn(pos, "placeholder %q read as null", clip(s, 40))
			return nil
		}
		if !strings.HasPrefix(s, "[") {
			x.warn(pos, "text %q is not a list, read as a list of one", clip(s, 40))
			return []any{t}
		}
		items, err := parseListText(s)
		if err != nil {
			x.warn(pos, "list %q: %v, read as null", clip(s, 40), err)
			return nil
		}
		out := make([]any, len(items))
		for i, it := range items {
			out[i] = it
		}
		return out
	default:
		x.warn(pos, "%s where a list was expected, read as null", jsonType(v))
		return nil
	}
}

// parseListText parses a bracketed list of strings: JSON, or Python/numpy repr, whose items are
// quoted with ' or " and separated by commas and/or white space (newlines included). Bare items
// (numbers) are kept as their text.
func parseListText(s string) ([]string, error) {
	if strings.HasPrefix(s, "[") && json.Valid([]byte(s)) {
		var items []any
		if err := json.Unmarshal([]byte(s), &items); err == nil {
			out := make([]string, 0, len(items))
			for _, it := range items {
				switch t := it.(type) {
				case string:
					out = append(out, t)
				default:
					b, _ := json.Marshal(t)
					out = append(out, string(b))
				}
			}
			return out, nil
		}
	}
	if !strings.HasPrefix(s, "[") || !strings.HasSuffix(s, "]") {
		return nil, errors.New("not a bracketed list")
	}
	body := s[1 : len(s)-1]
	out := []string{}
	i := 0
	for {
		for i < len(body) && (body[i] == ',' || body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t') {
			i++
		}
		if i >= len(body) {
			return out, nil
		}
		q := body[i]
		if q != '\'' && q != '"' {
			j := i
			for j < len(body) && !strings.ContainsRune(", \n\r\t", rune(body[j])) {
				j++
			}
			out = append(out, body[i:j])
			i = j
			continue
		}
		var b strings.Builder
		j := i + 1
		closed := false
		for j < len(body) {
			c := body[j]
			if c == q {
				closed = true
				j++
				break
			}
			if c == '\\' && j+1 < len(body) {
				n, width := unescapePython(body[j+1:])
				b.WriteString(n)
				j += 1 + width
				continue
			}
			b.WriteByte(c)
			j++
		}
		if !closed {
			return nil, fmt.Errorf("unterminated string at byte %d", i+1)
		}
		out = append(out, b.String())
		i = j
	}
}

// unescapePython decodes one Python string escape (the text after the backslash); it returns the
// decoded text and how many bytes it consumed.
func unescapePython(s string) (string, int) {
	switch s[0] {
	case 'n':
		return "\n", 1
	case 't':
		return "\t", 1
	case 'r':
		return "\r", 1
	case '\\', '\'', '"':
		return s[:1], 1
	case 'x', 'u', 'U':
		width := map[byte]int{'x': 2, 'u': 4, 'U': 8}[s[0]]
		if len(s) > width {
			if n, err := strconv.ParseUint(s[1:1+width], 16, 32); err == nil && utf8.ValidRune(rune(n)) {
				return string(rune(n)), 1 + width
			}
		}
	}
	return "\\" + s[:1], 1
}

// readCSVRows reads an RFC 4180 file with a header row; quoted cells may span lines.
func readCSVRows(data []byte) ([]rawRow, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	r := csv.NewReader(bytes.NewReader(data))
	r.ReuseRecord = false
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("reading the csv header: %w", err)
	}
	seen := map[string]bool{}
	for _, h := range header {
		if seen[h] {
			return nil, fmt.Errorf("line 1: column %q appears twice in the header", h)
		}
		seen[h] = true
	}
	var rows []rawRow
	for n := 1; ; n++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("row %d: %w", n, err)
		}
		line, _ := r.FieldPos(0)
		o := obj{}
		for i, h := range header {
			o[h] = rec[i]
		}
		rows = append(rows, rawRow{record: n, position: fmt.Sprintf("row %d (line %d)", n, line), values: o})
	}
	return rows, nil
}

// readJSONLRows reads one JSON object per line. A line that is not a JSON object is a warning
// naming its line; the other lines are kept.
func readJSONLRows(data []byte, x *extraction) ([]rawRow, error) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 1<<20), maxFileBytes)
	var rows []rawRow
	bad := 0
	for line := 1; sc.Scan(); line++ {
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 {
			continue
		}
		pos := fmt.Sprintf("line %d", line)
		doc, err := decodeJSON(text)
		if err != nil {
			x.warn(pos, "skipped: %s", strings.TrimPrefix(err.Error(), "line 1, "))
			bad++
			continue
		}
		o := object(doc)
		if o == nil {
			x.warn(pos, "skipped: %s where a row object was expected", jsonType(doc))
			bad++
			continue
		}
		rows = append(rows, rawRow{record: line, position: pos, values: o})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading lines: %w", err)
	}
	if len(rows) == 0 && bad > 0 {
		return nil, fmt.Errorf("no line of the file is a JSON object (%d bad lines)", bad)
	}
	return rows, nil
}

// readJSONArrayRows reads a top-level array of row objects; a non-object element is a warning.
func readJSONArrayRows(doc any, x *extraction) ([]rawRow, error) {
	list, ok := doc.([]any)
	if !ok {
		return nil, fmt.Errorf("unknown layout: %s", describe(doc))
	}
	var rows []rawRow
	for i, e := range list {
		pos := fmt.Sprintf("[%d]", i)
		o := object(e)
		if o == nil {
			x.warn(pos, "skipped: %s where a row object was expected", jsonType(e))
			continue
		}
		rows = append(rows, rawRow{record: i, position: pos, values: o})
	}
	return rows, nil
}

// readParquetRows reads a Parquet file with an in-memory DuckDB, from a temporary copy of its bytes.
func readParquetRows(data []byte) ([]rawRow, error) {
	tmp, err := os.CreateTemp("", "triad-export-*.parquet")
	if err != nil {
		return nil, fmt.Errorf("failed to stage the parquet file: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return nil, fmt.Errorf("failed to stage the parquet file: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return nil, fmt.Errorf("failed to stage the parquet file: %w", err)
	}
	reader, err := db.Open("")
	if err != nil {
		return nil, fmt.Errorf("failed to open duckdb to read parquet: %w", err)
	}
	defer reader.Close()
	res, err := reader.QueryContext(context.Background(), "SELECT * FROM read_parquet(?)", tmp.Name())
	if err != nil {
		return nil, fmt.Errorf("reading parquet: %w", err)
	}
	cols, all, err := db.ScanAll(res)
	if err != nil {
		return nil, fmt.Errorf("reading parquet: %w", err)
	}
	var rows []rawRow
	for r, vals := range all {
		n := r + 1
		o := obj{}
		for i, c := range cols {
			o[c] = parquetValue(vals[i])
		}
		rows = append(rows, rawRow{record: n, position: fmt.Sprintf("row %d", n), values: o})
	}
	return rows, nil
}

// parquetValue maps a DuckDB value onto the shapes the typing step reads: maps become objects,
// byte strings become text, non-finite floats stay floats (and are then refused as numbers).
func parquetValue(v any) any {
	switch t := v.(type) {
	case []byte:
		return string(t)
	case map[string]any:
		out := obj{}
		for k, e := range t {
			out[k] = parquetValue(e)
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = parquetValue(e)
		}
		return out
	case float64:
		if math.IsNaN(t) {
			return "nan"
		}
		return t
	default:
		return v
	}
}
