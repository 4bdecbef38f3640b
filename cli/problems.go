package cli

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// reportProblems prints every file error and warning in the database, one line each, and returns
// how many there were.
func reportProblems(ctx context.Context, e *env, database *sql.DB) (int, error) {
	rows, err := database.QueryContext(ctx, `
		SELECT 'error' AS kind, error AS message FROM files WHERE status = 'error'
		UNION ALL
		SELECT 'warning', format('{}: {}: {}', path, coalesce(position, '$'), message) FROM warnings
		ORDER BY kind, message`)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var kind, msg string
		if err := rows.Scan(&kind, &msg); err != nil {
			return n, err
		}
		// One problem is one line, even when a file name holds a newline.
		fmt.Fprintf(e.stderr, "%s: %s\n", kind, oneLine.Replace(msg))
		n++
	}
	return n, rows.Err()
}

var oneLine = strings.NewReplacer("\n", `\n`, "\r", `\r`)
