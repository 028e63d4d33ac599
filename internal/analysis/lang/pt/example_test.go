package pt_test

import (
	"fmt"

	"github.com/storyline/storyline/internal/analysis"
	_ "github.com/storyline/storyline/internal/analysis/lang/pt"
)

// Example shows the terms of a Portuguese news sentence.
func Example() {
	fmt.Println(analysis.For("pt").Terms("O presidente bielorrusso encontrou-se na segunda-feira com Vladimir Putin em Sochi, enquanto os protestos continuam no país. Os presidentes."))
	// Output: [president bielorruss encontr segund feir vladim putin soch protest continu pais president]
}
