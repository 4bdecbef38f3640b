// Command triad loads three-way benchmark results into DuckDB, merges them with versioned SQL and
// renders the analysis and the published dataset from query results. See README.md.
package main

import (
	"os"

	"github.com/triad-bench/triad/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
