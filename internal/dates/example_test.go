package dates_test

import (
	"fmt"
	"time"

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

func ExampleResolve() {
	text := "Poutine a appelé Loukachenko dimanche, trois semaines après l'élection du 9 août. " +
		"Ils se verront lundi 14 septembre ; hier, le Kremlin l'a confirmé."
	published := time.Date(2020, 8, 31, 0, 0, 0, 0, time.UTC)
	for _, r := range dates.Resolve(text, "fr", published) {
		fmt.Printf("%q %s\n", text[r.Start:r.End], r.Time.Format("Mon 2006-01-02"))
	}
	// Output:
	// "dimanche" Sun 2020-08-30
	// "9 août" Sun 2020-08-09
	// "lundi 14 septembre" Mon 2020-09-14
	// "hier" Sun 2020-08-30
}
