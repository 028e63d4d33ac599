package eval

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// clustering builds an item → label map from clusters written as
// "a b c|d e": items separated by spaces, clusters by bars, each cluster
// labelled by its position.
func clustering(s string) map[string]string {
	m := make(map[string]string)
	for i, c := range strings.Split(s, "|") {
		for _, id := range strings.Fields(c) {
			m[id] = "c" + strconv.Itoa(i)
		}
	}
	return m
}

const tolerance = 1e-12

func near(a, b float64) bool { return math.Abs(a-b) <= tolerance }

func nearPRF(a, b PRF) bool {
	return near(a.Precision, b.Precision) && near(a.Recall, b.Recall) && near(a.F1, b.F1)
}

func f1(p, r float64) float64 { return 2 * p * r / (p + r) }

func TestScoreByHand(t *testing.T) {
	tests := []struct {
		name            string
		gold, predicted string
		want            Scores
	}{
		{
			name:      "perfect, labels renamed",
			gold:      "a b c|d e|f",
			predicted: "f|d e|a b c",
			want: Scores{
				BCubed:       PRF{1, 1, 1},
				Pairwise:     PRF{1, 1, 1},
				ARI:          1,
				GoldClusters: 3, PredictedClusters: 3, Items: 6,
			},
		},
		{
			// B-cubed P: every predicted cluster is pure, 1.
			// B-cubed R = (3·1/3 + 2·1/2)/5 = 2/5; F1 = 2·(2/5)/(7/5) = 4/7.
			// Pairwise: no predicted pair, P = 1 by convention; R = 0/4.
			// ARI: index 0, gold pairs 3+1 = 4, predicted pairs 0, so the
			// expected index is 0 and the maximum 2: (0-0)/(2-0) = 0.
			name:      "all singletons",
			gold:      "a b c|d e",
			predicted: "a|b|c|d|e",
			want: Scores{
				BCubed:       PRF{1, 2.0 / 5, 4.0 / 7},
				Pairwise:     PRF{1, 0, 0},
				ARI:          0,
				GoldClusters: 2, PredictedClusters: 5, Items: 5,
			},
		},
		{
			// B-cubed P = (3·3/5 + 2·2/5)/5 = 13/25; R = 1;
			// F1 = 2·(13/25)/(38/25) = 13/19.
			// Pairwise: 4 of the 10 predicted pairs are gold pairs: P = 2/5,
			// R = 4/4, F1 = 2·(2/5)/(7/5) = 4/7.
			// ARI: index 4, expected 4·10/10 = 4, maximum (4+10)/2 = 7:
			// (4-4)/(7-4) = 0.
			name:      "all in one cluster",
			gold:      "a b c|d e",
			predicted: "a b c d e",
			want: Scores{
				BCubed:       PRF{13.0 / 25, 1, 13.0 / 19},
				Pairwise:     PRF{2.0 / 5, 1, 4.0 / 7},
				ARI:          0,
				GoldClusters: 2, PredictedClusters: 1, Items: 5,
			},
		},
		{
			// Bagga and Baldwin (1998), "Algorithms for scoring coreference
			// chains", their example of two responses that MUC scores alike.
			// Gold: {1-5} {6 7} {8-C}. Response: {1-5} {6-C}.
			// B-cubed P = (5·5/5 + 2·2/7 + 5·5/7)/12 = (5 + 29/7)/12 = 16/21
			// (the paper's 76%); R = 1; F1 = 2·(16/21)/(37/21) = 32/37.
			// Pairwise: predicted pairs 10 + 21 = 31, of which 10+1+10 = 21
			// are gold pairs: P = 21/31, R = 1, F1 = 42/52 = 21/26.
			// ARI: index 21, expected 21·31/66, maximum 26:
			// (21 - 651/66)/(26 - 651/66) = 735/1065 = 49/71.
			name:      "Bagga and Baldwin, response 1",
			gold:      "1 2 3 4 5|6 7|8 9 A B C",
			predicted: "1 2 3 4 5|6 7 8 9 A B C",
			want: Scores{
				BCubed:       PRF{16.0 / 21, 1, 32.0 / 37},
				Pairwise:     PRF{21.0 / 31, 1, 21.0 / 26},
				ARI:          49.0 / 71,
				GoldClusters: 3, PredictedClusters: 2, Items: 12,
			},
		},
		{
			// Same gold. Response: {1-5 8-C} {6 7}.
			// B-cubed P = (10·5/10 + 2·2/2)/12 = 7/12 (the paper's 58%):
			// merging two big clusters costs more than a big and a small.
			// R = 1; F1 = 2·(7/12)/(19/12) = 14/19.
			// Pairwise: predicted pairs 45 + 1 = 46, of which 21 are gold
			// pairs: P = 21/46, R = 1, F1 = 42/67.
			// ARI: index 21, expected 21·46/66 = 161/11, maximum 67/2:
			// (21 - 161/11)/(67/2 - 161/11) = (70/11)/(415/22) = 28/83.
			name:      "Bagga and Baldwin, response 2",
			gold:      "1 2 3 4 5|6 7|8 9 A B C",
			predicted: "1 2 3 4 5 8 9 A B C|6 7",
			want: Scores{
				BCubed:       PRF{7.0 / 12, 1, 14.0 / 19},
				Pairwise:     PRF{21.0 / 46, 1, 42.0 / 67},
				ARI:          28.0 / 83,
				GoldClusters: 3, PredictedClusters: 2, Items: 12,
			},
		},
		{
			// scikit-learn's documented example: adjusted_rand_score(
			// [0, 0, 1, 2], [0, 0, 1, 1]) = 0.57. Index 1, gold pairs 1,
			// predicted pairs 2, all pairs 6: expected 1/3, maximum 3/2,
			// (2/3)/(7/6) = 4/7.
			// B-cubed P = (2·2/2 + 2·1/2)/4 = 3/4, R = 1, F1 = 6/7.
			name:      "scikit-learn ARI example",
			gold:      "a b|c|d",
			predicted: "a b|c d",
			want: Scores{
				BCubed:       PRF{3.0 / 4, 1, 6.0 / 7},
				Pairwise:     PRF{1.0 / 2, 1, 2.0 / 3},
				ARI:          4.0 / 7,
				GoldClusters: 3, PredictedClusters: 2, Items: 4,
			},
		},
		{
			name:      "one item",
			gold:      "a",
			predicted: "a",
			want: Scores{
				BCubed: PRF{1, 1, 1}, Pairwise: PRF{1, 1, 1}, ARI: 1,
				GoldClusters: 1, PredictedClusters: 1, Items: 1,
			},
		},
		{
			name:      "no items",
			gold:      "",
			predicted: "a b",
			want:      Scores{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Score(clustering(tt.gold), clustering(tt.predicted))
			if !nearPRF(got.BCubed, tt.want.BCubed) || !nearPRF(got.Pairwise, tt.want.Pairwise) ||
				!near(got.ARI, tt.want.ARI) || got.GoldClusters != tt.want.GoldClusters ||
				got.PredictedClusters != tt.want.PredictedClusters || got.Items != tt.want.Items {
				t.Errorf("Score =\n %+v, want\n %+v", got, tt.want)
			}
		})
	}
}

