package clean_test

import (
	"encoding/json"
	"errors"
	"io"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/storyline/storyline/internal/clean"
)

const ecbPlus = "../../../shared/data/ecbplus.jsonl"

// ecbRecord is the part of an ECB+ record the benchmarks read.
type ecbRecord struct {
	ID   string `json:"id"`
	URL  string `json:"url"`
	Text string `json:"text"`
}

// loadECBPlus reads the 982 ECB+ records, or skips the benchmark when the
// shared data is absent (a bare checkout).
func loadECBPlus(b *testing.B) []ecbRecord {
	b.Helper()
	f, err := os.Open(ecbPlus)
	if err != nil {
		b.Skip("../shared/data is absent")
	}
	defer f.Close()
	var recs []ecbRecord
	dec := json.NewDecoder(f)
	for {
		var r ecbRecord
		if err := dec.Decode(&r); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			b.Fatalf("%s record %d: %v", ecbPlus, len(recs)+1, err)
		}
		recs = append(recs, r)
	}
	if len(recs) == 0 {
		b.Fatal("no records in " + ecbPlus)
	}
	return recs
}

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
	recs := loadECBPlus(b)
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
