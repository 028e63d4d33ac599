package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/store/postgres"
	"github.com/storyline/storyline/internal/store/sqlite"
)

func newMigrateCommand() *cobra.Command {
	var from, to string
	cmd := &cobra.Command{
		Use:   "migrate --from STORE --to STORE",
		Short: "Copy a store into another: the embedded file into PostgreSQL, or back",
		Long: `Copy every article of one store into another — raw bytes included, in
ingestion order — and the stories detected there. Each STORE is a file (the
embedded store) or a postgres:// URL; a URL's password is better given in
PGPASSWORD or ~/.pgpass than on the command line.

The destination must be empty, or hold the start of the source (a copy that
was interrupted, which migrate then finishes). Stop the writers of the
source while it runs.`,
		Example: `  storyline migrate --from ~/.local/share/storyline/storyline.db --to postgres://storyline@db.example.org/storyline
  storyline migrate --from postgres://storyline@db.example.org/storyline --to backup.db`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if from == "" || to == "" {
				return errors.New("give both --from and --to")
			}
			if from == to {
				return errors.New("--from and --to name the same store")
			}
			ctx := cmd.Context()
			src, err := openNamed(ctx, from, false)
			if err != nil {
				return err
			}
			defer src.Close()
			dst, err := openNamed(ctx, to, true)
			if err != nil {
				return err
			}
			sum, err := store.Copy(ctx, dst, src, nil)
			if cerr := dst.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return fmt.Errorf("migrate %s to %s: %w", storeLabel(from), storeLabel(to), err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "copied %d article(s) from %s to %s: %d added, %d already there, %d updated; %d event(s), %d storyline(s), %d assignment(s)\n",
				sum.Articles, storeLabel(from), storeLabel(to), sum.Added, sum.Unchanged, sum.Updated, sum.Events, sum.Storylines, sum.Assignments)
			return nil
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "store to copy: a file or a postgres:// URL")
	cmd.Flags().StringVar(&to, "to", "", "store to copy into: a file or a postgres:// URL")
	return cmd
}

// openNamed opens a store named by a file path or a postgres:// URL. A
// file that does not exist is created only when create is set.
func openNamed(ctx context.Context, name string, create bool) (store.Store, error) {
	if postgres.IsURL(name) {
		return postgres.Open(ctx, name)
	}
	if !create {
		if _, err := os.Stat(name); err != nil {
			return nil, fmt.Errorf("no store at %s", name)
		}
	}
	return sqlite.Open(name)
}

// storeLabel names a store in messages, without a URL's password.
func storeLabel(name string) string {
	if postgres.IsURL(name) {
		return postgres.Redact(name)
	}
	return name
}
