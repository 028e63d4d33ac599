package es_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/storyline/storyline/internal/analysis"
	"github.com/storyline/storyline/internal/analysis/analysistest"
	_ "github.com/storyline/storyline/internal/analysis/lang/es"
)

// TestInflectionsConflate takes words of the Spanish pages of the
// multilingual corpus and checks that their inflections land on one term.
func TestInflectionsConflate(t *testing.T) {
	corpus := strings.Join(analysistest.Articles(t, "multilingual.jsonl", "es", 0), "\n")
	groups := [][]string{
		{"atentado", "atentados"},
		{"terroristas", "terrorista"},
		{"heridos", "herido", "heridas"},
		{"presidente", "presidentes"},
		// Stemming runs on the accented word, so "huracán" meets
		// "huracanes"; a page that drops the accent ("huracan") is read as
		// a verb form and does not, the price of stemming correctly spelt
		// text correctly.
		{"huracán", "huracanes", "HURACÁN"},
	}
	es := analysis.For("es")
	for _, group := range groups {
		if !strings.Contains(corpus, group[0]) {
			t.Errorf("%q is not in the Spanish pages", group[0])
		}
		want := es.Terms(group[0])
		for _, w := range group[1:] {
			if got := es.Terms(w); len(want) != 1 || !slices.Equal(got, want) {
				t.Errorf("Terms(%q) = %q, want %q like %q", w, got, want, group[0])
			}
		}
	}
	for _, text := range analysistest.Articles(t, "multilingual.jsonl", "es", 0) {
		for _, term := range es.Terms(text) {
			switch term {
			case "el", "la", "los", "que", "de", "fue", "mas":
				t.Fatalf("stop word %q among the terms", term)
			}
		}
	}
}
