package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/storyline/storyline/internal/store/postgres"
	"github.com/storyline/storyline/internal/store/postgres/pgtest"
)

// startShared starts a server named instance on the PostgreSQL store at
// url, sharing it with the others there; short lease and orphan times keep
// the test quick.
func startShared(t *testing.T, url, instance string) (*testServer, *postgres.Store) {
	t.Helper()
	st, err := postgres.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	ts := startServerWith(t, st, Config{Token: testToken, Shared: st, Instance: instance,
		LeaseTTL: 2 * time.Second, OrphanAge: time.Second})
	return ts, st
}

// forEachStore runs test on a server over the embedded store, then on a
// server sharing a PostgreSQL store (which skips, or fails under
// STORYLINE_REQUIRE_POSTGRES=1, without a server to test against).
func forEachStore(t *testing.T, test func(t *testing.T, startServer func(testing.TB, Config) *testServer)) {
	t.Run("sqlite", func(t *testing.T) { test(t, startServer) })
	t.Run("postgres", func(t *testing.T) {
		test(t, func(t testing.TB, cfg Config) *testServer {
			st, err := postgres.Open(context.Background(), pgtest.Schema(t))
			if err != nil {
				t.Fatal(err)
			}
			cfg.Shared = st
			return startServerWith(t, st, cfg)
		})
	})
}

