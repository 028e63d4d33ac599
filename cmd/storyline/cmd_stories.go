package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline/internal/pipeline"
	"github.com/storyline/storyline/internal/render"
	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/story"
	"github.com/storyline/storyline/internal/tell"
)

func newStoriesCommand(g *globals) *cobra.Command {
	var (
		asJSON bool
		limit  int
		all    bool
	)
	cmd := &cobra.Command{
		Use:   "stories",
		Short: "List the stories: events of several articles or in a storyline, most sources first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := g.openExistingStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			events, err := st.Events(cmd.Context())
			if err != nil {
				return err
			}
			if !all {
				events = storiesWorthListing(events)
			}
			sortStories(events)
			if limit > 0 && len(events) > limit {
				events = events[:limit]
			}
			if asJSON {
				enc := newJSONEncoder(cmd.OutOrStdout(), false)
				for _, e := range events {
					if err := enc.Encode(e); err != nil {
						return err
					}
				}
				return nil
			}
			printStories(cmd.OutOrStdout(), events)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON record per story")
	cmd.Flags().IntVar(&limit, "limit", 50, "list at most this many (0 for all)")
	cmd.Flags().BoolVar(&all, "all", false, "include single-article events outside any storyline")
	return cmd
}

// multiArticle keeps the events reported by more than one article.
func multiArticle(events []story.Event) []story.Event {
	out := events[:0:0]
	for _, e := range events {
		if len(e.Articles) > 1 {
			out = append(out, e)
		}
	}
	return out
}

// storiesWorthListing keeps the events of several articles and those that
// belong to a storyline.
func storiesWorthListing(events []story.Event) []story.Event {
	out := events[:0:0]
	for _, e := range events {
		if len(e.Articles) > 1 || e.Storyline != "" {
			out = append(out, e)
		}
	}
	return out
}

// sortStories puts stories with more sources first, then more articles,
// then the most recent.
func sortStories(events []story.Event) {
	slices.SortStableFunc(events, func(a, b story.Event) int {
		if c := cmp.Compare(b.Sources, a.Sources); c != 0 {
			return c
		}
		if c := cmp.Compare(len(b.Articles), len(a.Articles)); c != 0 {
			return c
		}
		return b.Last.Compare(a.Last)
	})
}

func printStories(w io.Writer, events []story.Event) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tARTICLES\tSOURCES\tDATES\tLANG\tSTORYLINE\tHEADLINE")
	for _, e := range events {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t%s\t%s\n", e.ID, len(e.Articles), e.Sources, dateRange(e),
			orDash(strings.Join(e.Languages, ",")), orDash(e.Storyline), clipTitle(e.Headline, 80))
	}
	tw.Flush()
}

func dateRange(e story.Event) string {
	switch {
	case e.First.IsZero():
		return "-"
	case e.First.Equal(e.Last):
		return e.First.Format("2006-01-02")
	}
	return e.First.Format("2006-01-02") + ".." + e.Last.Format("2006-01-02")
}

