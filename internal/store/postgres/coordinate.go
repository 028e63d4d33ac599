package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/storyline/storyline/internal/story"
)

// What several `storyline serve` instances on one database coordinate
// through, all of it in tables so that it survives any one instance:
//
//   - the ingest queue (ingest_jobs): a posted body is stored as a job
//     before anything else happens, and a worker claims it with
//     SELECT … FOR UPDATE SKIP LOCKED inside a transaction that it keeps
//     open while it ingests. Should the worker's process die, its
//     connection drops, the transaction ends, and the job waits for
//     another worker. Ingesting a job twice is harmless: Put recognises
//     articles already stored (Unchanged), so no article is stored twice.
//   - the detection lease (leases): a row naming its holder, with a token
//     and an expiry in the database's clock, renewed by the holder. Only
//     the holder detects stories, and saving them checks the lease in the
//     same transaction (the token fences out a holder that stalled past
//     its expiry). When the holder dies, the row expires and the next
//     instance to try takes it.
//   - store_state: a counter of the Put transactions that changed
//     articles, and the value of it that the saved stories cover, so that
//     the holder knows when to detect, and a generation of saved stories,
//     so that the other instances know when to reload them.
//
// A lease row rather than pg_try_advisory_lock: it needs no connection
// held for its lifetime (a pool may close and reopen connections), it
// scopes to the schema like every other table, its expiry is explicit, and
// it is an ordinary row, which every PostgreSQL-compatible database keeps,
// while not all of them enforce advisory locks.

// Job is a body waiting in the ingest queue.
type Job struct {
	ID       int64
	Source   string // names the input: "api", a feed's URL
	Body     []byte
	Owner    string // the instance that enqueued it
	Enqueued time.Time
	Attempts int // earlier attempts that failed
}

// maxJobAttempts bounds the attempts at one job: one that fails this many
// times (a body that breaks ingestion, not a passing outage) is marked
// done with its error instead of being tried forever.
const maxJobAttempts = 3

// Enqueue stores a body as a job of the ingest queue and returns its id.
// Once it returns, the job survives the process: some worker will ingest
// it.
func (s *Store) Enqueue(ctx context.Context, source string, body []byte, owner string) (int64, error) {
	var id int64
	err := s.pool.QueryRow(ctx, `INSERT INTO ingest_jobs (source, body, owner, enqueued_at)
		VALUES ($1, $2, $3, now()) RETURNING id`, source, body, owner).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("enqueue: %w", err)
	}
	return id, nil
}

// Handler ingests one job and returns what to record as its result (JSON);
// an error leaves the job to be tried again.
type Handler func(ctx context.Context, job Job) (result []byte, err error)

// ClaimNext claims the oldest waiting job that no other worker holds and
// was enqueued at least minAge ago, whoever enqueued it, and runs handle on
// it; see Claim. It reports whether there was a job.
func (s *Store) ClaimNext(ctx context.Context, minAge time.Duration, handle Handler) (bool, error) {
	return s.claim(ctx, `SELECT id, source, body, owner, enqueued_at, attempts FROM ingest_jobs
		WHERE done_at IS NULL AND enqueued_at <= now() - make_interval(secs => $1)
		ORDER BY id
		LIMIT 1 FOR UPDATE SKIP LOCKED`, handle, minAge.Seconds())
}

// Claim claims the job with this id, unless it is done or another worker
// holds it, and runs handle on it while holding it: the job's row stays
// locked by a transaction open for as long as handle runs, and is marked
// done with handle's result in that transaction. If handle fails, the job
// is left waiting (and marked failed after maxJobAttempts). It reports
// whether it claimed the job.
func (s *Store) Claim(ctx context.Context, id int64, handle Handler) (bool, error) {
	return s.claim(ctx, `SELECT id, source, body, owner, enqueued_at, attempts FROM ingest_jobs
		WHERE id = $1 AND done_at IS NULL
		FOR UPDATE SKIP LOCKED`, handle, id)
}

