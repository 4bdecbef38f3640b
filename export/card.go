package export

import (
	"bytes"
	"context"
	"database/sql"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"text/template"

	"github.com/triad-bench/triad/db"
)

//go:embed card.md.tmpl
var cardText string

var cardTemplate = template.Must(template.New("card.md.tmpl").Funcs(template.FuncMap{
	"inc":           func(i int) int { return i + 1 },
	"cell":          markdownCell,
	"markdownTable": markdownTable,
}).Parse(cardText))

// cardColumn is a column as the card shows it.
type cardColumn struct {
	Column
	Dtype    string
	Sequence bool
}

// cardTable is one summary table: a named query's result.
type cardTable struct {
	Title, Name string
	Columns     []string
	Rows        [][]string
}

type cardData struct {
	Relation, Rules, DataFile string
	Rows                      int
	Columns                   []cardColumn
	Tables                    []cardTable
}

// summaryTables runs the card's named queries. A query that fails is an error of the export,
// not a silent gap in the card.
func summaryTables(ctx context.Context, conn *sql.Conn, summaries []Summary) ([]cardTable, error) {
	var out []cardTable
	for _, s := range summaries {
		t, err := runSummary(ctx, conn, s)
		if err != nil {
			return nil, fmt.Errorf("failed to run query %s for the dataset card: %w", s.Name, err)
		}
		out = append(out, t)
	}
	return out, nil
}

// renderCard fills the card template.
func renderCard(opts Options, rows int, tables []cardTable) (string, error) {
	data := cardData{Relation: opts.Relation, Rules: opts.Rules, DataFile: DataFileName(opts.Format), Rows: rows, Tables: tables}
	for _, c := range columns {
		h := hubTypes[c.Type]
		data.Columns = append(data.Columns, cardColumn{Column: c, Dtype: h.dtype, Sequence: h.sequence})
	}
	var b bytes.Buffer
	if err := cardTemplate.Execute(&b, data); err != nil {
		return "", fmt.Errorf("failed to render the dataset card: %w", err)
	}
	return b.String(), nil
}

func runSummary(ctx context.Context, conn *sql.Conn, s Summary) (cardTable, error) {
	t := cardTable{Title: s.Title, Name: s.Name}
	rs, err := conn.QueryContext(ctx, s.SQL)
	if err != nil {
		return t, err
	}
	cols, all, err := db.ScanAll(rs)
	if err != nil {
		return t, err
	}
	t.Columns = cols
	for _, vals := range all {
		row := make([]string, len(vals))
		for i, v := range vals {
			row[i] = summaryText(v)
		}
		t.Rows = append(t.Rows, row)
	}
	return t, nil
}

// summaryText renders a summary value: null for NULL, floats in the shortest exact form.
func summaryText(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return x
	case []byte:
		return string(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case float32:
		return strconv.FormatFloat(float64(x), 'f', -1, 32)
	case []any:
		var b bytes.Buffer
		if err := appendJSON(&b, x); err == nil {
			return b.String()
		}
	}
	return fmt.Sprint(v)
}

func markdownTable(cols []string, rows [][]string) string {
	var b strings.Builder
	row := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + markdownCell(c) + " |")
		}
		b.WriteString("\n")
	}
	row(cols)
	b.WriteString("|" + strings.Repeat("---|", len(cols)) + "\n")
	for _, r := range rows {
		row(r)
	}
	return b.String()
}

// markdownCell keeps a value on one table row and out of the table's syntax.
func markdownCell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}
