package serve

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/storyline/storyline/internal/pipeline"
	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/store/postgres"
	"github.com/storyline/storyline/internal/story"
)

// Several servers on one PostgreSQL store (Config.Shared) all serve reads
// and take writes, and coordinate through the database
// (store/postgres/coordinate.go):
//
//   - A post is stored as a job of the database's ingest queue before it
//     is handed to this server's worker, which claims it there (SKIP
//     LOCKED) and answers the post with what the pipeline did. Every
//     worker also sweeps the queue for jobs left waiting longer than
//     OrphanAge — those of a server that died with them — and ingests
//     them. A job ingested twice (its first worker died after storing)
//     finds its articles stored and changes nothing.
//   - Detection runs only on the server that holds the lease, renewed
//     every LeaseTTL/3 and taken over by another server once it expires.
//     The holder detects when the store's change counter is ahead of
//     what the saved stories cover, and saves them fenced by the lease.
//     The other servers reload the saved stories when their generation
//     changes, so that every server serves the same ones.

// Defaults for the shared mode.
const (
	DefaultLeaseTTL  = 5 * time.Second
	DefaultOrphanAge = 30 * time.Second
	// resultPoll is how often a post whose job another server took looks
	// for its result.
	resultPoll = 100 * time.Millisecond
	// jobRetention is how long done jobs stay in the queue table.
	jobRetention = time.Hour
)

// leaseName names the detection lease in the leases table.
const leaseName = "detect"

// instanceName makes a name for this server among those sharing the
// database: the host and a random suffix, so that a restarted server is a
// new holder.
func instanceName() string {
	host, _ := os.Hostname()
	var b [4]byte
	rand.Read(b[:])
	return host + "-" + hex.EncodeToString(b[:])
}

// storedResult is a job's result as the queue keeps it: the answer to its
// post, or the error that made it fail for good.
type storedResult struct {
	ingestResult
	Error string `json:"error,omitempty"`
}

// enqueueShared stores the job in the database's queue, then hands it to
// this server's worker. A full local queue is refused before anything is
// stored, so that a 503 means nothing was taken.
func (s *Server) enqueueShared(ctx context.Context, job *ingestJob, wait bool) error {
	s.queueMu.RLock()
	defer s.queueMu.RUnlock()
	if s.queueClosed {
		return errShuttingDown
	}
	if !wait && len(s.queue) >= cap(s.queue) {
		return errQueueFull
	}
	id, err := s.cfg.Shared.Enqueue(ctx, job.from, job.body, s.cfg.Instance)
	if err != nil {
		return err
	}
	job.id = id
	job.enqueued = time.Now()
	select {
	case s.queue <- job:
		return nil
	default:
	}
	if wait {
		select {
		case s.queue <- job:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	// Stored but no room here: a sweep takes it (here or on another
	// server); the post waits for its result in the database, for as long
	// as its client does.
	go s.awaitResult(ctx, job)
	return nil
}

// ingestLoopShared is the worker of a server sharing its store: the jobs
// posted here first, and a sweep of the queue for orphaned jobs whenever
// the local queue is idle for a while.
func (s *Server) ingestLoopShared(ctx context.Context) {
	sweep := time.NewTicker(max(s.cfg.OrphanAge/4, 50*time.Millisecond))
	defer sweep.Stop()
	purged := time.Now()
	for {
		select {
		case job, ok := <-s.queue:
			if !ok {
				return
			}
			s.ingestClaimed(ctx, job)
		case <-sweep.C:
			s.sweep(ctx)
			if time.Since(purged) > jobRetention/4 {
				purged = time.Now()
				if err := s.cfg.Shared.PurgeJobs(ctx, jobRetention); err != nil {
					s.log.Warn("could not purge done ingest jobs", "err", err)
				}
			}
		}
	}
}

// ingestClaimed claims a job posted here and ingests it; a job that
// another server's sweep took already is waited for.
func (s *Server) ingestClaimed(ctx context.Context, job *ingestJob) {
	var res ingestResult
	claimed, err := s.cfg.Shared.Claim(ctx, job.id, func(ctx context.Context, _ postgres.Job) ([]byte, error) {
		res = s.ingest(ctx, job)
		if res.err != nil {
			return nil, res.err
		}
		return json.Marshal(storedResult{ingestResult: res})
	})
	switch {
	case claimed && err != nil && res.err == nil:
		// Ingested, but the job could not be marked done (the database
		// went away): it will be ingested again, harmlessly.
		s.log.Warn("ingested, but the queue was not told", "job", job.id, "err", err)
		job.done <- res
	case claimed:
		job.done <- res
	case err != nil:
		job.done <- ingestResult{err: err}
	default:
		go s.awaitResult(ctx, job)
	}
}

// sweep ingests the jobs that have waited longer than OrphanAge, one at a
// time until none is left.
func (s *Server) sweep(ctx context.Context) {
	for ctx.Err() == nil {
		claimed, err := s.cfg.Shared.ClaimNext(ctx, s.cfg.OrphanAge, func(ctx context.Context, j postgres.Job) ([]byte, error) {
			s.log.Info("ingesting a job left in the queue", "job", j.ID, "owner", j.Owner, "from", j.Source, "attempts", j.Attempts)
			res := s.ingest(ctx, &ingestJob{id: j.ID, from: j.Source, body: j.Body, enqueued: j.Enqueued})
			if res.err != nil {
				return nil, res.err
			}
			return json.Marshal(storedResult{ingestResult: res})
		})
		if err != nil {
			s.log.Warn("sweeping the ingest queue", "err", err)
			return
		}
		if !claimed {
			return
		}
	}
}

// awaitResult waits for the result of a job that another worker took,
// and tells the post.
func (s *Server) awaitResult(ctx context.Context, job *ingestJob) {
	tick := time.NewTicker(resultPoll)
	defer tick.Stop()
	for {
		raw, done, err := s.cfg.Shared.JobResult(ctx, job.id)
		if err == nil && done {
			var r storedResult
			if err := json.Unmarshal(raw, &r); err != nil {
				job.done <- ingestResult{err: fmt.Errorf("job %d: result: %w", job.id, err)}
				return
			}
			res := r.ingestResult
			if r.Error != "" {
				res.err = errors.New(r.Error)
			}
			if res.Articles == nil {
				res.Articles = []ingestedArticle{}
			}
			if res.Problems == nil {
				res.Problems = []ingestProblem{}
			}
			job.done <- res
			return
		}
		select {
		case <-ctx.Done():
			job.done <- ingestResult{err: ctx.Err()}
			return
		case <-tick.C:
		}
	}
}

// detectLoopShared keeps this server's stories up to date when it shares
// its store: it tries for the lease every LeaseTTL/3 (and at once when an
// ingestion here asks for a detection); holding it, it detects when
// articles changed since the saved stories; not holding it, it reloads
// the saved stories when another server saved new ones.
func (s *Server) detectLoopShared(ctx context.Context) {
	lease := s.cfg.Shared.NewLease(leaseName, s.cfg.Instance, s.cfg.LeaseTTL)
	s.lease.Store(lease)
	defer func() {
		// Another server need not wait for the expiry.
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := lease.Release(ctx); err != nil {
			s.log.Warn("could not release the detection lease", "err", err)
		}
	}()
	tick := time.NewTicker(s.cfg.LeaseTTL / 3)
	defer tick.Stop()
	wasHeld := false
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		case <-s.detectRequests:
		}
		held, err := lease.Acquire(ctx)
		if err != nil {
			if ctx.Err() == nil {
				s.log.Warn("could not renew or take the detection lease", "err", err)
			}
			continue
		}
		if held != wasHeld {
			s.log.Info("detection lease", "held", held, "instance", s.cfg.Instance)
			wasHeld = held
		}
		state, err := s.cfg.Shared.State(ctx)
		if err != nil {
			if ctx.Err() == nil {
				s.log.Warn("could not read the store's state", "err", err)
			}
			continue
		}
		switch {
		case held && state.Changes > state.Detected:
			s.detectUnder(ctx, lease, state)
		case uint64(state.Generation) != s.snap.Load().generation:
			s.reloadStories(ctx, state.Generation)
		}
	}
}

