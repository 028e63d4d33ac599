package de_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/storyline/storyline/internal/analysis"
	"github.com/storyline/storyline/internal/analysis/analysistest"
	_ "github.com/storyline/storyline/internal/analysis/lang/de"
)

// TestInflectionsConflate takes words of the German pages of the
// multilingual corpus and checks that their inflections land on one term.
func TestInflectionsConflate(t *testing.T) {
	corpus := strings.Join(analysistest.Articles(t, "multilingual.jsonl", "de", 0), "\n")
	groups := [][]string{
		{"Verletzten", "Verletzte", "verletzte"},
		{"Anschlag", "Anschläge", "Anschlägen", "Anschlags"},
		{"Präsident", "Präsidenten", "PRÄSIDENT"},
		{"Hurrikan", "Hurrikans", "Hurrikane"},
		{"Straße", "Strasse", "Straßen"},
	}
	de := analysis.For("de")
	for _, group := range groups {
		if !strings.Contains(corpus, group[0]) {
			t.Errorf("%q is not in the German pages", group[0])
		}
		want := de.Terms(group[0])
		for _, w := range group[1:] {
			if got := de.Terms(w); len(want) != 1 || !slices.Equal(got, want) {
				t.Errorf("Terms(%q) = %q, want %q like %q", w, got, want, group[0])
			}
		}
	}
	for _, text := range analysistest.Articles(t, "multilingual.jsonl", "de", 0) {
		for _, term := range de.Terms(text) {
			switch term {
			case "der", "die", "und", "ist", "wurd", "nicht":
				t.Fatalf("stop word %q among the terms", term)
			}
		}
	}
}
