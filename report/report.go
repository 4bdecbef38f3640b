package report

import (
	"bytes"
	"context"
	"database/sql"
	"embed"
	"encoding/base64"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"text/template"
)

//go:embed templates/*.md.tmpl
var templateFS embed.FS

// DefaultBand is the verdict band in percent: an agent within ±DefaultBand% of the human
// result is a match.
const DefaultBand = 2.0

// Options are the inputs of a report besides the database.
type Options struct {
	// Rules is the rule set the database was built with (printed, and its SQL headers rendered).
	Rules string
	// Band is the half-width in percent of the match band for verdicts.
	Band float64
	// Date is printed as the report's date; empty prints none.
	Date string
	// Claims are checked against the report_claims query; nil renders the computed values only.
	Claims []Claim
	// Notes are placed beside the rows of the sections they name.
	Notes []Note
	// Query returns the SQL of a named query; it must fail for an unknown name.
	Query func(name string) (string, error)
	// AssetDir is the folder, relative to the document, that charts are written to; empty embeds
	// the charts as data URIs (for a report written to standard output).
	AssetDir string
}

// Asset is a file written beside the document, such as a chart.
type Asset struct {
	Path string // relative to the document's folder, slash-separated
	Data []byte
}

// Document is a rendered report.
type Document struct {
	Markdown []byte
	Assets   []Asset
	// Queries lists the named queries the report ran, sorted.
	Queries []string
}

// Section is one template: its order, its name (the file name without number and extension),
// used as the section key of notes.
type Section struct {
	Name string
	File string
}

var sectionFile = regexp.MustCompile(`^(\d{2})_([a-z0-9]+(?:_[a-z0-9]+)*)\.md\.tmpl$`)

// Sections lists the embedded section templates in the order they render.
func Sections() ([]Section, error) {
	entries, err := fs.ReadDir(templateFS, "templates")
	if err != nil {
		return nil, fmt.Errorf("failed to read report templates: %w", err)
	}
	var out []Section
	seen := map[string]string{}
	for _, e := range entries {
		m := sectionFile.FindStringSubmatch(e.Name())
		if m == nil {
			return nil, fmt.Errorf("report template %q is badly named: want NN_snake_name.md.tmpl", e.Name())
		}
		if prev, dup := seen[m[1]]; dup {
			return nil, fmt.Errorf("report templates %q and %q share the number %s", prev, e.Name(), m[1])
		}
		seen[m[1]] = e.Name()
		out = append(out, Section{Name: m[2], File: e.Name()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].File < out[j].File })
	return out, nil
}

// sectionData is what a section template sees as dot.
type sectionData struct {
	Section   string
	Rules     string
	Band      float64
	BandText  string // e.g. ±2%
	Date      string
	HasClaims bool
}

// renderer holds one report's state: the query cache, the notes placed so far and the charts.
type renderer struct {
	ctx     context.Context
	db      *sql.DB
	opts    Options
	tables  map[string]*Table
	section string
	used    map[int]bool // indexes of notes placed
	assets  []Asset
	charts  map[string]bool
}

