package no_test

import (
	"fmt"

	"github.com/storyline/storyline/internal/analysis"
	_ "github.com/storyline/storyline/internal/analysis/lang/no"
)

// Example shows the terms of a Norwegian news sentence.
func Example() {
	fmt.Println(analysis.For("nb").Terms("Hviterusslands president møtte Vladimir Putin i Sotsji på mandag, mens protestene i landet fortsetter. En protest."))
	// Output: [hviterussland president mott vladimir putin sotsji mandag protest land fortsett protest]
}
