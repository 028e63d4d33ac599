package all_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/storyline/storyline/internal/analysis"
	"github.com/storyline/storyline/internal/analysis/analysistest"
	_ "github.com/storyline/storyline/internal/analysis/lang/all"
)

// TestLanguages checks that every language with a Snowball stemmer that
// the language detector (whatlanggo) can name is registered, plus Polish
// and Chinese, which have stop words only.
func TestLanguages(t *testing.T) {
	want := []string{"ar", "da", "de", "en", "es", "fi", "fr", "hu", "it", "nb", "nl", "nn", "no", "pl", "pt", "ro", "ru", "sv", "ta", "tr", "zh"}
	if got := analysis.Languages(); !slices.Equal(got, want) {
		t.Errorf("Languages() = %q, want %q", got, want)
	}
	for _, lang := range want {
		if got := analysis.For(lang).Lang(); got != lang {
			t.Errorf("For(%q).Lang() = %q", lang, got)
		}
	}
}

// TestMultilingualCorpus analyses every page of the multilingual corpus
// with its language's analyzer: each must yield terms, none of them empty
// or a single letter.
func TestMultilingualCorpus(t *testing.T) {
	for _, lang := range []string{"en", "fr", "de", "es", "it", "nl", "pt", "ar"} {
		a := analysis.For(lang)
		for i, text := range analysistest.Articles(t, "multilingual.jsonl", lang, 0) {
			terms := a.Terms(text)
			if len(terms) < 20 {
				t.Errorf("%s page %d: only %d terms", lang, i, len(terms))
			}
			for _, term := range terms {
				if len([]rune(term)) < 2 || strings.ContainsAny(term, " \t\n-") {
					t.Fatalf("%s page %d: bad term %q", lang, i, term)
				}
			}
		}
	}
}

// BenchmarkTerms measures the analysis of real articles with a warm
// cache, the steady state of a news stream; b.N counts articles.
func BenchmarkTerms(b *testing.B) {
	corpora := []struct {
		name, lang string
		texts      []string
	}{
		{"fr-pages", "fr", analysistest.FrenchPages(b)},
		{"ecbplus-100", "en", analysistest.Articles(b, "ecbplus.jsonl", "en", 100)},
	}
	for _, c := range corpora {
		a := analysis.For(c.lang)
		size := 0
		for _, text := range c.texts {
			size += len(text)
			a.Terms(text) // warm the cache
		}
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(size / len(c.texts)))
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				a.Terms(c.texts[i%len(c.texts)])
				i++
			}
		})
		b.Run(c.name+"-parallel", func(b *testing.B) {
			b.SetBytes(int64(size / len(c.texts)))
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				var dst []string
				for i := 0; pb.Next(); i++ {
					dst = a.AppendTerms(dst[:0], c.texts[i%len(c.texts)])
				}
			})
		})
	}
}
