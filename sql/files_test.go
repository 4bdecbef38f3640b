package sqlfiles

import (
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"
)

func TestFilesOrderAndErrors(t *testing.T) {
	ok := fstest.MapFS{
		"010_macros.sql":      {Data: []byte("-- name: macros\n-- defines: x\nSELECT 1;")},
		"200_after.sql":       {Data: []byte("SELECT 3;")},
		"v5/100_merge.sql":    {Data: []byte("SELECT 2;")},
		"v6/100_merge.sql":    {Data: []byte("SELECT 9;")},
		"notes.txt":           {Data: []byte("not sql")},
		"v5/110_dataset.sql":  {Data: []byte("SELECT 4;")},
		"v6/120_another.sql":  {Data: []byte("SELECT 5;")},
		"v5/README.md":        {Data: []byte("ignored")},
		"v6/130_third_ok.sql": {Data: []byte("SELECT 6;")},
	}
	got, err := files(ok, "v5")
	require.NoError(t, err)
	var names []string
	for _, f := range got {
		names = append(names, f.Name)
	}
	require.Equal(t, []string{"010_macros.sql", "100_merge.sql", "110_dataset.sql", "200_after.sql"}, names)
	require.Equal(t, "v5", got[1].Rules)
	require.Len(t, got[0].SHA256, 64)

	_, err = files(ok, "v7")
	require.ErrorContains(t, err, `unknown rule set "v7"`)

	_, err = files(fstest.MapFS{"v5/100_a.sql": {}, "1_bad.sql": {}}, "v5")
	require.ErrorContains(t, err, "badly named")

	_, err = files(fstest.MapFS{"v5/100_a.sql": {}, "100_b.sql": {}}, "v5")
	require.ErrorContains(t, err, "share the number 100")
}

func TestEmbeddedFilesHaveHeaders(t *testing.T) {
	for _, rules := range RuleSets() {
		files, err := Files(rules)
		require.NoError(t, err)
		for _, f := range files {
			require.Regexp(t, `^-- name: .+\n-- defines: `, f.SQL, f.Name)
		}
	}
}
