package db

import "database/sql"

// ScanAll reads every row of rows as the driver's Go values (nil for NULL, []any for lists) and
// closes rows. It is the one place triad turns a result set into values; a caller that must
// stream a large result (the export) scans row by row instead.
func ScanAll(rows *sql.Rows) (columns []string, values [][]any, err error) {
	defer rows.Close()
	if columns, err = rows.Columns(); err != nil {
		return nil, nil, err
	}
	for rows.Next() {
		row := make([]any, len(columns))
		ptrs := make([]any, len(columns))
		for i := range row {
			ptrs[i] = &row[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, nil, err
		}
		values = append(values, row)
	}
	return columns, values, rows.Err()
}
