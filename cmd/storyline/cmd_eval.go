package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline/internal/eval"
	"github.com/storyline/storyline/internal/ingest"
	"github.com/storyline/storyline/internal/pipeline"
	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/store/postgres"
	"github.com/storyline/storyline/internal/store/sqlite"
	"github.com/storyline/storyline/internal/story"
)

// evalReport is the machine-readable output of eval.
type evalReport struct {
	File          string                 `json:"file"`
	Articles      int                    `json:"articles"`
	Seconds       float64                `json:"seconds"`
	ArticlesPerS  float64                `json:"articles_per_second"`
	Events        eval.Scores            `json:"events"`
	Storylines    *eval.Scores           `json:"storylines,omitempty"`
	CrossLanguage *eval.PRF              `json:"cross_language_pairs,omitempty"`
	Languages     map[string]eval.Scores `json:"languages"`
}

func newEvalCommand(g *globals) *cobra.Command {
	var (
		gold        string
		asJSON      bool
		assignments string
	)
	cmd := &cobra.Command{
		Use:   "eval --gold FILE",
		Short: "Score story detection against a gold-labelled JSONL corpus",
		Long: `Run the engine on a gold JSONL corpus (one article per line: id, url, text,
event, optional storyline and lang) in a temporary store — the user's store
is not touched (with --store, a temporary schema of that database, dropped
after) — reading only id, url and text, then score its events (and
storylines, when the file has them) against the labels: B-cubed and pairwise
precision, recall and F1, adjusted Rand index, cluster counts, per-language
figures and throughput.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if gold == "" {
				return fmt.Errorf("--gold FILE is required")
			}
			rep, res, err := runEval(cmd, g, gold)
			if err != nil {
				return err
			}
			if assignments != "" {
				if err := writeAssignments(assignments, res); err != nil {
					return err
				}
			}
			out := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				return enc.Encode(rep)
			}
			printReport(out, rep)
			return nil
		},
	}
	cmd.Flags().StringVar(&gold, "gold", "", "gold JSONL file (format: ../shared/data/README.md)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the figures as one JSON object")
	cmd.Flags().StringVar(&assignments, "assignments", "", "write one JSON line per article: {\"id\", \"event\", \"storyline\"}")
	return cmd
}

func runEval(cmd *cobra.Command, g *globals, goldPath string) (evalReport, story.Result, error) {
	f, err := os.Open(goldPath)
	if err != nil {
		return evalReport{}, story.Result{}, err
	}
	items, err := eval.ReadGold(f)
	f.Close()
	if err != nil {
		return evalReport{}, story.Result{}, fmt.Errorf("%s: %w", goldPath, err)
	}
	dir, err := os.MkdirTemp("", "storyline-eval-")
	if err != nil {
		return evalReport{}, story.Result{}, err
	}
	defer os.RemoveAll(dir)

	// The engine sees only what a crawl would give it: id, url and text.
	input := filepath.Join(dir, "input.jsonl")
	if err := writeUnlabelled(input, items); err != nil {
		return evalReport{}, story.Result{}, err
	}
	var st store.Store
	if g.usePostgres() {
		// A schema of its own in the team's database, dropped after.
		pg, drop, err := postgres.OpenTemporary(cmd.Context(), g.store, "storyline_eval_")
		if err != nil {
			return evalReport{}, story.Result{}, err
		}
		defer func() {
			if err := drop(); err != nil {
				fmt.Fprintf(cmd.ErrOrStderr(), "warning: %v\n", err)
			}
		}()
		st = pg
	} else {
		lite, err := sqlite.Open(filepath.Join(dir, "eval.db"))
		if err != nil {
			return evalReport{}, story.Result{}, err
		}
		defer lite.Close()
		st = lite
	}
	start := time.Now()
	sum, err := pipeline.Run(cmd.Context(), []string{input}, st, pipeline.Options{
		Reader: ingest.Reader{},
		Problem: func(p pipeline.Problem) {
			fmt.Fprintf(cmd.ErrOrStderr(), "warning: %s\n", p.Error())
		},
	})
	if err != nil {
		return evalReport{}, story.Result{}, err
	}
	res, err := pipeline.Detect(cmd.Context(), st, story.DefaultParams)
	if err != nil {
		return evalReport{}, story.Result{}, err
	}
	secs := time.Since(start).Seconds()

	event := map[string]string{}
	storyline := map[string]string{}
	for _, a := range res.Assignments {
		event[a.Article] = a.Event
		if a.Storyline != "" {
			storyline[a.Article] = a.Storyline
		} else {
			storyline[a.Article] = a.Event // an event outside any storyline is its own
		}
	}
	rep := evalReport{
		File:         goldPath,
		Articles:     sum.Articles,
		Seconds:      round3(secs),
		ArticlesPerS: round3(float64(sum.Articles) / secs),
		Events:       eval.Score(eval.Labels(items, func(it eval.Item) string { return it.Event }), event),
		Languages:    map[string]eval.Scores{},
	}
	hasStorylines := false
	for _, it := range items {
		if it.Storyline != "" {
			hasStorylines = true
			break
		}
	}
	if hasStorylines {
		s := eval.Score(eval.Labels(items, func(it eval.Item) string { return it.Storyline }), storyline)
		rep.Storylines = &s
	}
	langs := map[string][]eval.Item{}
	group := map[string]string{}
	for _, it := range items {
		langs[it.Lang] = append(langs[it.Lang], it)
		group[it.ID] = it.Lang
	}
	if len(langs) > 1 {
		for l, its := range langs {
			if l == "" {
				continue
			}
			rep.Languages[l] = eval.Score(eval.Labels(its, func(it eval.Item) string { return it.Event }), event)
		}
		cross := eval.ScoreCrossGroup(eval.Labels(items, func(it eval.Item) string { return it.Event }), event, group)
		rep.CrossLanguage = &cross
	}
	return rep, res, nil
}

func writeUnlabelled(path string, items []eval.Item) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, it := range items {
		if err := enc.Encode(struct {
			ID   string `json:"id"`
			URL  string `json:"url,omitempty"`
			Text string `json:"text"`
		}{it.ID, it.URL, it.Text}); err != nil {
			f.Close()
			return err
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func writeAssignments(path string, res story.Result) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for _, a := range res.Assignments {
		if err := enc.Encode(map[string]string{"id": a.Article, "event": a.Event, "storyline": a.Storyline}); err != nil {
			f.Close()
			return err
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func printReport(w io.Writer, r evalReport) {
	fmt.Fprintf(w, "%s: %d articles in %.2fs (%.0f articles/s, ingest to events)\n", r.File, r.Articles, r.Seconds, r.ArticlesPerS)
	printScores(w, "events", r.Events)
	if r.Storylines != nil {
		printScores(w, "storylines", *r.Storylines)
	}
	if r.CrossLanguage != nil {
		fmt.Fprintf(w, "  cross-language pairs: pairwise P %.3f R %.3f F1 %.3f\n", r.CrossLanguage.Precision, r.CrossLanguage.Recall, r.CrossLanguage.F1)
	}
	langs := make([]string, 0, len(r.Languages))
	for l := range r.Languages {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, l := range langs {
		s := r.Languages[l]
		fmt.Fprintf(w, "  %s (%d articles): B-cubed F1 %.3f, pairwise F1 %.3f\n", l, s.Items, s.BCubed.F1, s.Pairwise.F1)
	}
}

func printScores(w io.Writer, what string, s eval.Scores) {
	fmt.Fprintf(w, "%s: B-cubed P %.3f R %.3f F1 %.3f | pairwise P %.3f R %.3f F1 %.3f | ARI %.3f | clusters gold %d, predicted %d\n",
		what, s.BCubed.Precision, s.BCubed.Recall, s.BCubed.F1, s.Pairwise.Precision, s.Pairwise.Recall, s.Pairwise.F1, s.ARI, s.GoldClusters, s.PredictedClusters)
}

func round3(x float64) float64 { return float64(int64(x*1000+0.5)) / 1000 }
