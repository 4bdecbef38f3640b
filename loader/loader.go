package loader

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"database/sql/driver"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/duckdb/duckdb-go/v2"
)

//go:embed schema.sql
var schemaSQL string

//go:embed normalise.sql
var normaliseSQL string

// maxFileBytes bounds what one file may cost in memory; a larger file is an error, not a crash.
const maxFileBytes = 1 << 30

// Options steer an ingest.
type Options struct {
	// AgentName and AgentModel identify the agent of agent runs whose file does not say.
	AgentName  string
	AgentModel string
	// Warn receives one line per warning and per file error; nil discards them.
	Warn io.Writer
}

// Summary counts what an ingest did.
type Summary struct {
	Files, Loaded, Errors, Ignored int
	Runs, ExportRows               int
	Bytes                          int64
}

// String is the summary line that ends an ingest's stderr.
func (s Summary) String() string {
	return fmt.Sprintf("ingested %d files: %d loaded, %d errors, %d ignored", s.Files, s.Loaded, s.Errors, s.Ignored)
}

// ledgerRow is one row of the files table.
type ledgerRow struct {
	root, rel, pipeline, format, status, errText, reason, sha string
	size                                                      int64
	records, warnings                                         int
}

// loadedFile is one file's ledger row with what it yielded.
type loadedFile struct {
	ledger ledgerRow
	x      extraction
}

// CreateSchema creates the raw tables (if missing) and reseeds the two seed tables:
// metric_aliases and dataset_columns.
func CreateSchema(ctx context.Context, db *sql.DB) error {
	if _, err := db.ExecContext(ctx, schemaSQL); err != nil {
		return fmt.Errorf("failed to create the raw tables: %w", err)
	}
	if _, err := db.ExecContext(ctx, "DELETE FROM metric_aliases"); err != nil {
		return err
	}
	for _, a := range aliases {
		if _, err := db.ExecContext(ctx, "INSERT INTO metric_aliases VALUES (?, ?, ?, ?)", a.sourceKey, a.metric, a.scale, a.priority); err != nil {
			return fmt.Errorf("failed to seed metric_aliases: %w", err)
		}
	}
	if _, err := db.ExecContext(ctx, "DELETE FROM dataset_columns"); err != nil {
		return err
	}
	for i, c := range datasetColumns {
		if _, err := db.ExecContext(ctx, "INSERT INTO dataset_columns VALUES (?, ?, ?)", i+1, c.name, c.typ); err != nil {
			return fmt.Errorf("failed to seed dataset_columns: %w", err)
		}
	}
	return nil
}

// Ingest loads every file under roots into db, replacing what an earlier ingest of the same roots
// wrote, and rebuilds the runs table. A file that cannot be used is an error row in the ledger,
// never a failed ingest; the returned error is for the database itself failing.
func Ingest(ctx context.Context, db *sql.DB, roots []string, opts Options) (Summary, error) {
	var sum Summary
	if err := CreateSchema(ctx, db); err != nil {
		return sum, err
	}
	for _, root := range roots {
		files, err := walkRoot(root, &opts)
		if err != nil {
			return sum, err
		}
		if err := store(ctx, db, root, files); err != nil {
			return sum, fmt.Errorf("failed to store %q: %w", root, err)
		}
		if _, err := db.ExecContext(ctx, "INSERT OR REPLACE INTO ingest_roots VALUES (?, ?, ?)",
			CleanRoot(root), null(opts.AgentName), null(opts.AgentModel)); err != nil {
			return sum, fmt.Errorf("failed to record root %q: %w", root, err)
		}
		for _, f := range files {
			sum.Files++
			sum.Bytes += f.ledger.size
			switch f.ledger.status {
			case "loaded":
				sum.Loaded++
			case "error":
				sum.Errors++
			default:
				sum.Ignored++
			}
			sum.Runs += len(f.x.runs)
			sum.ExportRows += len(f.x.exportRows)
		}
	}
	if _, err := db.ExecContext(ctx, normaliseSQL); err != nil {
		return sum, fmt.Errorf("failed to normalise runs: %w", err)
	}
	return sum, nil
}

// CleanRoot is how a root is named in the tables: cleaned, slash-separated, as the user gave it.
func CleanRoot(root string) string { return PathText(filepath.ToSlash(filepath.Clean(root))) }

