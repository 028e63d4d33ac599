package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"time"

	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/story"
)

// Detect runs story detection over every stored article, in ingestion
// order, and saves the outcome. Replaying the whole history keeps the
// result independent of how the input was split across runs: the same
// articles in the same order give the same events.
func Detect(ctx context.Context, st store.Store, p story.Params) (story.Result, error) {
	return DetectTimed(ctx, st, p, nil)
}

// detectPage is how many articles detection reads from the store at a
// time. A page of article text is a few tens of megabytes; fewer, larger
// pages matter because the store skips each page's offset row by row (about
// 40 ns a row in SQLite), which is quadratic in the history: some 2 s over
// 1M articles at 10,000 a page. A variable so that tests can page finely.
var detectPage = 10000

// DetectTiming is the wall time detection spent in each step, and the time
// each article's placement took.
type DetectTiming struct {
	Load     time.Duration // reading the articles from the store
	Features time.Duration // terms, entities, dates, signatures (on every core)
	Place    time.Duration // placing each article, in order
	Finish   time.Duration // consolidation, refinement, storylines
	Save     time.Duration // writing events and assignments
	// Placements holds the time each article's placement took, in order.
	Placements []time.Duration
}

// DetectTimed is Detect that records its timing in t (when not nil).
func DetectTimed(ctx context.Context, st store.Store, p story.Params, t *DetectTiming) (story.Result, error) {
	if t == nil {
		t = &DetectTiming{}
	}
	// The articles are read a page at a time and each page is turned into
	// docs at once, so that only one page of article text is held, not the
	// whole history. The store only appends (an updated article keeps its
	// place), so the pages are the history in order, even while ingestion
	// goes on.
	workers := runtime.GOMAXPROCS(0)
	det := story.NewDetector(p)
	var docs []*story.Doc
	for offset := 0; ; {
		t0 := time.Now()
		arts, err := st.List(ctx, store.ListOptions{Limit: detectPage, Offset: offset})
		if err != nil {
			return story.Result{}, err
		}
		t1 := time.Now()
		t.Load += t1.Sub(t0)
		n := len(docs)
		docs = append(docs, make([]*story.Doc, len(arts))...)
		parallel(len(arts), workers, func(i int) {
			docs[n+i] = story.NewDoc(arts[i], p)
		})
		det.Count(docs[n:])
		t.Features += time.Since(t1)
		if len(arts) < detectPage {
			break
		}
		offset += len(arts)
	}
	t1 := time.Now()
	det.Prime(docs)
	t2 := time.Now()
	t.Features += t2.Sub(t1)
	t.Placements = make([]time.Duration, 0, len(docs))
	for _, doc := range docs {
		if err := ctx.Err(); err != nil {
			return story.Result{}, err
		}
		s := time.Now()
		det.Add(doc)
		t.Placements = append(t.Placements, time.Since(s))
	}
	t3 := time.Now()
	t.Place += t3.Sub(t2)
	res := det.Finish()
	t4 := time.Now()
	t.Finish += t4.Sub(t3)
	if err := st.SaveStories(ctx, res); err != nil {
		return story.Result{}, fmt.Errorf("store: %w", err)
	}
	t.Save += time.Since(t4)
	return res, nil
}
