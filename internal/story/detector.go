package story

import (
	"math"
	"sort"
	"strings"
	"time"

	"github.com/storyline/storyline/internal/dedup"
)

// Detector places articles into events, one at a time, in arrival order.
// It is not safe for concurrent use: placement order is the result.
type Detector struct {
	p        Params
	docs     []*Doc
	docEvent []int // event of each doc (before merges: resolve with find)
	copyOf   []int // doc each doc is a near-copy of, or -1
	events   []*event
	termDF   map[string]int
	entDF    map[string]int
	postings map[string][]int // "t:term" or "e:key" → recent events holding it
	dups     *dedup.Index
	byID     map[string]int // doc id → doc index
	sinceCon int
	decided  []Decision
	primed   int // docs whose frequencies Prime counted; Add skips counting them

	// changed lists the events touched since the last consolidation: the
	// only ones it needs to compare, since with the frequencies primed an
	// unchanged pair scores as it did when last compared.
	changed []int

	// langs are the frequencies among the docs of each language, which
	// is where a doc's words and names are weighed (see idfsFor).
	langs map[string]*langFreq

	// Rarity weights are cached while the frequencies stand still (always,
	// once primed); any change to them empties the caches.
	termIDFs, entIDFs map[string]float64
	idfVersion        int
}

// langFreq counts document frequencies among the docs of one language.
type langFreq struct {
	n                 int // docs counted
	termDF, entDF     map[string]int
	termIDFs, entIDFs map[string]float64 // rarity as seen from this language, cached
	termW, entW       func(string) float64
}

// countChanged empties the rarity caches after frequencies change.
func (d *Detector) countChanged() {
	d.termIDFs, d.entIDFs = nil, nil
	for _, l := range d.langs {
		l.termIDFs, l.entIDFs = nil, nil
	}
	d.idfVersion++
}

// count adds a doc to the document frequencies.
func (d *Detector) count(doc *Doc) {
	l := d.langs[doc.Lang]
	if l == nil {
		l = &langFreq{termDF: map[string]int{}, entDF: map[string]int{}}
		l.termW = func(t string) float64 { return d.langIDF(l, t, false) }
		l.entW = func(k string) float64 { return d.langIDF(l, k, true) }
		d.langs[doc.Lang] = l
	}
	l.n++
	for t := range doc.Terms {
		d.termDF[t]++
		l.termDF[t]++
	}
	for k := range doc.Entities {
		d.entDF[k]++
		l.entDF[k]++
	}
}

// Prime counts term and entity frequencies over all the docs about to be
// added, so that every placement weighs words by their rarity in the whole
// collection (among the docs of their language, see idfsFor) rather than
// in the part seen so far. Detection replays the
// stored history, so the collection is known; without Prime, frequencies
// grow as docs are added (a purely streaming setting).
func (d *Detector) Prime(docs []*Doc) {
	for _, doc := range docs {
		d.count(doc)
	}
	for _, doc := range docs {
		d.confirm(doc)
	}
	d.primed += len(docs)
	d.countChanged()
}

// confirm makes names of a doc's uncertain names (German capitalised
// words, which may be nouns) that docs of other languages name: "InSight",
// "Perseverance", "Mukwege" in German are names because English and French
// articles capitalise them where they capitalise no noun. It counts them
// among the doc's entities; it runs once a doc, after the docs it is
// compared with have been counted.
func (d *Detector) confirm(doc *Doc) {
	for k, w := range doc.maybe {
		if _, ok := doc.Entities[k]; ok || !d.namedElsewhere(k, doc.Lang) {
			continue
		}
		doc.Entities[k] = w
		doc.Names[k] = doc.maybeNames[k]
		d.entDF[k]++
		d.langs[doc.Lang].entDF[k]++
	}
	doc.maybe, doc.maybeNames = nil, nil
}

// namedElsewhere reports whether docs of a language other than lang name
// the entity key k.
func (d *Detector) namedElsewhere(k, lang string) bool {
	for l, f := range d.langs {
		if l != lang && f.entDF[k] > 0 {
			return true
		}
	}
	return false
}

