package serve

import (
	"bufio"
	"bytes"
	"math/rand/v2"
	"net/http"
	"os"
	"slices"
	"sync"
	"testing"
	"time"
)

// ecbCorpus is the ECB+ corpus of the project: 982 English news articles.
const ecbCorpus = "../../../shared/data/ecbplus.jsonl"

// BenchmarkAPI measures the server as clients see it, over loopback: the
// sustained ingest rate through POST /api/articles (one article per
// request, from several clients at once, detection running behind), then
// the latency of GET /api/stories/{id} under a bounded load of concurrent
// readers. Run it once: go test -run X -bench API -benchtime 1x ./internal/serve
func BenchmarkAPI(b *testing.B) {
	f, err := os.Open(ecbCorpus)
	if err != nil {
		b.Skipf("no corpus at %s: %v", ecbCorpus, err)
	}
	var records [][]byte
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 8<<20)
	for sc.Scan() {
		records = append(records, bytes.Clone(sc.Bytes()))
	}
	f.Close()

	for range b.N {
		ts := startServer(b, Config{Token: testToken})
		const writers = 4
		start := time.Now()
		var wg sync.WaitGroup
		next := make(chan []byte)
		for range writers {
			wg.Go(func() {
				for rec := range next {
					status, body := ts.request(b, http.MethodPost, "/api/articles", "application/json", bytes.NewReader(rec), testToken)
					if status != http.StatusOK {
						b.Errorf("POST: %d %s", status, body)
					}
				}
			})
		}
		for _, rec := range records {
			next <- rec
		}
		close(next)
		wg.Wait()
		stored := time.Since(start)
		ts.waitPlaced(b, len(records))
		placed := time.Since(start)
		b.ReportMetric(float64(len(records))/stored.Seconds(), "stored-articles/s")
		b.ReportMetric(float64(len(records))/placed.Seconds(), "placed-articles/s")

		var list storyList
		ts.getJSON(b, "/api/stories?limit=100", &list)
		if len(list.Stories) == 0 {
			b.Fatal("no stories")
		}
		// Cold: each story told for the first time since the detection.
		var cold []time.Duration
		for _, s := range list.Stories {
			t0 := time.Now()
			if status, _ := ts.request(b, http.MethodGet, s.Href, "", nil, ""); status != http.StatusOK {
				b.Fatalf("GET %s: %d", s.Href, status)
			}
			cold = append(cold, time.Since(t0))
		}
		// Bounded load: 8 readers, 250 requests each, stories picked at
		// random.
		const readers, perReader = 8, 250
		var mu sync.Mutex
		var warm []time.Duration
		t0 := time.Now()
		for r := range readers {
			wg.Go(func() {
				rnd := rand.New(rand.NewPCG(uint64(r), 1))
				var mine []time.Duration
				for range perReader {
					s := list.Stories[rnd.IntN(len(list.Stories))]
					t1 := time.Now()
					if status, _ := ts.request(b, http.MethodGet, s.Href, "", nil, ""); status != http.StatusOK {
						b.Errorf("GET %s: %d", s.Href, status)
					}
					mine = append(mine, time.Since(t1))
				}
				mu.Lock()
				warm = append(warm, mine...)
				mu.Unlock()
			})
		}
		wg.Wait()
		b.ReportMetric(float64(readers*perReader)/time.Since(t0).Seconds(), "story-gets/s")
		b.ReportMetric(ms(percentile(cold, 50)), "cold-p50-ms")
		b.ReportMetric(ms(percentile(cold, 99)), "cold-p99-ms")
		b.ReportMetric(ms(percentile(warm, 50)), "p50-ms")
		b.ReportMetric(ms(percentile(warm, 99)), "p99-ms")
	}
}

func percentile(d []time.Duration, p int) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[min(len(s)-1, len(s)*p/100)]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
