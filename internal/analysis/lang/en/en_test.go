package en_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/storyline/storyline/internal/analysis"
	"github.com/storyline/storyline/internal/analysis/analysistest"
	_ "github.com/storyline/storyline/internal/analysis/lang/en"
)

func TestInflectionsConflateOnECBPlus(t *testing.T) {
	corpus := strings.Join(analysistest.Articles(t, "ecbplus.jsonl", "en", 0), "\n")
	groups := [][]string{
		{"check", "checks", "checked", "checking"},
		{"earthquake", "earthquakes"},
		{"killed", "kills", "killing"},
		{"arrested", "arrest", "arrests"},
	}
	en := analysis.For("en")
	for _, group := range groups {
		want := en.Terms(group[0])
		if len(want) != 1 {
			t.Fatalf("Terms(%q) = %q, want one term", group[0], want)
		}
		for _, w := range group {
			if !strings.Contains(corpus, " "+w+" ") {
				t.Errorf("%q is not in ECB+", w)
			}
			if got := en.Terms(w); !slices.Equal(got, want) {
				t.Errorf("Terms(%q) = %q, want %q like %q", w, got, want, group[0])
			}
		}
	}
}

func TestECBPlusTerms(t *testing.T) {
	en := analysis.For("en")
	for i, text := range analysistest.Articles(t, "ecbplus.jsonl", "en", 100) {
		for _, term := range en.Terms(text) {
			switch term {
			case "the", "and", "of", "to", "was", "her", "it", "s":
				t.Fatalf("text %d: stop word %q among the terms", i, term)
			}
		}
	}
}

func Example() {
	fmt.Println(analysis.For("en").Terms("Tara Reid checked herself into Promises, her rep told People; Reid's friends don't comment."))
	// Output:
	// [tara reid check promis rep told peopl reid friend comment]
}
