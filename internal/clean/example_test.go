package clean_test

import (
	"fmt"

	"github.com/storyline/storyline/internal/clean"
)

// Pages of one run are cleaned together: a line that recurs on unrelated
// pages is boilerplate. Every removed line is reported with its reason.
func ExampleCleaner_Clean() {
	pages := []clean.Page{{
		Text: `Ferry capsizes off Sumatra, dozens missing
Advertisement
A ferry carrying more than 80 passengers capsized in heavy seas off the west coast of Sumatra on Tuesday, and rescuers were still searching for dozens of people late in the evening.
Get our app for iPhone and Android
"The waves were higher than the boat," one survivor said.
Leave a comment
Storm warning for the Java Sea
Oil prices rise for a third day`,
	}, {
		Text: `Volcano erupts on Java
Mount Merapi sent ash clouds three kilometres into the sky on Wednesday, forcing the closure of the airport in Yogyakarta and the evacuation of villages on its slopes.
Get our app for iPhone and Android`,
	}}
	for _, r := range clean.New().Clean(pages) {
		fmt.Printf("%s (title from %s)\n", r.Title, r.TitleFrom)
		fmt.Println(r.Text)
		for _, rl := range r.Removed {
			fmt.Printf("  removed line %d, %s: %s\n", rl.Line, rl.Reason, rl.Text)
		}
	}
	// Output:
	// Ferry capsizes off Sumatra, dozens missing (title from heading)
	// A ferry carrying more than 80 passengers capsized in heavy seas off the west coast of Sumatra on Tuesday, and rescuers were still searching for dozens of people late in the evening.
	// "The waves were higher than the boat," one survivor said.
	//   removed line 2, advertisement: Advertisement
	//   removed line 4, recurs on 2 pages of this run: Get our app for iPhone and Android
	//   removed line 6, comment form: Leave a comment
	//   removed line 7, trailing headline after «Leave a comment»: Storm warning for the Java Sea
	//   removed line 8, trailing headline after «Leave a comment»: Oil prices rise for a third day
	// Volcano erupts on Java (title from heading)
	// Mount Merapi sent ash clouds three kilometres into the sky on Wednesday, forcing the closure of the airport in Yogyakarta and the evacuation of villages on its slopes.
	//   removed line 3, recurs on 2 pages of this run: Get our app for iPhone and Android
}
