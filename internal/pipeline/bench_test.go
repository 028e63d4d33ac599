package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"testing"
	"unicode"

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/store"
)

const ecbPlus = "../../../shared/data/ecbplus.jsonl"

// BenchmarkIngestClean runs ingest, clean, language and date over ECB+
// (982 records) without a store. Compare with BenchmarkReferenceWords,
// measured in the same run, for a machine-independent ratio.
func BenchmarkIngestClean(b *testing.B) {
	if _, err := os.Stat(ecbPlus); err != nil {
		b.Skip("../shared/data is absent")
	}
	info, _ := os.Stat(ecbPlus)
	b.SetBytes(info.Size())
	n := 0
	for b.Loop() {
		n = 0
		_, err := Run(context.Background(), []string{ecbPlus}, nil, Options{
			Done: func(a []*article.Article, _ []store.Outcome) { n += len(a) },
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkReferenceWords is the reference: read the same bytes and split
// them into words with a plain loop.
func BenchmarkReferenceWords(b *testing.B) {
	if _, err := os.Stat(ecbPlus); err != nil {
		b.Skip("../shared/data is absent")
	}
	info, _ := os.Stat(ecbPlus)
	b.SetBytes(info.Size())
	words := 0
	for b.Loop() {
		data, err := os.ReadFile(ecbPlus)
		if err != nil {
			b.Fatal(err)
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, 1<<24)
		words = 0
		for sc.Scan() {
			in := false
			for _, r := range string(sc.Bytes()) {
				w := unicode.IsLetter(r) || unicode.IsDigit(r)
				if w && !in {
					words++
				}
				in = w
			}
		}
	}
	if words == 0 {
		b.Fatal("no words")
	}
}
