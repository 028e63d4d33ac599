package es_test

import (
	"fmt"

	"github.com/storyline/storyline/internal/analysis"
	_ "github.com/storyline/storyline/internal/analysis/lang/es"
)

// Example shows the terms of a Spanish news sentence.
func Example() {
	fmt.Println(analysis.For("es").Terms("El presidente bielorruso se reunió el lunes con Vladímir Putin en Sochi, mientras continúan las protestas en todo el país. Los presidentes se reunieron."))
	// Output: [president bielorrus reun lun vladim putin sochi continu protest pais president reun]
}