// event is a growing cluster of docs.
type event struct {
	idx      int
	docs     []int
	terms    map[string]map[string]float64 // by language: words meet only their own (see mix)
	ents     map[string]float64
	min, max time.Time // range of known publication days
	dated    bool
	into     int            // index of the event this one was merged into, or -1
	langs    map[string]int // members by language

	// norms caches the term and entity norms as seen from each language
	// (see idfsFor); valid when normVersion is idfVersion+1.
	norms       map[string][2]float64
	normVersion int

	// changed: members joined, left or merged since the event was last
	// compared in consolidation (see Detector.changed).
	changed bool
	// self caches selfSimilarity; valid when selfVersion is idfVersion+1.
	self        float64
	selfVersion int
}

// touch records that an event's members changed: its cached norms and
// self-similarity are stale, and consolidation must compare it again.
func (d *Detector) touch(e *event) {
	e.selfVersion = 0
	if !e.changed {
		e.changed = true
		d.changed = append(d.changed, e.idx)
	}
}

// Decision explains where one article went and why.
type Decision struct {
	Doc        string      `json:"article"`
	Event      string      `json:"event"`             // id of the event joined or opened (as placed; see Result for merges)
	New        bool        `json:"new"`               // opened a new event
	CopyOf     string      `json:"copy_of,omitempty"` // near-duplicate of this earlier article
	CopyScore  float64     `json:"copy_similarity,omitempty"`
	Score      float64     `json:"score"`
	Threshold  float64     `json:"threshold"`
	Candidates []Candidate `json:"candidates"` // best first, at most 5
}

// Candidate is one event an article was compared with, and the parts of
// its score.
type Candidate struct {
	Event    string   `json:"event"`
	Score    float64  `json:"score"`
	Text     float64  `json:"text"`   // TF-IDF cosine with the terms of the event's articles in the article's language
	Entity   float64  `json:"entity"` // TF-IDF cosine with the event's entities
	Time     float64  `json:"time"`   // factor from the date gap, 1 when undated
	Shared   []string `json:"shared_entities,omitempty"`
	Articles int      `json:"articles"`
}

// NewDetector returns an empty detector.
func NewDetector(p Params) *Detector {
	return &Detector{
		p:        p,
		termDF:   map[string]int{},
		entDF:    map[string]int{},
		postings: map[string][]int{},
		langs:    map[string]*langFreq{},
		dups:     dedup.NewIndex(),
		byID:     map[string]int{},
	}
}

// Add places one article and returns the decision.
func (d *Detector) Add(doc *Doc) Decision {
	di := len(d.docs)
	d.docs = append(d.docs, doc)
	d.byID[doc.ID] = di
	if di >= d.primed {
		d.count(doc)
		d.confirm(doc)
		d.countChanged()
	} else if len(d.docs) > d.primed {
		d.countChanged() // the collection grew past what was primed
	}

	dec := Decision{Doc: doc.ID, Threshold: d.p.Join}
	cands := d.candidates(doc)
	scored := make([]Candidate, 0, len(cands))
	of := make(map[string]*event, len(cands))
	best, bestScore := -1, -1.0
	for _, ei := range cands {
		c := d.score(doc, d.events[ei])
		of[c.Event] = d.events[ei]
		scored = append(scored, c)
		if c.Score > bestScore && c.Score >= d.p.Join {
			best, bestScore = ei, c.Score
		}
	}
	sort.SliceStable(scored, func(i, j int) bool { return scored[i].Score > scored[j].Score })
	if len(scored) > 5 {
		scored = scored[:5]
	}
	for i := range scored {
		scored[i].Shared = shared(doc, of[scored[i].Event])
	}
	dec.Candidates = scored

	target := -1
	d.copyOf = append(d.copyOf, -1)
	if orig, sim := d.dups.Add(doc.ID, doc.Sig); orig != "" {
		oi := d.byID[orig]
		d.copyOf[di] = oi
		target = d.find(d.docEvent[oi])
		dec.CopyOf, dec.CopyScore = orig, round(sim)
	} else if best >= 0 {
		target = best
	}
	if len(scored) > 0 {
		dec.Score = scored[0].Score
	}
	if target < 0 {
		target = len(d.events)
		d.events = append(d.events, &event{idx: target, terms: map[string]map[string]float64{}, ents: map[string]float64{}, into: -1})
		dec.New = true
	}
	d.docEvent = append(d.docEvent, target)
	d.join(d.events[target], di)
	dec.Event = d.eventID(target)
	d.decided = append(d.decided, dec)

	if d.sinceCon++; d.p.ConsolidateEvery > 0 && d.sinceCon >= d.p.ConsolidateEvery {
		d.consolidate()
	}
	return dec
}