// Render renders the report from db, which must hold an ingested database with the rule set
// applied. It sets the DuckDB variable band for the queries that compute verdicts.
func Render(ctx context.Context, db *sql.DB, opts Options) (*Document, error) {
	if opts.Query == nil {
		return nil, fmt.Errorf("no query lookup given")
	}
	if opts.Band <= 0 {
		return nil, fmt.Errorf("band %v: want a positive percentage", opts.Band)
	}
	sections, err := Sections()
	if err != nil {
		return nil, err
	}
	known := map[string]bool{}
	for _, s := range sections {
		known[s.Name] = true
	}
	for _, n := range opts.Notes {
		if !known[n.Section] {
			names := make([]string, 0, len(sections))
			for _, s := range sections {
				names = append(names, s.Name)
			}
			return nil, fmt.Errorf("note on line %d names the unknown section %q (sections: %s)", n.Line, n.Section, strings.Join(names, ", "))
		}
	}
	// Every verdict goes through verdict_band() (sql/010_macros.sql), which reads this variable.
	if _, err := db.ExecContext(ctx, "SET VARIABLE band = "+strconv.FormatFloat(opts.Band, 'f', -1, 64)); err != nil {
		return nil, fmt.Errorf("failed to set the band: %w", err)
	}
	// The report reads one snapshot of the dataset: a temporary table named dataset shadows the
	// view for this connection only, so every section sees the same rows and the views stacked on
	// dataset (categories, fill rates, verdicts) do not recompute the merge for every query.
	// It copies dataset_<rules>, not main.dataset: once the temporary table exists, main.dataset
	// names it too (the temp catalog has a main schema), and a second snapshot would copy itself.
	if _, err := db.ExecContext(ctx, "CREATE OR REPLACE TEMP TABLE dataset AS SELECT * FROM "+quoteIdent("dataset_"+opts.Rules)); err != nil {
		return nil, fmt.Errorf("failed to read the dataset view: %w", err)
	}
	defer db.ExecContext(context.WithoutCancel(ctx), "DROP TABLE IF EXISTS temp.dataset")
	r := &renderer{ctx: ctx, db: db, opts: opts, tables: map[string]*Table{}, used: map[int]bool{}, charts: map[string]bool{}}
	root := template.New("report").Option("missingkey=error").Funcs(r.funcs())
	for _, s := range sections {
		body, err := fs.ReadFile(templateFS, path.Join("templates", s.File))
		if err != nil {
			return nil, fmt.Errorf("failed to read report template %s: %w", s.File, err)
		}
		if _, err := root.New(s.Name).Parse(string(body)); err != nil {
			return nil, fmt.Errorf("failed to parse report template %s: %w", s.File, err)
		}
	}
	data := sectionData{
		Rules:     opts.Rules,
		Band:      opts.Band,
		BandText:  "±" + strconv.FormatFloat(opts.Band, 'f', -1, 64) + "%",
		Date:      opts.Date,
		HasClaims: opts.Claims != nil,
	}
	var out bytes.Buffer
	for _, s := range sections {
		r.section = s.Name
		data.Section = s.Name
		var buf bytes.Buffer
		if err := root.ExecuteTemplate(&buf, s.Name, data); err != nil {
			return nil, fmt.Errorf("failed to render section %s (templates/%s): %w", s.Name, s.File, err)
		}
		text := strings.TrimSpace(squeezeBlankLines(buf.String()))
		if text == "" {
			return nil, fmt.Errorf("section %s (templates/%s) rendered nothing", s.Name, s.File)
		}
		out.WriteString(text)
		out.WriteString("\n")
		out.WriteString(r.unplacedNotes(s.Name))
		out.WriteString("\n")
	}
	doc := &Document{Markdown: bytes.TrimRight(out.Bytes(), "\n"), Assets: r.assets}
	doc.Markdown = append(doc.Markdown, '\n')
	for name := range r.tables {
		doc.Queries = append(doc.Queries, name)
	}
	sort.Strings(doc.Queries)
	return doc, nil
}

// squeezeBlankLines collapses runs of blank lines, which template actions leave behind, to one.
func squeezeBlankLines(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := false
	for _, l := range lines {
		l = strings.TrimRight(l, " \t")
		if l == "" {
			if blank {
				continue
			}
			blank = true
		} else {
			blank = false
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// query runs a named query once per report.
func (r *renderer) query(name string) (*Table, error) {
	if t, ok := r.tables[name]; ok {
		return t, nil
	}
	stmt, err := r.opts.Query(name)
	if err != nil {
		return nil, fmt.Errorf("query %s: %w", name, err)
	}
	t, err := runTable(r.ctx, r.db, name, stmt)
	if err != nil {
		return nil, err
	}
	r.tables[name] = t
	return t, nil
}

// scalar runs a named query that returns one row and one column.
func (r *renderer) scalar(name string) (any, error) {
	t, err := r.query(name)
	if err != nil {
		return nil, err
	}
	if len(t.Rows) != 1 || len(t.Columns) != 1 {
		return nil, fmt.Errorf("query %s: want one row of one column, have %d rows of %d columns", name, len(t.Rows), len(t.Columns))
	}
	return t.Rows[0].Values[0], nil
}

// chart registers an SVG chart and returns the markdown that shows it.
func (r *renderer) chart(name, title string, svg []byte) (string, error) {
	if !sectionFile.MatchString("00_" + name + ".md.tmpl") {
		return "", fmt.Errorf("chart name %q: want snake_case", name)
	}
	if r.charts[name] {
		return "", fmt.Errorf("chart %q drawn twice", name)
	}
	r.charts[name] = true
	alt := strings.NewReplacer("[", "(", "]", ")", "\n", " ").Replace(title)
	if r.opts.AssetDir == "" {
		return fmt.Sprintf("![%s](data:image/svg+xml;base64,%s)", alt, base64.StdEncoding.EncodeToString(svg)), nil
	}
	p := path.Join(r.opts.AssetDir, name+".svg")
	r.assets = append(r.assets, Asset{Path: p, Data: svg})
	return fmt.Sprintf("![%s](%s)", alt, p), nil
}

// quoteIdent quotes a SQL identifier.
func quoteIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}