// PathText spells a path as valid UTF-8 without losing it: a file name need not be UTF-8, but every
// table stores text. Each byte that is not part of valid UTF-8 is written \xNN, and in such a name
// a backslash is written \\, so two different names never share a spelling (replacing bad bytes
// with U+FFFD made separate_\xff/ and separate_\xfe/ one path). Valid names are unchanged.
func PathText(p string) string {
	if utf8.ValidString(p) {
		return p
	}
	var b strings.Builder
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRuneInString(p[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, "\\x%02x", p[i])
		case r == '\\':
			b.WriteString("\\\\")
		default:
			b.WriteString(p[i : i+size])
		}
		i += size
	}
	return b.String()
}

// walkRoot reads and recognises every file under root, in lexical order. Symbolic links are not
// followed (a link loop cannot hang the walk); they are ledger rows marked ignored.
func walkRoot(root string, opts *Options) ([]loadedFile, error) {
	info, err := os.Stat(root)
	if err != nil {
		return nil, fmt.Errorf("root %q: %w", root, err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("root %q is not a directory", root)
	}
	var files []loadedFile
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(root, p)
		rel = PathText(filepath.ToSlash(rel))
		if err != nil {
			if p == root {
				return err
			}
			// An unreadable folder is named in the ledger and the walk goes on.
			files = append(files, loadedFile{ledger: ledgerRow{rel: rel, pipeline: pipelineOf(rel), status: "error",
				errText: fmt.Sprintf("loading %s: %v", rel, err)}})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		files = append(files, loadFile(root, p, rel, d, opts))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("failed to walk %q: %w", root, err)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].ledger.rel < files[j].ledger.rel })
	return files, nil
}

// loadFile reads, checksums, recognises and extracts one file.
func loadFile(root, p, rel string, d fs.DirEntry, opts *Options) loadedFile {
	f := loadedFile{ledger: ledgerRow{root: CleanRoot(root), rel: rel, pipeline: pipelineOf(rel)}}
	lg := &f.ledger
	ignore := func(reason string) loadedFile {
		lg.status, lg.reason = "ignored", reason
		return f
	}
	fail := func(err error) loadedFile {
		lg.status, lg.errText = "error", fmt.Sprintf("loading %s: %v", rel, err)
		return f
	}
	if d.Type()&fs.ModeSymlink != 0 {
		return ignore("symbolic link, not followed")
	}
	if !d.Type().IsRegular() {
		return ignore("not a regular file")
	}
	info, err := d.Info()
	if err != nil {
		return fail(err)
	}
	lg.size = info.Size()
	if lg.size > maxFileBytes {
		return fail(fmt.Errorf("file of %d bytes is larger than the %d-byte limit", lg.size, maxFileBytes))
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return fail(err)
	}
	sum := sha256.Sum256(data)
	lg.sha = hex.EncodeToString(sum[:])
	lg.size = int64(len(data))
	src := &source{rel: rel, pipeline: lg.pipeline, data: data, opts: opts}
	ext := src.ext()
	if !dataExts[ext] {
		if ext == "" {
			return ignore("not a data file (no extension)")
		}
		return ignore(fmt.Sprintf("not a data file (%s)", ext))
	}
	if len(strings.TrimSpace(string(data))) == 0 {
		return fail(errors.New("empty file"))
	}
	if ext == ".json" {
		doc, err := decodeJSON(data)
		if err != nil {
			return fail(err)
		}
		src.doc = doc
	}
	format, err := recognise(src)
	if err != nil {
		return fail(err)
	}
	lg.format = format.name
	if err := format.extract(src, &f.x); err != nil {
		return fail(err)
	}
	if !utf8.Valid(data) {
		// The text is kept with U+FFFD in place of the bad bytes; say so, since it is a change.
		f.x.warn("$", "invalid UTF-8 bytes in the file were read as U+FFFD")
	}
	lg.status = "loaded"
	lg.records = f.x.records
	lg.warnings = len(f.x.warnings)
	return f
}