func TestScoreMissingItems(t *testing.T) {
	gold := clustering("a b c|d e")
	// c is missing: it counts as a singleton. z is not in gold: ignored.
	predicted := map[string]string{"a": "x", "b": "x", "d": "y", "e": "y", "z": "x"}
	explicit := map[string]string{"a": "x", "b": "x", "c": "c alone", "d": "y", "e": "y"}
	got, want := Score(gold, predicted), Score(gold, explicit)
	if got != want {
		t.Errorf("with c missing and z extra: %+v, want %+v", got, want)
	}
	// By hand: B-cubed P = 1; R = (2/3+2/3+1/3+1+1)/5 = 11/15.
	if !near(got.BCubed.Recall, 11.0/15) || got.BCubed.Precision != 1 || got.PredictedClusters != 3 {
		t.Errorf("B-cubed %+v with %d predicted clusters, want recall 11/15, precision 1, 3 clusters",
			got.BCubed, got.PredictedClusters)
	}

	// Missing items are each their own singleton, not one cluster together.
	if got := Score(gold, nil); got.BCubed.Precision != 1 || got.PredictedClusters != 5 {
		t.Errorf("nothing predicted: %+v, want B-cubed precision 1 over 5 singletons", got)
	}
}

// randomClustering labels items "0" to "n-1" with one of k labels at random.
func randomClustering(r *rand.Rand, n, k int) map[string]string {
	m := make(map[string]string, n)
	for i := range n {
		m[strconv.Itoa(i)] = strconv.Itoa(r.IntN(k))
	}
	return m
}

