package story

import (
	"slices"

	"github.com/storyline/storyline/internal/dedup"
)

// Settling bounds what detection holds (see Params.Window). An article
// placed Window articles ago is settled: checked once more against the
// events as they stand (reconsider, which refinement does for the
// articles still in the window at the end), folded into its event's
// settledPart, and let go — its words, names and near-copy signature. An
// event whose articles are all settled is closed: told then (headline,
// entities, main actors), its weights dropped but for the few words that
// link it into a storyline, and no longer a candidate for anything. An
// event still open keeps the weights of its settled articles, but only
// the heaviest of those no held article uses (see trim). The window's
// articles, the events open among them, and the near-copy index of the
// last Window articles are then all that is held, besides what grows with
// the history: an article's id, where it went and why (about 250 bytes),
// each word and name ever seen, with its frequencies and the place of its
// index list (about 40 bytes; the list itself only while a live event is
// filed under it, see postingLists), and a closed event's telling.

// settledPart is what an event keeps of its settled articles: enough to
// tell the event (sources, names, headline, dates) as summarize would
// from the articles themselves. Settled articles are always the event's
// earliest (settling goes in arrival order), so they are the first n of
// its members.
type settledPart struct {
	n          int // settled members: the first n of event.docs
	days           // their publication range
	names      map[uint32]*settledName
	sites      map[string]bool // of the originals (a copy counts once)
	titles     map[string]settledTitle
	firstTitle string // the earliest article's title, for an event without one in its main language
}

// settledName is how the settled articles write an entity: as the
// earliest writes it, and how often in all; actorKind is the first kind
// other than "other" any of them gives it (see mainEntities).
type settledName struct {
	ref       nameRef
	actorKind uint32
	first     int // the earliest article naming it
}

// settledTitle is the most central title of the settled articles of one
// language, scored when it settled (see headline).
type settledTitle struct {
	title string
	score float64
	doc   int
}

// window is the part of an event's members still held: all but the
// settled ones.
func (e *event) window() []int {
	if e.past == nil {
		return e.docs
	}
	return e.docs[e.past.n:]
}

// settle settles the articles that have left the window (see Params.Window).
func (d *Detector) settle() {
	if d.p.Window <= 0 {
		return
	}
	for d.settledBefore < len(d.docs)-d.p.Window {
		di := d.settledBefore
		was := d.find(d.docEvent[di])
		d.reconsider(di)
		d.settledBefore++ // di is no longer in any event's window
		e := d.events[d.find(d.docEvent[di])]
		d.fold(e, di)
		d.docs[di] = nil
		if e.docs[len(e.docs)-1] == di {
			d.close(e)
		} else {
			d.trim(e)
		}
		// Moved out of its event, di may have been its last article held.
		if o := d.events[was]; o != e && len(o.docs) > 0 && len(o.window()) == 0 {
			d.close(o)
		}
	}
}

// fold adds settling article di to event e's settledPart.
func (d *Detector) fold(e *event, di int) {
	doc := d.docs[di]
	p := e.past
	if p == nil {
		p = &settledPart{names: map[uint32]*settledName{}, sites: map[string]bool{}, titles: map[string]settledTitle{}}
		e.past = p
	}
	p.n++
	if doc.DateOK {
		p.widen(doc.Date, doc.DateEnd)
	}
	for i, r := range doc.names {
		id := doc.ew[i].id
		n := p.names[id]
		if n == nil {
			p.names[id] = &settledName{ref: r, actorKind: r.kind, first: di}
			continue
		}
		n.ref.count += r.count
		if vagueKind(d.kind(nameRef{kind: n.actorKind})) {
			n.actorKind = r.kind
		}
	}
	if d.copyOf[di] < 0 {
		p.sites[siteOf(doc)] = true
	}
	if doc.Title != "" {
		if p.firstTitle == "" {
			p.firstTitle = doc.Title
		}
		// The title's centrality as the event stands now: the event may
		// still grow, but the article will not be held when it ends.
		s := d.similarity(doc, e).text * HeadlineQuality(doc.Title)
		if t, ok := p.titles[doc.Lang]; !ok || s > t.score+tieTolerance {
			p.titles[doc.Lang] = settledTitle{doc.Title, s, di}
		}
	}
}

// siteOf is the source a doc counts as: its site, or itself when unknown.
func siteOf(doc *Doc) string {
	if doc.Site == "" {
		return "article:" + doc.ID
	}
	return doc.Site
}

// mergePast folds o's settledPart into e's, as if e's settled articles
// had been o's too.
func (d *Detector) mergePast(e, o *event) {
	q := o.past
	if q == nil {
		return
	}
	p := e.past
	if p == nil {
		e.past = q
		return
	}
	p.n += q.n
	if q.dated {
		p.widen(q.min, q.max)
	}
	for id, m := range q.names {
		n := p.names[id]
		if n == nil {
			p.names[id] = m
			continue
		}
		early, late := m, n
		if n.first < m.first {
			early, late = n, m
		}
		kind := early.actorKind
		if vagueKind(d.kind(nameRef{kind: kind})) {
			kind = late.actorKind
		}
		n.ref.spelling, n.ref.kind, n.actorKind, n.first = early.ref.spelling, early.ref.kind, kind, early.first
		n.ref.count = early.ref.count + late.ref.count
	}
	for s := range q.sites {
		p.sites[s] = true
	}
	for l, t := range q.titles {
		if u, ok := p.titles[l]; !ok || t.score > u.score+tieTolerance || t.score >= u.score-tieTolerance && t.doc < u.doc {
			p.titles[l] = t
		}
	}
	if p.firstTitle == "" {
		p.firstTitle = q.firstTitle
	}
}

