package cli

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/pflag"
)

// Version is the triad version, set at build time with -ldflags "-X ...cli.Version=…".
var Version = "dev"

// command is one subcommand: its one-line summary and its entry point.
type command struct {
	summary string
	run     func(env *env, args []string) int
}

// env carries a subcommand's streams.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

var commands map[string]command

func init() {
	commands = map[string]command{
		"export":  {"write the dataset as Parquet, JSONL or CSV with a dataset card", runExport},
		"ingest":  {"load pipeline output trees into the database", runIngest},
		"check":   {"re-apply the rule set and check the dataset's invariants", runCheck},
		"report":  {"render the analysis document (markdown and SVG charts) from the named queries", runReport},
		"query":   {"run one SQL statement or a named query and print the result", runQuery},
		"shell":   {"an interactive SQL prompt on the database", runShell},
		"version": {"print the version", func(e *env, _ []string) int { fmt.Fprintln(e.stdout, "triad", Version); return 0 }},
	}
}

// Run runs triad with args (without the program name) and returns the exit code.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "triad: unknown command %q\n", args[0])
		usage(stderr)
		return 2
	}
	return cmd.run(e, args[1:])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: triad COMMAND [flags] [args]")
	fmt.Fprintln(w, "\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nrun 'triad COMMAND --help' for a command's flags")
}

// flagSet makes a subcommand's flag set; parse errors are returned, never fatal.
func flagSet(e *env, name, argsUsage string) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "usage: triad %s [flags] %s\n\nflags:\n%s", name, argsUsage, fs.FlagUsages())
	}
	fs.SortFlags = false
	return fs
}

// parse parses args; it returns (exit code, false) when the command should stop. An argument that
// starts with "--" but holds white space is SQL (a statement opening with a comment), not a flag.
func parse(fs *pflag.FlagSet, args []string) (int, bool) {
	var flags, sqlArgs []string
	for _, a := range args {
		if strings.HasPrefix(a, "-") && strings.ContainsAny(a, " \t\n") {
			sqlArgs = append(sqlArgs, a)
			continue
		}
		flags = append(flags, a)
	}
	if len(sqlArgs) > 0 {
		flags = append(append(flags, "--"), sqlArgs...)
	}
	if err := fs.Parse(flags); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return 0, false
		}
		fmt.Fprintf(fs.Output(), "triad %s: %v\n", fs.Name(), err)
		fs.Usage()
		return 2, false
	}
	return 0, true
}

// fail prints an error as "triad NAME: message" and returns code.
func fail(e *env, name string, code int, err error) int {
	fmt.Fprintf(e.stderr, "triad %s: %s\n", name, strings.TrimSpace(err.Error()))
	return code
}
