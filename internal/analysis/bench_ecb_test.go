package analysis_test

import (
	"strings"
	"testing"

	"github.com/storyline/storyline/internal/analysis"
	_ "github.com/storyline/storyline/internal/analysis/lang/all"
	"github.com/storyline/storyline/internal/ecbtest"
)

// BenchmarkTermsECB analyses every ECB+ article with the registered English
// analyzer, analysis.For("en"), as story.NewDoc does for each article's
// body. The analyzer's term cache is warmed by one pass before timing: a run
// that replays the stored history sees each word many times, so the steady
// state (tokenize, fold, one cache look-up per token) is the cost that scales
// with the corpus; BenchmarkTermsStream in bench_test.go measures the cold
// start. One op is the whole corpus; ns/article is set against the
// 400 µs/article budget.
func BenchmarkTermsECB(b *testing.B) {
	recs := ecbtest.Items(b)
	texts := make([]string, len(recs))
	size := 0
	for i, r := range recs {
		texts[i] = strings.TrimSpace(r.Text)
		size += len(texts[i])
	}
	an := analysis.For("en")
	if an.Lang() != "en" {
		b.Fatalf("analysis.For(\"en\") is %q: lang/all not linked?", an.Lang())
	}
	for _, t := range texts {
		an.Terms(t) // warm the cache
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	terms := 0
	for b.Loop() {
		terms = 0
		for _, t := range texts {
			terms += len(an.Terms(t))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(texts)), "ns/article")
	b.ReportMetric(float64(terms)/float64(len(texts)), "terms/article")
}
