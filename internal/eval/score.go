// Package eval measures how well a clustering of articles matches gold
// labels — B-cubed, pairwise precision and recall, and the adjusted Rand
// index — and reads the gold-labelled corpora of shared/data.
//
// Every figure is computed from a contingency table (how many items each
// gold cluster shares with each predicted cluster), never by enumerating
// pairs, so a million items score in linear time. The formulas are written
// by hand: they are a few lines each, and no well-kept Go library offers
// them.
package eval

import (
	"slices"
)

// PRF is a precision, a recall and their harmonic mean.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// Scores compares a predicted clustering with a gold one over the same items.
type Scores struct {
	BCubed            PRF     `json:"bcubed"`
	Pairwise          PRF     `json:"pairwise"`
	ARI               float64 `json:"ari"` // adjusted Rand index
	GoldClusters      int     `json:"gold_clusters"`
	PredictedClusters int     `json:"predicted_clusters"`
	Items             int     `json:"items"`
}

// Score compares predicted with gold. Both map an item id to its cluster
// label; labels are only compared for equality, so the two sides need not
// share a vocabulary.
//
// The items scored are those of gold. An item missing from predicted counts
// as a singleton, a cluster of its own (an engine that drops an article has
// not grouped it with anything), and counts in PredictedClusters; an item
// only in predicted is ignored.
//
//   - B-cubed (Bagga and Baldwin 1998): for each item, precision is the share
//     of its predicted cluster that is in its gold cluster, recall the share
//     of its gold cluster that is in its predicted cluster; both are averaged
//     over items, and F1 is the harmonic mean of the two averages.
//   - Pairwise: precision is the share of the pairs put together by predicted
//     that gold puts together, recall the share of gold's pairs that
//     predicted puts together. With no pair to judge, a side is 1: a
//     clustering of singletons claims no wrong pair.
//   - ARI: the Rand index adjusted for chance (Hubert and Arabie 1985): 1 for
//     identical clusterings, about 0 for a random one, negative when worse
//     than chance.
//
// With no items at all, every figure is 0.
func Score(gold, predicted map[string]string) Scores {
	l := number(gold, predicted, nil)
	n := int64(len(l.gold))
	if n == 0 {
		return Scores{}
	}
	goldSize := make([]int64, l.goldClusters)
	predSize := make([]int64, l.predClusters)
	joint := make(map[[2]int32]int64)
	for i, g := range l.gold {
		p := l.pred[i]
		goldSize[g]++
		predSize[p]++
		joint[[2]int32{g, p}]++
	}

	// Σ n_ij²/b_j and Σ n_ij²/a_i, summed first in integers by cluster size
	// and then over the sizes in order, so that the figures do not change
	// from run to run with the order the maps are walked in.
	squaresByPredSize := make(map[int64]int64)
	squaresByGoldSize := make(map[int64]int64)
	var together int64 // pairs together in both clusterings
	for c, nij := range joint {
		squaresByPredSize[predSize[c[1]]] += nij * nij
		squaresByGoldSize[goldSize[c[0]]] += nij * nij
		together += pairs(nij)
	}
	goldPairs := sumPairs(goldSize)
	predPairs := sumPairs(predSize)

	return Scores{
		BCubed: harmonic(
			sumRatios(squaresByPredSize)/float64(n),
			sumRatios(squaresByGoldSize)/float64(n)),
		Pairwise:          harmonic(ratio(together, predPairs), ratio(together, goldPairs)),
		ARI:               adjustedRand(n, together, goldPairs, predPairs),
		GoldClusters:      l.goldClusters,
		PredictedClusters: l.predClusters,
		Items:             int(n),
	}
}

