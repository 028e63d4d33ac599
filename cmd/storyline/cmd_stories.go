package main

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/story"
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
			st, err := g.openExistingStore()
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
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Show one story (event or storyline) with its articles",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := g.openExistingStore()
			if err != nil {
				return err
			}
			defer st.Close()
			ctx := cmd.Context()
			out := cmd.OutOrStdout()
			var events []story.Event
			if sl, err := st.Storyline(ctx, args[0]); err == nil {
				for _, id := range sl.Events {
					e, err := st.Event(ctx, id)
					if err != nil {
						return err
					}
					events = append(events, e)
				}
				if !asJSON {
					fmt.Fprintf(out, "Storyline %s: %d events\n\n", sl.ID, len(sl.Events))
				}
			} else {
				e, err := st.Event(ctx, args[0])
				if err != nil {
					return fmt.Errorf("%w (ids are listed by `storyline stories`)", err)
				}
				events = append(events, e)
			}
			if asJSON {
				enc := newJSONEncoder(out, true)
				for _, e := range events {
					if err := enc.Encode(e); err != nil {
						return err
					}
				}
				return nil
			}
			for i, e := range events {
				if i > 0 {
					fmt.Fprintln(out)
				}
				if err := printEvent(cmd, st, e); err != nil {
					return err
				}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the story as JSON")
	return cmd
}

func printEvent(cmd *cobra.Command, st store.Store, e story.Event) error {
	out := cmd.OutOrStdout()
	fmt.Fprintf(out, "%s\n", e.Headline)
	fmt.Fprintf(out, "event %s · %d article(s) · %d source(s) · %s · %s\n", e.ID, len(e.Articles), e.Sources, dateRange(e), orDash(strings.Join(e.Languages, ",")))
	if e.Storyline != "" {
		fmt.Fprintf(out, "storyline %s\n", e.Storyline)
	}
	if len(e.Entities) > 0 {
		names := make([]string, 0, len(e.Entities))
		for _, en := range e.Entities {
			names = append(names, fmt.Sprintf("%s (%d)", en.Name, en.Count))
		}
		fmt.Fprintf(out, "entities: %s\n", strings.Join(names, ", "))
	}
	fmt.Fprintln(out, "articles:")
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	for _, id := range e.Articles {
		a, err := st.Get(cmd.Context(), id)
		if err != nil {
			return err
		}
		copyNote := ""
		if as, err := st.Assignment(cmd.Context(), id); err == nil && as.Decision.CopyOf != "" {
			copyNote = "copy of " + as.Decision.CopyOf
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\n", id, orDash(a.Lang), publishedString(a.Published), orDash(a.Site), clipTitle(a.Title, 70), copyNote)
	}
	return tw.Flush()
}

func newWhyCommand(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "why ARTICLE",
		Short: "Explain why an article joined its event: the top candidates and the parts of their scores",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := g.openExistingStore()
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
