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

// counts are the document frequencies of one language's docs, by id. Most
// languages of a collection are a handful of pages that use a sliver of
// its words and names, so counts start as a map and become a slice by id
// once they are dense enough that a slice takes less room.
type counts struct {
	dense  []int32
	sparse map[uint32]int32
	maxID  uint32
}

// get is the frequency of id, zero when never counted.
func (c *counts) get(id uint32) int32 {
	if c.dense != nil {
		if int(id) < len(c.dense) {
			return c.dense[id]
		}
		return 0
	}
	return c.sparse[id]
}

// inc counts one more doc using id.
func (c *counts) inc(id uint32) {
	if c.dense != nil {
		c.dense = atLeast(c.dense, int(id)+1)
		c.dense[id]++
		return
	}
	if c.sparse == nil {
		c.sparse = map[uint32]int32{}
	}
	c.sparse[id]++
	c.maxID = max(c.maxID, id)
	// A map entry takes about eight times a slice element.
	if n := len(c.sparse); n >= 1024 && n*8 > int(c.maxID) {
		c.dense = make([]int32, c.maxID+1)
		for k, v := range c.sparse {
			c.dense[k] = v
		}
		c.sparse = nil
	}
}

// idfCache holds rarity weights by id. An entry is valid when its stamp is
// the detector's current one, so that emptying the cache when frequencies
// change costs nothing (see Detector.countChanged). It is direct-mapped, a
// fixed number of slots each holding the last id that hashed there: a
// cache by id for every language would take 12 bytes per word and name
// ever seen, for each language, and a long history names millions. A miss
// costs a logarithm.
type idfCache struct {
	slots []idfSlot
}

type idfSlot struct {
	id, stamp uint32
	v         float64
}

// idfSlots is the number of slots of an idfCache (1 MiB): enough that the
// words and names of the articles and events being compared rarely evict
// each other.
const (
	idfBits  = 16
	idfSlots = 1 << idfBits
)

func idfSlotOf(id uint32) uint32 { return (id * 0x9E3779B1) >> (32 - idfBits) }

func (c *idfCache) get(id, stamp uint32) (float64, bool) {
	if c.slots == nil {
		return 0, false
	}
	if s := &c.slots[idfSlotOf(id)]; s.stamp == stamp && s.id == id {
		return s.v, true
	}
	return 0, false
}

func (c *idfCache) put(id, stamp uint32, x float64) {
	if c.slots == nil {
		c.slots = make([]idfSlot, idfSlots)
	}
	c.slots[idfSlotOf(id)] = idfSlot{id, stamp, x}
}
