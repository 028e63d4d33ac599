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
	t0 := time.Now()
	arts, err := st.List(ctx, store.ListOptions{})
	if err != nil {
		return story.Result{}, err
	}
	t1 := time.Now()
	t.Load += t1.Sub(t0)
	docs := make([]*story.Doc, len(arts))
	parallel(len(arts), runtime.GOMAXPROCS(0), func(i int) {
		docs[i] = story.NewDoc(arts[i], p)
	})
	arts = nil // the docs hold what detection needs
	det := story.NewDetector(p)
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
