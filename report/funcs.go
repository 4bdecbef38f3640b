package report

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"text/template"

	sqlfiles "github.com/triad-bench/triad/sql"

	"github.com/triad-bench/triad/report/svg"
)

// funcs are the helpers section templates may call; they are registered before any template is
// parsed. Number helpers take any value a query returns and render NULL as the null mark.
func (r *renderer) funcs() template.FuncMap {
	return template.FuncMap{
		// queries
		"query":  r.query,
		"scalar": r.scalar,
		// numbers and text
		"num":     num,
		"f0":      func(v any) (string, error) { return decimals(0, v) },
		"f1":      func(v any) (string, error) { return decimals(1, v) },
		"f2":      func(v any) (string, error) { return decimals(2, v) },
		"f3":      func(v any) (string, error) { return decimals(3, v) },
		"f4":      func(v any) (string, error) { return decimals(4, v) },
		"mul100":  mul100,
		"pct":     percent,
		"spct":    signedPercent,
		"share":   share,
		"esc":     escape,
		"code":    code,
		"plain":   plain,
		"isnull":  func(v any) bool { return v == nil },
		"short":   func(v any) string { s := plain(v); return s[:min(8, len(s))] },
		"add":     add,
		"sub":     func(a, b any) (any, error) { return addSigned(a, b, -1) },
		"truthy":  truthy,
		"cmp":     compare,
		"headers": tableHeader,
		"list":    func(v ...any) []any { return v },
		"table":   r.table,
		// notes, claims, rules and charts
		"note":         r.note,
		"sectionNotes": r.sectionNotes,
		"claims":       r.checkClaims,
		"ruleFiles":    r.ruleFiles,
		"barChart":     r.barChart,
		"stackedChart": r.stackedChart,
	}
}

func add(a, b any) (any, error) { return addSigned(a, b, 1) }

// mul100 turns a fraction into percent; NULL stays NULL.
func mul100(v any) (any, error) {
	f, ok, err := toFloat(v)
	if err != nil || !ok {
		return nil, err
	}
	return f * 100, nil
}

func addSigned(a, b any, sign int64) (any, error) {
	a, b = normalise(a), normalise(b)
	ai, aInt := a.(int64)
	bi, bInt := b.(int64)
	if aInt && bInt {
		return ai + sign*bi, nil
	}
	af, _, err := toFloat(a)
	if err != nil {
		return nil, err
	}
	bf, _, err := toFloat(b)
	if err != nil {
		return nil, err
	}
	return af + float64(sign)*bf, nil
}

// truthy reports whether a value is set: not NULL, not false, not zero, not empty.
func truthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case int64:
		return x != 0
	case float64:
		return x != 0
	case string:
		return x != ""
	case []any:
		return len(x) > 0
	}
	return true
}

// compare returns -1, 0 or 1 comparing two numbers; NULL sorts first.
func compare(a, b any) (int, error) {
	af, aok, err := toFloat(a)
	if err != nil {
		return 0, err
	}
	bf, bok, err := toFloat(b)
	if err != nil {
		return 0, err
	}
	switch {
	case !aok && !bok:
		return 0, nil
	case !aok:
		return -1, nil
	case !bok:
		return 1, nil
	case af < bf:
		return -1, nil
	case af > bf:
		return 1, nil
	}
	return 0, nil
}

// tableHeader writes a markdown table's header and separator rows; a column name ending in ":"
// is right-aligned (numbers).
func tableHeader(cols ...string) string {
	var head, sep strings.Builder
	head.WriteString("|")
	sep.WriteString("|")
	for _, c := range cols {
		align := "---"
		if strings.HasSuffix(c, ":") {
			c = strings.TrimSuffix(c, ":")
			align = "---:"
		}
		head.WriteString(" " + c + " |")
		sep.WriteString(" " + align + " |")
	}
	return head.String() + "\n" + sep.String()
}

var hexHash = regexp.MustCompile(`^[0-9a-f]{7,40}$`)

