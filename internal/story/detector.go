package story

import (
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/storyline/storyline/internal/dedup"
	"github.com/storyline/storyline/internal/entities"
)

// Detector places articles into events, one at a time, in arrival order.
// It is not safe for concurrent use: placement order is the result.
type Detector struct {
	p        Params
	docs     []*Doc
	docEvent []int // event of each doc (before merges: resolve with find)
	copyOf   []int // doc each doc is a near-copy of, or -1
	events   []*event
	// into is, by event, the event it was merged into (or -1), and size
	// its number of members: beside the events rather than in them, so
	// that resolving the events an index key retrieves reads two compact
	// slices instead of an event each.
	into []int32
	size []int32
	// dups is the near-copy index; with a window, oldDups the generation
	// before it, the two starting at docs oldDupsFrom and dupsFrom (see
	// isCopy).
	dups, oldDups         *dedup.Index
	dupsFrom, oldDupsFrom int
	// settledBefore: docs before it are settled (see settle), their
	// entries in docs nil.
	settledBefore int
	byID          map[string]int // doc id → doc index
	sinceCon      int
	log           *decisionLog // the decision of every doc placed
	primed        int          // docs whose frequencies Prime counted; Add skips counting them
	counted       int          // docs Count counted
	// pending are the uncertain names of the docs Count counted, which
	// Primed counts once every doc is (see confirm); maybes numbers them.
	pending []pendingNames
	maybes  vocab

	// Words and entity keys are numbered (see vocab); frequencies, rarity
	// caches and the index are slices by id.
	terms, ents vocab
	wtab        weightTable // the distinct weights of docs' features (see feat)
	// spellings and kinds number how docs write their entities (nameRef).
	spellings, kinds vocab
	termDF, entDF    []int32
	termIDFs         idfCache
	entIDFs          idfCache
	post             postingLists // index key → recent events holding it
	hits             []int32      // scratch for candidates: shared keys by event
	touched          []int32      // scratch for candidates: the events hits counts
	seen             seenSet      // scratch for eventCandidates: keys looked up
	sharedScratch    []uint32     // scratch for Add: the names a candidate shares
	// scaledCache keeps the scaled weights of recent docs (see scaled).
	scaledCache []scaledEntry
	scaledNext  int
	idfVersion  int

	// changed lists the events touched since the last consolidation: the
	// only ones it needs to compare, since with the frequencies primed an
	// unchanged pair scores as it did when last compared.
	changed []int

	// langs are the frequencies among the docs of each language, which
	// is where a doc's words and names are weighed (see idfsFor).
	langs map[string]*langFreq
}

// entKey marks an index key as an entity's id rather than a term's.
const entKey = 1 << 31

// langFreq counts document frequencies among the docs of one language.
type langFreq struct {
	n                 int // docs counted
	termDF, entDF     counts
	termIDFs, entIDFs idfCache // rarity as seen from this language
	termW, entW       func(uint32) float64
}

// stamp is the version of the frequencies the caches were filled under;
// never zero, so a zero stamp is never valid.
func (d *Detector) stamp() uint32 { return uint32(d.idfVersion) + 1 }

// countChanged empties the rarity caches after frequencies change.
func (d *Detector) countChanged() { d.idfVersion++ }

