package cli

import (
	"reflect"
	"testing"
)

func TestSplitStatements(t *testing.T) {
	cases := []struct {
		in   string
		want []string
		rest string
	}{
		{"select 1;", []string{"select 1;"}, ""},
		{"select 1; select 2;", []string{"select 1;", "select 2;"}, ""},
		{"select 'a;\nb' as x;", []string{"select 'a;\nb' as x;"}, ""},
		{"select 'a;", nil, "select 'a;"},
		{"select 'it''s; ok';", []string{"select 'it''s; ok';"}, ""},
		{`select "a;b" from t;`, []string{`select "a;b" from t;`}, ""},
		{"-- a comment; not the end\nselect 1;", []string{"-- a comment; not the end\nselect 1;"}, ""},
		{"select /* ; */ 1;", []string{"select /* ; */ 1;"}, ""},
		{"select 1", nil, "select 1"},
		{";;  ;", nil, ""},
		{"select 1; -- trailing", []string{"select 1;"}, "-- trailing"},
	}
	for _, c := range cases {
		got, rest := splitStatements(c.in)
		if !reflect.DeepEqual(got, c.want) || rest != c.rest {
			t.Errorf("splitStatements(%q) = %q, %q; want %q, %q", c.in, got, rest, c.want, c.rest)
		}
	}
}
