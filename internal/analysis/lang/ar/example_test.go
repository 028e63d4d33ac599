package ar_test

import (
	"fmt"

	"github.com/storyline/storyline/internal/analysis"
	_ "github.com/storyline/storyline/internal/analysis/lang/ar"
)

// Example shows the terms of a Arabic news sentence.
func Example() {
	fmt.Println(analysis.For("ar").Terms("التقى الرئيس البيلاروسي ألكسندر لوكاشينكو يوم الاثنين بالرئيس الروسي فلاديمير بوتين في سوتشي وسط استمرار الاحتجاجات."))
	// Output: [تقي رييس بيلاروس الكسندر لوكاشينك يوم اثن رييس روس لاديمير وتين سوتش وسط استمرار احتجاج]
}
