package clean_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/storyline/storyline/internal/clean"
	"github.com/storyline/storyline/internal/ecbtest"
)

// site is the host of a URL without "www.", as ingest gives it to Page.Site.
func site(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// ecbPages returns the ECB+ records as the pipeline hands them to the
// cleaner: plain text, the site from the URL, no metadata title.
func ecbPages(b *testing.B) ([]clean.Page, int) {
	recs := ecbtest.Items(b)
	pages := make([]clean.Page, len(recs))
	size := 0
	for i, r := range recs {
		pages[i] = clean.Page{Site: site(r.URL), Text: r.Text}
		size += len(r.Text)
	}
	return pages, size
}

// BenchmarkCleanBatchECB cleans the 982 ECB+ pages in one call, as a run
// cleans a batch: one op is the whole batch, so the cross-page evidence
// (lines that recur across pages, counted per site and per group of copies)
// is paid as the pipeline pays it. Every page is cleaned before anything
// else can happen to it, so ns/page comes straight out of the
// 400 µs/article budget. (BenchmarkCleanECBPlus in clean_test.go measures
// the same call; this one sits with the other packages' ECB+ benchmarks.)
func BenchmarkCleanBatchECB(b *testing.B) {
	pages, size := ecbPages(b)
	c := clean.New()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		if res := c.Clean(pages); len(res) != len(pages) {
			b.Fatalf("%d results for %d pages", len(res), len(pages))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(pages)), "ns/page")
}

// BenchmarkCleanOneECB cleans the same pages one at a time, without
// cross-page evidence. Its difference from BenchmarkCleanBatchECB is what
// the recurring-line evidence costs per page, which tells whether the
// batch bookkeeping or the per-line work is worth optimising.
func BenchmarkCleanOneECB(b *testing.B) {
	pages, size := ecbPages(b)
	c := clean.New()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			c.CleanOne(p)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(pages)), "ns/page")
}
