package story

import (
	"math"
	"slices"
	"sort"
	"time"
)

// consolidate merges events that grew together: single-pass placement
// depends on arrival order, and two events opened for one happening before
// either had enough articles to attract the other are joined here. Events
// are visited in creation order and a later event merges into an earlier
// one, so the outcome is deterministic.
func (d *Detector) consolidate() {
	d.sinceCon = 0
	type pair struct {
		a, b int
		s    float64
	}
	// Only events changed since the last consolidation are compared (with
	// any candidate): the rest were compared, unchanged, before. That keeps
	// a consolidation's cost to the events that grew, not to the history.
	defer func() {
		for _, ei := range d.changed {
			d.events[ei].changed = false
		}
		d.changed = d.changed[:0]
	}()
	for round := 0; round < 8; round++ {
		// Best pairs first, like average-link agglomeration: the most
		// similar events merge before weaker links are considered.
		var pairs []pair
		changed := slices.Clone(d.changed)
		slices.Sort(changed)
		for _, ei := range changed {
			e := d.events[ei]
			e.changed = false
		}
		d.changed = d.changed[:0]
		for _, ei := range changed {
			e := d.events[ei]
			if d.into[ei] >= 0 || len(e.docs) == 0 || e.summary != nil {
				continue // merged, emptied or closed
			}
			for _, oi := range d.eventCandidates(e) {
				o := d.events[oi]
				if _, found := slices.BinarySearch(changed, oi); oi == ei || found && oi < ei {
					continue // the same event, or a pair met from its other side
				}
				a, b := min(ei, oi), max(ei, oi)
				s := d.eventSimilarity(d.events[a], d.events[b])
				if s < d.p.Merge {
					continue
				}
				// Two parts of one happening resemble each other about as
				// much as each resembles itself; two happenings of one kind
				// (two matches of one boxer) resemble each other less.
				if c := min(d.selfSimilarity(e), d.selfSimilarity(o)); s < d.p.MergeCohesion*c {
					continue
				}
				pairs = append(pairs, pair{a, b, s})
			}
		}
		if len(pairs) == 0 {
			return
		}
		sort.Slice(pairs, func(i, j int) bool {
			if pairs[i].s != pairs[j].s {
				return pairs[i].s > pairs[j].s
			}
			if pairs[i].a != pairs[j].a {
				return pairs[i].a < pairs[j].a
			}
			return pairs[i].b < pairs[j].b
		})
		touched := map[int]bool{}
		merged := false
		for _, p := range pairs {
			// An event changed by a merge in this round is compared again
			// in the next one, with its new centroid.
			if touched[p.a] || touched[p.b] || d.into[p.a] >= 0 || d.into[p.b] >= 0 {
				continue
			}
			d.merge(d.events[p.a], d.events[p.b])
			touched[p.a], touched[p.b] = true, true
			merged = true
		}
		if !merged {
			return
		}
	}
}

// eventCandidates are the live events sharing index keys with e.
func (d *Detector) eventCandidates(e *event) []int {
	d.hits = atLeast(d.hits, len(d.events))
	d.seen.next()
	touched := d.touched[:0]
	for _, di := range lookupDocs(e.window()) {
		for _, key := range d.keys(d.docs[di]) {
			if d.seen.check(key) {
				continue
			}
			for _, oi := range d.postings(key) {
				if r := d.find(int(oi)); r != e.idx && d.size[r] > 0 {
					if d.hits[r] == 0 {
						touched = append(touched, int32(r))
					}
					d.hits[r]++
				}
			}
		}
	}
	d.touched = touched
	return d.mostHits(touched)
}

// seenSet is a set of index keys emptied in constant time: a key is in the
// set when its stamp is the current one.
type seenSet struct {
	terms, ents []uint32
	stamp       uint32
}

// next empties the set.
func (s *seenSet) next() {
	if s.stamp++; s.stamp == 0 {
		clear(s.terms)
		clear(s.ents)
		s.stamp = 1
	}
}

