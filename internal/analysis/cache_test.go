package analysis

import (
	"fmt"
	"slices"
	"strconv"
	"sync"
	"testing"

	"github.com/blevesearch/snowballstem/french"

	"github.com/storyline/storyline/internal/analysis/analysistest"
)

// fresh returns an unregistered French-like analyzer with an empty cache.
func fresh() *Analyzer {
	return &Analyzer{lang: "t", stop: map[string]struct{}{"le": {}, "de": {}}, stem: Snowball(french.Stem)}
}

func TestCacheStaysBoundedAndCorrect(t *testing.T) {
	a := fresh()
	for i := range 3 * cacheLimit {
		tok := "mot" + strconv.Itoa(i) + "s"
		if got, want := a.term(tok), a.analyze(tok); got != want {
			t.Fatalf("term(%q) = %q, want %q", tok, got, want)
		}
	}
	a.cache.mu.Lock()
	n := len(a.cache.fresh) + len(*a.cache.frozen.Load())
	a.cache.mu.Unlock()
	if n > cacheLimit {
		t.Errorf("cache holds %d terms, limit %d", n, cacheLimit)
	}
	// Evicted and kept words alike still analyse right.
	for _, tok := range []string{"mot0s", "mot1s", fmt.Sprint("mot", 3*cacheLimit-1, "s"), "présidentes"} {
		if got, want := a.term(tok), a.analyze(tok); got != want {
			t.Errorf("term(%q) = %q after eviction, want %q", tok, got, want)
		}
	}
}

// TestConcurrentTerms runs analyzers from cold caches in many goroutines at
// once (run it with -race): every goroutine must get the terms a lone
// analyzer gets.
func TestConcurrentTerms(t *testing.T) {
	texts := append(analysistest.FrenchPages(t), analysistest.Articles(t, "multilingual.jsonl", "fr", 20)...)
	want := make([][]string, len(texts))
	for i, text := range texts {
		want[i] = fresh().Terms(text)
	}
	a := fresh()
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for k := range 3 * len(texts) {
				i := (k + g*5) % len(texts)
				if got := a.Terms(texts[i]); !slices.Equal(got, want[i]) {
					t.Errorf("goroutine %d, text %d: terms differ from a lone analyzer's", g, i)
					return
				}
			}
		})
	}
	wg.Wait()
}
