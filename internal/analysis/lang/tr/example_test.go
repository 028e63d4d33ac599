package tr_test

import (
	"fmt"

	"github.com/storyline/storyline/internal/analysis"
	_ "github.com/storyline/storyline/internal/analysis/lang/tr"
)

// Example shows the terms of a Turkish news sentence.
func Example() {
	fmt.Println(analysis.For("tr").Terms("Belarus Cumhurbaşkanı pazartesi günü Soçi'de Vladimir Putin ile görüştü, ülkedeki protestolar ise devam ediyor. Protesto."))
	// Output: [belarus cumhurbaska pazartes gunu soci vladimir put gorus ulke protesto deva ediyor protesto]
}
