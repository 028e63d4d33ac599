package story

import "slices"

// postingLists is the index candidate retrieval reads: for each index key
// (a term id, or an entity id marked with entKey), the recent events filed
// under it. Keys are numbered for every word and name ever seen, most of
// which no live event holds any more once the history is long (a name of
// last month's story), so a key costs 4 bytes here — the place of its
// list, or none — and only the lists in use take room. A list whose
// events are all dead (closed, emptied, or merged into a dead one) is
// let go by sweep and its place reused.
type postingLists struct {
	termList, entList []uint32  // key id → 1 + index in lists; 0 for none
	lists             [][]int32 // events filed under a key, oldest first
	keyOf             []uint32  // index in lists → its key (see sweep)
	free              []uint32  // indexes in lists let go, for reuse
	cursor            int       // where the next sweep starts
}

// place is where key's list index is kept.
func (pl *postingLists) place(key uint32) *uint32 {
	if key&entKey != 0 {
		id := int(key &^ entKey)
		pl.entList = atLeast(pl.entList, id+1)
		return &pl.entList[id]
	}
	pl.termList = atLeast(pl.termList, int(key)+1)
	return &pl.termList[key]
}

// list is key's list, made on demand; the pointer is good until the next
// list is made.
func (pl *postingLists) list(key uint32) *[]int32 {
	at := pl.place(key)
	if *at == 0 {
		var i uint32
		if n := len(pl.free); n > 0 {
			i, pl.free = pl.free[n-1], pl.free[:n-1]
			pl.keyOf[i] = key
		} else {
			i = uint32(len(pl.lists))
			pl.lists = append(pl.lists, nil)
			pl.keyOf = append(pl.keyOf, key)
		}
		*at = i + 1
	}
	return &pl.lists[*at-1]
}

// get is key's list, nil when none.
func (pl *postingLists) get(key uint32) []int32 {
	places, id := pl.termList, int(key)
	if key&entKey != 0 {
		places, id = pl.entList, int(key&^entKey)
	}
	if id < len(places) && places[id] != 0 {
		return pl.lists[places[id]-1]
	}
	return nil
}

// sweepPostings looks at the next n posting lists and lets go of those
// whose events are all dead. That changes no retrieval: a dead event is
// never a candidate again (see candidates), and a list that gains events
// after being let go keeps the same most recent PostingCap live ones it
// would have kept.
func (d *Detector) sweepPostings(n int) {
	pl := &d.post
	for ; n > 0 && len(pl.lists) > 0; n-- {
		if pl.cursor >= len(pl.lists) {
			pl.cursor = 0
		}
		i := pl.cursor
		pl.cursor++
		list := pl.lists[i]
		if list == nil || slices.ContainsFunc(list, d.live) {
			continue
		}
		pl.lists[i] = nil
		*pl.place(pl.keyOf[i]) = 0
		pl.free = append(pl.free, uint32(i))
	}
}

// live reports whether an event may still be a candidate: dead events —
// merged into one, or themselves, without members (emptied, or closed:
// see close) — never gain members again.
func (d *Detector) live(ei int32) bool { return d.size[d.find(int(ei))] > 0 }
