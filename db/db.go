package db

import (
	"context"
	"database/sql"
	"fmt"

	_ "github.com/duckdb/duckdb-go/v2" // registers the duckdb driver

	sqlfiles "github.com/triad-bench/triad/sql"
)

// Open opens (or creates) the database at path; an empty path is an in-memory database.
// One connection is kept so that temporary state and transactions behave as in one session.
func Open(path string) (*sql.DB, error) {
	db, err := sql.Open("duckdb", path)
	if err != nil {
		return nil, fmt.Errorf("failed to open database %q: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, fmt.Errorf("failed to open database %q: %w", path, err)
	}
	return db, nil
}

// Apply runs the shared SQL files and those of rule set rules in order, replacing whatever they
// defined before, and records them in applied_sql.
func Apply(ctx context.Context, db *sql.DB, rules string) error {
	files, err := sqlfiles.Files(rules)
	if err != nil {
		return err
	}
	if _, err := db.ExecContext(ctx, `CREATE OR REPLACE TABLE applied_sql (
		seq INTEGER, rules VARCHAR, file VARCHAR, sha256 VARCHAR)`); err != nil {
		return fmt.Errorf("failed to create applied_sql: %w", err)
	}
	for i, f := range files {
		if _, err := db.ExecContext(ctx, f.SQL); err != nil {
			return fmt.Errorf("failed to apply sql/%s: %w", displayName(f), err)
		}
		if _, err := db.ExecContext(ctx, "INSERT INTO applied_sql VALUES (?, ?, ?, ?)", i+1, rules, displayName(f), f.SHA256); err != nil {
			return err
		}
	}
	return nil
}

func displayName(f sqlfiles.File) string {
	if f.Rules == "" {
		return f.Name
	}
	return f.Rules + "/" + f.Name
}
