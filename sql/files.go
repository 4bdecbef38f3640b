package sqlfiles

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

//go:embed *.sql */*.sql
var embedded embed.FS

// File is one numbered SQL file.
type File struct {
	Number int
	Name   string // the file name, e.g. 120_merge.sql
	Rules  string // the rule set it belongs to, "" for shared files
	SQL    string
	SHA256 string
}

var fileName = regexp.MustCompile(`^(\d{3})_([a-z0-9]+(?:_[a-z0-9]+)*)\.sql$`)

// Default is the rule set used when none is named.
const Default = "v5"

// RuleSets lists the rule sets embedded in the binary, sorted.
func RuleSets() []string {
	entries, _ := fs.ReadDir(embedded, ".")
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out
}

// Files returns the shared files and those of rule set rules, in the order they apply.
func Files(rules string) ([]File, error) {
	return files(embedded, rules)
}

func files(fsys fs.FS, rules string) ([]File, error) {
	if _, err := fs.Stat(fsys, rules); rules == "" || err != nil {
		return nil, fmt.Errorf("unknown rule set %q", rules)
	}
	var out []File
	for _, dir := range []string{".", rules} {
		entries, err := fs.ReadDir(fsys, dir)
		if err != nil {
			return nil, fmt.Errorf("failed to read sql/%s: %w", dir, err)
		}
		for _, e := range entries {
			if e.IsDir() {
				continue
			}
			m := fileName.FindStringSubmatch(e.Name())
			if m == nil {
				if strings.HasSuffix(e.Name(), ".sql") {
					return nil, fmt.Errorf("sql file %q is badly named: want NNN_snake_name.sql", path.Join(dir, e.Name()))
				}
				continue
			}
			body, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
			if err != nil {
				return nil, err
			}
			n, _ := strconv.Atoi(m[1])
			sum := sha256.Sum256(body)
			f := File{Number: n, Name: e.Name(), SQL: string(body), SHA256: hex.EncodeToString(sum[:])}
			if dir != "." {
				f.Rules = rules
			}
			out = append(out, f)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Number < out[j].Number })
	for i := 1; i < len(out); i++ {
		if out[i].Number == out[i-1].Number {
			return nil, fmt.Errorf("sql files %q and %q share the number %03d", out[i-1].Name, out[i].Name, out[i].Number)
		}
	}
	return out, nil
}
