package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/store/sqlite"
	"github.com/storyline/storyline/internal/story"
)

// overlapBatch is the batch size of the overlap tests: each batch of the
// corpus overlapCorpus writes is overlapBatch-1 articles and one page that
// is all furniture.
const overlapBatch = 5

// overlapCorpus writes a JSON Lines corpus of batches batches to dir and
// returns its path and the ids of its articles, in order. The last record
// of every batch is a page with no text left after cleaning: processing it
// tells Problem, which is how the tests see that a batch is processed.
func overlapCorpus(t *testing.T, dir string, batches int) (string, []string) {
	t.Helper()
	var b strings.Builder
	var ids []string
	places := []string{"Minsk", "Sotchi", "Moscou", "Kiev", "Varsovie", "Vilnius", "Riga"}
	for k := range batches {
		for i := range overlapBatch - 1 {
			n := k*overlapBatch + i
			id := fmt.Sprintf("a%03d", n)
			text := fmt.Sprintf("Le président a rencontré %d manifestants à %s le %d septembre 2020.\nLa réunion numéro %d a duré %d heures, selon le communiqué publié le soir même.",
				100+n, places[n%len(places)], 1+n%28, n, 2+n%5)
			rec, _ := json.Marshal(map[string]string{"id": id, "url": fmt.Sprintf("https://example%d.org/%s", n%3, id), "text": text})
			b.Write(rec)
			b.WriteByte('\n')
			ids = append(ids, id)
		}
		fmt.Fprintf(&b, `{"id":"furniture%d","html":"<html><body><nav>menu</nav></body></html>"}`+"\n", k)
	}
	path := filepath.Join(dir, "corpus.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, ids
}

// batchOf is the batch of a record of overlapCorpus, by its line.
func batchOf(line int) int { return (line - 1) / overlapBatch }

// hookedStore is a real store whose Put can be made to wait or to fail.
type hookedStore struct {
	store.Store
	put  func(ctx context.Context, batch int) error // before each Put; an error fails it
	puts int                                        // Puts begun
	// committed counts the Puts that returned successfully.
	committed atomic.Int32
}

func (s *hookedStore) Put(ctx context.Context, arts []*article.Article) ([]store.Outcome, error) {
	k := s.puts
	s.puts++
	if s.put != nil {
		if err := s.put(ctx, k); err != nil {
			return nil, err
		}
	}
	out, err := s.Store.Put(ctx, arts)
	if err == nil {
		s.committed.Add(1)
	}
	return out, err
}

func openHooked(t *testing.T) *hookedStore {
	t.Helper()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &hookedStore{Store: st}
}

// callbacks records what Run tells, and fails the test when two callbacks
// run at once, or when Done tells of a batch not yet committed.
type callbacks struct {
	t        *testing.T
	st       *hookedStore
	busy     atomic.Bool
	done     [][]string // ids of each Done, in order
	outcomes []store.Outcome
	problems []Problem
	// processed[k] is closed once batch k's page of furniture is reported.
	processed []chan struct{}
}

func newCallbacks(t *testing.T, st *hookedStore, batches int) *callbacks {
	c := &callbacks{t: t, st: st}
	for range batches {
		c.processed = append(c.processed, make(chan struct{}))
	}
	return c
}

func (c *callbacks) enter() {
	if !c.busy.CompareAndSwap(false, true) {
		c.t.Error("two callbacks ran at the same time")
	}
}

func (c *callbacks) options() Options {
	return Options{
		BatchSize: overlapBatch,
		Problem: func(p Problem) {
			c.enter()
			defer c.busy.Store(false)
			c.problems = append(c.problems, p)
			if strings.Contains(p.Err.Error(), "no article text left") {
				close(c.processed[batchOf(p.Source.Line)])
			}
		},
		Done: func(arts []*article.Article, outcomes []store.Outcome) {
			c.enter()
			defer c.busy.Store(false)
			if c.st != nil && int(c.st.committed.Load()) <= len(c.done) {
				c.t.Errorf("Done told of batch %d before its Put returned", len(c.done))
			}
			var ids []string
			for _, a := range arts {
				ids = append(ids, a.ID)
			}
			c.done = append(c.done, ids)
			c.outcomes = append(c.outcomes, outcomes...)
		},
	}
}

// runWithin runs Run and fails the test if it has not returned within a
// minute: a deadlock.
func runWithin(t *testing.T, ctx context.Context, path string, st store.Store, opts Options) (Summary, error) {
	t.Helper()
	type result struct {
		sum Summary
		err error
	}
	ch := make(chan result, 1)
	go func() {
		sum, err := Run(ctx, []string{path}, st, opts)
		ch <- result{sum, err}
	}()
	select {
	case r := <-ch:
		return r.sum, r.err
	case <-time.After(time.Minute):
		t.Fatal("Run has not returned after a minute: deadlocked")
		return Summary{}, nil
	}
}

// noLeak fails the test if goroutines started since before are still
// running a moment later.
func noLeak(t *testing.T, before int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("%d goroutines before Run, %d after:\n%s", before, runtime.NumGoroutine(), buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestStoreOverlapsNextBatch makes each batch's Put wait until the next
// batch has been processed: Run must process batch k+1 while batch k is
// being stored (a run that stores and processes by turns would never
// release the Put, which gives up after a while and fails the test). Done
// must still tell each batch after its commit, in order, never at the same
// time as Problem; the store must hold what a run without a store gives,
// in the same order; the summary and timing must add up.
func TestStoreOverlapsNextBatch(t *testing.T) {
	const batches = 4
	path, ids := overlapCorpus(t, t.TempDir(), batches)
	st := openHooked(t)
	c := newCallbacks(t, st, batches)
	overlapped := 0
	st.put = func(ctx context.Context, k int) error {
		if k+1 == batches {
			return nil // nothing follows the last batch
		}
		select {
		case <-c.processed[k+1]:
			overlapped++
		case <-time.After(5 * time.Second):
			t.Errorf("batch %d was not processed while batch %d was being stored", k+1, k)
		}
		return nil
	}
	opts := c.options()
	var timing Timing
	opts.Timing = &timing
	start := time.Now()
	sum, err := runWithin(t, context.Background(), path, st, opts)
	wall := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	if overlapped != batches-1 {
		t.Errorf("%d of %d stores overlapped the next batch's processing", overlapped, batches-1)
	}

	// Done tells every batch, in input order.
	var told []string
	for k, batch := range c.done {
		if want := ids[k*(overlapBatch-1) : (k+1)*(overlapBatch-1)]; !slices.Equal(batch, want) {
			t.Errorf("Done %d told %v, want batch %d: %v", k, batch, k, want)
		}
		told = append(told, batch...)
	}
	if len(c.done) != batches {
		t.Errorf("Done called %d times, want once per batch (%d)", len(c.done), batches)
	}
	for _, o := range c.outcomes {
		if o != store.Added {
			t.Errorf("outcome %v, want all added", o)
		}
	}
	want := Summary{Inputs: 1, Articles: len(ids), Added: len(ids), Failed: batches, Bytes: sum.Bytes}
	if sum != want {
		t.Errorf("summary %+v, want %+v", sum, want)
	}

	// The store holds what a run without a store (one batch after the
	// other, nothing overlapping) gives, in the same order.
	serial := newCallbacks(t, nil, batches)
	var processed []*article.Article
	serialOpts := serial.options()
	serialOpts.Done = func(arts []*article.Article, _ []store.Outcome) { processed = append(processed, arts...) }
	if _, err := Run(context.Background(), []string{path}, nil, serialOpts); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(serial.problems, c.problems) {
		t.Errorf("problems differ from a run without a store:\n got %v\nwant %v", c.problems, serial.problems)
	}
	stored, err := st.List(context.Background(), store.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(stored) != len(processed) {
		t.Fatalf("store holds %d articles, a run without a store gives %d", len(stored), len(processed))
	}
	for i, a := range stored {
		full, err := st.Get(context.Background(), a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(full, processed[i]) {
			t.Errorf("stored article %d differs from a run without a store:\n got %+v\nwant %+v", i, full, processed[i])
		}
	}

	// Storing overlaps the rest, so only the stages of the calling
	// goroutine fit in the wall time; Store is the time spent in Put.
	if timing.Read < 0 || timing.Read+timing.Convert+timing.Clean+timing.Analyse > wall {
		t.Errorf("timing %+v does not fit in the run's %v", timing, wall)
	}
	if timing.Store <= 0 || timing.Store > wall {
		t.Errorf("store time %v, want in (0, %v]", timing.Store, wall)
	}
}

// TestStoreErrorStopsRun fails the Put of one batch (the first, one in the
// middle, the last): Run returns that error without hanging or leaving a
// goroutine behind, Done has told exactly the batches stored before it, and
// the store holds exactly those.
func TestStoreErrorStopsRun(t *testing.T) {
	const batches = 4
	path, ids := overlapCorpus(t, t.TempDir(), batches)
	failure := errors.New("disk on fire")
	for _, failAt := range []int{0, 1, batches - 1} {
		t.Run(fmt.Sprint("batch ", failAt), func(t *testing.T) {
			st := openHooked(t)
			before := runtime.NumGoroutine()
			st.put = func(ctx context.Context, k int) error {
				if k == failAt {
					return failure
				}
				// Slow, so that the failure comes while the next batch is
				// being processed or handed over.
				time.Sleep(20 * time.Millisecond)
				return nil
			}
			c := newCallbacks(t, st, batches)
			_, err := runWithin(t, context.Background(), path, st, c.options())
			if !errors.Is(err, failure) {
				t.Fatalf("Run returned %v, want the store's error", err)
			}
			if st.puts != failAt+1 {
				t.Errorf("%d Puts, want none after the failed one (%d)", st.puts, failAt+1)
			}
			if len(c.done) != failAt {
				t.Errorf("Done told %d batches, want the %d stored", len(c.done), failAt)
			}
			n, err := st.Count(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if want := failAt * (overlapBatch - 1); n != want {
				t.Errorf("store holds %d articles, want %d (%v)", n, want, ids[:want])
			}
			noLeak(t, before)
		})
	}
}

// TestCancelWhileStoring cancels the run while a batch is being stored:
// Run returns the context's error, and every article Done told of is
// stored (what is printed is durable).
func TestCancelWhileStoring(t *testing.T) {
	const batches = 4
	path, _ := overlapCorpus(t, t.TempDir(), batches)
	st := openHooked(t)
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st.put = func(ctx context.Context, k int) error {
		if k == 1 {
			cancel()
			<-ctx.Done()
		}
		return nil
	}
	c := newCallbacks(t, st, batches)
	_, err := runWithin(t, ctx, path, st, c.options())
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Run returned %v, want context.Canceled", err)
	}
	if st.puts > 2 {
		t.Errorf("%d Puts after the run was cancelled during the second", st.puts)
	}
	for _, batch := range c.done {
		for _, id := range batch {
			if _, err := st.Get(context.Background(), id); err != nil {
				t.Errorf("Done told of %s, which is not stored: %v", id, err)
			}
		}
	}
	noLeak(t, before)
}

// listCounter is a store that counts the pages detection reads.
type listCounter struct {
	store.Store
	lists    int
	maxLimit int
}

func (s *listCounter) List(ctx context.Context, opts store.ListOptions) ([]*article.Article, error) {
	s.lists++
	s.maxLimit = max(s.maxLimit, opts.Limit)
	if opts.Limit == 0 {
		s.maxLimit = -1 // everything at once
	}
	return s.Store.List(ctx, opts)
}

// TestDetectPagedSameAsWhole detects the stories of the gold corpora
// reading the store all at once and a few articles at a time: the results
// must be the same, and detection must read pages of the size asked for.
func TestDetectPagedSameAsWhole(t *testing.T) {
	for _, path := range []string{ecbPlus, multilingual} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			needShared(t, path)
			st, _ := detectInto(t, t.TempDir(), []string{path})
			defer st.Close()
			n, err := st.Count(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			detectWith := func(page int) story.Result {
				t.Helper()
				defer func(was int) { detectPage = was }(detectPage)
				detectPage = page
				counted := &listCounter{Store: st}
				var timing DetectTiming
				res, err := DetectTimed(context.Background(), counted, story.DefaultParams, &timing)
				if err != nil {
					t.Fatal(err)
				}
				if len(timing.Placements) != n {
					t.Fatalf("page %d: %d placements, want one per stored article (%d)", page, len(timing.Placements), n)
				}
				// Pages until one comes back short (perhaps empty).
				if want := n/page + 1; counted.lists != want || counted.maxLimit != page {
					t.Errorf("page %d: %d Lists of at most %d articles, want %d of %d", page, counted.lists, counted.maxLimit, want, page)
				}
				return res
			}
			whole := detectWith(n + 1)
			if len(whole.Assignments) != n {
				t.Fatalf("%d assignments for %d articles", len(whole.Assignments), n)
			}
			// 7 leaves a short last page; n a full page, then an empty one.
			for _, page := range []int{7, n} {
				if got := detectWith(page); !reflect.DeepEqual(got, whole) {
					a, _ := json.Marshal(got)
					b, _ := json.Marshal(whole)
					t.Errorf("detection reading %d articles at a time differs from reading all at once (%d vs %d bytes of JSON)", page, len(a), len(b))
				}
			}
		})
	}
}

// TestDetectReadingTwiceSameAsOnce checks that detection which lets docs go
// after counting them and makes them again for placement (as it does for a
// history longer than the detector's window) decides exactly what
// detection holding every doc decides: every assignment and every
// decision, on the German names confirmed by other languages too.
func TestDetectReadingTwiceSameAsOnce(t *testing.T) {
	for _, path := range []string{ecbPlus, multilingual} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			needShared(t, path)
			st, once := detectInto(t, t.TempDir(), []string{path})
			defer st.Close()
			defer func(was int, keep func(story.Params) int) { detectPage, keepDocs = was, keep }(detectPage, keepDocs)
			detectPage, keepDocs = 7, func(story.Params) int { return 1 }
			counted := &listCounter{Store: st}
			twice, err := Detect(context.Background(), counted, story.DefaultParams)
			if err != nil {
				t.Fatal(err)
			}
			n := len(once.Assignments)
			if want := 2 * (n/7 + 1); counted.lists < want-1 || counted.lists > want {
				t.Errorf("%d Lists of 7 articles for %d articles, want the history read twice (%d)", counted.lists, n, want)
			}
			if !reflect.DeepEqual(twice, once) {
				for i := range once.Assignments {
					if a, b := twice.Assignment(i), once.Assignment(i); !reflect.DeepEqual(a, b) {
						t.Fatalf("article %d: reading twice gives\n%+v\nreading once\n%+v", i, a, b)
					}
				}
				t.Fatal("reading twice gives other events or storylines than reading once")
			}
		})
	}
}
