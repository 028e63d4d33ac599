package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/eval"
	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/story"
)

// TestTune prints eval figures for a grid of parameters on every gold
// corpus. It is how DefaultParams were chosen; set STORYLINE_TUNE=1 to run
// (and STORYLINE_TUNE=grid for the sweep; STORYLINE_PARAMS="Join=0.3;
// FigureWeight=2 AttachMin=0.1" scores those variants of the defaults).
// Each corpus gets event B-cubed precision / recall / F1 (predicted
// clusters), storyline F1 ("sl"), and for the multilingual pages the
// pairwise precision and recall over pairs of articles in different
// languages ("xl", by the gold language label).
//
// Besides each corpus alone, it scores collections mixed as a user
// feeding unrelated articles together would have them, each scored on the
// gold labels of its last part only: the ECB+ articles followed by the
// seeds ("mix-seeds"), the multilingual pages (43 of them French, on other
// stories) followed by the seeds ("mix-fr"), the ECB+ articles followed by
// the multilingual pages ("mix-ml"), and the seeds after one French page
// of the multilingual corpus ("fr1-seeds", mean over the 43 pages). Word
// and name rarity depend on the whole collection, so they measure whether
// a background in another language or on other stories glues a small
// story's events together.
func TestTune(t *testing.T) {
	if os.Getenv("STORYLINE_TUNE") == "" {
		t.Skip("set STORYLINE_TUNE=1 to sweep parameters")
	}
	type corpus struct {
		name  string
		items []eval.Item // the gold labels scored
		arts  []*article.Article
	}
	var corpora []corpus
	byName := map[string]corpus{}
	for _, name := range []string{"seeds", "ecbplus", "multilingual"} {
		path := filepath.Join("../../../shared/data", name+".jsonl")
		f, err := os.Open(path)
		if err != nil {
			t.Skip(err)
		}
		items, _ := eval.ReadGold(f)
		f.Close()
		var arts []*article.Article
		if _, err := Run(context.Background(), []string{path}, nil, Options{
			Done: func(a []*article.Article, _ []store.Outcome) {
				arts = append(arts, a...)
			},
		}); err != nil {
			t.Fatal(err)
		}
		c := corpus{name, items, arts}
		corpora = append(corpora, c)
		byName[name] = c
	}
	for _, mix := range []struct{ name, background, scored string }{
		{"mix-seeds", "ecbplus", "seeds"},
		{"mix-fr", "multilingual", "seeds"},
		{"mix-ml", "ecbplus", "multilingual"},
	} {
		bg, sc := byName[mix.background], byName[mix.scored]
		arts := append(append([]*article.Article{}, bg.arts...), sc.arts...)
		corpora = append(corpora, corpus{mix.name, sc.items, arts})
	}
	// detect scores one collection on the gold labels of items: event and
	// storyline B-cubed, and the pairwise scores of the pairs of articles
	// in different languages.
	detect := func(p story.Params, arts []*article.Article, items []eval.Item) (ev, sl eval.Scores, cross eval.PRF) {
		// Docs cache norms per detector state: each run makes its own.
		docs := make([]*story.Doc, len(arts))
		for i, a := range arts {
			docs[i] = story.NewDoc(a, p)
		}
		det := story.NewDetector(p)
		det.Prime(docs) // as pipeline.Detect does
		for _, d := range docs {
			det.Add(d)
		}
		res := det.Finish()
		gold := eval.Labels(items, func(it eval.Item) string { return it.Event })
		pred, predSL := map[string]string{}, map[string]string{}
		for _, a := range res.Assignments {
			if _, ok := gold[a.Article]; !ok {
				continue // background: not scored
			}
			pred[a.Article] = a.Event
			predSL[a.Article] = a.Storyline
			if a.Storyline == "" {
				predSL[a.Article] = a.Event // an event outside any storyline is its own
			}
		}
		ev = eval.Score(gold, pred)
		// Pairs of articles in different languages (by the gold label).
		group, langs := map[string]string{}, map[string]bool{}
		for _, it := range items {
			group[it.ID] = it.Lang
			langs[it.Lang] = true
		}
		if len(langs) > 1 {
			cross = eval.ScoreCrossGroup(gold, pred, group)
		}
		if goldSL := eval.Labels(items, func(it eval.Item) string { return it.Storyline }); len(goldSL) > 0 {
			sl = eval.Score(goldSL, predSL)
		}
		return ev, sl, cross
	}
	// One unrelated French page added to the seeds, for each French page
	// of the multilingual corpus in turn: mean F1 over the pages.
	var french []*article.Article
	for _, a := range byName["multilingual"].arts {
		if a.Lang == "fr" {
			french = append(french, a)
		}
	}
	score := func(p story.Params) string {
		out := ""
		for _, c := range corpora {
			ev, sl, cross := detect(p, c.arts, c.items)
			out += fmt.Sprintf(" %s %.3f/%.3f/%.3f(%d)", c.name, ev.BCubed.Precision, ev.BCubed.Recall, ev.BCubed.F1, ev.PredictedClusters)
			if sl.Items > 0 {
				out += fmt.Sprintf(" sl %.3f", sl.BCubed.F1)
			}
			if cross.Precision > 0 || cross.Recall > 0 {
				out += fmt.Sprintf(" xl P %.3f R %.3f", cross.Precision, cross.Recall)
			}
		}
		var evSum, slSum float64
		seeds := byName["seeds"]
		for _, page := range french {
			ev, sl, _ := detect(p, append([]*article.Article{page}, seeds.arts...), seeds.items)
			evSum += ev.BCubed.F1
			slSum += sl.BCubed.F1
		}
		if n := float64(len(french)); n > 0 {
			out += fmt.Sprintf(" fr1-seeds(%d) %.3f sl %.3f", len(french), evSum/n, slSum/n)
		}
		return out
	}
	base := story.DefaultParams
	t.Logf("default:%s", score(base))
	// STORYLINE_PARAMS="Join=0.3 Merge=0.25; Join=0.4" scores variants
	// of the defaults, one per ";".
	for _, v := range strings.Split(os.Getenv("STORYLINE_PARAMS"), ";") {
		if v = strings.TrimSpace(v); v == "" {
			continue
		}
		p := base
		for _, kv := range strings.Fields(v) {
			name, val, _ := strings.Cut(kv, "=")
			f := reflect.ValueOf(&p).Elem().FieldByName(name)
			if !f.IsValid() {
				t.Fatalf("no parameter %q", name)
			}
			x, err := strconv.ParseFloat(val, 64)
			if err != nil {
				t.Fatalf("%s: %v", kv, err)
			}
			if f.Kind() == reflect.Int {
				f.SetInt(int64(x))
			} else {
				f.SetFloat(x)
			}
		}
		t.Logf("%s:%s", v, score(p))
	}
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
