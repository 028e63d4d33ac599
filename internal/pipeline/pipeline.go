// Package pipeline runs the stages of storyline in order — ingest, clean,
// language and date, store — over the inputs of a run. Each stage lives in
// its own package; this one only moves records between them, in batches,
// using every core for the stages that allow it while keeping the output in
// input order.
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
	// of repairs made; the run goes on. It is called from one goroutine.
	Problem func(Problem)
	// Progress is told of bytes read so far (of the input files' total),
	// from the goroutine that called Run.
	Progress func(bytesDone int64)
	// Done is told of each batch of articles once stored — after the
	// batch's transaction has committed, so that what Done reports is
	// durable — or, without a store, once processed, with the store's
	// outcome for each.
	Done func([]*article.Article, []store.Outcome)
	// Timing, when set, accumulates the time spent in each stage.
	Timing *Timing
}

// Timing is the wall time a run spent in each stage. Stages that run on
// every core (convert, analyse) count wall time, not CPU time.
type Timing struct {
	Read    time.Duration // reading and splitting the inputs into records
	Convert time.Duration // decoding, HTML extraction, date prefixes
	Clean   time.Duration // furniture removal and titles
	Analyse time.Duration // language and publication date
	Store   time.Duration // writing to the store
}

// Total is the sum of the stages.
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
	// Reading is interleaved with the batches: it is the run's time that
	// the other stages leave.
	start, before := time.Now(), timing.Total()-timing.Read
	defer func() { timing.Read += time.Since(start) - (timing.Total() - timing.Read - before) }()

	var batch []ingest.Record
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		arts := process(batch, cleaner, workers, problem, timing)
		batch = batch[:0]
		var outcomes []store.Outcome
		if st != nil && len(arts) > 0 {
			var err error
			t0 := time.Now()
			outcomes, err = st.Put(ctx, arts)
			timing.Store += time.Since(t0)
			if err != nil {
				return fmt.Errorf("store: %w", err)
			}
			for _, o := range outcomes {
				switch o {
				case store.Added:
					sum.Added++
				case store.Unchanged:
					sum.Unchanged++
				case store.Updated:
					sum.Updated++
				}
			}
		}
		sum.Articles += len(arts)
		if opts.Done != nil {
			opts.Done(arts, outcomes)
		}
		return nil
	}

	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		var flushErr error
		err := reader.Read(in, func(r ingest.Record) {
			batch = append(batch, r)
			if len(batch) >= batchSize && flushErr == nil {
				flushErr = flush()
			}
		}, func(e *ingest.Error) {
			problem(Problem{Source: e.Source, Err: e.Err})
		})
		if flushErr != nil {
			return sum, flushErr
		}
		var ie *ingest.Error
		if errors.As(err, &ie) {
			problem(Problem{Source: ie.Source, Err: ie.Err})
		} else if err != nil {
			problem(Problem{Source: article.Source{Path: in.Path}, Err: err})
		}
		sum.Bytes += in.Size
	}
	if err := flush(); err != nil {
		return sum, err
	}
	return sum, nil
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
