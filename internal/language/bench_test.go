package language_test

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/storyline/storyline/internal/language"
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

// BenchmarkDetectECB identifies the language of each ECB+ article, title
// (its first line) and body, as the pipeline does once per cleaned article.
// One op is the whole corpus; ns/article is what one article costs, to set
// against the 400 µs/article budget. Short texts are whatlanggo's weak
// point, but the cost that matters here is that of whole articles.
func BenchmarkDetectECB(b *testing.B) {
	recs := loadECBPlus(b)
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