// intern numbers a doc's words and entity keys (in key order, so ids do
// not depend on map order) and keeps their sublinear weights; the string
// maps are then dropped.
func (d *Detector) intern(doc *Doc) {
	if doc.interned {
		return
	}
	doc.interned = true
	if doc.termOrder == nil && len(doc.Terms) > 0 || doc.entOrder == nil && len(doc.Entities) > 0 {
		doc.termOrder, doc.entOrder = sortedKeys(doc.Terms), sortedKeys(doc.Entities)
	}
	doc.tw = make([]feat, 0, len(doc.termOrder))
	for _, t := range doc.termOrder {
		doc.tw = append(doc.tw, feat{d.terms.intern(t), d.wtab.code(sublinear(doc.Terms[t]))})
	}
	sortByID(doc.tw)
	doc.ew = make([]feat, 0, len(doc.entOrder))
	doc.names = make([]nameRef, 0, len(doc.entOrder))
	for _, k := range doc.entOrder {
		doc.ew = append(doc.ew, feat{d.ents.intern(k), d.wtab.code(doc.entityWeight(k, doc.Entities[k]))})
		doc.names = append(doc.names, d.nameRef(doc.Names[k]))
	}
	sortEntities(doc)
	doc.Terms, doc.Entities, doc.Names, doc.termOrder, doc.entOrder = nil, nil, nil, nil, nil
}

// nameRef is how a doc writes one of its entities, with its kind and how
// often the doc names it: the spelling and kind numbered like words (see
// Detector.spellings), 12 bytes instead of an Entity's 40, and each
// spelling held once however many docs use it.
type nameRef struct {
	spelling, kind uint32
	count          int32
}

// nameRef numbers an entity's spelling and kind.
func (d *Detector) nameRef(e Entity) nameRef {
	return nameRef{d.spellings.intern(e.Name), d.kinds.intern(string(e.Kind)), int32(e.Count)}
}

// entity spells a nameRef out.
func (d *Detector) entity(r nameRef) Entity {
	return Entity{Name: d.spellings.key(r.spelling), Kind: d.kind(r), Count: int(r.count)}
}

func (d *Detector) kind(r nameRef) entities.Kind { return entities.Kind(d.kinds.key(r.kind)) }

// vagueKind tells a kind that a later mention may make precise: none, or
// "other".
func vagueKind(k entities.Kind) bool { return k == "" || k == entities.Kind("other") }

// sortEntities sorts a doc's entities by id, their names along.
func sortEntities(doc *Doc) {
	if slices.IsSortedFunc(doc.ew, byID) {
		return
	}
	order := make([]int, len(doc.ew))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return int(doc.ew[a].id) - int(doc.ew[b].id) })
	ew, names := make([]feat, len(order)), make([]nameRef, len(order))
	for i, o := range order {
		ew[i], names[i] = doc.ew[o], doc.names[o]
	}
	doc.ew, doc.names = ew, names
}

// entityWeight is the weight of an entity named w times: sublinear in the
// count, except that an entity named once in passing, in the body only,
// weighs PeripheralWeight: a report of one meeting cites a dozen other
// places and bodies once each, and those would otherwise outweigh the names
// it repeats. A mentioned day is never peripheral.
func (doc *Doc) entityWeight(k string, w float64) float64 {
	if w <= 1 && !strings.HasPrefix(k, "@") {
		return doc.peripheral
	}
	return sublinear(w)
}

// count adds a doc to the document frequencies, once.
func (d *Detector) count(doc *Doc) {
	if doc.interned {
		return
	}
	d.intern(doc)
	l := d.langs[doc.Lang]
	if l == nil {
		l = &langFreq{}
		l.termW = func(t uint32) float64 { return d.langIDF(l, t, false) }
		l.entW = func(k uint32) float64 { return d.langIDF(l, k, true) }
		d.langs[doc.Lang] = l
	}
	l.n++
	d.termDF = atLeast(d.termDF, d.terms.len())
	for _, t := range doc.tw {
		d.termDF[t.id]++
		l.termDF.inc(t.id)
	}
	d.entDF = atLeast(d.entDF, d.ents.len())
	for _, k := range doc.ew {
		d.entDF[k.id]++
		l.entDF.inc(k.id)
	}
}

// Prime counts term and entity frequencies over all the docs about to be
// added, so that every placement weighs words by their rarity in the whole
// collection (among the docs of their language, see idfsFor) rather than
// in the part seen so far. Detection replays the
// stored history, so the collection is known; without Prime, frequencies
// grow as docs are added (a purely streaming setting). The detector takes
// the docs over: their Terms and Entities are dropped once counted. Docs
// already passed to Count are not counted again.
func (d *Detector) Prime(docs []*Doc) {
	d.Count(docs)
	d.Primed()
	for _, doc := range docs {
		d.confirm(doc, true)
	}
}

