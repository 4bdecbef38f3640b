package queries

import (
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"
)

func TestBadFiles(t *testing.T) {
	for name, tc := range map[string]struct {
		files fstest.MapFS
		want  string
	}{
		"name mismatch":   {fstest.MapFS{"a.sql": {Data: []byte("-- name: b\n-- returns: x\nSELECT 1")}}, `name "b" does not match the file name`},
		"no returns":      {fstest.MapFS{"a.sql": {Data: []byte("-- name: a\nSELECT 1")}}, "want -- returns:"},
		"badly named":     {fstest.MapFS{"Bad-Name.sql": {Data: []byte("-- name: Bad-Name\n-- returns: x\nSELECT 1")}}, "badly named"},
		"no header":       {fstest.MapFS{"a.sql": {Data: []byte("SELECT 1\nSELECT 2")}}, "line 1: want -- name: a"},
		"returns doubled": {fstest.MapFS{"a.sql": {Data: []byte("-- name: a\n-- returns: x\n-- returns: y\nSELECT 1")}}, "a second header line"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := parseAll(tc.files)
			require.ErrorContains(t, err, tc.want)
		})
	}
}