// noteMatches reports whether a note's key names a row's key: commit hashes match by prefix
// either way (a short hash in the notes file names a full hash in the data and back), other keys
// (a data source, a column name) only when equal.
func noteMatches(noteKey, rowKey string) bool {
	if hexHash.MatchString(noteKey) && hexHash.MatchString(rowKey) {
		return strings.HasPrefix(rowKey, noteKey) || strings.HasPrefix(noteKey, rowKey)
	}
	return noteKey == rowKey
}

// note returns the notes of the current section for a row key (usually a commit), joined by "; ".
func (r *renderer) note(key any) string {
	c := strings.ToLower(plain(key))
	if c == "" {
		return ""
	}
	var texts []string
	for i, n := range r.opts.Notes {
		if n.Section != r.section || n.Commit == "" {
			continue
		}
		if noteMatches(n.Commit, c) {
			r.used[i] = true
			texts = append(texts, escape(n.Text))
		}
	}
	return strings.Join(texts, "; ")
}

// sectionNotes returns the notes of the current section that name no commit, one per line.
func (r *renderer) sectionNotes() string {
	var lines []string
	for i, n := range r.opts.Notes {
		if n.Section == r.section && n.Commit == "" {
			r.used[i] = true
			lines = append(lines, "> **Note.** "+strings.ReplaceAll(n.Text, "\n", " "))
		}
	}
	if len(lines) == 0 {
		return ""
	}
	// Blank lines around the quote keep it from running into the text that follows.
	return "\n" + strings.Join(lines, "\n>\n") + "\n"
}

// unplacedNotes lists the notes of a section that no row took, so that none is dropped silently.
func (r *renderer) unplacedNotes(section string) string {
	var lines []string
	for i, n := range r.opts.Notes {
		if n.Section != section || r.used[i] {
			continue
		}
		r.used[i] = true
		if n.Commit == "" {
			lines = append(lines, "- "+strings.ReplaceAll(n.Text, "\n", " "))
			continue
		}
		lines = append(lines, fmt.Sprintf("- `%s` (not among the rows above): %s", n.Commit, strings.ReplaceAll(n.Text, "\n", " ")))
	}
	if len(lines) == 0 {
		return ""
	}
	return "\nNotes:\n\n" + strings.Join(lines, "\n") + "\n"
}

// ClaimResult is one claim checked against the data.
type ClaimResult struct {
	Name        string
	Description string
	Expected    string
	Computed    any
	OK          bool
	Difference  string // computed − expected, signed, empty when equal
	Mark        string // ✅ or ❌
}

// checkClaims evaluates report_claims and pairs each claim of the claims file with its computed
// value, in the order of the query. Without a claims file every computed value is listed with no
// verdict. A claim the query does not define is an error.
func (r *renderer) checkClaims() ([]ClaimResult, error) {
	t, err := r.query("report_claims")
	if err != nil {
		return nil, err
	}
	descriptions := map[string]string{}
	values := map[string]any{}
	var order []string
	for _, row := range t.Rows {
		name, err := row.Str("claim")
		if err != nil {
			return nil, err
		}
		v, err := row.Get("value")
		if err != nil {
			return nil, err
		}
		d, err := row.Str("description")
		if err != nil {
			return nil, err
		}
		if _, dup := values[name]; dup {
			return nil, fmt.Errorf("query report_claims returns the claim %q twice", name)
		}
		values[name], descriptions[name] = v, d
		order = append(order, name)
	}
	if r.opts.Claims == nil {
		out := make([]ClaimResult, 0, len(order))
		for _, name := range order {
			out = append(out, ClaimResult{Name: name, Description: descriptions[name], Computed: values[name]})
		}
		return out, nil
	}
	byName := map[string]Claim{}
	for _, c := range r.opts.Claims {
		if _, ok := values[c.Name]; !ok {
			return nil, fmt.Errorf("claims line %d: unknown claim %q (known: %s)", c.Line, c.Name, strings.Join(order, ", "))
		}
		byName[c.Name] = c
	}
	var out []ClaimResult
	for _, name := range order {
		c, ok := byName[name]
		if !ok {
			continue
		}
		res := ClaimResult{Name: name, Description: descriptions[name], Expected: c.Expected, Computed: values[name]}
		want, _ := strconv.ParseFloat(c.Expected, 64)
		got, present, err := toFloat(values[name])
		if err != nil {
			return nil, fmt.Errorf("claim %s: %w", name, err)
		}
		switch {
		case !present:
			res.Difference = "no value"
		case got == want:
			res.OK = true
		default:
			d := got - want
			res.Difference = strconv.FormatFloat(d, 'f', -1, 64)
			if d > 0 {
				res.Difference = "+" + res.Difference
			}
		}
		res.Mark = "❌"
		if res.OK {
			res.Mark = "✅"
		}
		out = append(out, res)
	}
	return out, nil
}