// Count is the first half of Prime, which a caller reading the history a
// page at a time calls on each page as it comes: a doc's words are
// numbered and counted, and its string maps dropped, while the rest of the
// history is still being read, instead of every doc's maps being held
// until all are read. Counting is the same in any grouping, so Count then
// Primed gives what Prime alone gives.
//
// A caller that cannot hold the whole history's docs (see
// Params.Window) lets them go once counted, calls Primed after the last
// page, and then makes each doc again, from the same article, to Add:
// Add numbers a doc it has not seen the same way Count did.
func (d *Detector) Count(docs []*Doc) {
	for _, doc := range docs {
		if doc.interned {
			continue
		}
		d.count(doc)
		d.counted++
		if len(doc.maybe) > 0 {
			d.pend(doc)
		}
	}
}

// Primed ends counting: the docs passed to Count are the collection whose
// frequencies every placement weighs by, and the uncertain names that
// docs of other languages name are counted among their docs' entities
// (see confirm), in the order the docs were counted.
func (d *Detector) Primed() {
	for _, p := range d.pending {
		l := d.langs[p.lang]
		for _, m := range p.maybe {
			id, known := d.ents.lookup(d.maybes.key(m))
			if !known || !d.namedElsewhere(id, p.lang) {
				continue
			}
			d.entDF[id]++
			l.entDF.inc(id)
		}
	}
	d.pending, d.maybes = nil, vocab{}
	d.primed = d.counted
	d.countChanged()
}

// pendingNames are the uncertain names of a counted doc that it does not
// also name for certain, numbered, until Primed counts those confirmed.
type pendingNames struct {
	lang  string
	maybe []uint32 // ids in Detector.maybes
}

// pend keeps a counted doc's uncertain names for Primed.
func (d *Detector) pend(doc *Doc) {
	if d.maybes.slots == nil {
		d.maybes = newVocab()
	}
	p := pendingNames{lang: doc.Lang}
	for _, k := range sortedKeys(doc.maybe) {
		if id, known := d.ents.lookup(k); known {
			if _, named := lookup(doc.ew, id); named {
				continue
			}
		}
		p.maybe = append(p.maybe, d.maybes.intern(k))
	}
	d.pending = append(d.pending, p)
}

// confirm makes names of a doc's uncertain names (German capitalised
// words, which may be nouns) that docs of other languages name: "InSight",
// "Perseverance", "Mukwege" in German are names because English and French
// articles capitalise them where they capitalise no noun. It counts them
// among the doc's entities; it runs once a doc, after the docs it is
// compared with have been counted. A doc that Primed counted the
// confirmed names of is not counted again.
func (d *Detector) confirm(doc *Doc, counted bool) {
	added := false
	for k, w := range doc.maybe {
		id, known := d.ents.lookup(k)
		if _, named := lookup(doc.ew, id); !known || named || !d.namedElsewhere(id, doc.Lang) {
			continue
		}
		doc.ew = append(doc.ew, feat{id, d.wtab.code(doc.entityWeight(k, w))})
		doc.names = append(doc.names, d.nameRef(doc.maybeNames[k]))
		if !counted {
			l := d.langs[doc.Lang]
			d.entDF[id]++
			l.entDF.inc(id)
		}
		added = true
	}
	if added {
		sortEntities(doc)
	}
	doc.maybe, doc.maybeNames = nil, nil
}

// namedElsewhere reports whether docs of a language other than lang name
// the entity id.
func (d *Detector) namedElsewhere(id uint32, lang string) bool {
	for l, f := range d.langs {
		if l != lang && f.entDF.get(id) > 0 {
			return true
		}
	}
	return false
}

