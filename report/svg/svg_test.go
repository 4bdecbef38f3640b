package svg

import (
	"bytes"
	"encoding/xml"
	"path/filepath"
	"testing"

	goldenfile "github.com/triad-bench/triad/internal/golden"

	"github.com/stretchr/testify/require"
)

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("..", "..", "testdata", "report", "svg", name), got)
}

// wellFormed checks that the chart parses as XML.
func wellFormed(t *testing.T, b []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err != nil {
			require.Equal(t, "EOF", err.Error())
			return
		}
	}
}

func TestHBar(t *testing.T) {
	bars := []Bar{{"fc7b8d1e", 17.3}, {"89a84b0b", -16.6}, {"015069b0", 0}, {"e3580537", 24.4}, {"a<b&c", -0.5}}
	got := HBar("Agent vs human, %", bars)
	wellFormed(t, got)
	require.Equal(t, got, HBar("Agent vs human, %", bars), "same input, same bytes")
	golden(t, "hbar.svg", got)
}

func TestStacked(t *testing.T) {
	segs := []Segment{{"win", Green}, {"match", Grey}, {"loss", Red}}
	got, err := Stacked("Verdicts", segs, []Stack{{"claude-code", []float64{5, 3, 4}}, {"codex gpt-5", []float64{2, 0, 7}}})
	require.NoError(t, err)
	wellFormed(t, got)
	golden(t, "stacked.svg", got)

	_, err = Stacked("x", segs, []Stack{{"a", []float64{1}}})
	require.Error(t, err)
}
