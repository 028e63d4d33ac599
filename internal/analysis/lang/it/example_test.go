package it_test

import (
	"fmt"

	"github.com/storyline/storyline/internal/analysis"
	_ "github.com/storyline/storyline/internal/analysis/lang/it"
)

// Example shows the terms of a Italian news sentence.
func Example() {
	fmt.Println(analysis.For("it").Terms("Il presidente bielorusso ha incontrato lunedì Vladimir Putin a Sochi, mentre le proteste continuano in tutto il paese. I presidenti dell’Unione."))
	// Output: [president bieloruss incontr luned vladim putin soch protest continu paes president union]
}
