// Package cli implements triad's subcommands behind one entry point, Run, so that tests drive the
// real command line in-process: Run(args, stdin, stdout, stderr) returns the exit code.
//
// Exit codes: 0 success; 1 a failure the user asked to be fatal (--strict) or a failed command;
// 2 a usage error (unknown flag or subcommand, missing argument, a root that does not exist).
package cli
