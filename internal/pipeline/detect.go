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

// keepDocs is how many docs detection holds from its first reading of the
// history rather than making them again: as many as the detector's window,
// beyond which it lets docs go anyway. A variable so that tests can make
// detection read twice.
var keepDocs = func(p story.Params) int { return p.Window }

// DetectTiming is the wall time detection spent in each step, and the time
// each article's placement took.
type DetectTiming struct {
	Load     time.Duration // reading the articles from the store
	Features time.Duration // terms, entities, dates, signatures (on every core)
	Place    time.Duration // placing each article, in order (and, for a history read twice, reading and making docs again, overlapped)
	Finish   time.Duration // consolidation, refinement, storylines
	Save     time.Duration // writing events and assignments
	// Placements holds the time each article's placement took, in order.
	Placements []time.Duration
}

// DetectTimed is Detect that records its timing in t (when not nil).
//
// Rarity is counted over the whole history before any article is placed,
// so detection reads the history twice when it is longer than the
// detector's window (story.Params.Window): a first pass counts, keeping
// nothing of an article but the counts, and a second makes each
// article's features again, a page ahead on the other cores, as
// placement takes them. A shorter history is read once and its docs kept.
func DetectTimed(ctx context.Context, st store.Store, p story.Params, t *DetectTiming) (story.Result, error) {
	if t == nil {
		t = &DetectTiming{}
	}
	// The articles are read a page at a time and each page is turned into
	// docs at once, so that only one page of article text is held, not the
	// whole history. The store only appends (an updated article keeps its
	// place), so the pages are the history in order, even while ingestion
	// goes on; the second pass reads as many articles as the first.
	workers := runtime.GOMAXPROCS(0)
	det := story.NewDetector(p)
	var kept []*story.Doc
	keep := true
	total := 0
	for {
		t0 := time.Now()
		// Once the history is known to be longer than the window, the
		// docs of this reading are only counted.
		docs, listed, err := readDocs(ctx, st, p, total, detectPage, workers, !keep)
		if err != nil {
			return story.Result{}, err
		}
		t.Load += listed
		t.Features += time.Since(t0) - listed
		t1 := time.Now()
		det.Count(docs)
		total += len(docs)
		if keep {
			kept = append(kept, docs...)
			if limit := keepDocs(p); limit > 0 && len(kept) > limit {
				keep, kept = false, nil
			}
		}
		t.Features += time.Since(t1)
		if len(docs) < detectPage {
			break
		}
	}
	t1 := time.Now()
	if keep {
		det.Prime(kept)
	} else {
		det.Primed()
	}
	t2 := time.Now()
	t.Features += t2.Sub(t1)
	t.Placements = make([]time.Duration, 0, total)
	place := func(doc *story.Doc) {
		s := time.Now()
		det.Add(doc)
		t.Placements = append(t.Placements, time.Since(s))
	}
	if keep {
		for _, doc := range kept {
			if err := ctx.Err(); err != nil {
				return story.Result{}, err
			}
			place(doc)
		}
		kept = nil
	} else if err := replay(ctx, st, p, total, workers, place); err != nil {
		return story.Result{}, err
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

// readDocs reads up to limit articles from offset and makes their docs on
// every core (for counting only, without what only placement needs, when
// countOnly); listed is the time reading took.
func readDocs(ctx context.Context, st store.Store, p story.Params, offset, limit, workers int, countOnly bool) (docs []*story.Doc, listed time.Duration, err error) {
	t0 := time.Now()
	arts, err := st.List(ctx, store.ListOptions{Limit: limit, Offset: offset})
	if err != nil {
		return nil, 0, err
	}
	listed = time.Since(t0)
	makeDoc := story.NewDoc
	if countOnly {
		makeDoc = story.NewCountedDoc
	}
	docs = make([]*story.Doc, len(arts))
	parallel(len(arts), workers, func(i int) { docs[i] = makeDoc(arts[i], p) })
	return docs, listed, nil
}

// replay makes the docs of the first total articles again, a page ahead of
// place, which takes them one at a time in order.
func replay(ctx context.Context, st store.Store, p story.Params, total, workers int, place func(*story.Doc)) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type page struct {
		docs []*story.Doc
		err  error
	}
	pages := make(chan page, 1)
	go func() {
		defer close(pages)
		for offset := 0; offset < total; {
			docs, _, err := readDocs(ctx, st, p, offset, min(detectPage, total-offset), workers, false)
			if err == nil && len(docs) == 0 {
				err = fmt.Errorf("store: %d articles counted, only %d there on the second reading", total, offset)
			}
			select {
			case pages <- page{docs, err}:
			case <-ctx.Done():
				return
			}
			if err != nil {
				return
			}
			offset += len(docs)
		}
	}()
	for pg := range pages {
		if pg.err != nil {
			return pg.err
		}
		for _, doc := range pg.docs {
			if err := ctx.Err(); err != nil {
				return err
			}
			place(doc)
		}
	}
	return ctx.Err()
}
