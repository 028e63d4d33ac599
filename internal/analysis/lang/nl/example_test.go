package nl_test

import (
	"fmt"

	"github.com/storyline/storyline/internal/analysis"
	_ "github.com/storyline/storyline/internal/analysis/lang/nl"
)

// Example shows the terms of a Dutch news sentence.
func Example() {
	fmt.Println(analysis.For("nl").Terms("De Wit-Russische president heeft maandag in Sotsji Vladimir Poetin ontmoet, terwijl de protesten in het land doorgaan. Het protest."))
	// Output: [wit russisch president maandag sotsji vladimir poetin ontmoet protest land doorgan protest]
}
