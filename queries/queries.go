package queries

import (
	"embed"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"sync"
)

//go:embed *.sql
var embedded embed.FS

// Query is one named query.
type Query struct {
	Name    string // the file name without .sql
	Returns string // the returns header, continuation lines joined by spaces
	SQL     string // the whole file, headers included
}

var (
	fileName = regexp.MustCompile(`^[a-z0-9]+(?:_[a-z0-9]+)*\.sql$`)

	loadOnce sync.Once
	loaded   []Query
	loadErr  error
)

// List returns every named query, sorted by name.
func List() ([]Query, error) {
	loadOnce.Do(func() { loaded, loadErr = parseAll(embedded) })
	return loaded, loadErr
}

// Get returns the query called name.
func Get(name string) (Query, error) {
	all, err := List()
	if err != nil {
		return Query{}, err
	}
	for _, q := range all {
		if q.Name == name {
			return q, nil
		}
	}
	return Query{}, fmt.Errorf("unknown query %q (triad query --list names them)", name)
}

func parseAll(fsys fs.FS) ([]Query, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("failed to read queries: %w", err)
	}
	seen := map[string]string{}
	var out []Query
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		if !fileName.MatchString(e.Name()) {
			return nil, fmt.Errorf("query file %q is badly named: want snake_name.sql", "queries/"+e.Name())
		}
		body, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			return nil, fmt.Errorf("failed to read query %q: %w", "queries/"+e.Name(), err)
		}
		q, err := parse(e.Name(), string(body))
		if err != nil {
			return nil, err
		}
		if prev, dup := seen[q.Name]; dup {
			return nil, fmt.Errorf("query files %q and %q share the name %q", prev, e.Name(), q.Name)
		}
		seen[q.Name] = e.Name()
		out = append(out, q)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// parse reads the headers of one query file.
func parse(file, body string) (Query, error) {
	lines := strings.Split(body, "\n")
	where := "queries/" + file
	if len(lines) < 2 {
		return Query{}, fmt.Errorf("query %q: want the headers -- name: and -- returns:", where)
	}
	name, ok := strings.CutPrefix(strings.TrimSpace(lines[0]), "-- name:")
	if !ok {
		return Query{}, fmt.Errorf("query %q: line 1: want -- name: %s", where, strings.TrimSuffix(file, ".sql"))
	}
	name = strings.TrimSpace(name)
	if name != strings.TrimSuffix(file, ".sql") {
		return Query{}, fmt.Errorf("query %q: line 1: name %q does not match the file name", where, name)
	}
	returns, ok := strings.CutPrefix(strings.TrimSpace(lines[1]), "-- returns:")
	if !ok || strings.TrimSpace(returns) == "" {
		return Query{}, fmt.Errorf("query %q: line 2: want -- returns: and what the query returns", where)
	}
	parts := []string{strings.TrimSpace(returns)}
	for _, l := range lines[2:] {
		l = strings.TrimSpace(l)
		rest, isComment := strings.CutPrefix(l, "--")
		if !isComment {
			break
		}
		if strings.HasPrefix(strings.TrimSpace(rest), "name:") || strings.HasPrefix(strings.TrimSpace(rest), "returns:") {
			return Query{}, fmt.Errorf("query %q: a second header line", where)
		}
		parts = append(parts, strings.TrimSpace(rest))
	}
	return Query{Name: name, Returns: strings.Join(parts, " "), SQL: body}, nil
}
