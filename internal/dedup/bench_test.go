package dedup

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// BenchmarkSign signs the first 3 KB of an ECB+ article.
func BenchmarkSign(b *testing.B) {
	docs := loadECB(b)
	var text string
	for _, d := range docs {
		if len(d.Text) >= 3072 {
			text = d.Text[:3072]
			for !utf8.ValidString(text) {
				text = text[:len(text)-1]
			}
			break
		}
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Sign(text)
	}
}

// addPool returns the signatures of n synthetic articles for
// BenchmarkIndexAdd, built from ECB+ words and lines so that they overlap as
// a stream of news does, the same way at the end of the stream as at its
// start. Each has 250 words drawn at random from the corpus and one ECB+
// line (a quote, shared by the few articles around it in the stream, as
// quotes are shared by the articles on one event); every tenth is an edited
// copy of one of the 1,000 articles before it. With boilerplate, every
// article also carries the same 60-word paragraph, as a site's pages carry
// its furniture: the band keys that paragraph fills fill up to bucketCap.
func addPool(b *testing.B, n int, boilerplate bool) []Signature {
	docs := loadCorpus(b, "ecbplus")
	var lines, words []string
	for _, d := range docs {
		for _, l := range strings.Split(d.Text, "\n") {
			if len(l) > 40 {
				lines = append(lines, l)
			}
		}
		words = append(words, strings.Fields(d.Text)...)
	}
	furniture := strings.Join(words[:60], " ")
	rng := rand.New(rand.NewPCG(1, 2))
	pool := make([]Signature, n)
	texts := make([]string, n)
	for i := range pool {
		quote := lines[(i/8+rng.IntN(3))%len(lines)]
		if i%10 == 9 {
			headline := make([]string, 10)
			for k := range headline {
				headline[k] = words[rng.IntN(len(words))]
			}
			texts[i] = edit(texts[i-1-rng.IntN(min(i, 1000))], strings.Join(headline, " "), quote)
		} else {
			parts := make([]string, 0, 252)
			for range 250 {
				parts = append(parts, words[rng.IntN(len(words))])
			}
			parts = append(parts, "\n"+quote)
			if boilerplate {
				parts = append(parts, "\n"+furniture)
			}
			texts[i] = strings.Join(parts, " ")
		}
		pool[i] = Sign(texts[i])
	}
	return pool
}

// BenchmarkIndexAdd fills an index with 100,000 signatures and reports, for
// the first and the last 10,000 Adds, the mean time of an Add (ns/add-…) and
// the mean number of earlier documents it verified (verified/add-…). Work per
// Add that does not grow with the index shows as equal verified/add; the
// time still rises somewhat as the index outgrows the processor's caches.
// heap-B/doc is the memory the full index holds per document, signatures
// included.
func BenchmarkIndexAdd(b *testing.B) {
	const n, chunk = 100_000, 10_000
	for _, kind := range []string{"news", "boilerplate"} {
		pool := addPool(b, n, kind == "boilerplate")
		ids := make([]string, n)
		for i := range ids {
			ids[i] = fmt.Sprint(kind, i)
		}
		b.Run(kind, func(b *testing.B) {
			var first, last time.Duration
			var verifiedFirst, verifiedLast int
			var heap uint64
			for b.Loop() {
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				ix := NewIndex()
				for c := 0; c < n; c += chunk {
					start, verified := time.Now(), ix.verified
					for i := c; i < c+chunk; i++ {
						ix.Add(ids[i], pool[i])
					}
					switch c {
					case 0:
						first += time.Since(start)
						verifiedFirst += ix.verified - verified
					case n - chunk:
						last += time.Since(start)
						verifiedLast += ix.verified - verified
					}
				}
				runtime.GC()
				runtime.ReadMemStats(&after)
				heap += after.HeapAlloc - before.HeapAlloc
				runtime.KeepAlive(ix)
			}
			adds := float64(b.N * chunk)
			b.ReportMetric(float64(first.Nanoseconds())/adds, "ns/add-first")
			b.ReportMetric(float64(last.Nanoseconds())/adds, "ns/add-last")
			b.ReportMetric(float64(verifiedFirst)/adds, "verified/add-first")
			b.ReportMetric(float64(verifiedLast)/adds, "verified/add-last")
			b.ReportMetric(float64(heap)/float64(b.N*n), "heap-B/doc")
		})
	}
}
