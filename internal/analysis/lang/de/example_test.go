package de_test

import (
	"fmt"

	"github.com/storyline/storyline/internal/analysis"
	_ "github.com/storyline/storyline/internal/analysis/lang/de"
)

// Example shows the terms of a German news sentence.
func Example() {
	fmt.Println(analysis.For("de").Terms("Der belarussische Präsident hat sich am Montag in Sotschi mit Wladimir Putin getroffen, während die Proteste im Land weitergehen. Die Präsidenten trafen sich."))
	// Output: [belaruss prasident montag sotschi wladimir putin getroff prot land weitergeh prasident traf]
}