func newShowCommand(g *globals) *cobra.Command {
	var (
		format string
		asJSON bool
		lang   string
	)
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Tell one story (event or storyline): headline, summary, timeline, entities, sources, facts",
		Long: `Tell one story: an event (e-…) or a storyline (s-…), as listed by
"storyline stories". The headline and summary are in the language asked
for with --lang when the story has articles in it, else in the language
most of its articles are in.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if asJSON {
				format = "json"
			}
			if format != "text" && format != "json" && format != "markdown" {
				return fmt.Errorf("unknown --format %q: use text, json or markdown", format)
			}
			st, err := g.openExistingStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			s, err := pipeline.Tell(cmd.Context(), st, args[0], tell.Options{Lang: lang})
			if errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("no event or storyline %q (ids are listed by `storyline stories`)", args[0])
			}
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			switch format {
			case "json":
				return newJSONEncoder(out, true).Encode(s)
			case "markdown":
				return render.Markdown(out, s)
			}
			return render.Text(out, s)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "text, json or markdown")
	cmd.Flags().BoolVar(&asJSON, "json", false, "same as --format json")
	cmd.Flags().StringVar(&lang, "lang", "", "tell the story in this language (ISO 639-1) when it has articles in it")
	return cmd
}

func newReportCommand(g *globals) *cobra.Command {
	var (
		out  string
		lang string
		all  bool
	)
	cmd := &cobra.Command{
		Use:   "report --out DIR",
		Short: "Write a static HTML report: an index of the stories and one page per story",
		Long: `Write a static HTML report into DIR: index.html lists the stories
(storylines, then events of several articles or in a storyline, most
sources first) and stories/ holds one page per story. It opens in a
browser without a server; all page text is escaped.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return errors.New("--out DIR is required")
			}
			st, err := g.openExistingStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			ctx := cmd.Context()
			events, err := st.Events(ctx)
			if err != nil {
				return err
			}
			if !all {
				events = storiesWorthListing(events)
			}
			sortStories(events)
			opt := tell.Options{Lang: lang}
			var stories []tell.Story
			told := map[string]tell.Story{}
			for _, ev := range events {
				s, err := pipeline.TellEvent(ctx, st, ev, opt)
				if err != nil {
					return err
				}
				told[ev.ID] = s
				stories = append(stories, s)
			}
			// Storylines come first: each is told from its events.
			var lines []tell.Story
			seen := map[string]bool{}
			for _, ev := range events {
				if ev.Storyline == "" || seen[ev.Storyline] {
					continue
				}
				seen[ev.Storyline] = true
				sl, err := st.Storyline(ctx, ev.Storyline)
				if err != nil {
					return err
				}
				var parts []tell.Story
				for _, id := range sl.Events {
					s, ok := told[id]
					if !ok {
						e, err := st.Event(ctx, id)
						if err != nil {
							return err
						}
						if s, err = pipeline.TellEvent(ctx, st, e, opt); err != nil {
							return err
						}
					}
					parts = append(parts, s)
				}
				lines = append(lines, tell.Storyline(sl, parts))
			}
			stories = append(lines, stories...)
			if err := render.Report(out, stories, time.Now()); err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "wrote %d stories to %s\n", len(stories), filepath.Join(out, "index.html"))
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "directory to write the report into (created if needed)")
	cmd.Flags().StringVar(&lang, "lang", "", "tell stories in this language (ISO 639-1) where they have articles in it")
	cmd.Flags().BoolVar(&all, "all", false, "include single-article events outside any storyline")
	return cmd
}

func newWhyCommand(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "why ARTICLE",
		Short: "Explain why an article joined its event: the top candidates and the parts of their scores",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := g.openExistingStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			as, err := st.Assignment(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				return newJSONEncoder(out, true).Encode(as)
			}
			d := as.Decision
			fmt.Fprintf(out, "article %s is in event %s", as.Article, as.Event)
			if as.Storyline != "" {
				fmt.Fprintf(out, " (storyline %s)", as.Storyline)
			}
			fmt.Fprintln(out)
			switch {
			case d.CopyOf != "":
				fmt.Fprintf(out, "it is a near-copy of %s (similarity %.3f) and joined that article's event\n", d.CopyOf, d.CopyScore)
			case d.New:
				fmt.Fprintf(out, "it opened a new event: no candidate reached the threshold %.3f\n", d.Threshold)
			default:
				fmt.Fprintf(out, "it joined the best candidate, score %.3f ≥ threshold %.3f\n", d.Score, d.Threshold)
			}
			if d.Event != as.Event && !d.New {
				fmt.Fprintf(out, "(placed in %s, which consolidation later merged into %s)\n", d.Event, as.Event)
			} else if d.New && d.Event != as.Event {
				fmt.Fprintf(out, "(its event %s was later merged into %s)\n", d.Event, as.Event)
			}
			if len(d.Candidates) == 0 {
				fmt.Fprintln(out, "no candidate events shared an entity or a rare term with it")
				return nil
			}
			fmt.Fprintln(out, "\ncandidates (score = mix of text and entity similarity × time factor):")
			tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "  EVENT\tSCORE\tTEXT\tENTITIES\tTIME\tARTICLES\tSHARED ENTITIES")
			for _, c := range d.Candidates {
				fmt.Fprintf(tw, "  %s\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t%s\n", c.Event, c.Score, c.Text, c.Entity, c.Time, c.Articles, clipTitle(strings.Join(c.Shared, ", "), 60))
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the decision as JSON")
	return cmd
}
