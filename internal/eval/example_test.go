package eval_test

import (
	"fmt"

	"github.com/storyline/storyline/internal/eval"
)

func ExampleScore() {
	gold := map[string]string{
		"a": "sochi-meeting", "b": "sochi-meeting", "c": "sochi-meeting",
		"d": "birthday-call", "e": "minsk-visit",
	}
	// The engine merged the birthday call into the meeting and dropped e.
	predicted := map[string]string{"a": "1", "b": "1", "c": "1", "d": "1"}

	s := eval.Score(gold, predicted)
	fmt.Printf("B-cubed P %.3f R %.3f F1 %.3f\n", s.BCubed.Precision, s.BCubed.Recall, s.BCubed.F1)
	fmt.Printf("pairwise P %.3f R %.3f, ARI %.3f\n", s.Pairwise.Precision, s.Pairwise.Recall, s.ARI)
	fmt.Println(s.Items, "items,", s.GoldClusters, "gold clusters,", s.PredictedClusters, "predicted")
	// Output:
	// B-cubed P 0.700 R 1.000 F1 0.824
	// pairwise P 0.500 R 1.000, ARI 0.444
	// 5 items, 3 gold clusters, 2 predicted
}