// event is a growing cluster of docs.
type event struct {
	idx   int
	docs  []int
	terms map[string]*weights // by language: words meet only their own (see mix)
	ents  *weights
	days                 // range of known publication days
	langs map[string]int // members by language

	// norms caches the squared term and entity norms as seen from each
	// language (see idfsFor); valid when normStamp is the detector's stamp.
	norms     map[string][2]float64
	normStamp uint32

	// past is what the event keeps of its settled members (see settle);
	// a closed event keeps its telling (summary, without its articles)
	// and its main actors instead, and only its weightiest words.
	past    *settledPart
	trimAt  int // weights beyond which to trim the event (see trim)
	summary *Event
	actors  []string

	// changed: members joined, left or merged since the event was last
	// compared in consolidation (see Detector.changed).
	changed bool
	// self caches selfSimilarity; valid when selfStamp is the stamp.
	self      float64
	selfStamp uint32
}

// touch records that an event's members changed: its cached
// self-similarity is stale, and consolidation must compare it again.
func (d *Detector) touch(e *event) {
	e.selfStamp = 0
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
		p:         p,
		terms:     newVocab(),
		ents:      newVocab(),
		spellings: newVocab(),
		kinds:     newVocab(),
		langs:     map[string]*langFreq{},
		dups:      dedup.NewIndex(),
		byID:      map[string]int{},
		log:       &decisionLog{join: p.Join},
	}
}

// Add places one article; Decision(i) explains where the i-th went.
func (d *Detector) Add(doc *Doc) {
	di := len(d.docs)
	d.docs = append(d.docs, doc)
	d.byID[doc.ID] = di
	d.log.ids = append(d.log.ids, doc.ID)
	switch {
	case di >= d.primed:
		d.count(doc)
		d.confirm(doc, false)
		d.countChanged()
	case !doc.interned:
		// Counted, then let go, and made again (see Count): numbered as
		// Count numbered it, and its confirmed names already counted.
		d.intern(doc)
		d.confirm(doc, true)
		// The article may have changed in the store since it was
		// counted: words never counted have no frequency yet.
		d.termDF = atLeast(d.termDF, d.terms.len())
		d.entDF = atLeast(d.entDF, d.ents.len())
	}

	cands := d.candidates(doc)
	type scoredEvent struct {
		ei int
		s  similarity
	}
	scored := make([]scoredEvent, 0, len(cands))
	best, bestScore := -1, -1.0
	for _, ei := range cands {
		s := d.similarity(doc, d.events[ei])
		scored = append(scored, scoredEvent{ei, s})
		if s.score > bestScore && s.score >= d.p.Join {
			best, bestScore = ei, s.score
		}
	}
	sort.SliceStable(scored, func(i, j int) bool { return scored[i].s.score > scored[j].s.score })
	if len(scored) > 5 {
		scored = scored[:5]
	}
	dec := placement{copyOf: -1, start: d.log.startCandidates(len(scored))}
	for _, c := range scored {
		e := d.events[c.ei]
		shared := d.sharedScratch[:0]
		for _, k := range doc.ew {
			if e.ents.at(k.id) > 0 {
				shared = append(shared, k.id)
			}
		}
		d.log.addCandidate(e.docs[0], c.s, len(e.docs), shared)
		d.sharedScratch = shared
	}

	target := -1
	d.copyOf = append(d.copyOf, -1)
	var sig dedup.Signature
	if doc.Sig != nil {
		sig = *doc.Sig
		doc.Sig = nil // the index keeps its own copy
	}
	if orig, sim := d.isCopy(di, doc.ID, sig); orig != "" {
		oi := d.byID[orig]
		d.copyOf[di] = oi
		target = d.find(d.docEvent[oi])
		dec.copyOf, dec.copyScore = int32(oi), milli(sim)
	} else if best >= 0 {
		target = best
	}
	if len(scored) > 0 {
		dec.score = milli(scored[0].s.score)
	}
	if target < 0 {
		target = len(d.events)
		d.events = append(d.events, &event{idx: target, terms: map[string]*weights{}, ents: &weights{}})
		d.into = append(d.into, -1)
		d.size = append(d.size, 0)
		dec.isNew = true
	}
	d.docEvent = append(d.docEvent, target)
	d.join(d.events[target], di)
	dec.event = int32(d.events[target].docs[0])
	d.log.entries = append(d.log.entries, dec)

	if d.sinceCon++; d.p.ConsolidateEvery > 0 && d.sinceCon >= d.p.ConsolidateEvery {
		d.consolidate()
	}
	d.settle()
	d.sweepPostings(sweepPerAdd)
}