// eventID names an event by its first article, so ids are stable across
// runs that see the same articles in the same order.
func (d *Detector) eventID(ei int) string { return d.idOf(d.events[ei]) }

func (d *Detector) idOf(e *event) string { return "e-" + d.docs[e.docs[0]].ID }

func (d *Detector) find(ei int) int {
	for d.events[ei].into >= 0 {
		ei = d.events[ei].into
	}
	return ei
}

// join adds doc di to event e and indexes e under the doc's keys.
func (d *Detector) join(e *event, di int) {
	e.docs = append(e.docs, di)
	d.absorb(e, d.docs[di])
}

// absorb adds a doc's weights and dates to event e (whose member list the
// caller has updated) and indexes e under the doc's keys, each key keeping
// its PostingCap most recent events.
func (d *Detector) absorb(e *event, doc *Doc) {
	d.touch(e)
	d.addWeights(e, doc, 1)
	if e.langs == nil {
		e.langs = map[string]int{}
	}
	e.langs[doc.Lang]++
	if doc.DateOK {
		e.widen(doc.Date, doc.DateEnd)
	}
	for _, key := range d.keys(doc) {
		list := d.postings[key]
		if n := len(list); n > 0 && list[n-1] == e.idx {
			continue
		}
		list = append(list, e.idx)
		if len(list) > d.p.PostingCap {
			list = list[len(list)-d.p.PostingCap:]
		}
		d.postings[key] = list
	}
}

// widen stretches an event's date range to cover [from, to].
func (e *event) widen(from, to time.Time) {
	if !e.dated || from.Before(e.min) {
		e.min = from
	}
	if !e.dated || to.After(e.max) {
		e.max = to
	}
	e.dated = true
}

// keys are the index keys of a doc: all its entities and its rarest terms.
func (d *Detector) keys(doc *Doc) []string {
	keys := make([]string, 0, len(doc.Entities)+d.p.IndexTerms)
	for k := range doc.Entities {
		keys = append(keys, "e:"+k)
	}
	type tw struct {
		t  string
		df int
	}
	terms := make([]tw, 0, len(doc.Terms))
	for t := range doc.Terms {
		terms = append(terms, tw{t, d.termDF[t]})
	}
	sort.Slice(terms, func(i, j int) bool {
		if terms[i].df != terms[j].df {
			return terms[i].df < terms[j].df
		}
		return terms[i].t < terms[j].t
	})
	// Terms seen in one doc only cannot retrieve anything yet, but they
	// will: index the rarest, whatever their count.
	for i := 0; i < len(terms) && i < d.p.IndexTerms; i++ {
		keys = append(keys, "t:"+terms[i].t)
	}
	sort.Strings(keys)
	return keys
}

// candidates are the events sharing the most index keys with doc.
func (d *Detector) candidates(doc *Doc) []int {
	hits := map[int]int{}
	for _, key := range d.keys(doc) {
		for _, ei := range d.postings[key] {
			if r := d.find(ei); len(d.events[r].docs) > 0 {
				hits[r]++
			}
		}
	}
	return d.mostHits(hits)
}

