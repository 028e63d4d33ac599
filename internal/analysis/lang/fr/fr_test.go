package fr_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/storyline/storyline/internal/analysis"
	"github.com/storyline/storyline/internal/analysis/analysistest"
	_ "github.com/storyline/storyline/internal/analysis/lang/fr"
)

// TestInflectionsConflate takes inflected forms that occur in the sample
// pages and checks that each group lands on one term.
func TestInflectionsConflate(t *testing.T) {
	pages := strings.Join(analysistest.FrenchPages(t), "\n")
	groups := [][]string{
		{"président", "présidents", "Président", "president"},
		{"présidentielle", "présidentielles", "présidentiel"},
		{"biélorusse", "biélorusses", "Biélorusse"},
		{"manifestations", "manifestation", "manifestants"},
		{"élections", "élection"},
	}
	fr := analysis.For("fr")
	for _, group := range groups {
		if !strings.Contains(pages, group[0]) {
			t.Errorf("%q is not in the sample pages any more", group[0])
		}
		want := fr.Terms(group[0])
		if len(want) != 1 {
			t.Fatalf("Terms(%q) = %q, want one term", group[0], want)
		}
		for _, w := range group[1:] {
			if got := fr.Terms(w); !slices.Equal(got, want) {
				t.Errorf("Terms(%q) = %q, want %q like %q", w, got, want, group[0])
			}
		}
	}
}

func TestPagesTerms(t *testing.T) {
	fr := analysis.For("fr")
	for i, page := range analysistest.FrenchPages(t) {
		terms := fr.Terms(page)
		if len(terms) < 100 {
			t.Errorf("page %d: only %d terms", i, len(terms))
		}
		for _, stop := range []string{"le", "la", "les", "de", "des", "du", "et", "est", "a", "qu", "il", "l", "d"} {
			if slices.Contains(terms, stop) {
				t.Errorf("page %d: stop word %q among the terms", i, stop)
			}
		}
		for _, term := range terms {
			// Elisions are stripped and accents folded.
			if strings.ContainsAny(term, "'’éèêàç") {
				t.Errorf("page %d: term %q keeps an elision or an accent", i, term)
			}
		}
	}
}

func TestElision(t *testing.T) {
	fr := analysis.For("fr")
	for _, tt := range []struct{ in, like string }{
		{"l'ouragan", "ouragan"},
		{"d’anniversaire", "anniversaire"},
		{"l’opposition", "opposition"},
		{"qu’aujourd’hui", ""}, // aujourd'hui is a stop word
		{"s’entretenir", "entretenir"},
	} {
		got, want := fr.Terms(tt.in), fr.Terms(tt.like)
		if !slices.Equal(got, want) {
			t.Errorf("Terms(%q) = %q, want %q", tt.in, got, want)
		}
	}
}

func TestNamesAndDates(t *testing.T) {
	got := analysis.For("fr").Terms("Poutine et Loukachenko se rencontrent à Sotchi le 14 septembre 2020 : 13 000 manifestants.")
	want := []string{"poutin", "loukachenko", "rencontrent", "sotch", "14", "septembr", "2020", "13000", "manifest"}
	if !slices.Equal(got, want) {
		t.Errorf("Terms = %q, want %q", got, want)
	}
}

func Example() {
	fr := analysis.For("fr")
	fmt.Println(fr.Terms("Le président biélorusse s’est rendu à Sotchi pour l’entretien."))
	fmt.Println(fr.Terms("Les présidents biélorusses"))
	// Output:
	// [president bieloruss rendu sotch entretien]
	// [president bieloruss]
}