// detectUnder runs one detection under the lease, renewing it meanwhile;
// losing it abandons the detection, whose result would be fenced out.
func (s *Server) detectUnder(ctx context.Context, lease *postgres.Lease, state postgres.State) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	renewed := make(chan struct{})
	go func() {
		defer close(renewed)
		tick := time.NewTicker(s.cfg.LeaseTTL / 3)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			if held, err := lease.Acquire(ctx); !held && ctx.Err() == nil {
				s.log.Warn("detection lease lost; abandoning the detection", "err", err)
				cancel()
				return
			}
		}
	}()
	var generation int64
	fenced := fencedStore{Store: s.st, save: func(ctx context.Context, res story.Result) error {
		var err error
		generation, err = s.cfg.Shared.SaveStoriesUnder(ctx, res, lease, state.Changes)
		return err
	}}
	s.detecting.Store(true)
	start := time.Now()
	res, err := pipeline.Detect(ctx, fenced, *s.cfg.Params)
	s.detecting.Store(false)
	abandoned := ctx.Err() != nil // lease lost, or shutting down
	cancel()
	<-renewed
	elapsed := time.Since(start)
	switch {
	case err != nil && (abandoned || errors.Is(err, postgres.ErrLeaseLost)):
		s.log.Warn("story detection abandoned: the lease was lost or the server is stopping", "err", err)
		return
	case err != nil:
		s.log.Error("story detection failed; the previous stories stay", "err", err)
		s.metrics.detectFailures.Add(1)
		return
	}
	s.metrics.detectSeconds.observe(elapsed.Seconds())
	s.publish(newSnapshot(uint64(generation), res.Events), "stories detected", elapsed)
}

// fencedStore is the store with SaveStories replaced, so that
// pipeline.Detect saves under the lease.
type fencedStore struct {
	store.Store
	save func(context.Context, story.Result) error
}

func (f fencedStore) SaveStories(ctx context.Context, res story.Result) error {
	return f.save(ctx, res)
}

// reloadStories serves the stories another server saved, with the
// publication days of the articles other servers ingested.
func (s *Server) reloadStories(ctx context.Context, generation int64) {
	start := time.Now()
	events, err := s.st.Events(ctx)
	if err == nil && !s.dates.knowsAll(events) {
		// Articles ingested by other servers: their days are read again
		// with the rest, as at start.
		err = s.loadDates(ctx)
	}
	if err != nil {
		if ctx.Err() == nil {
			s.log.Warn("could not reload the stories", "err", err)
		}
		return
	}
	s.publish(newSnapshot(uint64(generation), events), "stories reloaded (saved by another server)", time.Since(start))
}
