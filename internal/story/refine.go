package story

import (
	"sort"
	"time"
)

// refine moves articles that an earlier, smaller state of the events placed
// badly: each article, in arrival order, is scored against its own event
// (without itself) and against the candidate events, and moves when another
// event takes it and scores it higher. Online placement sees events while
// they are still small; refinement sees them whole. Near-copies stay with
// their originals.
func (d *Detector) refine(passes int) {
	for pass := 0; pass < passes; pass++ {
		moved := 0
		for di := d.settledBefore; di < len(d.docs); di++ {
			if d.reconsider(di) {
				moved++
			}
		}
		if moved == 0 {
			return
		}
	}
}

// reconsider is refine for one article: it reports whether the article
// moved.
func (d *Detector) reconsider(di int) bool {
	if d.copyOf[di] >= 0 {
		return false
	}
	doc := d.docs[di]
	cur := d.find(d.docEvent[di])
	e := d.events[cur]
	if len(e.docs) == 1 {
		// Alone, it has nothing to compare against but others. A short
		// article scores low against everything; what counts is that one
		// event stands out: it attaches to the best event when that
		// scores well above the runner-up. With no runner-up (a small
		// collection, or one story among unrelated ones), the event has
		// to stand out from AttachMin, the level of chance resemblance.
		best, s, second := d.bestTwo(doc, cur)
		if second <= 0 {
			second = d.p.AttachMin
		}
		if best >= 0 && (s >= d.p.Join || s >= d.p.AttachMin && s >= d.p.AttachMargin*second) {
			d.move(di, cur, best)
			return true
		}
		return false
	}
	d.unjoin(e, di)
	own := d.score(doc, e)
	best, s := d.bestOther(doc, cur)
	if best >= 0 && s > own && s >= d.p.Join {
		d.rejoin(d.events[best], di)
		d.docEvent[di] = best
		return true
	}
	d.rejoin(e, di)
	return false
}

// bestOther is the best-scoring live candidate event for doc other than
// the event exclude.
func (d *Detector) bestOther(doc *Doc, exclude int) (int, float64) {
	best, bestScore := -1, -1.0
	for _, ei := range d.candidates(doc) {
		if ei == exclude || len(d.events[ei].docs) == 0 {
			continue
		}
		if s := d.score(doc, d.events[ei]); s > bestScore {
			best, bestScore = ei, s
		}
	}
	return best, bestScore
}

// bestTwo is bestOther with the runner-up's score.
func (d *Detector) bestTwo(doc *Doc, exclude int) (int, float64, float64) {
	best, bestScore, second := -1, -1.0, 0.0
	for _, ei := range d.candidates(doc) {
		if ei == exclude || len(d.events[ei].docs) == 0 {
			continue
		}
		s := d.score(doc, d.events[ei])
		switch {
		case s > bestScore:
			second = max(bestScore, 0)
			best, bestScore = ei, s
		case s > second:
			second = s
		}
	}
	return best, bestScore, second
}

// move takes a lone article out of its event into another.
func (d *Detector) move(di, from, to int) {
	d.unjoin(d.events[from], di)
	d.rejoin(d.events[to], di)
	d.docEvent[di] = to
}

// unjoin removes doc di from event e's members and weights.
func (d *Detector) unjoin(e *event, di int) {
	doc := d.docs[di]
	d.touch(e)
	for i, x := range e.docs {
		if x == di {
			e.docs = append(e.docs[:i:i], e.docs[i+1:]...)
			d.resized(e)
			break
		}
	}
	d.addWeights(e, doc, -1)
	e.langs[doc.Lang]--
	d.redate(e)
	if len(e.docs) == 0 {
		// Empty, the event is no candidate for anything (see candidates):
		// its tables, as large as they ever grew, go.
		e.terms, e.ents, e.norms = map[string]*weights{}, &weights{}, nil
	}
}

// rejoin adds doc di back to event e, keeping members in arrival order.
func (d *Detector) rejoin(e *event, di int) {
	i := sort.SearchInts(e.docs, di)
	e.docs = append(e.docs, 0)
	copy(e.docs[i+1:], e.docs[i:])
	e.docs[i] = di
	d.resized(e)
	d.absorb(e, d.docs[di])
}

// redate recomputes an event's date range from its members (those
// settled as one range, see settledPart).
func (d *Detector) redate(e *event) {
	e.dated, e.min, e.max = false, time.Time{}, time.Time{}
	if p := e.past; p != nil && p.dated {
		e.widen(p.min, p.max)
	}
	for _, di := range e.window() {
		doc := d.docs[di]
		if doc.DateOK {
			e.widen(doc.Date, doc.DateEnd)
		}
	}
}
