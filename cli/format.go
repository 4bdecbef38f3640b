package cli

import (
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/triad-bench/triad/db"
)

// result is a query's answer, every value already rendered as text (nil for NULL).
type result struct {
	columns []string
	rows    [][]*string
	// raw keeps the typed values for JSON output.
	raw [][]any
}

// collect reads all rows of a query.
func collect(rows *sql.Rows) (*result, error) {
	cols, all, err := db.ScanAll(rows)
	if err != nil {
		return nil, err
	}
	res := &result{columns: cols, raw: all}
	for _, vals := range all {
		row := make([]*string, len(cols))
		for i, v := range vals {
			if v != nil {
				s := render(v)
				row[i] = &s
			}
		}
		res.rows = append(res.rows, row)
	}
	return res, nil
}

// render writes one value in triad's fixed text form: floats in the shortest form that reads
// back exactly, lists as JSON arrays, times in RFC 3339.
func render(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []byte:
		return string(x)
	case float64:
		return formatFloat(x)
	case float32:
		return formatFloat(float64(x))
	case bool:
		return strconv.FormatBool(x)
	case time.Time:
		return x.UTC().Format(time.RFC3339)
	case []any, map[string]any:
		b, _ := json.Marshal(jsonable(x))
		return string(b)
	default:
		return fmt.Sprint(x)
	}
}

func formatFloat(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// jsonable replaces values encoding/json cannot write (NaN, ±Inf) with null.
func jsonable(v any) any {
	switch x := v.(type) {
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil
		}
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = jsonable(e)
		}
		return out
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			out[k] = jsonable(e)
		}
		return out
	case time.Time:
		return x.UTC().Format(time.RFC3339)
	}
	return v
}

// write prints res in format: table, csv, json or md.
func (res *result) write(w io.Writer, format string) error {
	switch format {
	case "csv":
		cw := csv.NewWriter(w)
		if err := cw.Write(res.columns); err != nil {
			return err
		}
		for _, row := range res.rows {
			rec := make([]string, len(row))
			for i, v := range row {
				if v != nil {
					rec[i] = *v
				}
			}
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	case "json":
		out := make([]map[string]any, 0, len(res.raw))
		for _, vals := range res.raw {
			m := make(map[string]any, len(vals))
			for i, v := range vals {
				m[res.columns[i]] = jsonable(v)
			}
			out = append(out, m)
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	case "md":
		return res.writeMarkdown(w)
	case "table":
		return res.writeTable(w)
	default:
		return fmt.Errorf("unknown format %q (want table, csv, json or md)", format)
	}
}

func cell(v *string, null string) string {
	if v == nil {
		return null
	}
	return *v
}

func (res *result) writeMarkdown(w io.Writer) error {
	esc := func(s string) string {
		s = strings.ReplaceAll(s, "|", `\|`)
		return strings.ReplaceAll(s, "\n", " ")
	}
	fmt.Fprintf(w, "| %s |\n", strings.Join(res.columns, " | "))
	seps := make([]string, len(res.columns))
	for i := range seps {
		seps[i] = "---"
	}
	fmt.Fprintf(w, "| %s |\n", strings.Join(seps, " | "))
	for _, row := range res.rows {
		cells := make([]string, len(row))
		for i, v := range row {
			cells[i] = esc(cell(v, ""))
		}
		fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
	}
	return nil
}

// writeTable prints aligned columns; long or multi-line values are clipped so a row stays a line.
func (res *result) writeTable(w io.Writer) error {
	const maxWidth = 60
	show := func(v *string) string {
		s := strings.ReplaceAll(cell(v, "NULL"), "\n", `\n`)
		if utf8.RuneCountInString(s) > maxWidth {
			r := []rune(s)
			s = string(r[:maxWidth-1]) + "…"
		}
		return s
	}
	widths := make([]int, len(res.columns))
	for i, c := range res.columns {
		widths[i] = utf8.RuneCountInString(c)
	}
	for _, row := range res.rows {
		for i, v := range row {
			widths[i] = max(widths[i], utf8.RuneCountInString(show(v)))
		}
	}
	line := func(cells []string) {
		for i, c := range cells {
			if i > 0 {
				io.WriteString(w, "  ")
			}
			pad := widths[i] - utf8.RuneCountInString(c)
			if i == len(cells)-1 {
				pad = 0
			}
			io.WriteString(w, c+strings.Repeat(" ", pad))
		}
		io.WriteString(w, "\n")
	}
	line(res.columns)
	seps := make([]string, len(widths))
	for i, n := range widths {
		seps[i] = strings.Repeat("-", n)
	}
	line(seps)
	for _, row := range res.rows {
		cells := make([]string, len(row))
		for i, v := range row {
			cells[i] = show(v)
		}
		line(cells)
	}
	fmt.Fprintf(w, "(%d rows)\n", len(res.rows))
	return nil
}
