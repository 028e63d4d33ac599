package dedup_test

import (
	"fmt"

	"github.com/storyline/storyline/internal/dedup"
)

func Example() {
	wire := `Storm closes port of Calais
Ferry crossings between Calais and Dover were suspended on Tuesday as winds of up to 110 km/h swept the Channel coast, the port authority said.
About 2,000 lorries were waiting on the motorway leading to the port, and police asked drivers to stay in their cabs.
The authority said crossings could resume on Wednesday morning if the wind dropped as forecast.`

	// The same wire copy on another site: new headline, one sentence
	// added, a figure updated.
	copied := `Calais port shut as storm hits Channel
Ferry crossings between Calais and Dover were suspended on Tuesday as winds of up to 110 km/h swept the Channel coast, the port authority said.
About 3,000 lorries were waiting on the motorway leading to the port, and police asked drivers to stay in their cabs.
Eurotunnel said its shuttles were running normally.
The authority said crossings could resume on Wednesday morning if the wind dropped as forecast.`

	// The same event in other words.
	rewrite := `Lorry drivers faced a long night near Calais after the port authority halted all ferries to Dover because of gale-force winds on Tuesday. Sailings may restart on Wednesday.`

	ix := dedup.NewIndex()
	for _, a := range []struct{ id, text string }{
		{"wire", wire}, {"copy", copied}, {"rewrite", rewrite},
	} {
		original, sim := ix.Add(a.id, dedup.Sign(a.text))
		if original == "" {
			fmt.Printf("%s: new\n", a.id)
		} else {
			fmt.Printf("%s: copy of %s (similarity %.2f)\n", a.id, original, sim)
		}
	}
	// Output:
	// wire: new
	// copy: copy of wire (similarity 0.56)
	// rewrite: new
}
