package entities_test

import (
	"strings"
	"testing"

	"github.com/storyline/storyline/internal/ecbtest"
	"github.com/storyline/storyline/internal/entities"
)

// BenchmarkExtractECB finds the names in every ECB+ article (title line and
// body, one paragraph per line) with lang "en". story.NewDoc runs Extract on
// every article's title and body, so it is paid once per article on every
// run that replays the history. One op is the whole corpus; ns/article is
// set against the 400 µs/article budget, and mentions/article shows the
// work is real. BenchmarkExtract in bench_test.go measures French pages.
func BenchmarkExtractECB(b *testing.B) {
	recs := ecbtest.Items(b)
	texts := make([]string, len(recs))
	size := 0
	for i, r := range recs {
		texts[i] = strings.TrimSpace(r.Text)
		size += len(texts[i])
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	mentions := 0
	for b.Loop() {
		mentions = 0
		for _, t := range texts {
			mentions += len(entities.Extract(t, "en"))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(texts)), "ns/article")
	b.ReportMetric(float64(mentions)/float64(len(texts)), "mentions/article")
}
