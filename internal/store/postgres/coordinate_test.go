package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/store/postgres/pgtest"
	"github.com/storyline/storyline/internal/story"
)

// twoInstances opens two stores on one new schema, as two serve instances
// would; the second goes through a proxy that the test can kill.
func twoInstances(t *testing.T) (a, b *Store, killB func()) {
	t.Helper()
	url := pgtest.Schema(t)
	proxied, proxy := pgtest.NewProxy(t, url)
	ctx := context.Background()
	a, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	b, err = Open(ctx, proxied)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return a, b, proxy.Kill
}

func TestQueue(t *testing.T) {
	a, b, killB := twoInstances(t)
	ctx := context.Background()
	var ids []int64
	for i, owner := range []string{"a", "b", "a", "a"} {
		id, err := a.Enqueue(ctx, "api", []byte{byte('0' + i)}, owner)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	done := func(result string) Handler {
		return func(ctx context.Context, j Job) ([]byte, error) { return []byte(result), nil }
	}

	// A fresh job is left to its owner for minAge.
	if ok, err := b.ClaimNext(ctx, time.Hour, done(`{}`)); ok || err != nil {
		t.Errorf("ClaimNext with minAge 1h = %v, %v; want no job", ok, err)
	}
	// A job is claimed by its id, whoever enqueued it.
	var got Job
	if ok, err := b.Claim(ctx, ids[1], func(ctx context.Context, j Job) ([]byte, error) { got = j; return []byte(`{"n": 1}`), nil }); !ok || err != nil || got.ID != ids[1] || got.Owner != "b" || string(got.Body) != "1" {
		t.Fatalf("Claim(%d) = %v, %v, job %+v", ids[1], ok, err, got)
	}
	if res, isDone, err := a.JobResult(ctx, ids[1]); err != nil || !isDone || string(res) != `{"n": 1}` {
		t.Errorf("JobResult = %s, %v, %v", res, isDone, err)
	}
	if ok, err := a.Claim(ctx, ids[1], done(`{}`)); ok || err != nil {
		t.Errorf("Claim of a done job = %v, %v; want false", ok, err)
	}

	// A job being ingested is skipped by the other workers, not waited for.
	started, release := make(chan Job), make(chan struct{})
	claimed := make(chan error, 1)
	go func() {
		_, err := b.Claim(ctx, ids[0], func(ctx context.Context, j Job) ([]byte, error) {
			started <- j
			<-release
			return []byte(`{}`), nil
		})
		claimed <- err
	}()
	<-started
	if ok, err := a.Claim(ctx, ids[0], done(`{}`)); ok || err != nil {
		t.Errorf("Claim of a job held elsewhere = %v, %v; want false at once", ok, err)
	}
	// The oldest waiting job, skipping the one held.
	if ok, err := a.ClaimNext(ctx, 0, func(ctx context.Context, j Job) ([]byte, error) { got = j; return []byte(`{}`), nil }); !ok || err != nil || got.ID != ids[2] {
		t.Errorf("ClaimNext skipping the held job = %v, %v, job %d; want %d", ok, err, got.ID, ids[2])
	}
	if n, err := a.QueueLength(ctx); err != nil || n != 2 {
		t.Errorf("QueueLength = %d, %v; want 2 (one running, one waiting)", n, err)
	}

	// The worker holding it dies: the job is waiting again, for another.
	killB()
	close(release)
	if err := <-claimed; err == nil {
		t.Error("the killed worker's claim succeeded")
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		ok, err := a.Claim(ctx, ids[0], done(`{"again": true}`))
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the dead worker's job never became claimable")
		}
		time.Sleep(50 * time.Millisecond)
	}

	// A job that keeps failing is tried maxJobAttempts times, then marked
	// done with its error.
	for i := 0; i < maxJobAttempts; i++ {
		ok, err := a.Claim(ctx, ids[3], func(ctx context.Context, j Job) ([]byte, error) {
			if j.Attempts != i {
				t.Errorf("attempt %d sees %d earlier attempts", i+1, j.Attempts)
			}
			return nil, errors.New("broken body")
		})
		if !ok || err == nil {
			t.Fatalf("failing Claim = %v, %v", ok, err)
		}
	}
	res, isDone, err := a.JobResult(ctx, ids[3])
	var failed struct{ Error string }
	if err != nil || !isDone || json.Unmarshal(res, &failed) != nil || failed.Error == "" {
		t.Errorf("JobResult of a failed job = %s, %v, %v", res, isDone, err)
	}
	if n, err := a.QueueLength(ctx); err != nil || n != 0 {
		t.Errorf("QueueLength = %d, %v; want 0", n, err)
	}
	if err := a.PurgeJobs(ctx, 0); err != nil {
		t.Fatal(err)
	}
	if _, _, err := a.JobResult(ctx, ids[0]); err == nil {
		t.Error("a purged job is still there")
	}
}