// RuleFile is one applied SQL file with its header and the comments that precede its first
// statement, which for the files of a rule set state the merge rules in words.
type RuleFile struct {
	File    string   // e.g. v5/120_merge.sql
	RuleSet bool     // the file belongs to the rule set, not to the shared files
	Name    string   // from "-- name:"
	Defines string   // from "-- defines:" and its continuation lines
	Preface []string // the comment lines after the header and before the first statement
}

// ruleFiles returns the headers of the SQL files of the rule set in the order they apply, read
// from the files themselves so that the report states the rules the data was merged by.
func (r *renderer) ruleFiles() ([]RuleFile, error) {
	files, err := sqlfiles.Files(r.opts.Rules)
	if err != nil {
		return nil, fmt.Errorf("rule set %q: %w", r.opts.Rules, err)
	}
	var out []RuleFile
	for _, f := range files {
		rf := RuleFile{File: f.Name, RuleSet: f.Rules != ""}
		if rf.RuleSet {
			rf.File = f.Rules + "/" + f.Name
		}
		inHeader, inDefines := true, false
		for _, line := range strings.Split(f.SQL, "\n") {
			trimmed := strings.TrimSpace(line)
			if trimmed == "" {
				inHeader, inDefines = false, false
				continue
			}
			if !strings.HasPrefix(trimmed, "--") {
				break // the preface ends at the first statement
			}
			body := strings.TrimPrefix(strings.TrimPrefix(trimmed, "--"), " ")
			switch {
			case inHeader && strings.TrimSpace(body) == "":
				inHeader, inDefines = false, false
			case inHeader && strings.HasPrefix(body, "name:"):
				rf.Name = strings.TrimSpace(strings.TrimPrefix(body, "name:"))
			case inHeader && strings.HasPrefix(body, "defines:"):
				rf.Defines = strings.TrimSpace(strings.TrimPrefix(body, "defines:"))
				inDefines = true
			case inHeader && inDefines:
				rf.Defines += " " + strings.TrimSpace(body)
			default:
				inHeader = false
				if body = strings.TrimRight(body, " "); body != "" || len(rf.Preface) > 0 {
					rf.Preface = append(rf.Preface, body)
				}
			}
		}
		out = append(out, rf)
	}
	return out, nil
}

// barChart draws the values of column valueCol as a sorted horizontal bar chart with a zero line,
// each bar labelled by the columns labelCols (comma-separated); rows whose value is NULL are left
// out.
func (r *renderer) barChart(name, title string, t *Table, labelCols, valueCol string) (string, error) {
	var bars []svg.Bar
	for _, row := range t.Rows {
		var parts []string
		for _, c := range strings.Split(labelCols, ",") {
			part, err := row.Str(c)
			if err != nil {
				return "", err
			}
			parts = append(parts, part)
		}
		label := strings.Join(parts, " · ")
		v, err := row.Get(valueCol)
		if err != nil {
			return "", err
		}
		f, ok, err := toFloat(v)
		if err != nil {
			return "", fmt.Errorf("chart %s: %w", name, err)
		}
		if ok {
			bars = append(bars, svg.Bar{Label: label, Value: f})
		}
	}
	if len(bars) == 0 {
		return "", nil
	}
	return r.chart(name, title, svg.HBar(title, bars))
}

