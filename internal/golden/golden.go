// Package golden compares test output with expected files kept under testdata/, and rewrites
// those files when the tests run with -update (go test ./... -update, or make golden).
//
// Every package's golden tests go through Check, so there is one -update flag and one diff format:
// lines only in the expected file start with "-", lines only in the output with "+".
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files instead of comparing with them")

// Updating reports whether the tests run with -update.
func Updating() bool { return *update }

// Check compares got with the file at path. Under -update it writes got to path instead (creating
// its folder); review the change with git diff like code.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./... -update to create it)", err)
	}
	if !bytes.Equal(want, got) {
		t.Errorf("%s differs from the output (-want +got; run go test ./... -update to accept, then review the diff):\n%s",
			path, Diff(string(want), string(got)))
	}
}

// maxCells bounds the longest-common-subsequence table; larger inputs get a cruder diff.
const maxCells = 4_000_000

// maxLines bounds how many differing lines Diff prints.
const maxLines = 60

// Diff is a small line diff: lines only in want are marked "-N:", lines only in got "+N:", with N
// the line number in its own text.
func Diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	emit := func(sign byte, n int, line string) {
		if shown == maxLines {
			b.WriteString("…\n")
		}
		if shown < maxLines {
			fmt.Fprintf(&b, "%c%d: %s\n", sign, n, line)
		}
		shown++
	}
	if (len(w)+1)*(len(g)+1) > maxCells {
		// Too large for the table: show the lines that differ position by position.
		for i := 0; i < max(len(w), len(g)); i++ {
			switch {
			case i >= len(w):
				emit('+', i+1, g[i])
			case i >= len(g):
				emit('-', i+1, w[i])
			case w[i] != g[i]:
				emit('-', i+1, w[i])
				emit('+', i+1, g[i])
			}
		}
		return b.String()
	}
	lcs := make([][]int32, len(w)+1)
	for i := range lcs {
		lcs[i] = make([]int32, len(g)+1)
	}
	for i := len(w) - 1; i >= 0; i-- {
		for j := len(g) - 1; j >= 0; j-- {
			if w[i] == g[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < len(w) || j < len(g) {
		switch {
		case i < len(w) && j < len(g) && w[i] == g[j]:
			i, j = i+1, j+1
		case i < len(w) && (j == len(g) || lcs[i+1][j] >= lcs[i][j+1]):
			emit('-', i+1, w[i])
			i++
		default:
			emit('+', j+1, g[j])
			j++
		}
	}
	return b.String()
}