func TestLease(t *testing.T) {
	a, b, killB := twoInstances(t)
	ctx := context.Background()
	res := story.Result{Events: []story.Event{{ID: "e1", Articles: []string{"x"}}}, Assignments: []story.Assignment{{Article: "x", Event: "e1"}}}

	la := a.NewLease("detect", "a", time.Second)
	lb := b.NewLease("detect", "b", 30*time.Second)
	if held, err := la.Acquire(ctx); !held || err != nil {
		t.Fatalf("a: Acquire = %v, %v", held, err)
	}
	if held, err := lb.Acquire(ctx); held || err != nil {
		t.Fatalf("b: Acquire of a's lease = %v, %v", held, err)
	}
	if h, err := lb.Holder(ctx); h != "a" || err != nil {
		t.Errorf("Holder = %q, %v", h, err)
	}
	if _, err := b.SaveStoriesUnder(ctx, res, lb, 0); !errors.Is(err, ErrLeaseLost) {
		t.Errorf("b saves without the lease: %v", err)
	}

	// Put counts the transactions that change articles; saving records
	// which of them the stories cover.
	if _, err := a.Put(ctx, []*article.Article{{ID: "x", Raw: []byte("x")}}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Put(ctx, []*article.Article{{ID: "x", Raw: []byte("x")}}); err != nil {
		t.Fatal(err)
	}
	st, err := a.State(ctx)
	if err != nil || st != (State{Changes: 1}) {
		t.Errorf("State after an add and an unchanged Put = %+v, %v", st, err)
	}
	if gen, err := a.SaveStoriesUnder(ctx, res, la, st.Changes); gen != 1 || err != nil {
		t.Errorf("a: SaveStoriesUnder = %d, %v", gen, err)
	}
	if st, err := b.State(ctx); err != nil || st != (State{Changes: 1, Detected: 1, Generation: 1}) {
		t.Errorf("State after saving = %+v, %v", st, err)
	}

	// a stalls past its expiry: b takes over, and a's late save is fenced
	// out although a still thinks it holds the lease.
	time.Sleep(1100 * time.Millisecond)
	if held, err := lb.Acquire(ctx); !held || err != nil {
		t.Fatalf("b: Acquire of an expired lease = %v, %v", held, err)
	}
	if !la.Held() {
		t.Fatal("a forgot its hold before trying again")
	}
	if _, err := a.SaveStoriesUnder(ctx, res, la, 1); !errors.Is(err, ErrLeaseLost) {
		t.Errorf("a saves after b took over: %v", err)
	}
	if held, err := la.Acquire(ctx); held || err != nil {
		t.Errorf("a: Acquire of b's lease = %v, %v", held, err)
	}
	if err := lb.Release(ctx); err != nil {
		t.Fatal(err)
	}
	if held, err := la.Acquire(ctx); !held || err != nil {
		t.Errorf("a: Acquire after b released = %v, %v", held, err)
	}
	la.Release(ctx)

	// b holds the lease, renewing it, and dies: a holds it within the
	// expiry (and well within 10 s).
	lb = b.NewLease("detect", "b", 2*time.Second)
	if held, err := lb.Acquire(ctx); !held || err != nil {
		t.Fatalf("b: Acquire = %v, %v", held, err)
	}
	killB()
	killed := time.Now()
	if _, err := lb.Acquire(ctx); err == nil {
		t.Error("b renewed its lease without a database")
	}
	for {
		held, err := la.Acquire(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if held {
			break
		}
		if time.Since(killed) > 10*time.Second {
			t.Fatal("a did not take the lease over within 10 s")
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Logf("a took the lease over %v after b died (expiry 2 s)", time.Since(killed).Round(10*time.Millisecond))
}
