package ro_test

import (
	"slices"
	"testing"

	"github.com/storyline/storyline/internal/analysis"
	_ "github.com/storyline/storyline/internal/analysis/lang/ro"
)

// Romanian is written with comma-below ș ț today and with cedilla ş ţ in
// older text: both must stem alike.
func TestCommaAndCedillaSpellings(t *testing.T) {
	ro := analysis.For("ro")
	for _, pair := range [][2]string{{"președinții", "preşedinţii"}, {"națiunile", "naţiunile"}, {"Președintele", "președinte"}} {
		a, b := ro.Terms(pair[0]), ro.Terms(pair[1])
		if len(a) != 1 || !slices.Equal(a, b) {
			t.Errorf("Terms(%q) = %q, Terms(%q) = %q, want one equal term", pair[0], a, pair[1], b)
		}
	}
}