// eventID names an event by its first article, so ids are stable across
// runs that see the same articles in the same order.
func (d *Detector) eventID(ei int) string { return d.idOf(d.events[ei]) }

func (d *Detector) idOf(e *event) string { return "e-" + d.log.ids[e.docs[0]] }

// find is the live event an event was merged into, through any chain of
// merges; it points the chain's events at it, so the next find is one step.
func (d *Detector) find(ei int) int {
	root := ei
	for d.into[root] >= 0 {
		root = int(d.into[root])
	}
	for ei != root {
		next := int(d.into[ei])
		d.into[ei] = int32(root)
		ei = next
	}
	return root
}

// resized records the new member count of event e (see Detector.size).
func (d *Detector) resized(e *event) { d.size[e.idx] = int32(len(e.docs)) }

// join adds doc di to event e and indexes e under the doc's keys.
func (d *Detector) join(e *event, di int) {
	e.docs = append(e.docs, di)
	d.resized(e)
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
	d.index(e, doc)
}

// index files event e under a doc's keys, each key keeping its PostingCap
// most recent events.
func (d *Detector) index(e *event, doc *Doc) {
	for _, key := range d.keys(doc) {
		list := d.posting(key)
		if n := len(*list); n > 0 && (*list)[n-1] == int32(e.idx) {
			continue
		}
		*list = append(*list, int32(e.idx))
		if len(*list) > d.p.PostingCap {
			*list = append((*list)[:0], (*list)[len(*list)-d.p.PostingCap:]...)
		}
	}
}

// posting is the list of events an index key retrieves, made on demand.
func (d *Detector) posting(key uint32) *[]int32 { return d.post.list(key) }

// postings is the list of events an index key retrieves, nil when none.
func (d *Detector) postings(key uint32) []int32 { return d.post.get(key) }

// sweepPerAdd is how many posting lists each Add looks at for dead events
// (see sweepPostings): every list is looked at again within a few hundred
// thousand articles, at well under a microsecond an article. A variable
// so that tests can compare with not sweeping.
var sweepPerAdd = 32

// days is a range of publication days, empty until widened.
type days struct {
	min, max time.Time
	dated    bool
}

// widen stretches the range to cover [from, to].
func (r *days) widen(from, to time.Time) {
	if !r.dated || from.Before(r.min) {
		r.min = from
	}
	if !r.dated || to.After(r.max) {
		r.max = to
	}
	r.dated = true
}

// keys are the index keys of a doc: all its entities and its rarest terms
// (entity ids marked with entKey), computed once while frequencies stand
// still.
func (d *Detector) keys(doc *Doc) []uint32 {
	if doc.keysStamp == d.stamp() {
		return doc.keys
	}
	keys := doc.keys[:0]
	for _, k := range doc.ew {
		keys = append(keys, k.id|entKey)
	}
	type tw struct {
		id uint32
		df int32
	}
	terms := make([]tw, len(doc.tw))
	for i, t := range doc.tw {
		terms[i] = tw{t.id, d.termDF[t.id]}
	}
	slices.SortFunc(terms, func(a, b tw) int {
		if a.df != b.df {
			return int(a.df) - int(b.df)
		}
		return strings.Compare(d.terms.key(a.id), d.terms.key(b.id))
	})
	// Terms seen in one doc only cannot retrieve anything yet, but they
	// will: index the rarest, whatever their count.
	for i := 0; i < len(terms) && i < d.p.IndexTerms; i++ {
		keys = append(keys, terms[i].id)
	}
	doc.keys, doc.keysStamp = keys, d.stamp()
	return keys
}

