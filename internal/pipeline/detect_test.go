package pipeline

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/storyline/storyline/internal/eval"
	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/store/sqlite"
	"github.com/storyline/storyline/internal/story"
)

// detectFiles ingests files into a fresh store and detects stories.
func detectFiles(t *testing.T, runs ...[]string) story.Result {
	t.Helper()
	st, res := detectInto(t, t.TempDir(), runs...)
	st.Close()
	return res
}

// detectInto is detectFiles into a store in dir, left open for the caller.
func detectInto(t testing.TB, dir string, runs ...[]string) (store.Store, story.Result) {
	t.Helper()
	st, err := sqlite.Open(filepath.Join(dir, "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	var res story.Result
	for _, args := range runs {
		if _, err := Run(context.Background(), args, st, Options{}); err != nil {
			t.Fatal(err)
		}
		if res, err = Detect(context.Background(), st, story.DefaultParams); err != nil {
			t.Fatal(err)
		}
	}
	return st, res
}

// eventsByFile maps each sample page's number (000…004) to its event and
// storyline.
func eventsByFile(t *testing.T, res story.Result, ids map[string]string) (event, storyline map[string]string) {
	event, storyline = map[string]string{}, map[string]string{}
	for _, a := range res.Assignments {
		key := ids[a.Article]
		event[key], storyline[key] = a.Event, a.Storyline
	}
	return
}

func sampleIDs(t *testing.T) map[string]string {
	ids := map[string]string{}
	arts, _, _ := runAll(t, []string{samplesDir}, nil)
	for _, a := range arts {
		ids[a.ID] = filepath.Base(a.Source.Path)[:3]
	}
	return ids
}

// TestSeedsEvents checks the product's first promise on the five pages:
// 000, 002 and 003 report one meeting; 001 an earlier event of the same
// storyline; 004 another story altogether.
func TestSeedsEvents(t *testing.T) {
	needShared(t, samplesDir)
	res := detectFiles(t, []string{samplesDir})
	ev, sl := eventsByFile(t, res, sampleIDs(t))
	// The earlier call (001) and the 2023 visit (004) stay out of the
	// Sochi event and apart from each other.
	for _, k := range []string{"000", "002", "003"} {
		if ev["001"] == ev[k] || ev["004"] == ev[k] {
			t.Errorf("001 or 004 joined the Sochi event through %s: %v", k, ev)
		}
	}
	if ev["001"] == ev["004"] {
		t.Errorf("001 and 004 in one event: %v", ev)
	}
	if sl["004"] != "" && sl["004"] == sl["000"] {
		t.Errorf("004 is in the Sochi storyline: %v", sl)
	}
	// The crisis of 2020 is one storyline: the call (001) and the reports
	// of the Sochi meeting.
	for _, k := range []string{"000", "002", "003"} {
		if sl["001"] == "" || sl[k] != sl["001"] {
			t.Errorf("001 and %s not in one storyline: %v", k, sl)
		}
	}
	// 000, 002 and 003 report the Sochi meeting.
	if ev["000"] != ev["002"] || ev["000"] != ev["003"] {
		t.Errorf("000, 002 and 003 not one event: %v", ev)
	}
}

// TestSplitRunsGiveSameEvents ingests the pages in one run and in three
// runs over parts of them: the events must be the same.
func TestSplitRunsGiveSameEvents(t *testing.T) {
	needShared(t, samplesDir)
	files, _ := filepath.Glob(filepath.Join(samplesDir, "*.txt"))
	whole := detectFiles(t, files)
	split := detectFiles(t, files[:2], files[2:3], files[3:])
	a, _ := json.Marshal(whole.Assignments)
	b, _ := json.Marshal(split.Assignments)
	if string(a) != string(b) {
		t.Errorf("split runs differ:\nwhole %s\nsplit %s", a, b)
	}
}

// TestECBPlusQuality guards the clustering figure the README states: a
// change that lowers event-level B-cubed F1 on ECB+ below the issue's
// floor fails here.
func TestECBPlusQuality(t *testing.T) {
	items, pred := detectGold(t, "../../../shared/data/ecbplus.jsonl")
	s := eval.Score(eval.Labels(items, func(it eval.Item) string { return it.Event }), pred)
	t.Logf("ECB+ events: B-cubed %+v, pairwise %+v, ARI %.3f, %d predicted clusters", s.BCubed, s.Pairwise, s.ARI, s.PredictedClusters)
	if s.BCubed.F1 < 0.90 {
		t.Errorf("ECB+ B-cubed F1 %.3f, below 0.90", s.BCubed.F1)
	}
}

// detectGold detects the stories of a gold corpus in a fresh store and
// returns its labelled items and each article's predicted event.
func detectGold(t *testing.T, path string) ([]eval.Item, map[string]string) {
	t.Helper()
	needShared(t, path)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	items, err := eval.ReadGold(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	res := detectFiles(t, []string{path})
	pred := map[string]string{}
	for _, a := range res.Assignments {
		pred[a.Article] = a.Event
	}
	return items, pred
}
