package story

// Exported for the tuning harness in package pipeline (test-only helpers
// live in export_test.go files normally; this one is used across packages
// via a build of the detector's own similarity).

// GoldSeparation returns, for each doc, its combined similarity to its own
// gold event (without itself) and the best similarity to another gold event
// of the docs' corpus, using corpus-wide IDF.
func GoldSeparation(docs []*Doc, gold []string, p Params) (own, other []float64) {
	d := NewDetector(p)
	for _, doc := range docs {
		d.docs = append(d.docs, doc)
		for t := range doc.Terms {
			d.termDF[t]++
		}
		for k := range doc.Entities {
			d.entDF[k]++
		}
	}
	evs := map[string]*event{}
	for i, doc := range docs {
		e := evs[gold[i]]
		if e == nil {
			e = &event{docs: []int{0}, terms: map[string]float64{}, ents: map[string]float64{}, into: -1}
			evs[gold[i]] = e
		}
		for t, w := range doc.Terms {
			e.terms[t] += sublinear(w)
		}
		for k, w := range doc.Entities {
			e.ents[k] += sublinear(w)
		}
	}
	for i, doc := range docs {
		own_ := evs[gold[i]]
		// remove the doc itself from its own centroid
		tmp := &event{docs: []int{0}, terms: map[string]float64{}, ents: map[string]float64{}}
		for t, w := range own_.terms {
			tmp.terms[t] = w - sublinear(doc.Terms[t])
		}
		for k, w := range own_.ents {
			tmp.ents[k] = w - sublinear(doc.Entities[k])
		}
		own = append(own, d.score(doc, tmp).Score)
		best := 0.0
		for g, e := range evs {
			if g == gold[i] {
				continue
			}
			if s := d.score(doc, e).Score; s > best {
				best = s
			}
		}
		other = append(other, best)
	}
	return own, other
}