// check adds key to the set and reports whether it was in it already.
func (s *seenSet) check(key uint32) bool {
	list := &s.terms
	if key&entKey != 0 {
		list, key = &s.ents, key&^entKey
	}
	*list = atLeast(*list, int(key)+1)
	if (*list)[key] == s.stamp {
		return true
	}
	(*list)[key] = s.stamp
	return false
}

// eventSimilarity is the mean score of the smaller event's articles
// against the larger event: how well the smaller one's articles would have
// joined the larger one. Centroid against centroid would overrate it, since
// two centroids share the vocabulary of their kind of happening (every
// boxing match has rounds and belts) more than any one article does.
func (d *Detector) eventSimilarity(a, b *event) float64 {
	if len(a.docs) > len(b.docs) {
		a, b = b, a
	}
	docs := a.window()
	if len(docs) > maxLinkDocs {
		docs = docs[:maxLinkDocs]
	}
	if len(docs) == 0 {
		return 0 // every article settled: nothing held to compare
	}
	var sum float64
	for _, di := range docs {
		sum += d.score(d.docs[di], b)
	}
	return sum / float64(len(docs))
}

// selfSimilarity is the mean score of an event's articles against the rest
// of it; +Inf for an event of one article, which has nothing to compare.
func (d *Detector) selfSimilarity(e *event) float64 {
	if len(e.docs) < 2 {
		return math.Inf(1)
	}
	if e.selfStamp == d.stamp() {
		return e.self
	}
	docs := e.window()
	if len(docs) > maxLinkDocs {
		docs = docs[:maxLinkDocs]
	}
	if len(docs) == 0 {
		return math.Inf(1) // every article settled: nothing held to compare
	}
	defer func() { e.selfStamp = d.stamp() }()
	ranges := dateRangesOf(d, e)
	var sum float64
	for _, di := range docs {
		sum += d.scoreWithout(di, e, ranges)
	}
	e.self = sum / float64(len(docs))
	return e.self
}

// dateRanges are the earliest and latest dates of an event's dated docs,
// with the runners-up, so that the range of the rest of the event without
// any one doc is known without going through its docs again.
type dateRanges struct {
	dated            int // dated docs
	first, second    time.Time
	firstDoc         int
	last, secondLast time.Time
	lastDoc          int
}

func dateRangesOf(d *Detector, e *event) dateRanges {
	r := dateRanges{firstDoc: -1, lastDoc: -1}
	add := func(from, to time.Time, x int) {
		r.dated++
		switch {
		case r.dated == 1 || from.Before(r.first):
			r.second, r.first, r.firstDoc = r.first, from, x
		case r.dated == 2 || from.Before(r.second):
			r.second = from
		}
		switch {
		case r.dated == 1 || to.After(r.last):
			r.secondLast, r.last, r.lastDoc = r.last, to, x
		case r.dated == 2 || to.After(r.secondLast):
			r.secondLast = to
		}
	}
	if p := e.past; p != nil && p.dated {
		// The settled members count as one: their range is all a doc
		// held compares with (settledDocs marks them, no doc's index).
		add(p.min, p.max, settledDocs)
	}
	for _, x := range e.window() {
		if o := d.docs[x]; o.DateOK {
			add(o.Date, o.DateEnd, x)
		}
	}
	return r
}

// settledDocs stands for an event's settled members where a doc index is
// expected.
const settledDocs = -2

// without is the date range of the event's docs other than di (a dated
// member), as an event to measure a time factor against.
func (r dateRanges) without(di int) *event {
	rest := &event{}
	if r.dated < 2 {
		return rest
	}
	rest.dated, rest.min, rest.max = true, r.first, r.last
	if di == r.firstDoc {
		rest.min = r.second
	}
	if di == r.lastDoc {
		rest.max = r.secondLast
	}
	return rest
}

