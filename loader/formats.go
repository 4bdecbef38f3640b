package loader

import (
	"fmt"
	"path"
	"regexp"
	"strings"
)

// source is one file being recognised: its place, its bytes and, for .json files, its decoded value.
type source struct {
	rel      string // slash-separated path relative to the root
	pipeline string
	data     []byte
	doc      any // the decoded JSON document (.json files only)
	opts     *Options
}

func (s *source) base() string { return path.Base(s.rel) }
func (s *source) ext() string  { return strings.ToLower(path.Ext(s.rel)) }

// format is one input layout. match looks only at the decoded shape (and the path as a hint);
// extract turns the file into runs, commits and export rows, or fails with a positioned error.
type format struct {
	name    string
	exts    []string
	match   func(s *source) bool
	extract func(s *source, x *extraction) error
}

// registry lists the formats in the order they are tried: the most specific shapes first, the
// generic per-variant record last. Adding a format is adding an entry here.
var registry = []format{
	{name: "modal-result-old", exts: []string{".json"}, match: isModalOld, extract: extractModalOld},
	{name: "modal-result", exts: []string{".json"}, match: isModalResult, extract: extractModalResult},
	{name: "modal-progress", exts: []string{".json"}, match: isModalProgress, extract: extractModalProgress},
	{name: "docker-rerun", exts: []string{".json"}, match: isDockerRerun, extract: extractDockerRerun},
	{name: "rerun-3way", exts: []string{".json"}, match: isRerun3Way, extract: extractRerun3Way},
	{name: "separate-skip", exts: []string{".json"}, match: isSkip, extract: extractSkip},
	{name: "docker-local", exts: []string{".json"}, match: isDockerLocal, extract: extractVariantRecord},
	{name: "separate-variant", exts: []string{".json"}, match: isVariantRecord, extract: extractVariantRecord},
	{name: "hub-records", exts: []string{".json"}, match: isHubRecords, extract: extractHubRecords},
	{name: "flat-export", exts: []string{".json", ".jsonl", ".csv", ".parquet"}, match: isFlatExport, extract: extractFlatExport},
}

// dataExts are the extensions that hold data; any other file is ignored with its extension named.
var dataExts = map[string]bool{".json": true, ".jsonl": true, ".csv": true, ".parquet": true}

// recognise finds the format of a file, or says why none fits.
func recognise(s *source) (*format, error) {
	for i := range registry {
		f := &registry[i]
		if !contains(f.exts, s.ext()) {
			continue
		}
		if f.match(s) {
			return f, nil
		}
	}
	return nil, fmt.Errorf("unknown layout: %s", describe(s.doc))
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

// describe summarises a document's top level for an "unknown layout" message.
func describe(doc any) string {
	switch d := doc.(type) {
	case obj:
		keys := sortedKeys(d)
		if len(keys) > 12 {
			keys = append(keys[:12], "…")
		}
		return "an object with keys " + strings.Join(keys, ", ")
	case []any:
		return fmt.Sprintf("an array of %d values", len(d))
	case nil:
		return "no JSON document"
	default:
		return "a top-level " + jsonType(doc)
	}
}

func hasAny(o obj, keys ...string) bool {
	for _, k := range keys {
		if _, ok := o[k]; ok {
			return true
		}
	}
	return false
}

func hasVariantObjects(o obj) bool {
	for _, v := range variants {
		if object(o[v]) != nil {
			return true
		}
	}
	return false
}

func isModalOld(s *source) bool {
	d := object(s.doc)
	r := object(d["result"])
	return r != nil && hasAny(r, "patched_metrics", "error_message", "improvement") && !hasAny(r, "human_metrics")
}

func isModalResult(s *source) bool {
	d := object(s.doc)
	return object(d["result"]) != nil && (object(d["instance"]) != nil || hasAny(object(d["result"]), "full_commit", "baseline_metrics"))
}

func isModalProgress(s *source) bool {
	d := object(s.doc)
	_, list := d["results"].([]any)
	return list && hasAny(d, "total_commits", "completed", "success_count")
}

func isDockerRerun(s *source) bool {
	d := object(s.doc)
	return d != nil && hasVariantObjects(object(d["results"]))
}

func isRerun3Way(s *source) bool {
	d := object(s.doc)
	return d != nil && hasVariantObjects(d)
}

func isSkip(s *source) bool {
	d := object(s.doc)
	return d != nil && strings.EqualFold(text(d["status"]), "skipped")
}

// variantFile matches the per-variant file names: <short>_<variant>_result.json.
var variantFile = regexp.MustCompile(`^([0-9A-Fa-f]{7,40})_(baseline|human|agent)_result\.json$`)

// localFile matches the docker-local names: <short>_result.json, a baseline rerun.
var localFile = regexp.MustCompile(`^([0-9A-Fa-f]{7,40})_result\.json$`)

// isFlatRecord reports whether a document is one flat variant record: an object that names a
// commit and carries no nested per-variant structure.
func isFlatRecord(d obj) bool {
	return d != nil && hasAny(d, commitKeys...) && !hasAny(d, "results", "result", "instance") && !hasVariantObjects(d)
}

func isDockerLocal(s *source) bool {
	return s.pipeline == "docker" && localFile.MatchString(s.base()) && isFlatRecord(object(s.doc))
}

func isVariantRecord(s *source) bool {
	return isFlatRecord(object(s.doc))
}

func isHubRecords(s *source) bool {
	list, ok := s.doc.([]any)
	if !ok || len(list) == 0 {
		return false
	}
	for _, e := range list {
		o := object(e)
		if o == nil || !hasAny(o, "agent", "commit_hash_full") || hasAny(o, "agent_name", "data_source") {
			return false
		}
	}
	return true
}
