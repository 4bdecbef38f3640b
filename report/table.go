package report

import (
	"context"
	"database/sql"
	"fmt"
	"math/big"
	"reflect"
	"strings"
	"time"

	triaddb "github.com/triad-bench/triad/db"
)

// Table is the answer of one named query, its values normalised to a few Go types:
// nil, bool, int64, float64, string, []any and time values.
type Table struct {
	Name    string
	Columns []string
	Rows    []Row
}

// Row is one row of a Table; its methods look values up by column name and fail on unknown names,
// so a template that asks for a column its query does not return stops with an error.
type Row struct {
	table  *Table
	Values []any
}

func (t *Table) index(col string) (int, error) {
	for i, c := range t.Columns {
		if c == col {
			return i, nil
		}
	}
	return 0, fmt.Errorf("query %s has no column %q (columns: %s)", t.Name, col, strings.Join(t.Columns, ", "))
}

// Get returns the value of column col.
func (r Row) Get(col string) (any, error) {
	i, err := r.table.index(col)
	if err != nil {
		return nil, err
	}
	return r.Values[i], nil
}

// Str returns the value of column col as text ("" for NULL).
func (r Row) Str(col string) (string, error) {
	v, err := r.Get(col)
	if err != nil {
		return "", err
	}
	return plain(v), nil
}

// Len is the number of rows.
func (t *Table) Len() int { return len(t.Rows) }

// Col returns the values of column col, one per row.
func (t *Table) Col(col string) ([]any, error) {
	i, err := t.index(col)
	if err != nil {
		return nil, err
	}
	out := make([]any, len(t.Rows))
	for j, r := range t.Rows {
		out[j] = r.Values[i]
	}
	return out, nil
}

// Where returns the rows whose column col renders as want.
func (t *Table) Where(col string, want any) (*Table, error) {
	i, err := t.index(col)
	if err != nil {
		return nil, err
	}
	out := &Table{Name: t.Name, Columns: t.Columns}
	for _, r := range t.Rows {
		if plain(r.Values[i]) == plain(want) {
			out.Rows = append(out.Rows, Row{table: out, Values: r.Values})
		}
	}
	return out, nil
}

// Lookup returns column col of the one row whose column key renders as want.
func (t *Table) Lookup(key string, want any, col string) (any, error) {
	sub, err := t.Where(key, want)
	if err != nil {
		return nil, err
	}
	if len(sub.Rows) != 1 {
		return nil, fmt.Errorf("query %s: want one row with %s = %v, have %d", t.Name, key, plain(want), len(sub.Rows))
	}
	return sub.Rows[0].Get(col)
}

// Sum adds column col over all rows (NULL counts as 0).
func (t *Table) Sum(col string) (any, error) {
	vals, err := t.Col(col)
	if err != nil {
		return nil, err
	}
	var ints int64
	var floats float64
	isFloat := false
	for _, v := range vals {
		switch x := v.(type) {
		case nil:
		case int64:
			ints += x
		case float64:
			floats += x
			isFloat = true
		default:
			return nil, fmt.Errorf("query %s: column %s is not numeric (%T)", t.Name, col, v)
		}
	}
	if isFloat {
		return floats + float64(ints), nil
	}
	return ints, nil
}

// runTable runs one statement and reads all of its rows.
func runTable(ctx context.Context, db *sql.DB, name, stmt string) (*Table, error) {
	rows, err := db.QueryContext(ctx, stmt)
	if err != nil {
		return nil, fmt.Errorf("failed to run query %s: %w", name, err)
	}
	cols, all, err := triaddb.ScanAll(rows)
	if err != nil {
		return nil, fmt.Errorf("failed to read query %s: %w", name, err)
	}
	t := &Table{Name: name, Columns: cols}
	for _, vals := range all {
		for i, v := range vals {
			vals[i] = normalise(v)
		}
		t.Rows = append(t.Rows, Row{table: t, Values: vals})
	}
	return t, nil
}

// normalise maps the driver's types onto the few the templates handle: every integer becomes
// int64, every decimal float64, lists []any.
func normalise(v any) any {
	switch x := v.(type) {
	case nil, bool, int64, float64, string:
		return x
	case []byte:
		return string(x)
	case *big.Int:
		if x.IsInt64() {
			return x.Int64()
		}
		f, _ := new(big.Float).SetInt(x).Float64()
		return f
	case float32:
		return float64(x)
	case int, int8, int16, int32, uint8, uint16, uint32:
		return reflect.ValueOf(x).Convert(reflect.TypeOf(int64(0))).Int()
	case uint, uint64:
		return int64(reflect.ValueOf(x).Uint())
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normalise(e)
		}
		return out
	case time.Time:
		if x.Equal(x.Truncate(24 * time.Hour)) {
			return x.UTC().Format("2006-01-02")
		}
		return x.UTC().Format(time.RFC3339)
	case interface{ Float64() float64 }: // duckdb.Decimal
		return x.Float64()
	case fmt.Stringer:
		return x.String()
	}
	return v
}
