package story

import (
	"math"
	"sort"
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
	for round := 0; round < 8; round++ {
		// Best pairs first, like average-link agglomeration: the most
		// similar events merge before weaker links are considered.
		var pairs []pair
		for ei, e := range d.events {
			if e.into >= 0 || len(e.docs) == 0 {
				continue
			}
			for _, oi := range d.eventCandidates(e) {
				if oi <= ei {
					continue
				}
				o := d.events[oi]
				s := d.eventSimilarity(e, o)
				if s < d.p.Merge {
					continue
				}
				// Two parts of one happening resemble each other about as
				// much as each resembles itself; two happenings of one kind
				// (two matches of one boxer) resemble each other less.
				if c := min(d.selfSimilarity(e), d.selfSimilarity(o)); s < d.p.MergeCohesion*c {
					continue
				}
				pairs = append(pairs, pair{ei, oi, s})
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
			if touched[p.a] || touched[p.b] || d.events[p.a].into >= 0 || d.events[p.b].into >= 0 {
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
	hits := map[int]int{}
	seen := map[string]bool{}
	for _, di := range e.docs {
		for _, key := range d.keys(d.docs[di]) {
			if seen[key] {
				continue
			}
			seen[key] = true
			for _, oi := range d.postings[key] {
				if r := d.find(oi); r != e.idx && len(d.events[r].docs) > 0 {
					hits[r]++
				}
			}
		}
	}
	return d.mostHits(hits)
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
	docs := a.docs
	if len(docs) > maxLinkDocs {
		docs = docs[:maxLinkDocs]
	}
	var sum float64
	for _, di := range docs {
		sum += d.score(d.docs[di], b).Score
	}
	return sum / float64(len(docs))
}

// selfSimilarity is the mean score of an event's articles against the rest
// of it; +Inf for an event of one article, which has nothing to compare.
func (d *Detector) selfSimilarity(e *event) float64 {
	if len(e.docs) < 2 {
		return math.Inf(1)
	}
	docs := e.docs
	if len(docs) > maxLinkDocs {
		docs = docs[:maxLinkDocs]
	}
	var sum float64
	for _, di := range docs {
		sum += d.score(d.docs[di], d.without(e, di)).Score
	}
	return sum / float64(len(docs))
}

// without is a copy of event e without doc di, for scoring di against the
// rest of its event.
func (d *Detector) without(e *event, di int) *event {
	doc := d.docs[di]
	o := &event{idx: e.idx, terms: make(map[string]float64, len(e.terms)), ents: make(map[string]float64, len(e.ents)), into: -1}
	for _, x := range e.docs {
		if x != di {
			o.docs = append(o.docs, x)
		}
	}
	dt, de := doc.weights()
	for t, w := range e.terms {
		if v := w - dt[t]; v > 1e-9 {
			o.terms[t] = v
		}
	}
	for k, w := range e.ents {
		if v := w - de[k]; v > 1e-9 {
			o.ents[k] = v
		}
	}
	d.redate(o)
	return o
}

// maxLinkDocs bounds the articles compared when two events are.
const maxLinkDocs = 16

// merge moves every doc of o into e.
func (d *Detector) merge(e, o *event) {
	e.normVersion, o.normVersion = 0, 0
	e.docs = append(e.docs, o.docs...)
	sort.Ints(e.docs)
	for t, w := range o.terms {
		e.terms[t] += w
	}
	for k, w := range o.ents {
		e.ents[k] += w
	}
	if o.dated {
		e.widen(o.min, o.max)
	}
	o.into = e.idx
	o.docs, o.terms, o.ents = nil, nil, nil
}
