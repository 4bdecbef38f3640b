package cli

import "strings"

// splitStatements cuts SQL text at the semicolons that end statements: not those inside quoted
// strings ('…', "…"), line comments (-- …) or block comments (/* … */). It returns the complete
// statements, each with its semicolon, and the unfinished rest. Blank statements are dropped.
func splitStatements(text string) (statements []string, rest string) {
	start := 0
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '\'' || c == '"':
			// A doubled quote inside a string is an escaped quote; the loop simply reopens it.
			j := strings.IndexByte(text[i+1:], c)
			if j < 0 {
				return statements, strings.TrimSpace(text[start:])
			}
			i += j + 1
		case c == '-' && strings.HasPrefix(text[i:], "--"):
			j := strings.IndexByte(text[i:], '\n')
			if j < 0 {
				return statements, strings.TrimSpace(text[start:])
			}
			i += j
		case c == '/' && strings.HasPrefix(text[i:], "/*"):
			j := strings.Index(text[i+2:], "*/")
			if j < 0 {
				return statements, strings.TrimSpace(text[start:])
			}
			i += j + 3
		case c == ';':
			if stmt := strings.TrimSpace(text[start : i+1]); stmt != ";" {
				statements = append(statements, stmt)
			}
			start = i + 1
		}
	}
	return statements, strings.TrimSpace(text[start:])
}
