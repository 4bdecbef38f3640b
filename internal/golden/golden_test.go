package golden

import "testing"

func TestDiff(t *testing.T) {
	cases := []struct{ want, got, diff string }{
		{"a\nb\nc", "a\nb\nc", ""},
		{"a\nb\nc", "a\nx\nc", "-2: b\n+2: x\n"},
		{"a\nc", "a\nb\nc", "+2: b\n"},
		{"a\nb\nc", "a\nc", "-2: b\n"},
	}
	for _, c := range cases {
		if got := Diff(c.want, c.got); got != c.diff {
			t.Errorf("Diff(%q, %q) = %q, want %q", c.want, c.got, got, c.diff)
		}
	}
}