// ScoreCrossGroup is the pairwise score restricted to pairs of items in
// different groups: with group mapping an item to its language, it tells
// whether the engine matches articles across languages, which same-language
// pairs would otherwise swamp.
//
// Items are taken as in Score: those of gold, a missing prediction being a
// singleton. An item absent from group is left out, since whether its pairs
// cross groups is unknown. With no cross-group pair to judge, a side is 1.
func ScoreCrossGroup(gold, predicted, group map[string]string) PRF {
	if group == nil {
		group = map[string]string{} // no item has a group
	}
	l := number(gold, predicted, group)
	goldSize := make([]int64, l.goldClusters)
	predSize := make([]int64, l.predClusters)
	joint := make(map[[2]int32]int64)
	goldInGroup := make(map[[2]int32]int64)
	predInGroup := make(map[[2]int32]int64)
	jointInGroup := make(map[[3]int32]int64)
	for i, g := range l.gold {
		p, k := l.pred[i], l.group[i]
		goldSize[g]++
		predSize[p]++
		joint[[2]int32{g, p}]++
		goldInGroup[[2]int32{g, k}]++
		predInGroup[[2]int32{p, k}]++
		jointInGroup[[3]int32{g, p, k}]++
	}
	// Pairs across groups are all pairs less those within one group.
	goldCross := sumPairs(goldSize) - sumPairsOf(goldInGroup)
	predCross := sumPairs(predSize) - sumPairsOf(predInGroup)
	together := sumPairsOf(joint)
	for _, c := range jointInGroup {
		together -= pairs(c)
	}
	return harmonic(ratio(together, predCross), ratio(together, goldCross))
}

// labelling is the items of a gold map, numbered, with the gold cluster,
// predicted cluster and group of each as small integers.
type labelling struct {
	gold, pred, group []int32
	goldClusters      int
	predClusters      int
}

// number numbers the clusters of the items in gold. A nil group keeps every
// item and leaves labelling.group nil; otherwise items without a group are
// dropped.
func number(gold, predicted, group map[string]string) labelling {
	var l labelling
	l.gold = make([]int32, 0, len(gold))
	l.pred = make([]int32, 0, len(gold))
	goldIDs := make(map[string]int32)
	predIDs := make(map[string]int32)
	groupIDs := make(map[string]int32)
	groups := 0
	for id, g := range gold {
		var k string
		if group != nil {
			var ok bool
			if k, ok = group[id]; !ok {
				continue
			}
		}
		l.gold = append(l.gold, intern(goldIDs, g, &l.goldClusters))
		if p, ok := predicted[id]; ok {
			l.pred = append(l.pred, intern(predIDs, p, &l.predClusters))
		} else {
			// A singleton: the next number, which no label will take.
			l.pred = append(l.pred, int32(l.predClusters))
			l.predClusters++
		}
		if group != nil {
			l.group = append(l.group, intern(groupIDs, k, &groups))
		}
	}
	return l
}

// intern returns the number of label, giving it the next number, *next, if
// it is new.
func intern(ids map[string]int32, label string, next *int) int32 {
	id, ok := ids[label]
	if !ok {
		id = int32(*next)
		ids[label] = id
		*next++
	}
	return id
}

// pairs is the number of unordered pairs among n items.
func pairs(n int64) int64 { return n * (n - 1) / 2 }

func sumPairs(sizes []int64) int64 {
	var s int64
	for _, n := range sizes {
		s += pairs(n)
	}
	return s
}

func sumPairsOf[K comparable](counts map[K]int64) int64 {
	var s int64
	for _, n := range counts {
		s += pairs(n)
	}
	return s
}

// sumRatios returns Σ v/k over the map, adding in increasing order of k so
// that the result does not depend on map order.
func sumRatios(m map[int64]int64) float64 {
	keys := make([]int64, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var s float64
	for _, k := range keys {
		s += float64(m[k]) / float64(k)
	}
	return s
}

// ratio is num/den, or 1 when there is nothing to judge.
func ratio(num, den int64) float64 {
	if den == 0 {
		return 1
	}
	return float64(num) / float64(den)
}

func harmonic(precision, recall float64) PRF {
	f := PRF{Precision: precision, Recall: recall}
	if precision+recall > 0 {
		f.F1 = 2 * precision * recall / (precision + recall)
	}
	return f
}

// adjustedRand is Hubert and Arabie's ARI from pair counts: index is the
// pairs together in both clusterings, goldPairs and predPairs those together
// in each.
func adjustedRand(n, index, goldPairs, predPairs int64) float64 {
	all := pairs(n)
	// The denominator below is 0 only when both clusterings are all
	// singletons or both one cluster, that is when they are identical.
	if goldPairs == predPairs && (goldPairs == 0 || goldPairs == all) {
		return 1
	}
	expected := float64(goldPairs) * float64(predPairs) / float64(all)
	maximum := float64(goldPairs+predPairs) / 2
	return (float64(index) - expected) / (maximum - expected)
}
