// Package pipeline runs the stages of storyline in order — ingest, clean,
// language and date, store — over the inputs of a run. Each stage lives in
// its own package; this one only moves records between them, in batches,
// using every core for the stages that allow it, and storing one batch while
// the next is processed, while keeping the output in input order.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/clean"
	"github.com/storyline/storyline/internal/dates"
	"github.com/storyline/storyline/internal/ingest"
	"github.com/storyline/storyline/internal/language"
	"github.com/storyline/storyline/internal/store"
)

// DefaultBatchSize is how many pages are cleaned together (sharing
// cross-page evidence) and written in one transaction.
const DefaultBatchSize = 10000

// Options configure a run.
type Options struct {
	Reader    ingest.Reader
	BatchSize int // pages per batch; DefaultBatchSize when 0
	Workers   int // goroutines for decoding and analysis; GOMAXPROCS when 0

	// Problem is told of every input or record that could not be used, and
	// of repairs made; the run goes on. It is called from the goroutine
	// that called Run, as Progress and Done are: no two of them run at
	// once.
	Problem func(Problem)
	// Progress is told of bytes read so far (of the input files' total),
	// from the goroutine that called Run.
	Progress func(bytesDone int64)
	// Done is told of each batch of articles once stored — after the
	// batch's transaction has committed, so that what Done reports is
	// durable — or, without a store, once processed, with the store's
	// outcome for each. It is called from the goroutine that called Run,
	// once per batch, in input order.
	Done func([]*article.Article, []store.Outcome)
	// Timing, when set, accumulates the time spent in each stage.
	Timing *Timing
}

// Timing is the wall time a run spent in each stage. Stages that run on
// every core (convert, analyse) count wall time, not CPU time. Storing a
// batch overlaps reading and processing the next, so Store overlaps the
// other stages, and their sum can exceed the run's wall time.
type Timing struct {
	// Read is the time of the goroutine that called Run that the other
	// stages, and waiting for the store, leave: reading and splitting the
	// inputs into records, and the callbacks.
	Read    time.Duration
	Convert time.Duration // decoding, HTML extraction, date prefixes
	Clean   time.Duration // furniture removal and titles
	Analyse time.Duration // language and publication date
	Store   time.Duration // in the store's Put, on a goroutine of its own
}

// Total is the sum of the stages: the run's CPU-bound work plus storing,
// more than its wall time when the two overlapped.
func (t Timing) Total() time.Duration { return t.Read + t.Convert + t.Clean + t.Analyse + t.Store }

// Problem is one thing a user must hear about.
type Problem struct {
	Source  article.Source
	Err     error
	Warning bool // a repair was made; the article was still ingested
}

func (p Problem) Error() string { return p.Source.String() + ": " + p.Err.Error() }

// Summary counts what a run did.
type Summary struct {
	Inputs    int
	Articles  int // articles processed (stored, if there is a store)
	Added     int
	Unchanged int
	Updated   int
	Failed    int // inputs or records that gave an error
	Warnings  int
	Bytes     int64
}

