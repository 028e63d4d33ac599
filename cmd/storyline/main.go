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
	"syscall"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/store/sqlite"
)

// exitError carries an exit status out of a command without printing more.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// globals are the flags every subcommand shares.
type globals struct {
	db string
}

func main() {
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
		newEvalCommand(),
		newServeCommand(g),
	)
	return root
}

// openStore opens the store named by --db, creating it for commands that
// write.
func (g *globals) openStore() (store.Store, error) {
	return sqlite.Open(g.db)
}

// openExistingStore opens the store for commands that only read: a mistyped
// --db gets an error, not a new empty store.
func (g *globals) openExistingStore() (store.Store, error) {
	if _, err := os.Stat(g.db); err != nil {
		return nil, fmt.Errorf("no store at %s (storyline run creates it; --db or STORYLINE_DB choose another)", g.db)
	}
	return sqlite.Open(g.db)
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
