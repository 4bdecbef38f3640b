package cli

import (
	"context"
	"fmt"
	"os"

	"github.com/triad-bench/triad/db"
	"github.com/triad-bench/triad/loader"
	sqlfiles "github.com/triad-bench/triad/sql"
)

func runIngest(e *env, args []string) int {
	fs := flagSet(e, "ingest", "ROOT...")
	dbPath := fs.String("db", "triad.duckdb", "database file to write")
	strict := fs.Bool("strict", false, "exit 1 when any file fails to load or any value is dropped")
	rules := fs.String("rules", sqlfiles.Default, "rule set to apply after loading (sql/<rules>/)")
	agentName := fs.String("agent-name", "", "agent name for agent runs whose file does not name one")
	agentModel := fs.String("agent-model", "", "agent model for agent runs whose file does not name one")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if (*agentName == "") != (*agentModel == "") {
		return fail(e, "ingest", 2, fmt.Errorf("--agent-name and --agent-model go together: an agent is its name and its model"))
	}
	roots := fs.Args()
	if len(roots) == 0 {
		fmt.Fprintln(e.stderr, "triad ingest: no ROOT given")
		fs.Usage()
		return 2
	}
	for _, r := range roots {
		info, err := os.Stat(r)
		if err != nil {
			return fail(e, "ingest", 2, fmt.Errorf("root %q does not exist", r))
		}
		if !info.IsDir() {
			return fail(e, "ingest", 2, fmt.Errorf("root %q is not a directory", r))
		}
	}
	if _, err := sqlfiles.Files(*rules); err != nil {
		return fail(e, "ingest", 2, fmt.Errorf("--rules: %w", err))
	}
	database, err := db.Open(*dbPath)
	if err != nil {
		return fail(e, "ingest", 1, err)
	}
	defer database.Close()
	ctx := context.Background()
	sum, err := loader.Ingest(ctx, database, roots, loader.Options{AgentName: *agentName, AgentModel: *agentModel})
	if err != nil {
		return fail(e, "ingest", 1, err)
	}
	if err := db.Apply(ctx, database, *rules); err != nil {
		return fail(e, "ingest", 1, err)
	}
	problems, err := reportProblems(ctx, e, database)
	if err != nil {
		return fail(e, "ingest", 1, err)
	}
	fmt.Fprintln(e.stderr, sum.String())
	if *strict && problems > 0 {
		fmt.Fprintf(e.stderr, "triad ingest: --strict: %d problems (file errors and warnings)\n", problems)
		return 1
	}
	return 0
}