// stackedChart draws one stacked bar per row of t, labelled by labelCol, with one segment per
// column of segmentCols ("column:Legend name"); the first three segments are green, grey and red.
func (r *renderer) stackedChart(name, title string, t *Table, labelCol string, segmentCols ...string) (string, error) {
	colors := []string{svg.Green, svg.Grey, svg.Red, "#1565c0", "#6a1b9a"}
	if len(segmentCols) > len(colors) {
		return "", fmt.Errorf("chart %s: at most %d segments", name, len(colors))
	}
	var segs []svg.Segment
	var cols []string
	for i, sc := range segmentCols {
		col, legend, ok := strings.Cut(sc, ":")
		if !ok {
			legend = col
		}
		cols = append(cols, col)
		segs = append(segs, svg.Segment{Name: legend, Color: colors[i]})
	}
	var stacks []svg.Stack
	for _, row := range t.Rows {
		label, err := row.Str(labelCol)
		if err != nil {
			return "", err
		}
		st := svg.Stack{Label: label}
		for _, c := range cols {
			v, err := row.Get(c)
			if err != nil {
				return "", err
			}
			f, _, err := toFloat(v)
			if err != nil {
				return "", fmt.Errorf("chart %s: %w", name, err)
			}
			st.Values = append(st.Values, f)
		}
		stacks = append(stacks, st)
	}
	if len(stacks) == 0 {
		return "", nil
	}
	b, err := svg.Stacked(title, segs, stacks)
	if err != nil {
		return "", fmt.Errorf("chart %s: %w", name, err)
	}
	return r.chart(name, title, b)
}

// noteKeyColumns are the columns, in order of preference, whose value keys a row's notes in a
// table rendered by the table helper.
var noteKeyColumns = []string{"commit_hash", "commit_short", "commit"}

// table renders every column of t as a markdown table: integers as they are, other numbers with
// two decimals, NULL as the null mark, text escaped. When the current section has notes on commits
// and t has a commit column, a Note column carries them.
func (r *renderer) table(t *Table) (string, error) {
	if len(t.Rows) == 0 {
		return "_None._", nil
	}
	keyCol := -1
	for _, k := range noteKeyColumns {
		if i, err := t.index(k); err == nil {
			keyCol = i
			break
		}
	}
	withNotes := false
	if keyCol >= 0 {
		for _, n := range r.opts.Notes {
			if n.Section == r.section && n.Commit != "" {
				withNotes = true
			}
		}
	}
	cols := make([]string, 0, len(t.Columns)+1)
	for i, c := range t.Columns {
		if isNumericColumn(t, i) {
			c += ":"
		}
		cols = append(cols, c)
	}
	if withNotes {
		cols = append(cols, "Note")
	}
	var b strings.Builder
	b.WriteString(tableHeader(cols...))
	for _, row := range t.Rows {
		b.WriteString("\n|")
		for i, v := range row.Values {
			var cell string
			switch x := v.(type) {
			case int64, float64:
				s, err := num(x)
				if err != nil {
					return "", err
				}
				cell = s
			case bool:
				cell = strconv.FormatBool(x)
			default:
				if strings.HasSuffix(t.Columns[i], "_hash") || strings.HasSuffix(t.Columns[i], "_short") {
					cell = code(v)
				} else {
					cell = escape(v)
				}
			}
			if cell == "" {
				cell = " "
			}
			b.WriteString(" " + cell + " |")
		}
		if withNotes {
			b.WriteString(" " + r.note(row.Values[keyCol]) + " |")
		}
	}
	return b.String(), nil
}

// isNumericColumn reports whether every non-NULL value of column i is a number.
func isNumericColumn(t *Table, i int) bool {
	seen := false
	for _, row := range t.Rows {
		switch row.Values[i].(type) {
		case nil:
		case int64, float64:
			seen = true
		default:
			return false
		}
	}
	return seen
}