// mostHits ranks events by shared index keys, most first (ties by age),
// and keeps MaxCandidates of them.
func (d *Detector) mostHits(hits map[int]int) []int {
	out := make([]int, 0, len(hits))
	for ei := range hits {
		out = append(out, ei)
	}
	sort.Slice(out, func(i, j int) bool {
		if hits[out[i]] != hits[out[j]] {
			return hits[out[i]] > hits[out[j]]
		}
		return out[i] < out[j]
	})
	if len(out) > d.p.MaxCandidates {
		out = out[:d.p.MaxCandidates]
	}
	return out
}

// score compares a doc with an event.
func (d *Detector) score(doc *Doc, e *event) Candidate {
	_, docEnts := doc.weights()
	scaledT, scaledE := d.scaled(doc)
	text := dotScaled(scaledT, e.terms[doc.Lang], d.docNorm(doc, false)*d.eventNorm(e, doc.Lang, false))
	ent := dotScaled(scaledE, e.ents, d.docNorm(doc, true)*d.eventNorm(e, doc.Lang, true))
	c := Candidate{Event: d.idOf(e), Text: round(text), Entity: round(ent), Articles: len(e.docs)}
	s := d.mix(text, ent, len(docEnts) > 0 && len(e.ents) > 0, e.langs[doc.Lang], len(e.docs))
	tf := d.timeFactor(doc.DateOK, doc.Date, doc.DateEnd, e)
	c.Time = round(tf)
	c.Score = round(s * tf)
	return c
}

// mix combines the text and entity similarities of a doc with an event
// (or the rest of it) of n articles, same of them in the doc's language.
// Words are evidence only within one language: the text similarity is
// measured against the event's articles in the doc's language alone (see
// event.terms), and it weighs in proportion to the share of the event
// they are. Against articles in other languages, names, figures and days
// carry the score: an event reported only in English scores a French
// article on its entities.
func (d *Detector) mix(text, ent float64, haveEnts bool, same, n int) float64 {
	if !haveEnts {
		return text
	}
	tw := d.p.TextWeight
	if n > 0 {
		tw *= float64(same) / float64(n)
	}
	return (tw*text + d.p.EntityWeight*ent) / (tw + d.p.EntityWeight)
}