// store replaces root's rows in every raw table with files' rows, in one transaction.
func store(ctx context.Context, db *sql.DB, root string, files []loadedFile) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return err
	}
	err = conn.Raw(func(dc any) error {
		return appendAll(ctx, dc.(driver.Conn), CleanRoot(root), files)
	})
	if err != nil {
		_, _ = conn.ExecContext(ctx, "ROLLBACK")
		return err
	}
	_, err = conn.ExecContext(ctx, "COMMIT")
	return err
}

// rawTables are the tables an ingest owns, emptied per root before it is loaded again.
var rawTables = []string{"files", "run_records", "run_values", "commits", "warnings", "export_rows"}

func appendAll(ctx context.Context, dc driver.Conn, root string, files []loadedFile) error {
	exec, ok := dc.(driver.ExecerContext)
	if !ok {
		return errors.New("driver connection cannot execute statements")
	}
	for _, t := range rawTables {
		if _, err := exec.ExecContext(ctx, "DELETE FROM "+t+" WHERE root = $1", []driver.NamedValue{{Ordinal: 1, Value: root}}); err != nil {
			return fmt.Errorf("failed to clear %s: %w", t, err)
		}
	}
	apps := map[string]*duckdb.Appender{}
	for _, t := range rawTables {
		a, err := duckdb.NewAppenderFromConn(dc, "", t)
		if err != nil {
			return fmt.Errorf("failed to open an appender on %s: %w", t, err)
		}
		apps[t] = a
	}
	err := appendRows(root, files, apps)
	for _, t := range rawTables {
		if cerr := apps[t].Close(); cerr != nil && err == nil {
			err = fmt.Errorf("failed to append to %s: %w", t, cerr)
		}
	}
	return err
}

// null turns an empty string into SQL NULL.
func null(s string) driver.Value {
	if s == "" {
		return nil
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

func list(items []string) driver.Value {
	if items == nil {
		return nil
	}
	out := make([]any, len(items))
	for i, s := range items {
		out[i] = strings.ToValidUTF8(s, "\uFFFD")
	}
	return out
}

func appendRows(root string, files []loadedFile, apps map[string]*duckdb.Appender) error {
	for _, f := range files {
		lg := f.ledger
		rel := lg.rel // already valid UTF-8: see PathText
		var records, warnings driver.Value
		if lg.status == "loaded" {
			records, warnings = int32(lg.records), int32(lg.warnings)
		}
		var size driver.Value
		if lg.sha != "" {
			size = lg.size
		}
		if err := apps["files"].AppendRow(root, rel, null(lg.pipeline), null(lg.format), lg.status,
			null(lg.errText), null(lg.reason), size, null(lg.sha), records, warnings); err != nil {
			return err
		}
		if lg.status != "loaded" {
			continue
		}
		for _, w := range f.x.warnings {
			if err := apps["warnings"].AppendRow(root, rel, null(w.position), null(w.message)); err != nil {
				return err
			}
		}
		for _, r := range f.x.runs {
			if err := apps["run_records"].AppendRow(root, rel, int32(r.record), r.variant, null(lg.pipeline), null(lg.format),
				null(r.commitHash), null(r.commitShort), null(r.parentCommit), null(r.agentName), null(r.agentModel),
				null(r.status), null(r.errText), null(r.benchmarkMode), null(r.model), null(r.gpuConfig),
				null(r.perfCommand), null(r.timestamp), null(r.raw), null(r.contentSHA)); err != nil {
				return err
			}
			for _, v := range r.values {
				if err := apps["run_values"].AppendRow(root, rel, int32(r.record), r.variant, v.sourceKey, v.value, v.origin, null(v.position)); err != nil {
					return err
				}
			}
		}
		for _, c := range f.x.commits {
			var patch driver.Value
			if c.hasAgentPatch != nil {
				patch = *c.hasAgentPatch
			}
			if err := apps["commits"].AppendRow(root, rel, int32(c.record), null(c.commitHash), null(c.commitShort),
				null(c.subject), null(c.repo), null(c.prURL), list(c.filesChanged), list(c.models), null(c.parentCommit),
				null(c.perfCommand), null(c.testScript), null(c.patchPath), patch); err != nil {
				return err
			}
		}
		for _, row := range f.x.exportRows {
			vals := append([]driver.Value{root, rel, int32(row.record)}, row.values...)
			if err := apps["export_rows"].AppendRow(vals...); err != nil {
				return err
			}
		}
	}
	return nil
}
