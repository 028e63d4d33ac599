package story

import (
	"hash/maphash"
	"slices"
	"unsafe"
)

// vocab numbers the distinct words (or entity keys) a Detector has seen.
// The detector's weights, frequencies and index then hold small numbers
// instead of strings: looking up a number costs a fraction of hashing and
// comparing a string, which is most of what scoring does, and maps and
// slices of numbers hold no pointers for the garbage collector to scan —
// at a million articles that scan, not the scoring, would set the pace.
//
// The keys themselves are packed end to end in large blocks, found by a
// table of ids hashed by key: a long history names millions of people and
// places, and a map of strings took about 70 bytes a key besides the key,
// this takes about 16.
type vocab struct {
	seed   maphash.Seed
	slots  []uint32 // id+1 by hash of its key, linear probing; 0 is free
	locs   []uint64 // id → where its key is (see keyLoc)
	blocks [][]byte
}

// A key's location packs its block, its offset in the block and its
// length; a key too long for a block gets a block of its own, its length
// marked ownBlock.
const (
	blockSize = 1 << 20
	offBits   = 20
	lenBits   = 20
	ownBlock  = 1<<lenBits - 1
)

func newVocab() vocab { return vocab{seed: maphash.MakeSeed()} }

// len is the number of keys numbered.
func (v *vocab) len() int { return len(v.locs) }

// key is the key numbered id. It points into the vocab's blocks, which
// are never written over, so it stays valid for as long as it is held.
func (v *vocab) key(id uint32) string {
	loc := v.locs[id]
	block, off, n := loc>>(offBits+lenBits), loc>>lenBits&(1<<offBits-1), loc&(1<<lenBits-1)
	b := v.blocks[block]
	if n == ownBlock {
		n = uint64(len(b))
	}
	if n == 0 {
		return ""
	}
	return unsafe.String(&b[off], int(n))
}

// find is the slot of k: the one holding its id, or the free one where it
// would go.
func (v *vocab) find(k string) uint32 {
	mask := uint32(len(v.slots) - 1)
	for i := uint32(maphash.String(v.seed, k)) & mask; ; i = (i + 1) & mask {
		if id := v.slots[i]; id == 0 || v.key(id-1) == k {
			return i
		}
	}
}

// intern returns the id of k, numbering it if it is new. Ids are given in
// the order keys are first seen, so the same docs in the same order get the
// same ids in every run.
func (v *vocab) intern(k string) uint32 {
	if (len(v.locs)+1)*4 > len(v.slots)*3 {
		v.grow()
	}
	i := v.find(k)
	if id := v.slots[i]; id != 0 {
		return id - 1
	}
	// The key is copied into a block: it may be a slice of an article's
	// text, which should not be held for as long as the detector lives.
	var loc uint64
	last := len(v.blocks) - 1
	switch {
	case len(k) >= ownBlock:
		v.blocks = append(v.blocks, []byte(k))
		loc = uint64(len(v.blocks)-1)<<(offBits+lenBits) | ownBlock
	default:
		if last < 0 || len(v.blocks[last])+len(k) > blockSize {
			v.blocks = append(v.blocks, make([]byte, 0, blockSize))
			last = len(v.blocks) - 1
		}
		loc = uint64(last)<<(offBits+lenBits) | uint64(len(v.blocks[last]))<<lenBits | uint64(len(k))
		v.blocks[last] = append(v.blocks[last], k...)
	}
	id := uint32(len(v.locs))
	v.locs = append(v.locs, loc)
	v.slots[i] = id + 1
	return id
}

// grow doubles the slots and files every id again.
func (v *vocab) grow() {
	if v.seed == (maphash.Seed{}) {
		v.seed = maphash.MakeSeed()
	}
	n := max(64, 2*len(v.slots))
	v.slots = make([]uint32, n)
	for id := range v.locs {
		v.slots[v.find(v.key(uint32(id)))] = uint32(id) + 1
	}
}

// lookup returns the id of k, if k has been seen.
func (v *vocab) lookup(k string) (uint32, bool) {
	if len(v.slots) == 0 {
		return 0, false
	}
	id := v.slots[v.find(k)]
	return id - 1, id != 0
}

// snapshot is the vocab's keys as they stand, to read while the vocab
// goes on numbering (see decisionLog).
func (v *vocab) snapshot() vocab {
	return vocab{locs: v.locs[:len(v.locs):len(v.locs)], blocks: slices.Clone(v.blocks)}
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