func TestScoreRandomLabellingARINearZero(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const n = 200_000
	for _, k := range []int{2, 50, 1000} {
		s := Score(randomClustering(r, n, k), randomClustering(r, n, k))
		if math.Abs(s.ARI) > 0.005 {
			t.Errorf("%d random clusters: ARI %g, want about 0", k, s.ARI)
		}
		if s.Items != n || s.GoldClusters != k || s.PredictedClusters != k {
			t.Errorf("%d random clusters: counted %+v", k, s)
		}
	}
}

func TestScoreSymmetry(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 50 {
		n := 1 + r.IntN(60)
		a, b := randomClustering(r, n, 1+r.IntN(n)), randomClustering(r, n, 1+r.IntN(n))
		ab, ba := Score(a, b), Score(b, a)
		// Swapping the sides swaps precision and recall and keeps F1 and ARI.
		swapped := func(x, y PRF) bool {
			return near(x.Precision, y.Recall) && near(x.Recall, y.Precision) && near(x.F1, y.F1)
		}
		if !swapped(ab.BCubed, ba.BCubed) || !swapped(ab.Pairwise, ba.Pairwise) || !near(ab.ARI, ba.ARI) ||
			ab.GoldClusters != ba.PredictedClusters {
			t.Fatalf("not symmetric:\n a,b %+v\n b,a %+v", ab, ba)
		}
		// Against itself, every figure is 1.
		if s := Score(a, a); !nearPRF(s.BCubed, PRF{1, 1, 1}) || !nearPRF(s.Pairwise, PRF{1, 1, 1}) || s.ARI != 1 {
			t.Fatalf("a clustering against itself: %+v", s)
		}
	}
}

// TestScoreAgainstPairs checks the contingency-table formulas against the
// definitions, computed item by item and pair by pair.
func TestScoreAgainstPairs(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 200 {
		n := 1 + r.IntN(40)
		gold := randomClustering(r, n, 1+r.IntN(n))
		predicted := randomClustering(r, n+5, 1+r.IntN(n))
		for id := range predicted { // some missing, some extra
			if r.IntN(8) == 0 {
				delete(predicted, id)
			}
		}
		got, want := Score(gold, predicted), scoreByPairs(gold, predicted)
		if !nearPRF(got.BCubed, want.BCubed) || !nearPRF(got.Pairwise, want.Pairwise) || !near(got.ARI, want.ARI) ||
			got.Items != want.Items || got.GoldClusters != want.GoldClusters || got.PredictedClusters != want.PredictedClusters {
			t.Fatalf("gold %v predicted %v:\n got  %+v\n want %+v", gold, predicted, got, want)
		}
	}
}

