package ta_test

import (
	"fmt"

	"github.com/storyline/storyline/internal/analysis"
	_ "github.com/storyline/storyline/internal/analysis/lang/ta"
)

// Example shows the terms of a Tamil news sentence.
func Example() {
	fmt.Println(analysis.For("ta").Terms("பெலாரஸ் ஜனாதிபதி திங்கள்கிழமை சோச்சியில் விளாடிமிர் புடினை சந்தித்தார், நாட்டில் போராட்டங்கள் தொடர்கின்றன. போராட்டம்."))
	// Output: [பெலாரஸ் ஜனாதிபதி திங்கள்கிழம் சோச்சி விளாடிமிர் புடி சந்தி நாடு போராட்டம் தொடர் போராட்டம்]
}
