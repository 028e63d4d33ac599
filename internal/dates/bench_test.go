package dates_test

import (
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline/internal/dates"
	"github.com/storyline/storyline/internal/ecbtest"
)

// ecbTexts returns the ECB+ texts, trimmed, and their total size.
func ecbTexts(b *testing.B) ([]string, int) {
	recs := ecbtest.Items(b)
	texts := make([]string, len(recs))
	size := 0
	for i, r := range recs {
		texts[i] = strings.TrimSpace(r.Text)
		size += len(texts[i])
	}
	return texts, size
}

// BenchmarkPublicationECB infers the publication date of every ECB+
// article. The pipeline calls Publication on each page once before cleaning
// (for a prefix or dateline) and again on the cleaned text when nothing was
// stated, so it is paid once or twice per article. One op is the whole
// corpus; ns/article is set against the 400 µs/article budget, and
// dated/article is the share of articles given a date, which shows the
// scanner did its work.
func BenchmarkPublicationECB(b *testing.B) {
	texts, size := ecbTexts(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	dated := 0
	for b.Loop() {
		dated = 0
		for _, t := range texts {
			if p, _ := dates.Publication(t, "en"); p.Known() {
				dated++
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(texts)), "ns/article")
	b.ReportMetric(float64(dated)/float64(len(texts)), "dated/article")
}

// BenchmarkResolveECB resolves every date each ECB+ article mentions
// against the article's own publication date (found before timing; articles
// without one use 3 May 2013), as story.NewDoc does for every article on
// every run. One op is the whole corpus; ns/article is set against the
// 400 µs/article budget, and dates/article shows how much was found.
func BenchmarkResolveECB(b *testing.B) {
	texts, size := ecbTexts(b)
	refs := make([]time.Time, len(texts))
	for i, t := range texts {
		refs[i] = time.Date(2013, 5, 3, 0, 0, 0, 0, time.UTC)
		if p, _ := dates.Publication(t, "en"); p.Known() {
			refs[i] = p.Time
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	found := 0
	for b.Loop() {
		found = 0
		for i, t := range texts {
			found += len(dates.Resolve(t, "en", refs[i]))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(texts)), "ns/article")
	b.ReportMetric(float64(found)/float64(len(texts)), "dates/article")
}