// candidates are the events sharing the most index keys with doc.
func (d *Detector) candidates(doc *Doc) []int {
	d.hits = atLeast(d.hits, len(d.events))
	touched := d.touched[:0]
	for _, key := range d.keys(doc) {
		for _, ei := range d.postings(key) {
			if r := d.find(int(ei)); d.size[r] > 0 {
				if d.hits[r] == 0 {
					touched = append(touched, int32(r))
				}
				d.hits[r]++
			}
		}
	}
	d.touched = touched
	return d.mostHits(touched)
}

// mostHits ranks the events counted in d.hits by shared index keys, most
// first (ties by age), keeps MaxCandidates of them, and clears the counts.
// The best are picked in one pass, by insertion into a list of
// MaxCandidates: an article's keys touch hundreds or thousands of events,
// and sorting them all to keep twenty was a sixth of detection's time.
func (d *Detector) mostHits(touched []int32) []int {
	k := d.p.MaxCandidates
	var top []int
	if k > 0 {
		top = make([]int, 0, min(k, len(touched)))
	}
	better := func(a, b int) bool {
		if d.hits[a] != d.hits[b] {
			return d.hits[a] > d.hits[b]
		}
		return a < b
	}
	for _, t := range touched {
		ei := int(t)
		if k <= 0 || len(top) == k && !better(ei, top[k-1]) {
			continue
		}
		i := k - 1
		if len(top) < k {
			top = append(top, ei)
			i = len(top) - 1
		}
		for ; i > 0 && better(ei, top[i-1]); i-- {
			top[i] = top[i-1]
		}
		top[i] = ei
	}
	for _, ei := range touched {
		d.hits[ei] = 0
	}
	return top
}

// similarity is how a doc compares with an event, in parts.
type similarity struct {
	text, ent, time float64
	score           float64 // rounded to 3 decimals, as decisions show it
}

// similarity compares a doc with an event.
func (d *Detector) similarity(doc *Doc, e *event) similarity {
	scaledT, scaledE := d.scaled(doc)
	text := dotScaled(scaledT, e.terms[doc.Lang], d.docNorm(doc, false)*d.eventNorm(e, doc.Lang, false))
	ent := dotScaled(scaledE, e.ents, d.docNorm(doc, true)*d.eventNorm(e, doc.Lang, true))
	s := d.mix(text, ent, len(doc.ew) > 0 && e.ents.len() > 0, e.langs[doc.Lang], len(e.docs))
	tf := d.timeFactor(doc.DateOK, doc.Date, doc.DateEnd, e)
	return similarity{text: text, ent: ent, time: tf, score: round(s * tf)}
}

// score is the rounded score of a doc against an event.
func (d *Detector) score(doc *Doc, e *event) float64 { return d.similarity(doc, e).score }

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

// termIDF is a word's rarity in the whole collection.
func (d *Detector) termIDF(id uint32) float64 {
	if v, ok := d.termIDFs.get(id, d.stamp()); ok {
		return v
	}
	v := idf(d.collection(), int(d.termDF[id]))
	d.termIDFs.put(id, d.stamp(), v)
	return v
}

