package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/store/sqlite"
	"github.com/storyline/storyline/internal/store/storetest"
	"github.com/storyline/storyline/internal/story"
)

// openIn returns an opener of new stores in a temporary folder.
func openIn(b *testing.B) func(b *testing.B) store.Store {
	dir := b.TempDir()
	n := 0
	return func(b *testing.B) store.Store {
		n++
		s, err := sqlite.Open(filepath.Join(dir, fmt.Sprintf("s%d.db", n)))
		if err != nil {
			b.Fatal(err)
		}
		return s
	}
}

// BenchmarkPutECB: see storetest.BenchmarkPutECB; the same runs on
// PostgreSQL in store/postgres.
func BenchmarkPutECB(b *testing.B) { storetest.BenchmarkPutECB(b, openIn(b)) }

// BenchmarkListECB: see storetest.BenchmarkListECB.
func BenchmarkListECB(b *testing.B) { storetest.BenchmarkListECB(b, openIn(b)) }

// BenchmarkPutECBLarge writes 100,000 ECB+ articles (the corpus repeated
// under new ids) into a fresh store in batches of 10,000, as a large run
// does: the rate there, with the index and the search index growing, is
// what the end-to-end target of 5,000 articles/s is set at. Opening the
// store is not timed; closing it (the last checkpoint) is. The context can
// be cancelled, as a run's can (Ctrl-C), which costs the driver more per
// statement than context.Background.
func BenchmarkPutECBLarge(b *testing.B) {
	const total, batch = 100_000, 10_000
	arts := storetest.ECBArticles(b, total)
	open := openIn(b)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for b.Loop() {
		b.StopTimer()
		s := open(b)
		b.StartTimer()
		for i := 0; i < len(arts); i += batch {
			if _, err := s.Put(ctx, arts[i:i+batch]); err != nil {
				b.Fatal(err)
			}
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*total)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkSaveStories saves a detection outcome for 100,000 articles
// (and 1,000,000 with STORYLINE_LONG=1): one event per five articles,
// a storyline per four events, each assignment with the five candidates
// detection records, into a store that already holds the previous
// outcome, as every run after the first finds it; with a context that can
// be cancelled, as a run's.
func BenchmarkSaveStories(b *testing.B) {
	sizes := []int{100_000}
	if os.Getenv("STORYLINE_LONG") != "" {
		sizes = append(sizes, 1_000_000)
	}
	for _, n := range sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			res := syntheticResult(n)
			s := openIn(b)(b)
			defer s.Close()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if err := s.SaveStories(ctx, res); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if err := s.SaveStories(ctx, res); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N*n)/b.Elapsed().Seconds(), "assignments/s")
		})
	}
}

// syntheticResult is a detection outcome shaped like a real one for n
// articles.
func syntheticResult(n int) story.Result {
	const perEvent, perStoryline = 5, 4
	var res story.Result
	day := time.Date(2020, 9, 14, 0, 0, 0, 0, time.UTC)
	for e := 0; e*perEvent < n; e++ {
		ev := story.Event{
			ID: fmt.Sprintf("e%07d", e), Headline: "Poutine reçoit Loukachenko à Sotchi pour parler de la Biélorussie",
			Sources: 3, Languages: []string{"en", "fr"}, First: day, Last: day.AddDate(0, 0, e%7),
			Entities: []story.EntityRef{{Key: "loukachenko", Name: "Loukachenko", Kind: "person", Count: 4},
				{Key: "sotchi", Name: "Sotchi", Kind: "place", Count: 2}},
		}
		if e%perStoryline != 3 {
			ev.Storyline = fmt.Sprintf("s%07d", e/perStoryline)
		}
		for a := e * perEvent; a < min(n, (e+1)*perEvent); a++ {
			ev.Articles = append(ev.Articles, fmt.Sprintf("%08d", a))
		}
		res.Events = append(res.Events, ev)
		if e%perStoryline == 0 {
			sl := story.Storyline{ID: fmt.Sprintf("s%07d", e/perStoryline)}
			for k := e; k < e+perStoryline-1; k++ {
				sl.Events = append(sl.Events, fmt.Sprintf("e%07d", k))
			}
			res.Storylines = append(res.Storylines, sl)
		}
		for _, id := range ev.Articles {
			d := story.Decision{Doc: id, Event: ev.ID, Score: 0.61803, Threshold: 0.35}
			for c := 0; c < 5; c++ {
				d.Candidates = append(d.Candidates, story.Candidate{Event: fmt.Sprintf("e%07d", max(0, e-c)),
					Score: 0.5 / float64(c+1), Text: 0.4 / float64(c+1), Entity: 0.25, Time: 0.9,
					Shared: []string{"loukachenko"}, Articles: c + 1})
			}
			res.Assignments = append(res.Assignments, story.Assignment{Article: id, Event: ev.ID, Storyline: ev.Storyline, Decision: d})
		}
	}
	return res
}
