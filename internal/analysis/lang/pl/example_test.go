package pl_test

import (
	"fmt"

	"github.com/storyline/storyline/internal/analysis"
	_ "github.com/storyline/storyline/internal/analysis/lang/pl"
)

// Example shows the terms of a Polish news sentence.
func Example() {
	fmt.Println(analysis.For("pl").Terms("Prezydent Białorusi spotkał się w poniedziałek z Władimirem Putinem w Soczi, podczas gdy protesty w kraju trwają nadal."))
	// Output: [prezydent bialorusi spotkal poniedzialek wladimirem putinem soczi protesty kraju trwaja nadal]
}
