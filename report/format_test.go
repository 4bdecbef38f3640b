package report

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestNumberFormats(t *testing.T) {
	cases := []struct {
		name string
		got  func() (string, error)
		want string
	}{
		{"int", func() (string, error) { return num(int64(42)) }, "42"},
		{"float", func() (string, error) { return num(2496.9) }, "2496.90"},
		{"null", func() (string, error) { return num(nil) }, "—"},
		{"f1 rounds", func() (string, error) { return decimals(1, 1.25) }, "1.2"},
		{"no negative zero", func() (string, error) { return decimals(1, -0.01) }, "0.0"},
		{"pct", func() (string, error) { return percent(43.0) }, "43.0%"},
		{"spct positive", func() (string, error) { return signedPercent(24.43) }, "+24.4%"},
		{"spct negative", func() (string, error) { return signedPercent(-0.5) }, "-0.5%"},
		{"spct zero", func() (string, error) { return signedPercent(0.04) }, "0.0%"},
		{"spct negative zero", func() (string, error) { return signedPercent(-0.04) }, "0.0%"},
		{"share", func() (string, error) { return share(int64(55), int64(96)) }, "57%"},
		{"share of zero", func() (string, error) { return share(int64(1), int64(0)) }, "—"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := c.got()
			require.NoError(t, err)
			require.Equal(t, c.want, got)
		})
	}
	_, err := num("abc")
	require.Error(t, err)
}

func TestEscape(t *testing.T) {
	require.Equal(t, `a \| b c`, escape("a | b\nc"))
	require.Equal(t, "—", escape(nil))
	require.Equal(t, "`x\\|y`", code("x|y"))
	require.Equal(t, "``a`b``", code("a`b"))
	require.Equal(t, "a, b", plain([]any{"a", "b"}))
}

func TestNormalise(t *testing.T) {
	require.Equal(t, int64(7), normalise(int32(7)))
	require.Equal(t, int64(7), normalise(big.NewInt(7)))
	require.Equal(t, int64(3), normalise(uint64(3)))
	require.Equal(t, 1.5, normalise(float32(1.5)))
	require.Equal(t, []any{int64(1), "x"}, normalise([]any{int16(1), []byte("x")}))
}

func TestTableHeader(t *testing.T) {
	require.Equal(t, "| a | n |\n| --- | ---: |", tableHeader("a", "n:"))
}
