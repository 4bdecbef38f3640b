package report

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Claim is one published number to check: the claim's name as defined by the report_claims query
// and the value a document stated for it.
type Claim struct {
	Name     string
	Expected string
	Line     int
}

// Note is a hand-written explanation placed beside a commit's rows in one section. An empty
// Commit (or "*") places the note under the section's heading.
type Note struct {
	Commit  string
	Section string
	Text    string
	Line    int
}

// ReadClaims reads a claims CSV file with the header claim,expected.
func ReadClaims(path string) ([]Claim, error) {
	recs, err := readCSV(path, []string{"claim", "expected"})
	if err != nil {
		return nil, err
	}
	var out []Claim
	seen := map[string]int{}
	for _, r := range recs {
		name := strings.TrimSpace(r.fields[0])
		if name == "" {
			return nil, fmt.Errorf("%s: line %d: empty claim name", path, r.line)
		}
		if prev, dup := seen[name]; dup {
			return nil, fmt.Errorf("%s: line %d: claim %q already given on line %d", path, r.line, name, prev)
		}
		seen[name] = r.line
		exp := strings.TrimSpace(r.fields[1])
		if _, err := strconv.ParseFloat(exp, 64); err != nil {
			return nil, fmt.Errorf("%s: line %d: expected value %q of claim %q is not a number", path, r.line, exp, name)
		}
		out = append(out, Claim{Name: name, Expected: exp, Line: r.line})
	}
	return out, nil
}

// ReadNotes reads a notes CSV file with the header commit,section,note.
func ReadNotes(path string) ([]Note, error) {
	recs, err := readCSV(path, []string{"commit", "section", "note"})
	if err != nil {
		return nil, err
	}
	var out []Note
	for _, r := range recs {
		n := Note{
			Commit:  strings.ToLower(strings.TrimSpace(r.fields[0])),
			Section: strings.TrimSpace(r.fields[1]),
			Text:    strings.TrimSpace(r.fields[2]),
			Line:    r.line,
		}
		if n.Commit == "*" {
			n.Commit = ""
		}
		if n.Section == "" || n.Text == "" {
			return nil, fmt.Errorf("%s: line %d: a note needs a section and a text", path, r.line)
		}
		out = append(out, n)
	}
	return out, nil
}

type csvRecord struct {
	line   int
	fields []string
}

func readCSV(path string, header []string) ([]csvRecord, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("failed to open %s: %w", path, err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = len(header)
	r.Comment = '#'
	r.TrimLeadingSpace = true
	var out []csvRecord
	first := true
	for {
		fields, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("failed to read %s: %w", path, err)
		}
		line, _ := r.FieldPos(0)
		if first {
			first = false
			for i, h := range header {
				if strings.TrimSpace(strings.TrimPrefix(fields[i], "\ufeff")) != h {
					return nil, fmt.Errorf("%s: line %d: want the header %s", path, line, strings.Join(header, ","))
				}
			}
			continue
		}
		out = append(out, csvRecord{line: line, fields: fields})
	}
	if first {
		return nil, fmt.Errorf("%s: empty file: want the header %s", path, strings.Join(header, ","))
	}
	return out, nil
}
