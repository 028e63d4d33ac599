package dates_test

import (
	"fmt"

	"github.com/storyline/storyline/internal/dates"
)

func ExamplePublication() {
	text := "Loukachenko à Sotchi\nPublié le 14/09/2020 à 10h32\nLe président biélorusse…"
	p, _ := dates.Publication(text, "fr")
	fmt.Println(p.Time, p.Precision, p.Exact, p.From)

	p, n := dates.Publication(" date 2020-09 Le président biélorusse…", "fr")
	fmt.Println(p.Time.Format("2006-01"), p.Precision, p.From, n)
	// Output:
	// 2020-09-14 10:32:00 +0000 UTC time true dateline
	// 2020-09 month prefix 14
}

func ExampleFindAll() {
	text := "élu le 9 août 2020, il rencontre Poutine le 14 septembre 2020 ; le 9 août seul n'est pas une date."
	for _, m := range dates.FindAll(text, "fr") {
		fmt.Printf("%q %s\n", text[m.Start:m.End], m.Time.Format("2006-01-02"))
	}
	// Output:
	// "9 août 2020" 2020-08-09
	// "14 septembre 2020" 2020-09-14
}