// Run ingests the inputs named by args into st (which may be nil to only
// process them, as `storyline clean` does).
//
// Storing a batch overlaps reading and processing the next one: the store
// writes on a goroutine of its own (a transaction is single-threaded, so
// the other cores would sit idle through it) while the next batch is read
// and processed on every core. At most one batch is being stored while the
// next waits, processed, so memory holds about two batches. Batches are
// stored one after another, in input order, exactly as they would be one
// at a time. Every callback — Problem, Progress and Done — is called from
// the goroutine that called Run, never two at once; a batch's Done comes
// after its transaction has committed, before the next batch's, and may
// come after the Problems of the batch that follows it. When the store
// fails, or ctx is done, Run stops, waits for the batch being stored (and
// tells Done of it if it was committed) and returns the error.
func Run(ctx context.Context, args []string, st store.Store, opts Options) (Summary, error) {
	var sum Summary
	problem := func(p Problem) {
		if p.Warning {
			sum.Warnings++
		} else {
			sum.Failed++
		}
		if opts.Problem != nil {
			opts.Problem(p)
		}
	}
	inputs, errs := ingest.Expand(args)
	for _, e := range errs {
		problem(Problem{Source: e.Source, Err: e.Err})
	}
	sum.Inputs = len(inputs)
	batchSize := opts.BatchSize
	if batchSize <= 0 {
		batchSize = DefaultBatchSize
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	cleaner := clean.New()
	reader := opts.Reader
	var read int64
	if opts.Progress != nil {
		reader.OnRead = func(n int) {
			read += int64(n)
			opts.Progress(read)
		}
	}

	timing := opts.Timing
	if timing == nil {
		timing = &Timing{}
	}
	// Reading is interleaved with the batches: it is the time of this
	// goroutine that processing and waiting for the store leave.
	start := time.Now()
	processingBefore := timing.Convert + timing.Clean + timing.Analyse
	var waited time.Duration
	defer func() {
		processing := timing.Convert + timing.Clean + timing.Analyse - processingBefore
		timing.Read += max(0, time.Since(start)-processing-waited)
	}()

	// stored accounts for a batch once it is stored (or, without a store,
	// processed) and tells Done of it.
	stored := func(b writtenBatch) error {
		timing.Store += b.took
		if b.err != nil {
			return fmt.Errorf("store: %w", b.err)
		}
		for _, o := range b.outcomes {
			switch o {
			case store.Added:
				sum.Added++
			case store.Unchanged:
				sum.Unchanged++
			case store.Updated:
				sum.Updated++
			}
		}
		sum.Articles += len(b.arts)
		if opts.Done != nil {
			opts.Done(b.arts, b.outcomes)
		}
		return nil
	}
	var w *batchWriter
	if st != nil {
		w = startBatchWriter(ctx, st)
		// Should a callback panic, the writer still ends.
		defer w.stop()
	}
	// collect takes the outcome of the batch being stored, if any: waiting
	// for it when wait is set, else only if it is already there.
	collect := func(wait bool) error {
		if w == nil || !w.busy {
			return nil
		}
		if !wait {
			b, ok := w.poll()
			if !ok {
				return nil
			}
			return stored(b)
		}
		t0 := time.Now()
		b := w.wait()
		waited += time.Since(t0)
		return stored(b)
	}
	// finish stops the writer once it has stored the batch it holds, if
	// any; a batch committed meanwhile is still told to Done.
	finish := func() error {
		if w == nil {
			return nil
		}
		t0 := time.Now()
		rest := w.stop()
		waited += time.Since(t0)
		var err error
		for _, b := range rest {
			if serr := stored(b); err == nil {
				err = serr
			}
		}
		return err
	}

	var batch []ingest.Record
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		arts := process(batch, cleaner, workers, problem, timing)
		// The records are done with; the articles keep what they need.
		clear(batch)
		batch = batch[:0]
		// The batch before must be committed, and told to Done, before
		// this one is handed over: batches commit, and are told, in order.
		if err := collect(true); err != nil {
			return err
		}
		if w == nil || len(arts) == 0 {
			return stored(writtenBatch{arts: arts})
		}
		w.store(arts)
		return nil
	}

	err := func() error {
		for _, in := range inputs {
			if err := ctx.Err(); err != nil {
				return err
			}
			var stop error
			err := reader.Read(in, func(r ingest.Record) {
				if stop != nil {
					return // the run is over: the rest of the input is not used
				}
				// Tell Done of a committed batch as soon as this goroutine
				// can, rather than once the next batch is processed.
				if stop = collect(false); stop != nil {
					return
				}
				batch = append(batch, r)
				if len(batch) >= batchSize {
					stop = flush()
				}
			}, func(e *ingest.Error) {
				problem(Problem{Source: e.Source, Err: e.Err})
			})
			if stop != nil {
				return stop
			}
			var ie *ingest.Error
			if errors.As(err, &ie) {
				problem(Problem{Source: ie.Source, Err: ie.Err})
			} else if err != nil {
				problem(Problem{Source: article.Source{Path: in.Path}, Err: err})
			}
			sum.Bytes += in.Size
		}
		return flush()
	}()
	if ferr := finish(); err == nil {
		err = ferr
	}
	return sum, err
}

// writtenBatch is a batch of articles and what storing it gave.
type writtenBatch struct {
	arts     []*article.Article
	outcomes []store.Outcome
	err      error
	took     time.Duration // in Put
}

// batchWriter stores batches with Put on a goroutine of its own, one at a
// time, in the order handed over. It holds at most one batch: store is
// called only once the previous batch's outcome has been collected.
type batchWriter struct {
	todo    chan []*article.Article
	done    chan writtenBatch // room for the one outcome, so the writer never waits
	busy    bool              // a batch was handed over and its outcome not collected
	stopped bool
}