// ecbRecords returns ECB+ records as JSON lines, real articles in
// English: n of ../shared/data/ecbplus.jsonl when it is there, else the
// 24 of the demo sample.
func ecbRecords(t *testing.T, n int) [][]byte {
	t.Helper()
	f, err := os.Open("../../../shared/data/ecbplus.jsonl")
	if err != nil {
		f, err = os.Open("../../testdata/demo/ecbplus-sample.jsonl")
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var recs [][]byte
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() && len(recs) < n {
		recs = append(recs, append([]byte(nil), sc.Bytes()...))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return recs
}

// sharedHealth is /healthz of a server sharing its store.
type sharedHealth struct {
	health
	Instance string `json:"instance"`
	Detector bool   `json:"detector"`
}

// waitFor polls cond every 50 ms until it holds, failing after timeout.
func waitFor(t *testing.T, timeout time.Duration, what string, cond func() bool) time.Duration {
	t.Helper()
	start := time.Now()
	for !cond() {
		if time.Since(start) > timeout {
			t.Fatalf("%s: not within %v", what, timeout)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return time.Since(start)
}

// TestSharedFailover is two servers on one PostgreSQL database, articles
// posted to both, one at a time, and the server holding the detection
// lease cut off the database in the middle of the stream (its connections
// closed and no new one possible, as when its machine dies). The client,
// as a load balancer would, sends what the dead server did not take to the
// other. The other server holds the lease within 10 s, and in the end
// every article posted is stored once and is in exactly one event; the
// queue holds nothing left undone.
func TestSharedFailover(t *testing.T) {
	url := pgtest.Schema(t)
	recs := ecbRecords(t, 90)
	proxied, proxy := pgtest.NewProxy(t, url)
	a, _ := startShared(t, proxied, "a")
	var ha sharedHealth
	waitFor(t, 10*time.Second, "a holds the lease", func() bool { a.getJSON(t, "/healthz", &ha); return ha.Detector })
	b, bStore := startShared(t, url, "b")

	post := func(ts *testServer, rec []byte) bool {
		req, _ := http.NewRequest(http.MethodPost, ts.URL+"/api/articles", bytes.NewReader(rec))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+testToken)
		resp, err := client.Do(req)
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	}
	ids := map[string]bool{}
	for _, r := range recs {
		var rec struct{ ID string }
		if err := json.Unmarshal(r, &rec); err != nil {
			t.Fatal(err)
		}
		ids[rec.ID] = true
	}

	// Both servers take posts; the stories that a detects, b serves too.
	third := len(recs) / 3
	for i, r := range recs[:third] {
		if !post([]*testServer{a, b}[i%2], r) {
			t.Fatalf("post %d failed", i)
		}
	}
	var hb sharedHealth
	waitFor(t, 30*time.Second, "b serves the stories a detected", func() bool {
		b.getJSON(t, "/healthz", &hb)
		return hb.Placed == third && hb.Articles == third && !hb.Detector
	})

	// The last records are posts that a took, stored in the queue, and
	// died before ingesting.
	orphans := recs[len(recs)-3:]
	recs = recs[:len(recs)-3]

	// Two clients post the rest, one to each server; a's is cut off a
	// third of the way through its share and turns to b.
	var killed time.Time
	var wg sync.WaitGroup
	var mu sync.Mutex
	failedOver := 0
	// From the kill on, b's /healthz is watched for the lease, while the
	// clients go on posting.
	tookOver := make(chan time.Duration, 1)
	watch := func() {
		for time.Since(killed) < 20*time.Second {
			// Not getJSON: t must not fail from this goroutine.
			var h sharedHealth
			if resp, err := client.Get(b.URL + "/healthz"); err == nil {
				json.NewDecoder(resp.Body).Decode(&h)
				resp.Body.Close()
			}
			if h.Detector {
				tookOver <- time.Since(killed)
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
		close(tookOver)
	}
	for c, ts := range []*testServer{a, b} {
		wg.Go(func() {
			sent := 0
			for i := third + c; i < len(recs); i += 2 {
				if ts == a && sent == (len(recs)-third)/6 {
					mu.Lock()
					proxy.Kill()
					killed = time.Now()
					go watch()
					mu.Unlock()
					for _, r := range orphans {
						if _, err := bStore.Enqueue(context.Background(), "api", r, "a"); err != nil {
							t.Error(err)
						}
					}
				}
				sent++
				if post(ts, recs[i]) {
					continue
				}
				if ts != a {
					t.Errorf("post of record %d to b failed", i)
					continue
				}
				mu.Lock()
				failedOver++
				mu.Unlock()
				if !post(b, recs[i]) {
					t.Errorf("post of record %d to b, after a failed, failed", i)
				}
			}
		})
	}
	wg.Wait()
	if failedOver == 0 {
		t.Error("no post to a failed after it was cut off")
	}
	took, ok := <-tookOver
	if !ok || took > 10*time.Second {
		t.Fatalf("b did not hold the lease within 10 s of a's death (%v)", took)
	}
	t.Logf("b held the lease %v after a was cut off (lease 2 s); %d posts went to b instead",
		took.Round(10*time.Millisecond), failedOver)

	waitFor(t, 60*time.Second, "b places every article", func() bool {
		b.getJSON(t, "/healthz", &hb)
		return hb.Articles == len(ids) && hb.Placed == len(ids)
	})
	waitFor(t, 30*time.Second, "the queue holds nothing undone", func() bool {
		n, err := bStore.QueueLength(context.Background())
		return err == nil && n == 0
	})

	ctx := context.Background()
	if n, err := bStore.Count(ctx); err != nil || n != len(ids) {
		t.Errorf("store holds %d articles, %v; want %d", n, err, len(ids))
	}
	events, err := bStore.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	in := map[string]int{}
	for _, e := range events {
		for _, id := range e.Articles {
			in[id]++
		}
	}
	for id := range ids {
		if in[id] != 1 {
			t.Errorf("article %s is in %d events, want 1", id, in[id])
		}
	}
	if len(in) != len(ids) {
		t.Errorf("the events hold %d articles, %d were posted", len(in), len(ids))
	}
	// What b serves is what is stored.
	var list storyList
	b.getJSON(t, "/api/stories?all=true&limit=100", &list)
	if len(list.Stories) != len(events) {
		t.Errorf("b serves %d stories, the store holds %d events", len(list.Stories), len(events))
	}
}
