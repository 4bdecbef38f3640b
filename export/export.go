package export

import (
	"bytes"
	"context"
	"database/sql"
	_ "embed"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

//go:embed columns.csv
var columnsCSV string

// Column is one dataset column: its name, DuckDB type, unit and definition, from columns.csv.
type Column struct {
	Name        string
	Type        string // DuckDB type: VARCHAR, DOUBLE, BOOLEAN or VARCHAR[]
	Unit        string // ms, tok/s, % or empty
	Description string
}

var columns = mustParseColumns(columnsCSV)

// Columns returns the dataset's columns in order.
func Columns() []Column {
	return append([]Column(nil), columns...)
}

func mustParseColumns(text string) []Column {
	cols, err := parseColumns(text)
	if err != nil {
		panic(fmt.Sprintf("columns.csv: %v", err)) // embedded at build time: a broken file is a build defect
	}
	return cols
}

func parseColumns(text string) ([]Column, error) {
	records, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		return nil, err
	}
	if len(records) == 0 || strings.Join(records[0], ",") != "name,type,unit,description" {
		return nil, errors.New("want header name,type,unit,description")
	}
	seen := map[string]bool{}
	var out []Column
	for i, r := range records[1:] {
		c := Column{Name: r[0], Type: r[1], Unit: r[2], Description: r[3]}
		if _, ok := hubTypes[c.Type]; !ok {
			return nil, fmt.Errorf("line %d: column %q has unknown type %q", i+2, c.Name, c.Type)
		}
		if seen[c.Name] {
			return nil, fmt.Errorf("line %d: duplicate column %q", i+2, c.Name)
		}
		seen[c.Name] = true
		out = append(out, c)
	}
	return out, nil
}

// hubTypes maps a DuckDB type to the dataset hub's feature dtype; lists are sequences of it.
var hubTypes = map[string]struct {
	dtype    string
	sequence bool
}{
	"VARCHAR":   {"string", false},
	"DOUBLE":    {"float64", false},
	"BOOLEAN":   {"bool", false},
	"VARCHAR[]": {"string", true},
}

// Formats lists the formats Write accepts.
var Formats = []string{"parquet", "jsonl", "csv"}

// Options says what to export and where.
type Options struct {
	Relation string // the dataset relation, e.g. dataset_v5
	Rules    string // the rule set that defined it, named in the card
	Format   string // parquet, jsonl or csv
	Dir      string // the output directory: Dir/data/train-00000-of-00001.<format> and Dir/README.md
	// Summaries are the named queries whose results become the card's summary tables, in order.
	Summaries []Summary
}

// Summary is one named query of the card: its title, name and SQL.
type Summary struct {
	Title, Name, SQL string
}

// Result says what an export wrote.
type Result struct {
	Rows     int
	DataFile string // path of the data file
	Card     string // path of the dataset card
	Removed  []string
}

// DataFileName is the data file's name for format, in the hub's one-shard layout.
func DataFileName(format string) string {
	return "train-00000-of-00001." + format
}

// Write exports opts.Relation from database.
func Write(ctx context.Context, database *sql.DB, opts Options) (Result, error) {
	if !validFormat(opts.Format) {
		return Result{}, fmt.Errorf("unknown format %q (want parquet, jsonl or csv)", opts.Format)
	}
	if !validIdentifier(opts.Relation) {
		return Result{}, fmt.Errorf("bad relation name %q", opts.Relation)
	}
	dataDir := filepath.Join(opts.Dir, "data")
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		return Result{}, fmt.Errorf("failed to create %q: %w", dataDir, err)
	}
	// One connection for the whole export, so that the thread setting of the Parquet copy holds.
	conn, err := database.Conn(ctx)
	if err != nil {
		return Result{}, err
	}
	defer conn.Close()

	// The card's queries run first, so that a failing one leaves the directory as it was.
	tables, err := summaryTables(ctx, conn, opts.Summaries)
	if err != nil {
		return Result{}, err
	}
	res := Result{DataFile: filepath.Join(dataDir, DataFileName(opts.Format)), Card: filepath.Join(opts.Dir, "README.md")}
	query := SelectSQL(opts.Relation)
	switch opts.Format {
	case "parquet":
		res.Rows, err = writeParquet(ctx, conn, query, res.DataFile)
	default:
		err = writeAtomic(res.DataFile, func(w io.Writer) error {
			var werr error
			res.Rows, werr = writeRows(ctx, conn, query, opts.Format, w)
			return werr
		})
	}
	if err != nil {
		return Result{}, fmt.Errorf("failed to write %q from %s: %w", res.DataFile, opts.Relation, err)
	}
	for _, f := range Formats {
		if f == opts.Format {
			continue
		}
		stale := filepath.Join(dataDir, DataFileName(f))
		if err := os.Remove(stale); err == nil {
			res.Removed = append(res.Removed, stale)
		} else if !errors.Is(err, os.ErrNotExist) {
			return Result{}, fmt.Errorf("failed to remove %q: %w", stale, err)
		}
	}
	card, err := renderCard(opts, res.Rows, tables)
	if err != nil {
		return Result{}, err
	}
	if err := writeAtomic(res.Card, func(w io.Writer) error { _, err := io.WriteString(w, card); return err }); err != nil {
		return Result{}, fmt.Errorf("failed to write %q: %w", res.Card, err)
	}
	return res, nil
}

func validFormat(f string) bool {
	for _, x := range Formats {
		if f == x {
			return true
		}
	}
	return false
}

func validIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// SelectSQL is the query that reads relation for export: the dataset columns in order, cast to
// their types, sorted totally so that equal databases give equal files.
func SelectSQL(relation string) string {
	var sel, order []string
	for _, c := range columns {
		sel = append(sel, fmt.Sprintf("CAST(%s AS %s) AS %s", quoteIdent(c.Name), c.Type, quoteIdent(c.Name)))
	}
	first := []string{"commit_hash", "agent_name", "agent_model", "data_source"}
	used := map[string]bool{}
	for _, name := range first {
		order = append(order, quoteIdent(name)+" ASC NULLS LAST")
		used[name] = true
	}
	for _, c := range columns {
		if !used[c.Name] {
			order = append(order, quoteIdent(c.Name)+" ASC NULLS LAST")
		}
	}
	return "SELECT\n    " + strings.Join(sel, ",\n    ") + "\nFROM " + relation + "\nORDER BY " + strings.Join(order, ", ")
}

func quoteIdent(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

func quoteLiteral(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// writeAtomic writes path through a temporary file in the same directory, renamed into place
// only when write and close succeed.
func writeAtomic(path string, write func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// parquetOptions fix what DuckDB would otherwise choose, so the file's bytes depend on the data only.
const parquetOptions = "FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880"

// writeParquet copies query to path with DuckDB, on one thread so row groups come out in one order.
func writeParquet(ctx context.Context, conn *sql.Conn, query, path string) (rows int, err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return 0, err
	}
	tmpName := tmp.Name()
	tmp.Close()
	defer func() {
		if err != nil {
			os.Remove(tmpName)
		}
	}()
	var threads int64
	if err := conn.QueryRowContext(ctx, "SELECT current_setting('threads')::BIGINT").Scan(&threads); err != nil {
		return 0, err
	}
	if _, err := conn.ExecContext(ctx, "SET threads = 1"); err != nil {
		return 0, err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "SET threads = "+strconv.FormatInt(threads, 10))
	copySQL := fmt.Sprintf("COPY (%s) TO %s (%s)", query, quoteLiteral(tmpName), parquetOptions)
	if _, err := conn.ExecContext(ctx, copySQL); err != nil {
		return 0, err
	}
	// Count what the file holds, not what the relation held a moment earlier.
	if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM read_parquet("+quoteLiteral(tmpName)+")").Scan(&rows); err != nil {
		return 0, err
	}
	if err := os.Chmod(tmpName, 0o644); err != nil {
		return 0, err
	}
	return rows, os.Rename(tmpName, path)
}

// writeRows writes query's rows as JSONL or CSV to w and returns how many it wrote.
func writeRows(ctx context.Context, conn *sql.Conn, query, format string, w io.Writer) (int, error) {
	rs, err := conn.QueryContext(ctx, query)
	if err != nil {
		return 0, err
	}
	defer rs.Close()
	names, err := rs.Columns()
	if err != nil {
		return 0, err
	}
	var cw *csv.Writer
	if format == "csv" {
		// LF line ends: with UseCRLF, encoding/csv would also rewrite newlines inside raw logs.
		cw = csv.NewWriter(w)
		if err := cw.Write(names); err != nil {
			return 0, err
		}
	}
	keys := make([][]byte, len(names))
	for i, n := range names {
		keys[i], _ = marshalString(n)
	}
	vals := make([]any, len(names))
	ptrs := make([]any, len(names))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	record := make([]string, len(names))
	var line bytes.Buffer
	n := 0
	for rs.Next() {
		n++
		if err := rs.Scan(ptrs...); err != nil {
			return n, fmt.Errorf("row %d: %w", n, err)
		}
		if cw != nil {
			for i, v := range vals {
				s, err := cellText(v)
				if err != nil {
					return n, fmt.Errorf("row %d, column %s: %w", n, names[i], err)
				}
				record[i] = s
			}
			if err := cw.Write(record); err != nil {
				return n, err
			}
			continue
		}
		line.Reset()
		line.WriteByte('{')
		for i, v := range vals {
			if i > 0 {
				line.WriteByte(',')
			}
			line.Write(keys[i])
			line.WriteByte(':')
			if err := appendJSON(&line, v); err != nil {
				return n, fmt.Errorf("row %d, column %s: %w", n, names[i], err)
			}
		}
		line.WriteString("}\n")
		if _, err := w.Write(line.Bytes()); err != nil {
			return n, err
		}
	}
	if err := rs.Err(); err != nil {
		return n, err
	}
	if cw != nil {
		cw.Flush()
		return n, cw.Error()
	}
	return n, nil
}

// cellText is a value's CSV cell: empty for NULL, true/false, floats as in JSONL, lists as JSON arrays.
func cellText(v any) (string, error) {
	switch x := v.(type) {
	case nil:
		return "", nil
	case string:
		return x, nil
	default:
		var b bytes.Buffer
		err := appendJSON(&b, x)
		return b.String(), err
	}
}

// appendJSON writes v as JSON: strings without HTML escaping, floats in the shortest decimal form
// that reads back exactly (never an exponent), lists as arrays.
func appendJSON(b *bytes.Buffer, v any) error {
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case string:
		s, err := marshalString(x)
		if err != nil {
			return err
		}
		b.Write(s)
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case float64:
		s, err := FormatFloat(x)
		if err != nil {
			return err
		}
		b.WriteString(s)
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := appendJSON(b, e); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	default:
		return fmt.Errorf("unexpected value of type %T", v)
	}
	return nil
}

// FormatFloat is the text of a float in JSONL and CSV exports: the shortest decimal that reads
// back as the same float64, without an exponent. NaN and infinities have no JSON form.
func FormatFloat(f float64) (string, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "", fmt.Errorf("%v has no JSON form", f)
	}
	return strconv.FormatFloat(f, 'f', -1, 64), nil
}

func marshalString(s string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}
