package main

import (
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/ingest"
	"github.com/storyline/storyline/internal/pipeline"
	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/story"
)

func newRunCommand(g *globals) *cobra.Command {
	var (
		maxBytes   int64
		batchSize  int
		quiet      bool
		noProgress bool
	)
	cmd := &cobra.Command{
		Use:   "run PATH...",
		Short: "Ingest and clean pages into the store, then detect stories",
		Long: `Ingest pages into the store: files, folders (walked recursively), glob
patterns, or - for standard input. Formats: .txt, .html/.htm, .json (an object
or an array of objects) and .jsonl (one object per line), optionally .gz; JSON
records carry id, url, title, text or html, published and source.

After ingesting, story detection replays every stored article in ingestion
order and the stories of several articles are printed.

A page already in the store is recognised by its id (a hash of its bytes when
the input gives none) and not stored twice. A broken input is reported, with
its file and line, and the run goes on; the exit status is 1 if any input
failed.

Pages are cleaned and stored in batches (--batch-size), each one transaction:
an article's line is printed once its batch is committed to disk, so a run
that is killed has stored at least every article it printed, and running it
again over the same inputs stores the rest.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := g.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()

			inputs, _ := ingest.Expand(args)
			var total int64
			for _, in := range inputs {
				total += in.Size
			}
			var bar *progressbar.ProgressBar
			if !noProgress && isTerminal(os.Stderr) && total > 0 {
				bar = progressbar.NewOptions64(total,
					progressbar.OptionSetWriter(os.Stderr),
					progressbar.OptionShowBytes(true),
					progressbar.OptionSetDescription("ingesting"),
					progressbar.OptionThrottle(100_000_000),
					progressbar.OptionClearOnFinish())
			}
			tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
			opts := pipeline.Options{
				Reader:    ingest.Reader{MaxBytes: maxBytes, Stdin: cmd.InOrStdin()},
				BatchSize: batchSize,
				Problem: func(p pipeline.Problem) {
					if bar != nil {
						bar.Clear()
					}
					level := "error"
					if p.Warning {
						level = "warning"
					}
					fmt.Fprintf(stderr, "%s: %s\n", level, p.Error())
				},
				Progress: func(done int64) {
					if bar != nil {
						bar.Set64(done)
					}
				},
				// Called once the batch's transaction has committed: a
				// printed line is an acknowledgement that the article is
				// stored, crash or not.
				Done: func(arts []*article.Article, outcomes []store.Outcome) {
					if quiet {
						return
					}
					for i, a := range arts {
						fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", outcomes[i], a.ID, orDash(a.Lang), publishedString(a.Published), clipTitle(a.Title, 90))
					}
					tw.Flush()
				},
			}
			sum, err := pipeline.Run(cmd.Context(), args, st, opts)
			if bar != nil {
				bar.Finish()
			}
			if err != nil {
				return err
			}
			res, err := pipeline.Detect(cmd.Context(), st, story.DefaultParams)
			if err != nil {
				return err
			}
			if !quiet && sum.Articles > 0 {
				events := storiesWorthListing(res.Events)
				sortStories(events)
				fmt.Fprintf(stdout, "\n%d events, %d of several articles, %d storylines; `storyline show ID` tells one:\n", len(res.Events), len(multiArticle(res.Events)), len(res.Storylines))
				if len(events) > 0 {
					printStories(stdout, events)
				}
			}
			count, err := st.Count(cmd.Context())
			if err != nil {
				return err
			}
			printSummary(stderr, sum, g.storeName(), count)
			fmt.Fprintf(stderr, "%d events, %d storylines\n", len(res.Events), len(res.Storylines))
			if sum.Failed > 0 {
				return exitError{1}
			}
			return nil
		},
	}
	cmd.Flags().Int64Var(&maxBytes, "max-bytes", ingest.DefaultMaxBytes, "largest page (or JSON record) accepted, in bytes")
	cmd.Flags().IntVar(&batchSize, "batch-size", pipeline.DefaultBatchSize, "pages cleaned together (sharing evidence of furniture) and stored in one transaction")
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "print only problems and the summary, not one line per article")
	cmd.Flags().BoolVar(&noProgress, "no-progress", false, "no progress bar (there is none when stderr is not a terminal)")
	return cmd
}

func printSummary(w io.Writer, s pipeline.Summary, db string, count int) {
	fmt.Fprintf(w, "%d article(s) from %d input(s): %d added, %d unchanged, %d updated; %d failed, %d warning(s)\n",
		s.Articles, s.Inputs, s.Added, s.Unchanged, s.Updated, s.Failed, s.Warnings)
	fmt.Fprintf(w, "store %s now holds %d article(s)\n", db, count)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// publishedString shows a publication date at its precision, with "~" when
// it was inferred rather than stated.
func publishedString(p article.Published) string {
	if !p.Known() {
		return "-"
	}
	var s string
	switch p.Precision {
	case article.PrecisionYear:
		s = p.Time.Format("2006")
	case article.PrecisionMonth:
		s = p.Time.Format("2006-01")
	case article.PrecisionTime:
		s = p.Time.Format("2006-01-02 15:04")
	default:
		s = p.Time.Format("2006-01-02")
	}
	if !p.Exact {
		s = "~" + s
	}
	return s
}

func clipTitle(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
