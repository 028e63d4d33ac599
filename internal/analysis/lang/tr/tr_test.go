package tr_test

import (
	"slices"
	"testing"

	"github.com/storyline/storyline/internal/analysis"
	_ "github.com/storyline/storyline/internal/analysis/lang/tr"
)

func TestApostropheSuffixesAndShortStems(t *testing.T) {
	tr := analysis.For("tr")
	for _, pair := range [][2]string{{"Soçi'de", "Soçi"}, {"Ankara’ya", "Ankara"}, {"kitaplar", "kitap"}} {
		a, b := tr.Terms(pair[0]), tr.Terms(pair[1])
		if len(a) != 1 || !slices.Equal(a, b) {
			t.Errorf("Terms(%q) = %q, Terms(%q) = %q, want one equal term", pair[0], a, pair[1], b)
		}
	}
	// Snowball stems "günü" (the day) to "g"; a one-letter stem is refused.
	if got := tr.Terms("günü"); !slices.Equal(got, []string{"gunu"}) {
		t.Errorf("Terms(günü) = %q, want [gunu]", got)
	}
}
