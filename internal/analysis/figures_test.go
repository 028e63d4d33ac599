package analysis

import (
	"slices"
	"testing"
)

func TestFigures(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		// One figure, written the ways our languages write it.
		{"Bayer paiera 66 milliards de dollars", []string{"66e9"}},
		{"a $66 billion deal", []string{"66e9"}},
		{"por 66.000 millones de dólares", []string{"66e9"}},
		{"für 66 Milliarden US-Dollar", []string{"66e9"}},
		{"makes $62B offer", []string{"62e9"}},
		{"US$ 1.500 millones", []string{"15e8"}},
		{"$1.5 billion", []string{"15e8"}},
		{"un milliard et demi, 1,5 milliard", []string{"15e8"}},
		{"55,2 Milliarden Euro", []string{"552e8"}},
		{"55.2 billion euros", []string{"552e8"}},
		{"127,50 Dollar je Aktie", []string{"1275e-1"}},
		{"$127.50 a share", []string{"1275e-1"}},
		{"870.000 Euro", []string{"87e4"}},
		{"13 000 personnes", []string{"13e3"}},
		{"66 mil millones", []string{"66e9"}},
		// Different magnitudes stay apart.
		{"55 milliards d'euros, 55 milioni di anni luce, à 3:55", []string{"55e9", "55e6", "55"}},
		// Years and counts are figures too; round ones are not.
		{"En 2018, 13 morts et 100 blessés, 2 millions", []string{"2018", "13"}},
		{"Le 14 septembre", []string{"14"}},
		{"military 12 milano", []string{"12"}},
		{"", nil},
	} {
		if got := Figures(c.text); !slices.Equal(got, c.want) {
			t.Errorf("Figures(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
