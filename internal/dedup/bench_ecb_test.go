package dedup_test

import (
	"strings"
	"testing"

	"github.com/storyline/storyline/internal/dedup"
	"github.com/storyline/storyline/internal/ecbtest"
)

// BenchmarkSignECB signs every ECB+ article, whole (BenchmarkSign in
// bench_test.go signs one 3 KB prefix). story.NewDoc signs each article's
// title and text on every run, so the cost is paid per article per run. One
// op is the whole corpus; ns/article is set against the 400 µs/article
// budget.
func BenchmarkSignECB(b *testing.B) {
	recs := ecbtest.Items(b)
	texts := make([]string, len(recs))
	size := 0
	for i, r := range recs {
		texts[i] = strings.TrimSpace(r.Text)
		size += len(texts[i])
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			dedup.Sign(t)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(texts)), "ns/article")
}

// BenchmarkIndexAddECB adds the signatures of all 982 ECB+ articles (signed
// before timing) to a fresh index, in corpus order, as story detection does
// for every article it places. ECB+ holds many reports of the same events
// but few copies, so most Adds look up their bands and verify little: the
// common case of a news stream. One op is the whole corpus; ns/add is the
// cost of one Add, and copies/op how many near-copies the index found.
// BenchmarkIndexAdd in bench_test.go measures growth to 100,000 documents.
func BenchmarkIndexAddECB(b *testing.B) {
	recs := ecbtest.Items(b)
	sigs := make([]dedup.Signature, len(recs))
	for i, r := range recs {
		sigs[i] = dedup.Sign(strings.TrimSpace(r.Text))
	}
	b.ReportAllocs()
	copies := 0
	for b.Loop() {
		copies = 0
		ix := dedup.NewIndex()
		for i, s := range sigs {
			if orig, _ := ix.Add(recs[i].ID, s); orig != "" {
				copies++
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(sigs)), "ns/add")
	b.ReportMetric(float64(copies), "copies/op")
}
