package hu_test

import (
	"fmt"

	"github.com/storyline/storyline/internal/analysis"
	_ "github.com/storyline/storyline/internal/analysis/lang/hu"
)

// Example shows the terms of a Hungarian news sentence.
func Example() {
	fmt.Println(analysis.For("hu").Terms("A belarusz elnök hétfőn Szocsiban találkozott Vlagyimir Putyinnal, miközben az országban folytatódnak a tüntetések. A tüntetés."))
	// Output: [belarusz eln hetfo szocs talalkozot vlagyimir puty mikoz orszag folytato tuntetes tuntetes]
}
