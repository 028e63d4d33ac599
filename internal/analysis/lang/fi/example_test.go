package fi_test

import (
	"fmt"

	"github.com/storyline/storyline/internal/analysis"
	_ "github.com/storyline/storyline/internal/analysis/lang/fi"
)

// Example shows the terms of a Finnish news sentence.
func Example() {
	fmt.Println(analysis.For("fi").Terms("Valko-Venäjän presidentti tapasi Vladimir Putinin Sotšissa maanantaina, kun mielenosoitukset maassa jatkuvat. Mielenosoitus."))
	// Output: [valko venaj president tapa vladimir putin sots maanant mielenosoituks maas jatkuv mielenosoitus]
}