// scoreWithout is the score of doc di against the rest of its event e: what
// score gives against e with di taken out, computed from e's weights and
// norms without copying them.
func (d *Detector) scoreWithout(di int, e *event, ranges dateRanges) float64 {
	doc := d.docs[di]
	tIDF, eIDF := d.idfsFor(doc.Lang)
	text, _ := cosineWithout(doc.tw, d.wtab.vals, d.docNorm(doc, false), e.terms[doc.Lang], d.eventNorm(e, doc.Lang, false), tIDF)
	ent, restHasEnts := cosineWithout(doc.ew, d.wtab.vals, d.docNorm(doc, true), e.ents, d.eventNorm(e, doc.Lang, true), eIDF)
	s := d.mix(text, ent, len(doc.ew) > 0 && restHasEnts, e.langs[doc.Lang]-1, len(e.docs)-1)
	rest := &event{days: e.days}
	if doc.DateOK {
		// Its dates may have set the event's range: the range of the others.
		rest = ranges.without(di)
	}
	return round(s * d.timeFactor(doc.DateOK, doc.Date, doc.DateEnd, rest))
}

// cosineWithout is the IDF-weighted cosine of a with b − a, given the
// norms of a and b, and whether b − a has any weight left.
func cosineWithout(a []feat, wv []float64, na float64, b *weights, nb float64, idf func(uint32) float64) (float64, bool) {
	var dot, removed float64
	shared := 0
	for _, f := range a {
		wa := wv[f.w]
		wb, ok := b.get(f.id)
		if !ok {
			continue
		}
		shared++
		i2 := idf(f.id) * idf(f.id)
		r := wb - wa
		if r <= 1e-9 {
			r = 0
		}
		dot += wa * r * i2
		removed += (wb*wb - r*r) * i2
	}
	restLeft := b.len() > shared
	if !restLeft {
		for _, f := range a {
			if wb, ok := b.get(f.id); ok && wb-wv[f.w] > 1e-9 {
				restLeft = true
				break
			}
		}
	}
	rest := nb*nb - removed
	if na == 0 || rest <= 1e-12 || !restLeft {
		return 0, restLeft
	}
	return dot / (na * math.Sqrt(rest)), restLeft
}

// maxLinkDocs bounds the articles compared when two events are.
const maxLinkDocs = 16

// lookupDocs are the articles of an event whose index keys find the events
// it is compared with at consolidation: all of them up to 2×lookupEnds,
// else the first and the latest lookupEnds. A story covered for weeks gains
// articles at every consolidation, and looking up every key of every one
// of them each time would make the cost of consolidation grow with its
// history; its first articles say what happened, its latest what it has
// become. No event of the gold corpora has more than 28 articles, so the
// bound changes nothing there.
func lookupDocs(docs []int) []int {
	if len(docs) <= 2*lookupEnds {
		return docs
	}
	return append(docs[:lookupEnds:lookupEnds], docs[len(docs)-lookupEnds:]...)
}

const lookupEnds = 32

// merge moves every doc of o into e.
func (d *Detector) merge(e, o *event) {
	d.touch(e)
	d.touch(o)
	e.normStamp, o.normStamp = 0, 0
	e.docs = append(e.docs, o.docs...)
	if e.langs == nil {
		e.langs = map[string]int{}
	}
	sort.Ints(e.docs)
	for l, terms := range o.terms {
		if e.terms[l] == nil {
			e.terms[l] = &weights{}
		}
		into := e.terms[l]
		terms.each(func(t uint32, w float64) { into.add(t, w) })
	}
	o.ents.each(func(k uint32, w float64) { e.ents.add(k, w) })
	for l, n := range o.langs {
		e.langs[l] += n
	}
	if o.dated {
		e.widen(o.min, o.max)
	}
	d.mergePast(e, o)
	d.into[o.idx] = int32(e.idx)
	o.docs, o.terms, o.ents, o.langs, o.past = nil, nil, nil, nil, nil
	d.resized(e)
	d.resized(o)
}
