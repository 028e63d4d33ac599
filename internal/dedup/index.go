package dedup

import (
	"fmt"
	"math"
)

// Index finds, for each document added, an earlier near-copy of it. Documents
// are kept as their signatures; LSH banding (Rajaraman & Ullman, Mining of
// Massive Datasets, ch. 3) cuts each signature into bands and files the
// document under one key per band, so an Add looks only at documents that
// share a band with it — never at all documents — and verifies each of those
// on the whole signatures. An Add costs at most bands map look-ups and
// bands × bucketCap verifications, whatever the size of the index.
//
// Memory per document is its signature (4·Size = 512 bytes), its id, and a
// map entry per band (8 bytes, about 20 with the map's own overhead) or, for
// keys shared by several documents, 4 bytes in a list: about 1.2 KB in all.
//
// Answers depend only on the signatures and the order of the Adds. An Index
// is not safe for concurrent use: call Add from one goroutine, or guard the
// Index with a mutex.
type Index struct {
	ids []string
	// pages hold the signatures, pageSize to a page, so that growing the
	// index never copies them all.
	pages [][]Signature
	// keys maps a band key to the only document filed under it, or, with
	// shared set, to the index in lists of the documents filed under it.
	keys  map[uint32]uint32
	lists [][]uint32 // oldest first, at most bucketCap long

	verified int // candidates verified on their signatures, for benchmarks
}

const pageSize = 1 << 12

// shared marks a keys value that indexes lists rather than naming a document.
const shared = 1 << 31

// minAgree is the number of equal signature values that makes a near-copy:
// the least n with n/Size ≥ Threshold.
var minAgree = int(math.Ceil(Threshold * Size))

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{keys: make(map[uint32]uint32)}
}

// Add registers document id with signature s and returns the earliest-added
// document whose signature is at least Threshold similar to s, with that
// similarity, or "" and 0 if there is none. Texts that fold to the same words
// have similarity 1, so exact copies are always found. A zero signature (a
// text without words) is never a copy and is not indexed. Ids are not
// checked for uniqueness. An Index holds at most 2³¹ documents; Add panics
// beyond.
//
// Each document points at the earliest document it copies, which was itself
// added earlier, so following the answers from any document ends at the
// first of its group of copies.
func (ix *Index) Add(id string, s Signature) (original string, similarity float64) {
	if s.IsZero() {
		return "", 0
	}
	if len(ix.ids) >= shared {
		panic(fmt.Sprintf("dedup: index full (%d documents)", len(ix.ids)))
	}
	doc := uint32(len(ix.ids))
	var keys [bands]uint32
	best, agree := ix.earliest(&s, &keys)
	for _, key := range keys {
		v, ok := ix.keys[key]
		switch {
		case !ok:
			ix.keys[key] = doc
		case v&shared == 0:
			ix.keys[key] = shared | uint32(len(ix.lists))
			ix.lists = append(ix.lists, []uint32{v, doc})
		default:
			if list := ix.lists[v&^shared]; len(list) < bucketCap {
				ix.lists[v&^shared] = append(list, doc)
			}
		}
	}
	ix.ids = append(ix.ids, id)
	if doc%pageSize == 0 {
		ix.pages = append(ix.pages, nil) // grows by append up to pageSize
	}
	ix.pages[doc/pageSize] = append(ix.pages[doc/pageSize], s)
	if best == doc {
		return "", 0
	}
	return ix.ids[best], float64(agree) / Size
}

// Find is Add without adding: the earliest-added document at least
// Threshold similar to s, with that similarity, or "" and 0. A caller
// that keeps its documents in generations of indexes (the newest taking
// Adds, the older only Finds) drops the oldest whole.
func (ix *Index) Find(s Signature) (original string, similarity float64) {
	if s.IsZero() {
		return "", 0
	}
	var keys [bands]uint32
	best, agree := ix.earliest(&s, &keys)
	if best == uint32(len(ix.ids)) {
		return "", 0
	}
	return ix.ids[best], float64(agree) / Size
}

// earliest is the earliest document filed under a band key of s that is
// at least Threshold similar to it, with the number of values they share,
// or len(ids) (none) and 0; it fills keys with s's band keys. A document
// is verified on the whole signatures only if it is earlier than the
// copy already found.
func (ix *Index) earliest(s *Signature, keys *[bands]uint32) (best uint32, agree int) {
	best = uint32(len(ix.ids))
	consider := func(c uint32) {
		if c >= best {
			return // not earlier than the copy already found
		}
		ix.verified++
		if a := ix.signature(c).agreementsAtLeast(s, minAgree); a >= minAgree {
			best, agree = c, a
		}
	}
	for b := range keys {
		keys[b] = bandKey(s, b)
		v, ok := ix.keys[keys[b]]
		switch {
		case !ok:
		case v&shared == 0:
			consider(v)
		default:
			for _, c := range ix.lists[v&^shared] {
				consider(c)
			}
		}
	}
	return best, agree
}

// Len is the number of documents added.
func (ix *Index) Len() int { return len(ix.ids) }

// signature returns the signature of document doc.
func (ix *Index) signature(doc uint32) *Signature {
	return &ix.pages[doc/pageSize][doc%pageSize]
}

// bandKey hashes band b of s together with b, so equal values in different
// bands do not share a key. Keys are 32 bits to keep the map small; two bands
// that differ but share a key only cost one verification.
func bandKey(s *Signature, b int) uint32 {
	h := uint64(b) << 32
	for _, v := range s.Values[b*rows : (b+1)*rows] {
		h = mix64(h ^ uint64(v))
	}
	return uint32(h >> 32)
}