func (s *Store) claim(ctx context.Context, query string, handle Handler, args ...any) (bool, error) {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return false, fmt.Errorf("claim a job: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	var j Job
	err = tx.QueryRow(ctx, query, args...).Scan(&j.ID, &j.Source, &j.Body, &j.Owner, &j.Enqueued, &j.Attempts)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("claim a job: %w", err)
	}
	result, herr := handle(ctx, j)
	if herr != nil {
		if err := tx.Rollback(ctx); err != nil {
			return true, fmt.Errorf("job %d: %w (and releasing it: %v)", j.ID, herr, err)
		}
		if j.Attempts+1 >= maxJobAttempts {
			result, _ = json.Marshal(map[string]string{"error": herr.Error()})
			_, err = s.pool.Exec(ctx, `UPDATE ingest_jobs SET attempts = attempts + 1, done_at = now(), result = $2
				WHERE id = $1 AND done_at IS NULL`, j.ID, result)
		} else {
			_, err = s.pool.Exec(ctx, `UPDATE ingest_jobs SET attempts = attempts + 1 WHERE id = $1`, j.ID)
		}
		if err != nil {
			return true, fmt.Errorf("job %d: %w (and counting the attempt: %v)", j.ID, herr, err)
		}
		return true, fmt.Errorf("job %d: %w", j.ID, herr)
	}
	if _, err := tx.Exec(ctx, `UPDATE ingest_jobs SET done_at = now(), result = $2 WHERE id = $1`, j.ID, result); err != nil {
		return true, fmt.Errorf("job %d: mark done: %w", j.ID, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return true, fmt.Errorf("job %d: mark done: %w", j.ID, err)
	}
	return true, nil
}

// JobResult returns the result of a job once it is done; done is false
// while it waits or runs.
func (s *Store) JobResult(ctx context.Context, id int64) (result []byte, done bool, err error) {
	var doneAt *time.Time
	err = s.pool.QueryRow(ctx, `SELECT done_at, result FROM ingest_jobs WHERE id = $1`, id).Scan(&doneAt, &result)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, false, fmt.Errorf("job %d: not in the queue", id)
	}
	if err != nil {
		return nil, false, fmt.Errorf("job %d: %w", id, err)
	}
	return result, doneAt != nil, nil
}

// QueueLength counts the jobs waiting or running.
func (s *Store) QueueLength(ctx context.Context) (int, error) {
	var n int
	err := s.pool.QueryRow(ctx, `SELECT count(*) FROM ingest_jobs WHERE done_at IS NULL`).Scan(&n)
	return n, err
}

// PurgeJobs deletes the jobs done more than age ago: their results have
// been read by then, or never will be.
func (s *Store) PurgeJobs(ctx context.Context, age time.Duration) error {
	_, err := s.pool.Exec(ctx, `DELETE FROM ingest_jobs WHERE done_at < now() - make_interval(secs => $1)`, age.Seconds())
	return err
}

// ErrLeaseLost is returned by SaveStoriesUnder when the lease is no longer
// the caller's: another instance holds it, and its stories win.
var ErrLeaseLost = errors.New("the detection lease is held by another instance")

// Lease is one instance's hold, or attempt at holding, a named lease. It is
// safe for concurrent use.
type Lease struct {
	s      *Store
	name   string
	holder string
	ttl    time.Duration

	mu    sync.Mutex
	token int64 // of the current hold; 0 when not held
}

// NewLease returns holder's handle on the lease called name, held for ttl
// after each successful Acquire.
func (s *Store) NewLease(name, holder string, ttl time.Duration) *Lease {
	return &Lease{s: s, name: name, holder: holder, ttl: ttl}
}

