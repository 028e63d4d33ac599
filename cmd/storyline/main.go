// Command storyline turns a stream of raw news pages into stories.
//
// Each subcommand lives in its own cmd_*.go file and stays thin: the work is
// done by the packages under internal/, one per pipeline stage.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/store/postgres"
	"github.com/storyline/storyline/internal/store/sqlite"
)

// exitError carries an exit status out of a command without printing more.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// globals are the flags every subcommand shares.
type globals struct {
	db    string
	store string // a postgres:// URL; when set, the store instead of db
	// dbChanged tells that --db was given on the command line, which
	// beats STORYLINE_STORE from the environment.
	dbChanged, storeChanged bool
}

// gcPercent is how far the heap may grow past what it holds live before
// the garbage collector runs: Go's default, 100, lets a run holding 2 GiB
// take 4 GiB. At 50 the collector runs twice as often, which costs little
// here (it marked about 2% of detection's time at the default) and holds
// a million-article run about a quarter lower. A fixed memory limit was
// tried instead and is worse: once what detection holds comes near it, the
// collector runs without pause (at 1.5 GiB, placing a million articles
// took 1,322 s against 937 s without it). GOGC or GOMEMLIMIT, when set,
// decide instead.
const gcPercent = 50

func main() {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetGCPercent(gcPercent)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := newRootCommand().ExecuteContext(ctx)
	stop()
	var ee exitError
	switch {
	case errors.As(err, &ee):
		os.Exit(ee.code)
	case err != nil:
		fmt.Fprintln(os.Stderr, "storyline:", err)
		os.Exit(1)
	}
}

func newRootCommand() *cobra.Command {
	g := &globals{}
	root := &cobra.Command{
		Use:   "storyline",
		Short: "Turn a stream of raw news pages into stories",
		Long: `storyline ingests raw news pages (text, HTML, JSON, JSON Lines), removes
the page furniture around each article, detects its language and date, and
keeps everything in an embedded store so that the next run adds to it.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().StringVar(&g.db, "db", store.DefaultPath(),
		"store file (or set STORYLINE_DB); default $XDG_DATA_HOME/storyline/storyline.db,\nelse ~/.local/share/storyline/storyline.db")
	root.PersistentFlags().StringVar(&g.store, "store", os.Getenv("STORYLINE_STORE"),
		"PostgreSQL store shared by a team, postgres://USER:PASSWORD@HOST:PORT/DB (or set\nSTORYLINE_STORE, which keeps the password out of the process list); used instead of --db")
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		g.dbChanged = cmd.Flags().Changed("db")
		g.storeChanged = cmd.Flags().Changed("store")
		if g.dbChanged && g.storeChanged {
			return errors.New("--db and --store both name a store: give one")
		}
		if g.store != "" && !g.dbChanged && !postgres.IsURL(g.store) {
			return fmt.Errorf("--store (or STORYLINE_STORE) takes a postgres:// URL, not %q; --db names the embedded store's file", postgres.Redact(g.store))
		}
		return nil
	}
	root.AddCommand(
		newRunCommand(g),
		newCleanCommand(),
		newArticlesCommand(g),
		newArticleCommand(g),
		newStoriesCommand(g),
		newShowCommand(g),
		newReportCommand(g),
		newBenchCommand(),
		newWhyCommand(g),
		newEvalCommand(g),
		newServeCommand(g),
		newMigrateCommand(),
	)
	return root
}

// usePostgres reports whether the store is the PostgreSQL one: --store or
// STORYLINE_STORE, unless --db was given on the command line.
func (g *globals) usePostgres() bool { return g.store != "" && !g.dbChanged }

// storeName names the store in messages: the file, or the URL without its
// password.
func (g *globals) storeName() string {
	if g.usePostgres() {
		return postgres.Redact(g.store)
	}
	return g.db
}

// openStore opens the store named by --store or --db, creating it (or its
// tables) for commands that write. The embedded store takes one writing
// process at a time: another gets an error saying the store is in use.
func (g *globals) openStore(ctx context.Context) (store.Store, error) {
	if g.usePostgres() {
		return postgres.Open(ctx, g.store)
	}
	return sqlite.Open(g.db)
}

// openExistingStore opens the store for commands that only read: a mistyped
// --db gets an error, not a new empty store. The embedded store is opened
// read-only, without its lock, so that these commands work beside a
// `serve` or `run` writing it; they see one snapshot of it. (A PostgreSQL
// database is opened as for writing: a mistyped URL fails to connect, and
// a database without storyline's tables gets them, empty.)
func (g *globals) openExistingStore(ctx context.Context) (store.Store, error) {
	if g.usePostgres() {
		return postgres.Open(ctx, g.store)
	}
	if _, err := os.Stat(g.db); err != nil {
		return nil, fmt.Errorf("no store at %s (storyline run creates it; --db or STORYLINE_DB choose another)", g.db)
	}
	return sqlite.OpenReadOnly(g.db)
}

// newJSONEncoder writes JSON as users read it: text unescaped (no \u003c
// for "<"), one record per line or indented for a single record.
func newJSONEncoder(w io.Writer, indent bool) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	return enc
}

// isTerminal reports whether f is a terminal, to decide on progress bars
// and colours.
func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }
