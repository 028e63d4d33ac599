package language_test

import (
	"strings"
	"testing"

	"github.com/storyline/storyline/internal/ecbtest"
	"github.com/storyline/storyline/internal/language"
)

// BenchmarkDetectECB identifies the language of each ECB+ article, title
// (its first line) and body, as the pipeline does once per cleaned article.
// One op is the whole corpus; ns/article is what one article costs, to set
// against the 400 µs/article budget. Short texts are whatlanggo's weak
// point, but the cost that matters here is that of whole articles.
func BenchmarkDetectECB(b *testing.B) {
	recs := ecbtest.Items(b)
	titles := make([]string, len(recs))
	bodies := make([]string, len(recs))
	size := 0
	for i, r := range recs {
		titles[i], bodies[i], _ = strings.Cut(strings.TrimSpace(r.Text), "\n")
		size += len(r.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	english := 0
	for b.Loop() {
		english = 0
		for i := range titles {
			if lang, _ := language.Detect(titles[i], bodies[i]); lang == "en" {
				english++
			}
		}
	}
	if english < len(recs)*9/10 {
		b.Fatalf("%d of %d articles detected as English", english, len(recs))
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(recs)), "ns/article")
}
