package da_test

import (
	"fmt"

	"github.com/storyline/storyline/internal/analysis"
	_ "github.com/storyline/storyline/internal/analysis/lang/da"
)

// Example shows the terms of a Danish news sentence.
func Example() {
	fmt.Println(analysis.For("da").Terms("Hviderusslands præsident mødtes mandag med Vladimir Putin i Sotji, mens protesterne i landet fortsætter. En protest."))
	// Output: [hviderussland praesident modt mandag vladimir putin sotji protest land fortsaet protest]
}
