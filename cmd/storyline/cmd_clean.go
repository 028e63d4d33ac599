package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/ingest"
	"github.com/storyline/storyline/internal/pipeline"
	"github.com/storyline/storyline/internal/store"
)

func newCleanCommand() *cobra.Command {
	var (
		asJSON   bool
		maxBytes int64
	)
	cmd := &cobra.Command{
		Use:   "clean FILE...",
		Short: "Show what the cleaner keeps and removes, without storing anything",
		Long: `Print, page after page, the title and the text the cleaner kept, then the
lines it removed and why. Several files are cleaned together, with the same
cross-page evidence (lines recurring across pages) as a run over them.
--json prints one JSON record per page instead, with the removed lines listed
separately.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			out, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
			enc := newJSONEncoder(out, false)
			first := true
			opts := pipeline.Options{
				Reader: ingest.Reader{MaxBytes: maxBytes, Stdin: cmd.InOrStdin()},
				Problem: func(p pipeline.Problem) {
					level := "error"
					if p.Warning {
						level = "warning"
					}
					fmt.Fprintf(stderr, "%s: %s\n", level, p.Error())
				},
				Done: func(arts []*article.Article, _ []store.Outcome) {
					for _, a := range arts {
						if asJSON {
							enc.Encode(a)
							continue
						}
						if !first {
							fmt.Fprintln(out)
						}
						first = false
						printCleaned(cmd, a)
					}
				},
			}
			sum, err := pipeline.Run(cmd.Context(), args, nil, opts)
			if err != nil {
				return err
			}
			if sum.Failed > 0 {
				return exitError{1}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON record per page")
	cmd.Flags().Int64Var(&maxBytes, "max-bytes", ingest.DefaultMaxBytes, "largest page (or JSON record) accepted, in bytes")
	return cmd
}

func printCleaned(cmd *cobra.Command, a *article.Article) {
	out := cmd.OutOrStdout()
	fmt.Fprintf(out, "== %s (id %s)\n", a.Source, a.ID)
	fmt.Fprintf(out, "Title: %s\n", a.Title)
	fmt.Fprintf(out, "Language: %s   Published: %s", orDash(a.Lang), publishedString(a.Published))
	if a.Published.Known() {
		fmt.Fprintf(out, " (%s, from %s)", a.Published.Precision, a.Published.From)
	}
	fmt.Fprintln(out)
	fmt.Fprintln(out)
	fmt.Fprintln(out, a.Text)
	if len(a.Removed) > 0 {
		fmt.Fprintf(out, "\n-- removed %d line(s):\n", len(a.Removed))
		for _, r := range a.Removed {
			fmt.Fprintf(out, "  line %d [%s]: %s\n", r.Line, r.Reason, clipTitle(r.Text, 100))
		}
	}
}
