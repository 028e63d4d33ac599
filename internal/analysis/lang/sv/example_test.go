package sv_test

import (
	"fmt"

	"github.com/storyline/storyline/internal/analysis"
	_ "github.com/storyline/storyline/internal/analysis/lang/sv"
)

// Example shows the terms of a Swedish news sentence.
func Example() {
	fmt.Println(analysis.For("sv").Terms("Belarus president träffade Vladimir Putin i Sotji på måndagen, medan protesterna i landet fortsätter. En protest."))
	// Output: [belarus president traff vladimir putin sotji mandag protest landet fortsat protest]
}