// shared lists the entities a doc shares with an event, for explaining a
// decision.
func shared(doc *Doc, e *event) []string {
	_, docEnts := doc.weights()
	var out []string
	for k := range docEnts {
		if e.ents[k] > 0 {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// timeFactor is 1 for an article dated within the event's range (or when
// either is undated), falling toward TimeFloor as the gap grows.
func (d *Detector) timeFactor(dated bool, from, to time.Time, e *event) float64 {
	if !dated || !e.dated {
		return 1
	}
	var gap time.Duration
	switch {
	case to.Before(e.min):
		gap = e.min.Sub(to)
	case from.After(e.max):
		gap = from.Sub(e.max)
	}
	days := gap.Hours() / 24
	return d.p.TimeFloor + (1-d.p.TimeFloor)/(1+days/d.p.TimeScaleDays)
}

func (d *Detector) termIDF(t string) float64 {
	if v, ok := d.termIDFs[t]; ok {
		return v
	}
	if d.termIDFs == nil {
		d.termIDFs = map[string]float64{}
	}
	v := idf(d.collection(), d.termDF[t])
	d.termIDFs[t] = v
	return v
}

func (d *Detector) entIDF(k string) float64 {
	if v, ok := d.entIDFs[k]; ok {
		return v
	}
	if d.entIDFs == nil {
		d.entIDFs = map[string]float64{}
	}
	v := idf(d.collection(), d.entDF[k])
	d.entIDFs[k] = v
	return v
}

// idfsFor are the rarity weights of words and of entities with which a
// doc of language lang is compared. A word or name is weighed by its
// rarity among the docs of that language: stems belong to one language,
// and a minority language's common words, or the names every page of a
// small story in that language repeats, are not rare because the rest of
// the collection is written in other languages or about other things. A
// key no doc of the language uses (it can only be in the event compared
// with, from articles in other languages) is weighed among the docs of the
// languages that use it.
func (d *Detector) idfsFor(lang string) (terms, ents func(string) float64) {
	if l := d.langs[lang]; l != nil {
		return l.termW, l.entW
	}
	return d.termIDF, d.entIDF // a doc not counted (Add counts every doc)
}

// langIDF is the rarity of a word (or, with ent, an entity key) as seen
// from the docs of one language (see idfsFor), cached.
func (d *Detector) langIDF(l *langFreq, key string, ent bool) float64 {
	cache, df := &l.termIDFs, l.termDF
	if ent {
		cache, df = &l.entIDFs, l.entDF
	}
	if v, ok := (*cache)[key]; ok {
		return v
	}
	if *cache == nil {
		*cache = map[string]float64{}
	}
	var v float64
	if n := df[key]; n > 0 {
		v = idf(l.n, n)
	} else {
		users, total := 0, 0
		for _, o := range d.langs {
			odf := o.termDF
			if ent {
				odf = o.entDF
			}
			if c := odf[key]; c > 0 {
				users += o.n
				total += c
			}
		}
		v = idf(users, total)
	}
	(*cache)[key] = v
	return v
}

// collection is the number of docs frequencies are counted over.
func (d *Detector) collection() int { return max(len(d.docs), d.primed) }

// idf is the rarity weight of a word or entity found in df of n docs:
// log((n+1)/df), near zero for what every doc names, so that in a small
// collection about one country the country's name decides nothing.
func idf(n, df int) float64 {
	if df < 1 {
		df = 1
	}
	return math.Log(float64(n+1) / float64(df))
}

func sublinear(w float64) float64 {
	if w <= 0 {
		return 0
	}
	return 1 + math.Log(w)
}

func sublinearMap(m map[string]float64) map[string]float64 {
	out := make(map[string]float64, len(m))
	for k, w := range m {
		out[k] = sublinear(w)
	}
	return out
}

// weights are the doc's term and entity weights (sublinear in counts),
// computed once. An entity named once in passing, in the body only, weighs
// PeripheralWeight: a report of one meeting cites a dozen other places and
// bodies once each, and those would otherwise outweigh the names it repeats.
func (doc *Doc) weights() (terms, ents map[string]float64) {
	if doc.termW == nil {
		doc.termW, doc.entW = sublinearMap(doc.Terms), sublinearMap(doc.Entities)
		for k, w := range doc.Entities {
			if w <= 1 && !strings.HasPrefix(k, "@") {
				doc.entW[k] = doc.peripheral
			}
		}
	}
	return doc.termW, doc.entW
}

// docNorm is the IDF-weighted norm of a doc's terms (or entities), as seen
// from its language, cached until frequencies change.
func (d *Detector) docNorm(doc *Doc, ents bool) float64 {
	if doc.normVersion != d.idfVersion+1 {
		t, e := doc.weights()
		tIDF, eIDF := d.idfsFor(doc.Lang)
		doc.normT, doc.normE = norm(t, tIDF), norm(e, eIDF)
		doc.normVersion = d.idfVersion + 1
	}
	if ents {
		return doc.normE
	}
	return doc.normT
}

// eventNorm is docNorm for an event as seen from language lang; its cache
// is also emptied when the event changes. An event is compared with the
// docs of few languages, so its norms are computed a few times per change.
func (d *Detector) eventNorm(e *event, lang string, ents bool) float64 {
	if e.normVersion != d.idfVersion+1 {
		e.norms = nil
		e.normVersion = d.idfVersion + 1
	}
	n, ok := e.norms[lang]
	if !ok {
		tIDF, eIDF := d.idfsFor(lang)
		t, k := norm(e.terms[lang], tIDF), norm(e.ents, eIDF)
		n = [2]float64{t * t, k * k}
		if e.norms == nil {
			e.norms = map[string][2]float64{}
		}
		e.norms[lang] = n
	}
	if ents {
		return math.Sqrt(max(n[1], 0))
	}
	return math.Sqrt(max(n[0], 0))
}

// addWeights adds a doc's weights to an event's (sign 1) or takes them out
// (sign -1), its words to the part of its language, updating the squared
// norms the event caches for each language instead of dropping them: a
// large event gains an article at the cost of the article's words, not of
// its own.
func (d *Detector) addWeights(e *event, doc *Doc, sign float64) {
	dt, de := doc.weights()
	valid := e.normVersion == d.idfVersion+1
	for lang, n := range e.norms {
		if !valid {
			break
		}
		tIDF, eIDF := d.idfsFor(lang)
		if lang == doc.Lang {
			n[0] += deltaNorm2(e.terms[lang], dt, sign, tIDF)
		}
		n[1] += deltaNorm2(e.ents, de, sign, eIDF)
		e.norms[lang] = n
	}
	apply := func(m, w map[string]float64) {
		for k, x := range w {
			if v := m[k] + sign*x; v > 1e-9 {
				m[k] = v
			} else {
				delete(m, k)
			}
		}
	}
	if e.terms[doc.Lang] == nil {
		e.terms[doc.Lang] = map[string]float64{}
	}
	apply(e.terms[doc.Lang], dt)
	apply(e.ents, de)
}

// deltaNorm2 is how much the squared norm of m changes when w is added to
// it (sign 1) or taken from it (sign -1).
func deltaNorm2(m, w map[string]float64, sign float64, idf func(string) float64) float64 {
	var delta float64
	for k, x := range w {
		old := m[k]
		v := old + sign*x
		if v <= 1e-9 {
			v = 0
		}
		i := idf(k)
		delta += (v*v - old*old) * i * i
	}
	return delta
}

func norm(m map[string]float64, idf func(string) float64) float64 {
	var n float64
	for k, w := range m {
		x := w * idf(k)
		n += x * x
	}
	return math.Sqrt(n)
}

// weighted is a key with a weight.
type weighted struct {
	key string
	w   float64
}

// scaled are a doc's term and entity weights times the square of their
// rarity as seen from its language, computed once while frequencies stand
// still: a cosine with an event is then one lookup a key.
func (d *Detector) scaled(doc *Doc) (terms, ents []weighted) {
	if doc.scaledVersion != d.idfVersion+1 {
		t, e := doc.weights()
		tIDF, eIDF := d.idfsFor(doc.Lang)
		doc.scaledT = scaleBy(doc.scaledT[:0], t, tIDF)
		doc.scaledE = scaleBy(doc.scaledE[:0], e, eIDF)
		doc.scaledVersion = d.idfVersion + 1
	}
	return doc.scaledT, doc.scaledE
}

func scaleBy(dst []weighted, m map[string]float64, idf func(string) float64) []weighted {
	start := len(dst)
	for k, w := range m {
		i := idf(k)
		if x := w * i * i; x != 0 {
			dst = append(dst, weighted{k, x})
		}
	}
	// In key order, so that dot products add up in the same order in
	// every run and scores do not differ in their last bits.
	part := dst[start:]
	sort.Slice(part, func(a, b int) bool { return part[a].key < part[b].key })
	return dst
}

// dotScaled is the cosine of a doc's scaled weights with b, given the
// product of their norms.
func dotScaled(a []weighted, b map[string]float64, norms float64) float64 {
	if norms == 0 {
		return 0
	}
	var dot float64
	for _, x := range a {
		if wb, ok := b[x.key]; ok {
			dot += x.w * wb
		}
	}
	return dot / norms
}

// cosine is the cosine of two weight vectors after IDF weighting.
func cosine(a, b map[string]float64, idf func(string) float64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	var dot, na, nb float64
	for k, wa := range a {
		i := idf(k)
		x := wa * i
		na += x * x
		if wb, ok := b[k]; ok {
			dot += x * wb * i
		}
	}
	for k, wb := range b {
		y := wb * idf(k)
		nb += y * y
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}

func round(x float64) float64 { return math.Round(x*1000) / 1000 }
