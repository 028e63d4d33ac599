package analysis

import (
	"testing"

	"github.com/blevesearch/snowballstem/english"

	"github.com/storyline/storyline/internal/analysis/analysistest"
)

// BenchmarkTermsCold measures the first sight of an article: an analyzer
// with an empty cache, so every word is lower-cased, folded and stemmed.
// b.N counts articles.
func BenchmarkTermsCold(b *testing.B) {
	texts := analysistest.FrenchPages(b)
	size := 0
	for _, text := range texts {
		size += len(text)
	}
	b.SetBytes(int64(size / len(texts)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		fresh().Terms(texts[i%len(texts)])
		i++
	}
}

// BenchmarkTokens measures the tokenizer alone on the French pages.
func BenchmarkTokens(b *testing.B) {
	texts := analysistest.FrenchPages(b)
	size := 0
	for _, text := range texts {
		size += len(text)
	}
	b.SetBytes(int64(size / len(texts)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		s := scanner{text: texts[i%len(texts)]}
		for {
			if _, ok := s.next(); !ok {
				break
			}
		}
		i++
	}
}

// BenchmarkTermsStream measures a stream from a cold start: one op is
// the whole ECB+ corpus (982 articles) through an analyzer whose cache
// starts empty, so the first sightings of words are paid as they come.
func BenchmarkTermsStream(b *testing.B) {
	texts := analysistest.Articles(b, "ecbplus.jsonl", "en", 0)
	size := 0
	for _, text := range texts {
		size += len(text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		a := &Analyzer{lang: "t", stem: Snowball(english.Stem)}
		var dst []string
		for _, text := range texts {
			dst = a.AppendTerms(dst[:0], text)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(texts)), "ns/article")
}
