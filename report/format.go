package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// nullText is what a NULL value renders as in the report.
const nullText = "—"

// plain renders a value without any number formatting: integers in decimal, floats in the
// shortest form that reads back exactly, lists as comma-separated values, NULL as "".
func plain(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = plain(e)
		}
		return strings.Join(parts, ", ")
	}
	return fmt.Sprint(v)
}

// toFloat converts a numeric value; ok is false for NULL.
func toFloat(v any) (float64, bool, error) {
	switch x := normalise(v).(type) {
	case nil:
		return 0, false, nil
	case int64:
		return float64(x), true, nil
	case float64:
		if math.IsNaN(x) {
			return 0, false, nil
		}
		return x, true, nil
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
		if err != nil {
			return 0, false, fmt.Errorf("value %q is not a number", x)
		}
		return f, true, nil
	case bool:
		if x {
			return 1, true, nil
		}
		return 0, true, nil
	}
	return 0, false, fmt.Errorf("value %v (%T) is not a number", v, v)
}

// fixed formats f with digits decimals and never prints a negative zero.
func fixed(f float64, digits int) string {
	s := strconv.FormatFloat(f, 'f', digits, 64)
	if strings.Trim(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-")
	}
	return s
}

// num formats a number for a table cell: integers as they are, other values with two decimals.
func num(v any) (string, error) {
	if i, ok := v.(int64); ok {
		return strconv.FormatInt(i, 10), nil
	}
	f, ok, err := toFloat(v)
	if err != nil || !ok {
		return nullText, err
	}
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		if _, isFloat := v.(float64); !isFloat {
			return fixed(f, 0), nil
		}
	}
	return fixed(f, 2), nil
}

// decimals formats a number with n decimals; NULL renders as the null mark.
func decimals(n int, v any) (string, error) {
	f, ok, err := toFloat(v)
	if err != nil || !ok {
		return nullText, err
	}
	return fixed(f, n), nil
}

// percent formats a value already in percent with one decimal: 12.3%.
func percent(v any) (string, error) {
	f, ok, err := toFloat(v)
	if err != nil || !ok {
		return nullText, err
	}
	return fixed(f, 1) + "%", nil
}

// signedPercent formats a value in percent with its sign: +12.3%, -0.5%, 0.0%.
func signedPercent(v any) (string, error) {
	f, ok, err := toFloat(v)
	if err != nil || !ok {
		return nullText, err
	}
	s := fixed(f, 1)
	if !strings.HasPrefix(s, "-") && strings.Trim(s, "0.") != "" {
		s = "+" + s
	}
	return s + "%", nil
}

// share formats part/whole as a percentage with no decimals: 57%.
func share(part, whole any) (string, error) {
	p, okp, err := toFloat(part)
	if err != nil {
		return "", err
	}
	w, okw, err := toFloat(whole)
	if err != nil {
		return "", err
	}
	if !okp || !okw || w == 0 {
		return nullText, nil
	}
	return fixed(p/w*100, 0) + "%", nil
}

// escape makes text safe inside a markdown table cell: pipes escaped, line breaks and tabs made
// spaces, and an empty value shown as the null mark.
func escape(v any) string {
	s := plain(v)
	if v == nil {
		return nullText
	}
	s = strings.ReplaceAll(s, `\`, `\\`)
	s = strings.ReplaceAll(s, "|", `\|`)
	s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ").Replace(s)
	return strings.TrimSpace(s)
}

// code wraps a value in backticks for inline code, choosing a fence longer than any run of
// backticks inside it.
func code(v any) string {
	if v == nil {
		return nullText
	}
	s := strings.TrimSpace(strings.NewReplacer("\r\n", " ", "\n", " ", "|", `\|`).Replace(plain(v)))
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}
