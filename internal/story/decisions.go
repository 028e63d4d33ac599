package story

import (
	"encoding/binary"
	"math"
	"sort"
)

// decisionLog keeps the decision of every article placed, compactly: a
// Decision spelled out (ids as strings, the shared entities as a list of
// strings for each of five candidates) took about 1.9 KB an article, a
// fifth of what detection held per article, while a placement's numbers
// and a few ids take about 300 bytes. Decisions are spelled out when asked
// for (Detector.Decision, Result.Assignment): once each, when the result is
// saved. The log holds no doc or event, so a Result keeps it without
// keeping the detector.
type decisionLog struct {
	ids     []string // article ids, by doc index
	entKeys vocab    // entity keys, by id; set in a snapshot (the detector's own log reads its vocabulary)
	join    float64  // Params.Join: the threshold every decision shows
	entries []placement
	// arena holds each placement's candidates, from placement.start, as
	// varints: their number, then for each the index of its event's first
	// article, its score, text, entity and time parts (thousandths), its
	// number of articles, its number of shared entities and their ids,
	// each but the first as its difference from the one before (they are
	// in increasing order) — a third of the room of fixed-size numbers.
	arena []byte
}

// placement is where one article went, in numbers.
type placement struct {
	event     int32 // doc index of the first article of the event joined or opened, as placed
	copyOf    int32 // doc index of the article it is a near-copy of, or -1
	copyScore int32 // thousandths
	score     int32 // thousandths
	start     int   // where its candidates begin in the arena
	isNew     bool
}

// milli is a score rounded to 3 decimals (see round) as thousandths, which
// milliValue turns back into exactly the same float64.
func milli(x float64) int32 { return int32(math.Round(x * 1000)) }

func milliValue(k int32) float64 { return float64(k) / 1000 }

// decision spells out the decision of doc i, entity ids read in entKeys.
func (l *decisionLog) decision(i int, entKeys *vocab) Decision {
	p := l.entries[i]
	dec := Decision{
		Doc:       l.ids[i],
		Event:     "e-" + l.ids[p.event],
		New:       p.isNew,
		Score:     milliValue(p.score),
		Threshold: l.join,
	}
	if p.copyOf >= 0 {
		dec.CopyOf, dec.CopyScore = l.ids[p.copyOf], milliValue(p.copyScore)
	}
	r := arenaReader{l.arena[p.start:]}
	n := int(r.uint())
	dec.Candidates = make([]Candidate, 0, n)
	for range n {
		c := Candidate{Event: "e-" + l.ids[r.uint()]}
		c.Score, c.Text, c.Entity, c.Time = milliValue(r.int()), milliValue(r.int()), milliValue(r.int()), milliValue(r.int())
		c.Articles = int(r.uint())
		if shared := int(r.uint()); shared > 0 {
			c.Shared = make([]string, shared)
			id := uint64(0)
			for j := range shared {
				id += r.uint()
				c.Shared[j] = entKeys.key(uint32(id))
			}
			sort.Strings(c.Shared)
		}
		dec.Candidates = append(dec.Candidates, c)
	}
	return dec
}

// startCandidates begins the candidates of a placement, n of them, and
// returns where they start in the arena.
func (l *decisionLog) startCandidates(n int) int {
	start := len(l.arena)
	l.arena = binary.AppendUvarint(l.arena, uint64(n))
	return start
}

// addCandidate logs one candidate: the event whose first article is
// first, of size articles, scored s, sharing the entity ids shared (in
// increasing order).
func (l *decisionLog) addCandidate(first int, s similarity, articles int, shared []uint32) {
	a := binary.AppendUvarint(l.arena, uint64(first))
	for _, x := range [...]float64{s.score, s.text, s.ent, s.time} {
		a = binary.AppendVarint(a, int64(milli(x)))
	}
	a = binary.AppendUvarint(a, uint64(articles))
	a = binary.AppendUvarint(a, uint64(len(shared)))
	prev := uint32(0)
	for _, id := range shared {
		a = binary.AppendUvarint(a, uint64(id-prev))
		prev = id
	}
	l.arena = a
}

// arenaReader reads the varints of a decisionLog's arena in turn.
type arenaReader struct{ b []byte }

func (r *arenaReader) uint() uint64 {
	x, n := binary.Uvarint(r.b)
	r.b = r.b[n:]
	return x
}

func (r *arenaReader) int() int32 {
	x, n := binary.Varint(r.b)
	r.b = r.b[n:]
	return int32(x)
}

// snapshot is the log as it stands, for a Result: the detector appends to
// its own log after, beyond what the snapshot reads.
func (l *decisionLog) snapshot(entKeys vocab) *decisionLog {
	return &decisionLog{
		ids:     l.ids[:len(l.ids):len(l.ids)],
		entKeys: entKeys,
		join:    l.join,
		entries: l.entries[:len(l.entries):len(l.entries)],
		arena:   l.arena[:len(l.arena):len(l.arena)],
	}
}

// Decision is the decision the detector made for the i-th article added.
func (d *Detector) Decision(i int) Decision { return d.log.decision(i, &d.ents) }

// Assignment is Assignments[i] with its decision, which a Result made by a
// Detector spells out only when asked for (see decisionLog); a Result
// read from a store has it in Assignments already.
func (r Result) Assignment(i int) Assignment {
	a := r.Assignments[i]
	if r.log != nil {
		a.Decision = r.log.decision(i, &r.log.entKeys)
	}
	return a
}