func startBatchWriter(ctx context.Context, st store.Store) *batchWriter {
	w := &batchWriter{todo: make(chan []*article.Article), done: make(chan writtenBatch, 1)}
	go func() {
		defer close(w.done)
		for arts := range w.todo {
			t0 := time.Now()
			outcomes, err := st.Put(ctx, arts)
			w.done <- writtenBatch{arts: arts, outcomes: outcomes, err: err, took: time.Since(t0)}
		}
	}()
	return w
}

// store hands a batch over; the previous one must have been collected.
func (w *batchWriter) store(arts []*article.Article) {
	if w.busy {
		panic("pipeline: a batch handed to the store before the previous one was collected")
	}
	w.busy = true
	w.todo <- arts
}

// wait returns the outcome of the batch handed over, once it is stored.
func (w *batchWriter) wait() writtenBatch {
	w.busy = false
	return <-w.done
}

// poll returns the outcome of the batch handed over if it is stored.
func (w *batchWriter) poll() (writtenBatch, bool) {
	select {
	case b := <-w.done:
		w.busy = false
		return b, true
	default:
		return writtenBatch{}, false
	}
}

// stop ends the writer goroutine once it has stored the batch it holds,
// and returns that batch's outcome if it was not collected. Only the first
// call does anything.
func (w *batchWriter) stop() []writtenBatch {
	if w.stopped {
		return nil
	}
	w.stopped = true
	close(w.todo)
	var rest []writtenBatch
	for b := range w.done {
		rest = append(rest, b)
	}
	w.busy = false
	return rest
}

// process turns a batch of records into cleaned, analysed articles, in
// order. Records that cannot be decoded are reported and dropped.
func process(records []ingest.Record, cleaner *clean.Cleaner, workers int, problem func(Problem), timing *Timing) []*article.Article {
	t0 := time.Now()
	type prepared struct {
		doc     ingest.Document
		err     error
		page    clean.Page
		prefix  article.Published // publication date stated before cleaning
		removed []article.RemovedLine
	}
	preps := make([]prepared, len(records))
	parallel(len(records), workers, func(i int) {
		doc, err := ingest.Convert(records[i])
		if err != nil {
			preps[i].err = err
			return
		}
		p := &preps[i]
		p.doc = doc
		body := doc.Body
		// A " date 2020-09" prefix or a dateline is read before cleaning,
		// while the text is as the page gave it.
		if pub, n := dates.Publication(body, ""); pub.From == "prefix" || pub.From == "dateline" {
			p.prefix = pub
			if n > 0 {
				p.removed = append(p.removed, article.RemovedLine{Line: 1, Text: strings.TrimSpace(body[:n]), Reason: "date prefix (read as the publication date)"})
				body = body[n:]
			}
		}
		p.page = clean.Page{Site: doc.Article.Site, Title: doc.Article.Title, Text: body}
	})

	var pages []clean.Page
	var index []int
	for i := range preps {
		if preps[i].err != nil {
			problem(Problem{Source: records[i].Source, Err: preps[i].err})
			continue
		}
		if w := preps[i].doc.Warning; w != "" {
			problem(Problem{Source: records[i].Source, Err: errors.New(w), Warning: true})
		}
		pages = append(pages, preps[i].page)
		index = append(index, i)
	}
	t1 := time.Now()
	timing.Convert += t1.Sub(t0)
	results := cleaner.Clean(pages)
	t2 := time.Now()
	timing.Clean += t2.Sub(t1)
	defer func() { timing.Analyse += time.Since(t2) }()

	arts := make([]*article.Article, len(pages))
	parallel(len(pages), workers, func(k int) {
		p := &preps[index[k]]
		res := results[k]
		a := p.doc.Article
		a.Title, a.Text = res.Title, res.Text
		a.Removed = append(p.removed, res.Removed...)
		a.Lang, _ = language.Detect(a.Title, a.Text)
		switch {
		case a.Published.Known():
		case p.prefix.Known():
			a.Published = p.prefix
		default:
			a.Published, _ = dates.Publication(a.Text, a.Lang)
		}
		arts[k] = a
	})
	// A page whose every line was furniture holds no article.
	out := arts[:0]
	for k, a := range arts {
		if strings.TrimSpace(a.Text) == "" && a.Title == "" {
			problem(Problem{Source: records[index[k]].Source, Err: errors.New("no article text left after removing page furniture")})
			continue
		}
		out = append(out, a)
	}
	return out
}

// parallel runs f(0..n-1) on up to workers goroutines.
func parallel(n, workers int, f func(i int)) {
	if workers <= 1 || n < 2 {
		for i := 0; i < n; i++ {
			f(i)
		}
		return
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < min(workers, n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}
