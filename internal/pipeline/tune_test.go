package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/eval"
	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/story"
)

// TestTune prints eval figures for a grid of parameters on every gold
// corpus. It is how DefaultParams were chosen; set STORYLINE_TUNE=1 to run
// (and STORYLINE_TUNE=grid for the sweep).
func TestTune(t *testing.T) {
	if os.Getenv("STORYLINE_TUNE") == "" {
		t.Skip("set STORYLINE_TUNE=1 to sweep parameters")
	}
	type corpus struct {
		name  string
		items []eval.Item
		docs  []*story.Doc
		arts  []*article.Article
	}
	var corpora []corpus
	for _, name := range []string{"seeds", "ecbplus", "multilingual"} {
		path := filepath.Join("../../../shared/data", name+".jsonl")
		f, err := os.Open(path)
		if err != nil {
			t.Skip(err)
		}
		items, _ := eval.ReadGold(f)
		f.Close()
		var docs []*story.Doc
		var arts []*article.Article
		if _, err := Run(context.Background(), []string{path}, nil, Options{
			Done: func(a []*article.Article, _ []store.Outcome) {
				for _, x := range a {
					docs = append(docs, story.NewDoc(x, story.DefaultParams))
					arts = append(arts, x)
				}
			},
		}); err != nil {
			t.Fatal(err)
		}
		corpora = append(corpora, corpus{name, items, docs, arts})
	}
	score := func(p story.Params) string {
		out := ""
		for _, c := range corpora {
			det := story.NewDetector(p)
			det.Prime(c.docs) // as pipeline.Detect does
			docs := c.docs
			if p.TitleBoost != story.DefaultParams.TitleBoost {
				docs = nil
				for _, a := range c.arts {
					docs = append(docs, story.NewDoc(a, p))
				}
				det = story.NewDetector(p)
				det.Prime(docs)
			}
			for _, d := range docs {
				det.Add(d)
			}
			res := det.Finish()
			pred := map[string]string{}
			for _, a := range res.Assignments {
				pred[a.Article] = a.Event
			}
			s := eval.Score(eval.Labels(c.items, func(it eval.Item) string { return it.Event }), pred)
			out += fmt.Sprintf(" %s %.3f/%.3f/%.3f(%d)", c.name, s.BCubed.Precision, s.BCubed.Recall, s.BCubed.F1, s.PredictedClusters)
			if gold := eval.Labels(c.items, func(it eval.Item) string { return it.Storyline }); len(gold) > 0 {
				sl := map[string]string{}
				for _, a := range res.Assignments {
					sl[a.Article] = a.Storyline
					if a.Storyline == "" {
						sl[a.Article] = a.Event
					}
				}
				out += fmt.Sprintf(" sl %.3f", eval.Score(gold, sl).BCubed.F1)
			}
		}
		return out
	}
	base := story.DefaultParams
	t.Logf("default:%s", score(base))
	if os.Getenv("STORYLINE_TUNE") != "grid" {
		return
	}
	for _, join := range []float64{0.3, 0.35, 0.4} {
		for _, merge := range []float64{0.2, 0.25} {
			p := base
			p.Join, p.Merge = join, merge
			t.Logf("join %.2f merge %.2f:%s", join, merge, score(p))
		}
	}
}
