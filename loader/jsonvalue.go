package loader

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// obj is a decoded JSON object. Numbers stay json.Number so that nothing is rounded before the
// alias table scales it.
type obj = map[string]any

// decodeJSON decodes one JSON document and reports a syntax or type error with its line and column.
func decodeJSON(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, positioned(data, err)
	}
	// Trailing garbage after the document is an error too: the file is not one JSON value.
	if _, err := dec.Token(); err == nil {
		return nil, fmt.Errorf("%s: more than one JSON value in the file", lineCol(data, dec.InputOffset()))
	}
	return v, nil
}

// positioned rewrites a decoding error so that it starts with "line L, column C".
func positioned(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Errorf("%s: %s", lineCol(data, syn.Offset), syn.Error())
	case errors.As(err, &typ):
		return fmt.Errorf("%s: %s", lineCol(data, typ.Offset), typ.Error())
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return fmt.Errorf("%s: unexpected end of JSON input", lineCol(data, int64(len(data))))
	default:
		return fmt.Errorf("byte %d: %w", len(data), err)
	}
}

// lineCol turns a byte offset into a 1-based "line L, column C" (columns count bytes).
func lineCol(data []byte, offset int64) string {
	offset = min(max(offset, 0), int64(len(data)))
	before := data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(offset) - (bytes.LastIndexByte(before, '\n') + 1)
	if col == 0 {
		col = 1
	}
	return fmt.Sprintf("line %d, column %d", line, col)
}

// placeholders are the strings the pipelines write where a number could not be measured.
var placeholders = map[string]bool{
	"": true, "n/a": true, "na": true, "nan": true, "none": true, "null": true, "-": true,
	"inf": true, "-inf": true, "infinity": true, "error": true, "failed": true,
}

// number reads a metric value. ok is false (with a reason) for placeholders, wrong types and
// non-finite numbers; a null JSON value is simply absent and gives neither value nor reason.
func number(v any) (value float64, ok bool, reason string) {
	switch x := v.(type) {
	case nil:
		return 0, false, ""
	case json.Number:
		f, err := strconv.ParseFloat(string(x), 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return 0, false, fmt.Sprintf("number %s out of range", x)
		}
		return f, true, ""
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return 0, false, fmt.Sprintf("non-finite number %v", x)
		}
		return x, true, ""
	case string:
		s := strings.TrimSpace(x)
		if f, err := strconv.ParseFloat(s, 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			return f, true, ""
		}
		if placeholders[strings.ToLower(s)] {
			return 0, false, fmt.Sprintf("placeholder %q read as null", clip(x, 40))
		}
		return 0, false, fmt.Sprintf("string %q is not a number", clip(x, 40))
	case bool:
		return 0, false, fmt.Sprintf("boolean %v is not a number", x)
	default:
		return 0, false, fmt.Sprintf("%s is not a number", jsonType(v))
	}
}

func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case obj:
		return "object"
	case []any:
		return "array"
	case string:
		return "string"
	case bool:
		return "boolean"
	default:
		return "number"
	}
}

// text reads a scalar as a string: strings as they are (made valid UTF-8), numbers and booleans
// in their JSON spelling, anything else as empty.
func text(v any) string {
	switch x := v.(type) {
	case string:
		return strings.ToValidUTF8(x, "\uFFFD")
	case json.Number:
		return string(x)
	case bool:
		return strconv.FormatBool(x)
	default:
		return ""
	}
}

// firstText returns the first non-empty scalar among keys.
func firstText(o obj, keys ...string) string {
	for _, k := range keys {
		if s := strings.TrimSpace(text(o[k])); s != "" {
			return s
		}
	}
	return ""
}

// textList reads a JSON array of scalars; a lone string counts as a list of one.
func textList(v any) []string {
	switch x := v.(type) {
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			if s := text(e); s != "" {
				out = append(out, s)
			}
		}
		return out
	case string:
		if x == "" {
			return nil
		}
		return []string{text(x)}
	default:
		return nil
	}
}

func boolean(v any) (bool, bool) {
	switch x := v.(type) {
	case bool:
		return x, true
	case string:
		switch strings.ToLower(strings.TrimSpace(x)) {
		case "true", "1", "yes":
			return true, true
		case "false", "0", "no":
			return false, true
		}
	case json.Number:
		return x != "0", true
	}
	return false, false
}

func object(v any) obj {
	o, _ := v.(obj)
	return o
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
