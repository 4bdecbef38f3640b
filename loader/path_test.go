package loader

import "testing"

func TestPathText(t *testing.T) {
	cases := map[string]string{
		"results/a_baseline_result.json": "results/a_baseline_result.json",
		"résultats/ü.json":               "résultats/ü.json",
		`dir\name.json`:                  `dir\name.json`, // valid UTF-8: unchanged
		"separate_\xff/x.json":           `separate_\xff/x.json`,
		"separate_\xfe/x.json":           `separate_\xfe/x.json`,
		"a\\b\xff":                       `a\\b\xff`, // a name that needs escaping escapes its backslashes too
	}
	seen := map[string]string{}
	for in, want := range cases {
		got := PathText(in)
		if got != want {
			t.Errorf("PathText(%q) = %q, want %q", in, got, want)
		}
		if other, dup := seen[got]; dup {
			t.Errorf("%q and %q share the spelling %q", in, other, got)
		}
		seen[got] = in
	}
}
