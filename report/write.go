package report

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// AssetDir returns the folder, relative to the document, that the charts of a document written to
// out go to: ANALYSIS.md keeps its charts in ANALYSIS.assets/.
func AssetDir(out string) string {
	base := filepath.Base(out)
	return strings.TrimSuffix(base, filepath.Ext(base)) + ".assets"
}

// WriteFiles writes the document to out and its assets beside it, each to a temporary file that is
// renamed into place, so an interrupted run leaves the previous files intact. The assets go first
// so that a document never links to a chart that is not there.
func (d *Document) WriteFiles(out string) error {
	dir := filepath.Dir(out)
	for _, a := range d.Assets {
		p := filepath.Join(dir, filepath.FromSlash(a.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("failed to create %s: %w", filepath.Dir(p), err)
		}
		if err := WriteAtomic(p, a.Data); err != nil {
			return err
		}
	}
	return WriteAtomic(out, d.Markdown)
}

// WriteAtomic writes data to a temporary file in path's folder and renames it to path.
func WriteAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("failed to write %s: %w", path, err)
	}
	tmp := f.Name()
	_, werr := f.Write(data)
	if werr == nil {
		werr = f.Sync()
	}
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(tmp, 0o644)
	}
	if werr == nil {
		werr = os.Rename(tmp, path)
	}
	if werr != nil {
		os.Remove(tmp)
		return fmt.Errorf("failed to write %s: %w", path, werr)
	}
	return nil
}