// scoreByPairs is Score computed from the definitions, in O(n²).
func scoreByPairs(gold, predicted map[string]string) Scores {
	ids := make([]string, 0, len(gold))
	for id := range gold {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	pred := func(id string) string {
		if p, ok := predicted[id]; ok {
			return "label " + p
		}
		return "alone " + id
	}
	n := float64(len(ids))
	var bp, br float64
	var together, goldPairs, predPairs float64
	for _, i := range ids {
		var inPred, inGold, inBoth float64
		for _, j := range ids {
			sg, sp := gold[i] == gold[j], pred(i) == pred(j)
			if sg {
				inGold++
			}
			if sp {
				inPred++
			}
			if sg && sp {
				inBoth++
			}
			if i < j {
				if sg {
					goldPairs++
				}
				if sp {
					predPairs++
				}
				if sg && sp {
					together++
				}
			}
		}
		bp += inBoth / inPred
		br += inBoth / inGold
	}
	s := Scores{Items: len(ids)}
	golds, preds := map[string]bool{}, map[string]bool{}
	for _, id := range ids {
		golds[gold[id]], preds[pred(id)] = true, true
	}
	s.GoldClusters, s.PredictedClusters = len(golds), len(preds)
	s.BCubed = PRF{bp / n, br / n, f1(bp/n, br/n)}
	div := func(a, b float64) float64 {
		if b == 0 {
			return 1
		}
		return a / b
	}
	s.Pairwise = PRF{div(together, predPairs), div(together, goldPairs), 0}
	if p, r := s.Pairwise.Precision, s.Pairwise.Recall; p+r > 0 {
		s.Pairwise.F1 = f1(p, r)
	}
	// ARI in its pair-confusion form (as scikit-learn computes it), an
	// independent check of the contingency form.
	tp, fp, fn := together, predPairs-together, goldPairs-together
	tn := n*(n-1)/2 - tp - fp - fn
	if fp == 0 && fn == 0 {
		s.ARI = 1
	} else {
		s.ARI = 2 * (tp*tn - fn*fp) / ((tp+fn)*(fn+tn) + (tp+fp)*(fp+tn))
	}
	return s
}

func TestScoreCrossGroupByHand(t *testing.T) {
	// Gold: {e1 e2 f1} {f2 d1}. Predicted: {e1 e2} {f1 f2 d1}.
	// Cross-language gold pairs: e1-f1, e2-f1, f2-d1 = 3.
	// Cross-language predicted pairs: f1-d1, f2-d1 (e1-e2 and f1-f2 are
	// same-language) = 2, of which f2-d1 is a gold pair.
	// P = 1/2, R = 1/3, F1 = 2·(1/6)/(5/6) = 2/5.
	gold := clustering("e1 e2 f1|f2 d1")
	predicted := clustering("e1 e2|f1 f2 d1")
	lang := map[string]string{"e1": "en", "e2": "en", "f1": "fr", "f2": "fr", "d1": "de"}
	want := PRF{1.0 / 2, 1.0 / 3, 2.0 / 5}
	if got := ScoreCrossGroup(gold, predicted, lang); !nearPRF(got, want) {
		t.Errorf("ScoreCrossGroup = %+v, want %+v", got, want)
	}

	// An item without a group is left out with all its pairs: without e2,
	// gold keeps e1-f1 and f2-d1, predicted keeps f1-d1 and f2-d1.
	delete(lang, "e2")
	if got := ScoreCrossGroup(gold, predicted, lang); !nearPRF(got, PRF{1.0 / 2, 1.0 / 2, 1.0 / 2}) {
		t.Errorf("without e2's language: %+v, want all 1/2", got)
	}
	// Without d1 too, gold keeps e1-f1 and predicted no pair.
	delete(lang, "d1")
	if got := ScoreCrossGroup(gold, predicted, lang); !nearPRF(got, PRF{1, 0, 0}) {
		t.Errorf("without d1's language: %+v, want precision 1 (no pair), recall 0", got)
	}

	if got := ScoreCrossGroup(gold, predicted, nil); got != (PRF{1, 1, 1}) {
		t.Errorf("no groups: %+v, want all 1", got)
	}
	// One group only: no cross pair to judge.
	same := map[string]string{"e1": "en", "e2": "en", "f1": "en", "f2": "en", "d1": "en"}
	if got := ScoreCrossGroup(gold, predicted, same); got != (PRF{1, 1, 1}) {
		t.Errorf("one group: %+v, want all 1", got)
	}
}

func TestScoreCrossGroupAgainstPairs(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for range 200 {
		n := 1 + r.IntN(40)
		gold := randomClustering(r, n, 1+r.IntN(n))
		predicted := randomClustering(r, n, 1+r.IntN(n))
		group := randomClustering(r, n, 1+r.IntN(4))
		for id := range predicted {
			if r.IntN(8) == 0 {
				delete(predicted, id)
			}
			if r.IntN(8) == 0 {
				delete(group, id)
			}
		}
		got, want := ScoreCrossGroup(gold, predicted, group), crossByPairs(gold, predicted, group)
		if !nearPRF(got, want) {
			t.Fatalf("gold %v predicted %v group %v:\n got  %+v\n want %+v", gold, predicted, group, got, want)
		}
	}
}

func crossByPairs(gold, predicted, group map[string]string) PRF {
	var ids []string
	for id := range gold {
		if _, ok := group[id]; ok {
			ids = append(ids, id)
		}
	}
	pred := func(id string) string {
		if p, ok := predicted[id]; ok {
			return "label " + p
		}
		return "alone " + id
	}
	var together, goldPairs, predPairs float64
	for a, i := range ids {
		for _, j := range ids[a+1:] {
			if group[i] == group[j] {
				continue
			}
			sg, sp := gold[i] == gold[j], pred(i) == pred(j)
			if sg {
				goldPairs++
			}
			if sp {
				predPairs++
			}
			if sg && sp {
				together++
			}
		}
	}
	p, r := 1.0, 1.0
	if predPairs > 0 {
		p = together / predPairs
	}
	if goldPairs > 0 {
		r = together / goldPairs
	}
	out := PRF{Precision: p, Recall: r}
	if p+r > 0 {
		out.F1 = f1(p, r)
	}
	return out
}

func BenchmarkScore(b *testing.B) {
	for _, n := range []int{10_000, 1_000_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			r := rand.New(rand.NewPCG(9, 10))
			gold, predicted := randomClustering(r, n, n/10), randomClustering(r, n, n/8)
			b.ResetTimer()
			for b.Loop() {
				Score(gold, predicted)
			}
		})
	}
}
