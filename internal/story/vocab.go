package story

import (
	"slices"
	"strings"
)

// vocab numbers the distinct words (or entity keys) a Detector has seen.
// The detector's weights, frequencies and index then hold small numbers
// instead of strings: looking up a number costs a fraction of hashing and
// comparing a string, which is most of what scoring does, and maps and
// slices of numbers hold no pointers for the garbage collector to scan —
// at a million articles that scan, not the scoring, would set the pace.
type vocab struct {
	ids  map[string]uint32
	keys []string // id → key
}

func newVocab() vocab { return vocab{ids: map[string]uint32{}} }

// intern returns the id of k, numbering it if it is new. Ids are given in
// the order keys are first seen, so the same docs in the same order get the
// same ids in every run.
func (v *vocab) intern(k string) uint32 {
	if id, ok := v.ids[k]; ok {
		return id
	}
	// A key may be a slice of an article's text: a copy keeps the text
	// from being held for as long as the detector lives.
	k = strings.Clone(k)
	id := uint32(len(v.keys))
	v.ids[k] = id
	v.keys = append(v.keys, k)
	return id
}

// lookup returns the id of k, if k has been seen.
func (v *vocab) lookup(k string) (uint32, bool) {
	id, ok := v.ids[k]
	return id, ok
}

// fw is a feature — an interned word or entity key — with a weight of its
// own: a doc's weights scaled by rarity (see Detector.scaled). Lists of
// features are kept sorted by id, so sums over them add up in the same
// order in every run.
type fw struct {
	id uint32
	w  float64
}

// feat is a feature of a doc: an interned word or entity key, and its
// weight as a number in the detector's weightTable. A doc's weights are
// few distinct values (1 + ln of small counts, the weight of a name
// mentioned once), so a feature takes 8 bytes instead of an fw's 16: the
// words of the docs are most of what detection holds.
type feat struct{ id, w uint32 }

// byID orders features by id.
func byID(a, b feat) int { return int(a.id) - int(b.id) }

func sortByID(list []feat) { slices.SortFunc(list, byID) }

// lookup finds id in a list sorted by id.
func lookup(list []feat, id uint32) (feat, bool) {
	i, found := slices.BinarySearchFunc(list, feat{id: id}, byID)
	if !found {
		return feat{}, false
	}
	return list[i], true
}

// weightTable numbers the distinct weights of docs' features (see feat).
type weightTable struct {
	vals  []float64 // number → weight
	codes map[float64]uint32
}

// code numbers a weight.
func (t *weightTable) code(w float64) uint32 {
	if c, ok := t.codes[w]; ok {
		return c
	}
	if t.codes == nil {
		t.codes = map[float64]uint32{}
	}
	c := uint32(len(t.vals))
	t.codes[w] = c
	t.vals = append(t.vals, w)
	return c
}

// atLeast returns s with at least n elements, the new ones zero.
func atLeast[T any](s []T, n int) []T {
	if len(s) >= n {
		return s
	}
	return append(s, make([]T, n-len(s))...)
}

// idfCache holds rarity weights by id. An entry is valid when its stamp is
// the detector's current one, so that emptying the cache when frequencies
// change costs nothing (see Detector.countChanged).
type idfCache struct {
	v     []float64
	stamp []uint32
}

func (c *idfCache) get(id, stamp uint32) (float64, bool) {
	if int(id) < len(c.stamp) && c.stamp[id] == stamp {
		return c.v[id], true
	}
	return 0, false
}

func (c *idfCache) put(id, stamp uint32, x float64) {
	c.v = atLeast(c.v, int(id)+1)
	c.stamp = atLeast(c.stamp, int(id)+1)
	c.v[id], c.stamp[id] = x, stamp
}
