package analysis_test

import (
	"fmt"

	"github.com/storyline/storyline/internal/analysis"
	_ "github.com/storyline/storyline/internal/analysis/lang/all"
)

func ExampleAnalyzer_Terms() {
	fr := analysis.For("fr")
	fmt.Println(fr.Terms("L’ouragan Irma a frappé Saint-Martin le 6 septembre 2017 : 13 000 sinistrés."))
	fmt.Println(fr.Terms("Les ouragans ont frappé les îles"))
	// Output:
	// [ouragan irma frapp saint martin septembr 2017 13000 sinistr]
	// [ouragan frapp ile]
}

func ExampleTokens() {
	for _, t := range analysis.Tokens("Putin's d’anniversaire, 78.761 cas") {
		fmt.Printf("%q %d-%d\n", t.Text, t.Start, t.End)
	}
	// Output:
	// "Putin" 0-5
	// "anniversaire" 12-24
	// "78.761" 26-32
	// "cas" 33-36
}