// entIDF is an entity's rarity in the whole collection.
func (d *Detector) entIDF(id uint32) float64 {
	if v, ok := d.entIDFs.get(id, d.stamp()); ok {
		return v
	}
	v := idf(d.collection(), int(d.entDF[id]))
	d.entIDFs.put(id, d.stamp(), v)
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
func (d *Detector) idfsFor(lang string) (terms, ents func(uint32) float64) {
	if l := d.langs[lang]; l != nil {
		return l.termW, l.entW
	}
	return d.termIDF, d.entIDF // a doc not counted (Add counts every doc)
}

// langIDF is the rarity of a word (or, with ent, an entity key) as seen
// from the docs of one language (see idfsFor), cached.
func (d *Detector) langIDF(l *langFreq, id uint32, ent bool) float64 {
	cache, df := &l.termIDFs, &l.termDF
	if ent {
		cache, df = &l.entIDFs, &l.entDF
	}
	if v, ok := cache.get(id, d.stamp()); ok {
		return v
	}
	var v float64
	if n := df.get(id); n > 0 {
		v = idf(l.n, int(n))
	} else {
		users, total := 0, 0
		for _, o := range d.langs {
			odf := &o.termDF
			if ent {
				odf = &o.entDF
			}
			if n := odf.get(id); n > 0 {
				users += o.n
				total += int(n)
			}
		}
		v = idf(users, total)
	}
	cache.put(id, d.stamp(), v)
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

// docNorm is the IDF-weighted norm of a doc's terms (or entities), as seen
// from its language, cached until frequencies change.
func (d *Detector) docNorm(doc *Doc, ents bool) float64 {
	if doc.normStamp != d.stamp() {
		tIDF, eIDF := d.idfsFor(doc.Lang)
		doc.normT, doc.normE = normOf(doc.tw, d.wtab.vals, tIDF), normOf(doc.ew, d.wtab.vals, eIDF)
		doc.normStamp = d.stamp()
	}
	if ents {
		return doc.normE
	}
	return doc.normT
}

// eventNorm is docNorm for an event as seen from language lang; its cache
// is kept up to date as the event changes (see addWeights). An event is
// compared with the docs of few languages, so its norms are computed a few
// times per change of frequencies.
func (d *Detector) eventNorm(e *event, lang string, ents bool) float64 {
	if e.normStamp != d.stamp() {
		e.norms = nil
		e.normStamp = d.stamp()
	}
	n, ok := e.norms[lang]
	if !ok {
		tIDF, eIDF := d.idfsFor(lang)
		t, k := normOfMap(e.terms[lang], tIDF), normOfMap(e.ents, eIDF)
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
	valid := e.normStamp == d.stamp()
	for lang, n := range e.norms {
		if !valid {
			break
		}
		tIDF, eIDF := d.idfsFor(lang)
		if lang == doc.Lang {
			n[0] += deltaNorm2(e.terms[lang], doc.tw, d.wtab.vals, sign, tIDF)
		}
		n[1] += deltaNorm2(e.ents, doc.ew, d.wtab.vals, sign, eIDF)
		e.norms[lang] = n
	}
	if e.terms[doc.Lang] == nil {
		e.terms[doc.Lang] = &weights{}
	}
	for _, x := range doc.tw {
		e.terms[doc.Lang].add(x.id, sign*d.wtab.vals[x.w])
	}
	for _, x := range doc.ew {
		e.ents.add(x.id, sign*d.wtab.vals[x.w])
	}
}

// deltaNorm2 is how much the squared norm of m changes when w is added to
// it (sign 1) or taken from it (sign -1).
func deltaNorm2(m *weights, w []feat, wv []float64, sign float64, idf func(uint32) float64) float64 {
	var delta float64
	for _, x := range w {
		old := m.at(x.id)
		v := old + sign*wv[x.w]
		if v <= 1e-9 {
			v = 0
		}
		i := idf(x.id)
		delta += (v*v - old*old) * i * i
	}
	return delta
}

func normOf(list []feat, wv []float64, idf func(uint32) float64) float64 {
	var n float64
	for _, f := range list {
		x := wv[f.w] * idf(f.id)
		n += x * x
	}
	return math.Sqrt(n)
}

func normOfMap(m *weights, idf func(uint32) float64) float64 {
	var n float64
	m.each(func(k uint32, w float64) {
		x := w * idf(k)
		n += x * x
	})
	return math.Sqrt(n)
}

// scaled are a doc's term and entity weights times the square of their
// rarity as seen from its language: a cosine with an event is then one
// lookup a key. They are kept for the docs asked about most recently only
// (scaledSlots of them, first in first out): the doc being placed or
// refined is scored against each of its candidates in turn, and an event's
// first articles against each event it is compared with at consolidation;
// kept for every doc, they would double the detector's memory.
func (d *Detector) scaled(doc *Doc) (terms, ents []fw) {
	if i := doc.scaledSlot - 1; i >= 0 && int(i) < len(d.scaledCache) {
		if c := &d.scaledCache[i]; c.doc == doc && c.stamp == d.stamp() {
			return c.terms, c.ents
		}
	}
	if len(d.scaledCache) < scaledSlots {
		d.scaledCache = append(d.scaledCache, scaledEntry{})
	}
	i := d.scaledNext % len(d.scaledCache)
	d.scaledNext = i + 1
	c := &d.scaledCache[i]
	if c.doc != nil {
		c.doc.scaledSlot = 0
	}
	tIDF, eIDF := d.idfsFor(doc.Lang)
	c.terms = scaleBy(c.terms[:0], doc.tw, d.wtab.vals, tIDF)
	c.ents = scaleBy(c.ents[:0], doc.ew, d.wtab.vals, eIDF)
	c.doc, c.stamp = doc, d.stamp()
	doc.scaledSlot = int32(i) + 1
	return c.terms, c.ents
}

// scaledSlots is how many docs' scaled weights are kept.
const scaledSlots = 4096

// scaledEntry is one doc's scaled weights (see Detector.scaled).
type scaledEntry struct {
	doc         *Doc
	stamp       uint32
	terms, ents []fw
}

// scaleBy appends the features of list (sorted by id, so dot products add
// up in the same order in every run) times their rarity squared.
func scaleBy(dst []fw, list []feat, wv []float64, idf func(uint32) float64) []fw {
	for _, f := range list {
		i := idf(f.id)
		if x := wv[f.w] * i * i; x != 0 {
			dst = append(dst, fw{f.id, x})
		}
	}
	return dst
}

// dotScaled is the cosine of a doc's scaled weights with b, given the
// product of their norms.
func dotScaled(a []fw, b *weights, norms float64) float64 {
	if norms == 0 || b.len() == 0 {
		return 0
	}
	var dot float64
	for _, x := range a {
		if wb, ok := b.get(x.id); ok {
			dot += x.w * wb
		}
	}
	return dot / norms
}

// cosine is the cosine of a doc's weights with an event's, after rarity
// weighting, given the squared norm of the event's (see norm2), which
// callers comparing many docs with one event compute once.
func cosine(a []feat, wv []float64, b *weights, b2 float64, idf func(uint32) float64) float64 {
	if len(a) == 0 || b.len() == 0 {
		return 0
	}
	var dot, na float64
	for _, f := range a {
		i := idf(f.id)
		x := wv[f.w] * i
		na += x * x
		if wb, ok := b.get(f.id); ok {
			dot += x * wb * i
		}
	}
	if na == 0 || b2 == 0 {
		return 0
	}
	return dot / math.Sqrt(na*b2)
}

// norm2 is the squared norm of weights after rarity weighting.
func norm2(b *weights, idf func(uint32) float64) float64 {
	var nb float64
	b.each(func(k uint32, wb float64) {
		y := wb * idf(k)
		nb += y * y
	})
	return nb
}

func round(x float64) float64 { return math.Round(x*1000) / 1000 }

// docEntity is the weight a doc the detector has taken in gives an entity
// key, 0 when it does not name it.
func (d *Detector) docEntity(doc *Doc, key string) float64 {
	id, ok := d.ents.lookup(key)
	if !ok {
		return 0
	}
	f, found := lookup(doc.ew, id)
	if !found {
		return 0
	}
	return d.wtab.vals[f.w]
}
