package cli

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"strings"
)

const shellHelp = `statements end with ';' and may span lines
.tables          list tables and views
.schema NAME     show the columns of a table or view
.mode FORMAT     print results as table, csv, json or md
.help            this text
.quit            leave (so does end of input)
`

func runShell(e *env, args []string) int {
	fs := flagSet(e, "shell", "")
	dbPath := fs.String("db", "triad.duckdb", "database file to open")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 0 {
		fmt.Fprintln(e.stderr, "triad shell: takes no arguments (statements come from stdin)")
		return 2
	}
	database, err := openExisting(*dbPath)
	if err != nil {
		return fail(e, "shell", 1, err)
	}
	defer database.Close()
	sh := &shell{env: e, db: database, mode: "table", interactive: isTerminal(e.stdin)}
	if sh.interactive {
		fmt.Fprintf(e.stdout, "triad shell on %s — .help for help\n", *dbPath)
	}
	if err := sh.loop(); err != nil {
		return fail(e, "shell", 1, err)
	}
	return sh.exit
}

// shell is an interactive SQL prompt; it works the same when stdin is a pipe, minus the prompts.
type shell struct {
	*env
	db          *sql.DB
	mode        string
	interactive bool
	exit        int // 1 when a statement failed and stdin is not a terminal, as a script would expect
}

func (sh *shell) prompt(continued bool) {
	if !sh.interactive {
		return
	}
	if continued {
		fmt.Fprint(sh.stdout, "   ...> ")
	} else {
		fmt.Fprint(sh.stdout, "triad> ")
	}
}

func (sh *shell) loop() error {
	in := bufio.NewScanner(sh.stdin)
	in.Buffer(make([]byte, 1<<20), 64<<20)
	pending := ""
	sh.prompt(false)
	for in.Scan() {
		line := in.Text()
		if pending == "" && strings.HasPrefix(strings.TrimSpace(line), ".") {
			if quit := sh.dot(strings.TrimSpace(line)); quit {
				return nil
			}
			sh.prompt(false)
			continue
		}
		// A statement ends at a semicolon outside quotes and comments, wherever it is on the line;
		// one line may hold several statements, and a quoted string may span lines.
		statements, rest := splitStatements(pending + line + "\n")
		for _, stmt := range statements {
			sh.statement(stmt)
		}
		pending = ""
		if rest != "" {
			pending = rest + "\n"
		}
		sh.prompt(pending != "")
	}
	if err := in.Err(); err != nil {
		return err
	}
	if rest := strings.TrimSpace(pending); rest != "" && !onlyComments(rest) {
		// A last statement without its ';' still runs: the input has ended, nothing else can follow.
		sh.statement(rest)
	}
	if sh.interactive {
		fmt.Fprintln(sh.stdout)
	}
	return nil
}

// onlyComments reports whether SQL text holds nothing but line comments.
func onlyComments(text string) bool {
	for _, line := range strings.Split(text, "\n") {
		if l := strings.TrimSpace(line); l != "" && !strings.HasPrefix(l, "--") {
			return false
		}
	}
	return true
}

func (sh *shell) statement(stmt string) {
	if err := runStatement(context.Background(), sh.db, stmt, sh.stdout, sh.mode); err != nil {
		sh.failed(strings.TrimSpace(err.Error()))
	}
}

// failed prints an error; from a pipe it also makes the shell exit 1, as a script would expect.
func (sh *shell) failed(msg string) {
	fmt.Fprintf(sh.stderr, "error: %s\n", msg)
	if !sh.interactive {
		sh.exit = 1
	}
}

// dot runs a dot command and reports whether the shell should quit.
func (sh *shell) dot(cmd string) bool {
	fields := strings.Fields(cmd)
	switch fields[0] {
	case ".quit", ".exit", ".q":
		return true
	case ".help":
		io.WriteString(sh.stdout, shellHelp)
	case ".tables":
		sh.statement(`SELECT table_name AS name, lower(table_type) AS type
			FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name`)
	case ".schema":
		if len(fields) != 2 {
			sh.failed("usage: .schema NAME")
			return false
		}
		sh.schema(fields[1])
	case ".mode":
		if len(fields) != 2 || !validFormat(fields[1]) {
			sh.failed("usage: .mode table|csv|json|md")
			return false
		}
		sh.mode = fields[1]
	default:
		sh.failed(fmt.Sprintf("unknown command %s (.help lists them)", fields[0]))
	}
	return false
}

func (sh *shell) schema(name string) {
	rows, err := sh.db.Query(`SELECT column_name AS column, data_type AS type, is_nullable AS nullable
		FROM information_schema.columns WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position`, name)
	if err != nil {
		sh.failed(err.Error())
		return
	}
	defer rows.Close()
	res, err := collect(rows)
	if err != nil {
		sh.failed(err.Error())
		return
	}
	if len(res.rows) == 0 {
		sh.failed(fmt.Sprintf("no table or view named %q", name))
		return
	}
	res.write(sh.stdout, sh.mode)
}

func validFormat(f string) bool {
	switch f {
	case "table", "csv", "json", "md":
		return true
	}
	return false
}

// isTerminal reports whether r is an interactive terminal (a character device).
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
