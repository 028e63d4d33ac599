package ro_test

import (
	"fmt"

	"github.com/storyline/storyline/internal/analysis"
	_ "github.com/storyline/storyline/internal/analysis/lang/ro"
)

// Example shows the terms of a Romanian news sentence.
func Example() {
	fmt.Println(analysis.For("ro").Terms("Președintele belarus s-a întâlnit luni la Soci cu Vladimir Putin, în timp ce protestele continuă în țară. Președinții și protestul."))
	// Output: [presedint belarus intaln lun soc vladimir putin timp protest continu tar presedint protest]
}
