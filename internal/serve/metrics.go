package serve

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/storyline/storyline/internal/store"
)

// metrics are the server's counters, written in the Prometheus text format
// by hand: a handful of counters and two histograms do not justify the
// client library and its dependencies.
type metrics struct {
	outcomes       [3]atomic.Int64 // by store.Outcome
	failed         atomic.Int64    // records refused
	detectFailures atomic.Int64
	ingestSeconds  *histogram
	detectSeconds  *histogram

	mu       sync.Mutex
	requests map[requestKey]int64
	fetches  map[string]int64 // feed and page requests by result
}

type requestKey struct {
	route string
	code  int
}

func newMetrics() *metrics {
	return &metrics{
		// From a single article (a few ms) to a full 8 MiB batch.
		ingestSeconds: newHistogram(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
		// Detection replays the whole history: seconds to minutes.
		detectSeconds: newHistogram(0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300),
		requests:      map[requestKey]int64{},
		fetches:       map[string]int64{},
	}
}

func (m *metrics) ingested(o store.Outcome) {
	if int(o) >= 0 && int(o) < len(m.outcomes) {
		m.outcomes[o].Add(1)
	}
}

func (m *metrics) request(route string, code int) {
	m.mu.Lock()
	m.requests[requestKey{route, code}]++
	m.mu.Unlock()
}

func (m *metrics) fetched(result string) {
	m.mu.Lock()
	m.fetches[result]++
	m.mu.Unlock()
}

func (s *Server) getMetrics(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	m := s.metrics
	sn := s.snap.Load()

	family(bw, "storyline_articles_ingested_total", "counter", "Articles stored through this server since it started, by outcome.")
	for o := store.Added; o <= store.Updated; o++ {
		fmt.Fprintf(bw, "storyline_articles_ingested_total{outcome=%q} %d\n", o.String(), m.outcomes[o].Load())
	}
	family(bw, "storyline_records_failed_total", "counter", "Records or pages that could not be ingested.")
	fmt.Fprintf(bw, "storyline_records_failed_total %d\n", m.failed.Load())
	if n, err := s.st.Count(r.Context()); err == nil {
		family(bw, "storyline_articles", "gauge", "Articles in the store.")
		fmt.Fprintf(bw, "storyline_articles %d\n", n)
	}
	family(bw, "storyline_stories", "gauge", "Stories served: events of several articles or in a storyline.")
	fmt.Fprintf(bw, "storyline_stories %d\n", sn.stories)
	family(bw, "storyline_events", "gauge", "Events served, single-article ones included.")
	fmt.Fprintf(bw, "storyline_events %d\n", len(sn.events))
	family(bw, "storyline_storylines", "gauge", "Storylines served.")
	fmt.Fprintf(bw, "storyline_storylines %d\n", len(sn.storylines))
	family(bw, "storyline_detection_generation", "gauge", "Detections completed since the server started.")
	fmt.Fprintf(bw, "storyline_detection_generation %d\n", sn.generation)
	family(bw, "storyline_detection_failures_total", "counter", "Detections that failed.")
	fmt.Fprintf(bw, "storyline_detection_failures_total %d\n", m.detectFailures.Load())
	family(bw, "storyline_queue_depth", "gauge", "Ingest jobs waiting for the worker.")
	fmt.Fprintf(bw, "storyline_queue_depth %d\n", len(s.queue))
	family(bw, "storyline_queue_capacity", "gauge", "Ingest jobs the queue holds before posts get 503.")
	fmt.Fprintf(bw, "storyline_queue_capacity %d\n", cap(s.queue))
	family(bw, "storyline_feeds", "gauge", "Feeds followed.")
	fmt.Fprintf(bw, "storyline_feeds %d\n", s.feeds.count())
	family(bw, "storyline_live_clients", "gauge", "Pages connected for live updates.")
	fmt.Fprintf(bw, "storyline_live_clients %d\n", s.updates.clients())
	m.ingestSeconds.write(bw, "storyline_ingest_seconds", "Time to ingest one posted body or one feed poll's pages, queue wait excluded.")
	m.detectSeconds.write(bw, "storyline_detect_seconds", "Time one story detection took (it replays every stored article).")

	m.mu.Lock()
	defer m.mu.Unlock()
	family(bw, "storyline_http_requests_total", "counter", "HTTP requests answered, by route and status code.")
	keys := make([]requestKey, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b requestKey) int {
		if c := strings.Compare(a.route, b.route); c != 0 {
			return c
		}
		return a.code - b.code
	})
	for _, k := range keys {
		fmt.Fprintf(bw, "storyline_http_requests_total{route=\"%s\",code=\"%d\"} %d\n", labelValue(k.route), k.code, m.requests[k])
	}
	family(bw, "storyline_fetches_total", "counter", "Requests to feeds and their pages, by result.")
	results := make([]string, 0, len(m.fetches))
	for k := range m.fetches {
		results = append(results, k)
	}
	slices.Sort(results)
	for _, k := range results {
		fmt.Fprintf(bw, "storyline_fetches_total{result=\"%s\"} %d\n", labelValue(k), m.fetches[k])
	}
}

func family(w io.Writer, name, kind, help string) {
	fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, kind)
}

// labelValue escapes a label value as the text format wants: backslash,
// double quote and newline.
func labelValue(v string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(v)
}

// histogram counts observations in fixed buckets.
type histogram struct {
	mu     sync.Mutex
	bounds []float64 // upper bounds, increasing
	counts []int64   // per bucket, not cumulative; the last is +Inf
	sum    float64
	count  int64
}

func newHistogram(bounds ...float64) *histogram {
	return &histogram{bounds: bounds, counts: make([]int64, len(bounds)+1)}
}

func (h *histogram) observe(v float64) {
	i, _ := slices.BinarySearch(h.bounds, v) // first bound >= v: "le" is inclusive
	h.mu.Lock()
	h.counts[i]++
	h.sum += v
	h.count++
	h.mu.Unlock()
}

func (h *histogram) write(w io.Writer, name, help string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	family(w, name, "histogram", help)
	var cum int64
	for i, b := range h.bounds {
		cum += h.counts[i]
		fmt.Fprintf(w, "%s_bucket{le=\"%s\"} %d\n", name, strconv.FormatFloat(b, 'g', -1, 64), cum)
	}
	fmt.Fprintf(w, "%s_bucket{le=\"+Inf\"} %d\n", name, h.count)
	fmt.Fprintf(w, "%s_sum %s\n", name, strconv.FormatFloat(h.sum, 'g', -1, 64))
	fmt.Fprintf(w, "%s_count %d\n", name, h.count)
}