// Acquire takes the lease when it is free or expired, or renews it when
// this holder has it; the expiry is ttl from now in the database's clock,
// so the instances' clocks do not matter. It reports whether the lease is
// held. A new hold gets a new token, which fences out the previous holder.
func (l *Lease) Acquire(ctx context.Context) (bool, error) {
	var token int64
	err := l.s.pool.QueryRow(ctx, `INSERT INTO leases AS l (name, holder, token, expires_at)
		VALUES ($1, $2, 1, now() + make_interval(secs => $3))
		ON CONFLICT (name) DO UPDATE SET
			holder = excluded.holder,
			token = CASE WHEN l.holder = excluded.holder AND l.expires_at > now() THEN l.token ELSE l.token + 1 END,
			expires_at = excluded.expires_at
		WHERE l.holder = excluded.holder OR l.expires_at <= now()
		RETURNING token`, l.name, l.holder, l.ttl.Seconds()).Scan(&token)
	l.mu.Lock()
	defer l.mu.Unlock()
	if errors.Is(err, pgx.ErrNoRows) {
		l.token = 0
		return false, nil
	}
	if err != nil {
		// Unknown: the renewal may or may not have committed. Holding on
		// to the token is safe, since saving checks it in the database.
		return l.token != 0, fmt.Errorf("lease %s: %w", l.name, err)
	}
	l.token = token
	return true, nil
}

// Held reports whether the last Acquire took or renewed the lease.
func (l *Lease) Held() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.token != 0
}

// Holder returns who holds the lease now, if anyone (its expiry not
// passed).
func (l *Lease) Holder(ctx context.Context) (string, error) {
	var holder string
	err := l.s.pool.QueryRow(ctx, `SELECT holder FROM leases WHERE name = $1 AND expires_at > now()`, l.name).Scan(&holder)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	}
	return holder, err
}

// Release gives the lease up, so that another instance need not wait for
// it to expire.
func (l *Lease) Release(ctx context.Context) error {
	l.mu.Lock()
	token := l.token
	l.token = 0
	l.mu.Unlock()
	if token == 0 {
		return nil
	}
	_, err := l.s.pool.Exec(ctx, `DELETE FROM leases WHERE name = $1 AND holder = $2 AND token = $3`, l.name, l.holder, token)
	return err
}

// State is where detection stands in a shared store.
type State struct {
	Changes    int64 // Put transactions that added or updated articles, ever
	Detected   int64 // the value of Changes that the saved stories cover
	Generation int64 // stories saved, ever
}

// State reads where detection stands.
func (s *Store) State(ctx context.Context) (State, error) {
	var st State
	err := s.pool.QueryRow(ctx, `SELECT changes, detected, generation FROM store_state WHERE id = 1`).
		Scan(&st.Changes, &st.Detected, &st.Generation)
	if err != nil {
		return st, fmt.Errorf("read the store's state: %w", err)
	}
	return st, nil
}

// SaveStoriesUnder saves the outcome of a detection that read the articles
// as of changes (a State.Changes read before it listed them), if lease is
// still held: the check and the save are one transaction, and the lease
// row stays locked until it commits, so no other instance can take the
// lease over in between. It returns the new generation, or ErrLeaseLost.
func (s *Store) SaveStoriesUnder(ctx context.Context, res story.Result, lease *Lease, changes int64) (int64, error) {
	lease.mu.Lock()
	token := lease.token
	lease.mu.Unlock()
	if token == 0 {
		return 0, ErrLeaseLost
	}
	var generation int64
	err := s.withRetry(ctx, func(tx pgx.Tx) error {
		var held int64
		err := tx.QueryRow(ctx, `SELECT token FROM leases
			WHERE name = $1 AND holder = $2 AND token = $3 AND expires_at > now() FOR SHARE`,
			lease.name, lease.holder, token).Scan(&held)
		if errors.Is(err, pgx.ErrNoRows) {
			return ErrLeaseLost
		}
		if err != nil {
			return err
		}
		if err := saveStoriesTx(ctx, tx, res); err != nil {
			return err
		}
		return tx.QueryRow(ctx, `UPDATE store_state SET detected = greatest(detected, $1) WHERE id = 1 RETURNING generation`, changes).Scan(&generation)
	})
	if errors.Is(err, ErrLeaseLost) {
		return 0, err
	}
	if err != nil {
		return 0, fmt.Errorf("save stories: %w", err)
	}
	return generation, nil
}
