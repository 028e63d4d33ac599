package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline/internal/store"
)

func newArticlesCommand(g *globals) *cobra.Command {
	var (
		limit, offset int
		asJSON        bool
	)
	cmd := &cobra.Command{
		Use:   "articles",
		Short: "List the articles in the store",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := g.openExistingStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			arts, err := st.List(cmd.Context(), store.ListOptions{Limit: limit, Offset: offset})
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				enc := newJSONEncoder(out, false)
				for _, a := range arts {
					if err := enc.Encode(a); err != nil {
						return err
					}
				}
				return nil
			}
			tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tLANG\tPUBLISHED\tSITE\tTITLE")
			for _, a := range arts {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", a.ID, orDash(a.Lang), publishedString(a.Published), orDash(a.Site), clipTitle(a.Title, 80))
			}
			return tw.Flush()
		},
	}
	cmd.Flags().IntVar(&limit, "limit", 100, "list at most this many (0 for all)")
	cmd.Flags().IntVar(&offset, "offset", 0, "skip this many first")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON record per article")
	return cmd
}

func newArticleCommand(g *globals) *cobra.Command {
	var raw, asJSON bool
	cmd := &cobra.Command{
		Use:   "article ID",
		Short: "Show one stored article: its cleaned text, or its raw input with --raw",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := g.openExistingStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			a, err := st.Get(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			switch {
			case raw:
				_, err = out.Write(a.Raw)
				return err
			case asJSON:
				return newJSONEncoder(out, true).Encode(a)
			}
			printCleaned(cmd, a)
			return nil
		},
	}
	cmd.Flags().BoolVar(&raw, "raw", false, "print the input exactly as it was read")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the whole record as JSON")
	return cmd
}
