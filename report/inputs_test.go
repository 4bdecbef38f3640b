package report

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triad-bench/triad/db"
)

func writeFile(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
	return p
}

// claimsRenderer is a renderer whose report_claims query returns fixed values.
func claimsRenderer(t *testing.T, claims []Claim) *renderer {
	t.Helper()
	database, err := db.Open("")
	require.NoError(t, err)
	t.Cleanup(func() { database.Close() })
	lookup := func(name string) (string, error) {
		if name != "report_claims" {
			return "", fmt.Errorf("unknown query %q", name)
		}
		return `SELECT * FROM (VALUES
			('valid_3way', 'valid 3-way rows', 22::BIGINT),
			('h_a_only', 'H+A only rows', 17),
			('no_metrics', 'rows without human metrics', 44),
			('total', 'rows', 96)) t(claim, description, value)`, nil
	}
	return &renderer{ctx: context.Background(), db: database, opts: Options{Claims: claims, Query: lookup},
		tables: map[string]*Table{}, used: map[int]bool{}, charts: map[string]bool{}}
}

func TestClaims(t *testing.T) {
	p := writeFile(t, "claims.csv", "claim,expected\nvalid_3way,19\nno_metrics,47\ntotal,96\n")
	claims, err := ReadClaims(p)
	require.NoError(t, err)
	require.Len(t, claims, 3)

	res, err := claimsRenderer(t, claims).checkClaims()
	require.NoError(t, err)
	require.Equal(t, []ClaimResult{
		{Name: "valid_3way", Description: "valid 3-way rows", Expected: "19", Computed: int64(22), Difference: "+3", Mark: "❌"},
		{Name: "no_metrics", Description: "rows without human metrics", Expected: "47", Computed: int64(44), Difference: "-3", Mark: "❌"},
		{Name: "total", Description: "rows", Expected: "96", Computed: int64(96), OK: true, Mark: "✅"},
	}, res)

	// Without a claims file every computed value is listed, without verdicts.
	res, err = claimsRenderer(t, nil).checkClaims()
	require.NoError(t, err)
	require.Len(t, res, 4)
	require.Empty(t, res[0].Mark)

	// A claim the query does not define is an error, not a silent skip.
	_, err = claimsRenderer(t, []Claim{{Name: "valid_3wya", Expected: "19", Line: 2}}).checkClaims()
	require.ErrorContains(t, err, `unknown claim "valid_3wya"`)
}

func TestReadClaimsErrors(t *testing.T) {
	for name, body := range map[string]string{
		"header":     "name,value\nx,1\n",
		"not number": "claim,expected\nx,nineteen\n",
		"duplicate":  "claim,expected\nx,1\nx,2\n",
		"empty":      "",
		"fields":     "claim,expected\nx\n",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ReadClaims(writeFile(t, "c.csv", body))
			require.Error(t, err)
			require.Contains(t, err.Error(), "c.csv")
		})
	}
}

func TestNotes(t *testing.T) {
	p := writeFile(t, "notes.csv", "commit,section,note\n# a comment\nA3223766,edge_cases,\"TPOT = 0, expected\"\n*,edge_cases,heading note\n")
	notes, err := ReadNotes(p)
	require.NoError(t, err)
	require.Equal(t, []Note{
		{Commit: "a3223766", Section: "edge_cases", Text: "TPOT = 0, expected", Line: 3},
		{Commit: "", Section: "edge_cases", Text: "heading note", Line: 4},
	}, notes)

	r := &renderer{opts: Options{Notes: notes}, used: map[int]bool{}, section: "edge_cases"}
	require.Equal(t, "TPOT = 0, expected", r.note("a3223766aaaabbbbccccddddeeeeffff00001111"))
	require.Equal(t, "", r.note("b3223766"))
	require.Equal(t, "\n> **Note.** heading note\n", r.sectionNotes())
	require.Equal(t, "", r.unplacedNotes("edge_cases"))

	r = &renderer{opts: Options{Notes: notes}, used: map[int]bool{}, section: "edge_cases"}
	require.Contains(t, r.unplacedNotes("edge_cases"), "`a3223766` (not among the rows above): TPOT = 0, expected")

	require.True(t, noteMatches("docker", "docker"))
	require.False(t, noteMatches("human", "human_throughput"))
}