// pastKept is how many of the words an event has in each language, and of
// its names, that only its settled articles use, it keeps when it trims
// its weights (see trim): the weightiest after rarity weighting, which are
// what scores a new article against the event and what tells it.
const pastKept = 256

// trimFloor is the number of weights below which an event is never
// trimmed: an event of a few dozen articles holds fewer.
const trimFloor = 4096

// trim lets go of the lightest weights an event has from its settled
// articles alone, keeping pastKept in each table, once its weights have
// doubled since it was last trimmed. A story that runs for weeks takes an
// article now and then for as long as it runs, and without trimming it
// would hold every word and every name its articles ever used; trimmed, it
// holds its held articles' and its settled core's. The names it lets go of
// leave its settledPart too: no longer weighed, they cannot be among its
// main entities (see mainEntities).
func (d *Detector) trim(e *event) {
	total := e.ents.len()
	for _, t := range e.terms {
		total += t.len()
	}
	if total <= max(e.trimAt, trimFloor) {
		return
	}
	heldTerms, heldEnts := map[string]map[uint32]bool{}, map[uint32]bool{}
	for _, di := range e.window() {
		doc := d.docs[di]
		if heldTerms[doc.Lang] == nil {
			heldTerms[doc.Lang] = map[uint32]bool{}
		}
		for _, f := range doc.tw {
			heldTerms[doc.Lang][f.id] = true
		}
		for _, f := range doc.ew {
			heldEnts[f.id] = true
		}
	}
	total = 0
	for l, t := range e.terms {
		e.terms[l] = keepHeaviest(t, heldTerms[l], d.termIDF, nil)
		total += e.terms[l].len()
	}
	e.ents = keepHeaviest(e.ents, heldEnts, d.entIDF, func(id uint32) { delete(e.past.names, id) })
	total += e.ents.len()
	e.trimAt = 2 * total
	e.normStamp = 0 // norms are recomputed on demand
	d.touch(e)
}

// keepHeaviest is m with only the ids held uses and the pastKept others
// that weigh most after rarity weighting; dropped is told each id let go.
func keepHeaviest(m *weights, held map[uint32]bool, idf func(uint32) float64, dropped func(uint32)) *weights {
	type past struct {
		id   uint32
		w, s float64
	}
	out := &weights{}
	var rest []past
	m.each(func(id uint32, w float64) {
		if held[id] {
			out.add(id, w)
		} else {
			rest = append(rest, past{id, w, w * idf(id)})
		}
	})
	slices.SortFunc(rest, func(a, b past) int {
		if a.s != b.s {
			if a.s > b.s {
				return -1
			}
			return 1
		}
		return int(a.id) - int(b.id)
	})
	for i, p := range rest {
		if i < pastKept {
			out.add(p.id, p.w)
		} else if dropped != nil {
			dropped(p.id)
		}
	}
	return out
}

// closedTerms is how many of a closed event's words it keeps, the weightiest:
// enough to link it into a storyline by text (see storylines), which is
// all they serve once the event is closed.
const closedTerms = 64

// close tells an event whose articles have all settled and lets its
// weights go: it is no longer a candidate for articles or merges.
func (d *Detector) close(e *event) {
	ev := d.summarize(e)
	ev.Articles = nil // spelled out at Finish, from the ids every article keeps
	e.summary = &ev
	e.actors = d.mainEntities(e, d.p.StorylineActors, true)
	e.terms = d.heaviestTerms(e.terms, closedTerms)
	e.ents, e.norms, e.past = nil, nil, nil
	d.size[e.idx] = 0
}

// heaviestTerms keeps the n terms of an event that weigh most after
// rarity weighting, in every language together.
func (d *Detector) heaviestTerms(terms map[string]*weights, n int) map[string]*weights {
	type term struct {
		lang string
		id   uint32
		w, s float64
	}
	var all []term
	for l, ws := range terms {
		ws.each(func(id uint32, w float64) { all = append(all, term{l, id, w, w * d.termIDF(id)}) })
	}
	if len(all) <= n {
		return terms
	}
	slices.SortFunc(all, func(a, b term) int {
		switch {
		case a.s != b.s:
			if a.s > b.s {
				return -1
			}
			return 1
		case a.lang != b.lang:
			if a.lang < b.lang {
				return -1
			}
			return 1
		}
		return int(a.id) - int(b.id)
	})
	out := map[string]*weights{}
	for _, t := range all[:n] {
		if out[t.lang] == nil {
			out[t.lang] = &weights{}
		}
		out[t.lang].add(t.id, t.w)
	}
	return out
}

// isCopy finds an earlier near-copy of a doc among the last Window
// articles (all of them without a window). The near-copy index is kept in
// two generations of Window/2 articles: when the newer fills, the older is
// dropped, so the index never holds more than the window, and an original
// found is always one still held, in an open event.
func (d *Detector) isCopy(di int, id string, sig dedup.Signature) (string, float64) {
	if half := d.p.Window / 2; half > 0 && di-d.dupsFrom >= half {
		for i := d.oldDupsFrom; i < d.dupsFrom; i++ {
			if x := d.log.ids[i]; d.byID[x] == i {
				delete(d.byID, x)
			}
		}
		d.oldDups, d.oldDupsFrom = d.dups, d.dupsFrom
		d.dups, d.dupsFrom = dedup.NewIndex(), di
	}
	orig, sim := "", 0.0
	if d.oldDups != nil {
		orig, sim = d.oldDups.Find(sig)
	}
	if o, s := d.dups.Add(id, sig); orig == "" {
		orig, sim = o, s
	}
	return orig, sim
}
