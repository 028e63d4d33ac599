package entities_test

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/storyline/storyline/internal/entities"
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

// BenchmarkExtractECB finds the names in every ECB+ article (title line and
// body, one paragraph per line) with lang "en". story.NewDoc runs Extract on
// every article's title and body, so it is paid once per article on every
// run that replays the history. One op is the whole corpus; ns/article is
// set against the 400 µs/article budget, and mentions/article shows the
// work is real. BenchmarkExtract in bench_test.go measures French pages.
func BenchmarkExtractECB(b *testing.B) {
	recs := loadECBPlus(b)
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
