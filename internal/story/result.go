package story

import (
	"math"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/storyline/storyline/internal/entities"
	"github.com/storyline/storyline/internal/sentences"
)

// Result is the outcome of detection over a sequence of articles.
type Result struct {
	Events      []Event
	Storylines  []Storyline
	Assignments []Assignment // one per article, in arrival order; see Assignment for decisions

	log *decisionLog // the decisions of a Result a Detector made (see Assignment)
}

// Event is one real-world happening and the articles reporting it.
type Event struct {
	ID        string      `json:"id"`
	Storyline string      `json:"storyline,omitempty"`
	Headline  string      `json:"headline"`
	Articles  []string    `json:"articles"` // in arrival order
	Sources   int         `json:"sources"`  // distinct sites, copies counted once
	Languages []string    `json:"languages"`
	First     time.Time   `json:"first,omitzero"` // earliest publication day known
	Last      time.Time   `json:"last,omitzero"`
	Entities  []EntityRef `json:"entities"` // main entities, most weighty first
}

// EntityRef is an entity of an event.
type EntityRef struct {
	Key   string        `json:"key"`
	Name  string        `json:"name"`
	Kind  entities.Kind `json:"kind"`
	Count int           `json:"count"`
}

// Storyline is a chain of events that share their main actors and theme.
type Storyline struct {
	ID     string   `json:"id"`
	Events []string `json:"events"` // in order of first article
}

// Assignment is where one article ended up.
type Assignment struct {
	Article   string   `json:"id"`
	Event     string   `json:"event"`
	Storyline string   `json:"storyline,omitempty"`
	Decision  Decision `json:"decision"` // in a Result a Detector made, spelled out by Result.Assignment
}

// Finish consolidates once more and returns events, storylines and the
// assignment of every article. The detector can take more articles after.
func (d *Detector) Finish() Result {
	d.consolidate()
	d.refine(d.p.RefinePasses)
	d.consolidate()
	var res Result
	live := []int{}
	for ei, e := range d.events {
		if d.into[ei] < 0 && len(e.docs) > 0 {
			live = append(live, ei)
		}
	}
	storylineOf := d.storylines(live)
	idOf := map[int]string{}
	for _, ei := range live {
		idOf[ei] = d.eventID(ei)
	}
	groups := map[string][]string{}
	var order []string
	for _, ei := range live {
		var ev Event
		if e := d.events[ei]; e.summary != nil {
			ev = *e.summary // closed (see close): told when it closed
			ev.Articles = d.articles(e)
		} else {
			ev = d.summarize(e)
		}
		ev.Storyline = storylineOf[ei]
		if ev.Storyline != "" {
			if _, ok := groups[ev.Storyline]; !ok {
				order = append(order, ev.Storyline)
			}
			groups[ev.Storyline] = append(groups[ev.Storyline], ev.ID)
		}
		res.Events = append(res.Events, ev)
	}
	for _, id := range order {
		res.Storylines = append(res.Storylines, Storyline{ID: id, Events: groups[id]})
	}
	res.Assignments = make([]Assignment, 0, len(d.docs))
	for di := range d.docs {
		ei := d.find(d.docEvent[di])
		res.Assignments = append(res.Assignments, Assignment{
			Article:   d.log.ids[di],
			Event:     idOf[ei],
			Storyline: storylineOf[ei],
		})
	}
	res.log = d.log.snapshot(d.ents.snapshot())
	return res
}

// summarize describes an event for readers: its settled articles as they
// were folded in (see settledPart), the others from their docs.
func (d *Detector) summarize(e *event) Event {
	ev := Event{ID: d.eventID(e.idx), First: e.min, Last: e.max, Articles: d.articles(e)}
	sites := map[string]bool{}
	names := map[string]Entity{}
	if p := e.past; p != nil {
		for s := range p.sites {
			sites[s] = true
		}
		for id, n := range p.names {
			names[d.ents.key(id)] = d.entity(n.ref)
		}
	}
	for _, di := range e.window() {
		doc := d.docs[di]
		if d.copyOf[di] < 0 {
			sites[siteOf(doc)] = true
		}
		for i, n := range doc.names {
			k := d.ents.key(doc.ew[i].id)
			m := names[k]
			if m.Name == "" {
				m = d.entity(n)
			} else {
				m.Count += int(n.count)
			}
			names[k] = m
		}
	}
	ev.Headline = d.headline(e)
	ev.Sources = len(sites)
	for l, n := range e.langs {
		if l != "" && n > 0 {
			ev.Languages = append(ev.Languages, l)
		}
	}
	sort.Strings(ev.Languages)
	for _, k := range d.mainEntities(e, 10, false) {
		n := names[k]
		ev.Entities = append(ev.Entities, EntityRef{Key: k, Name: n.Name, Kind: n.Kind, Count: n.Count})
	}
	return ev
}

// articles are the ids of an event's articles, in arrival order.
func (d *Detector) articles(e *event) []string {
	ids := make([]string, len(e.docs))
	for i, di := range e.docs {
		ids[i] = d.log.ids[di]
	}
	return ids
}

// headline is the title of the article closest to the event's centroid
// (central, so neither a site's odd angle nor a stub) that informs rather
// than teases, among the articles of the language most of the event's
// articles are in: words are compared within one language (see
// Detector.mix), and a lone article in its language would be its own
// centroid.
func (d *Detector) headline(e *event) string {
	main := ""
	for l, n := range e.langs {
		if n > e.langs[main] || n == e.langs[main] && l < main {
			main = l
		}
	}
	best, bestSim := "", -1.0
	if p := e.past; p != nil {
		// Settled articles were scored as they settled (see fold), and
		// come first.
		if t, ok := p.titles[main]; ok {
			best, bestSim = t.title, t.score
		}
	}
	centroid := e.terms[main]
	c2 := norm2(centroid, d.termIDF)
	for _, di := range e.window() {
		doc := d.docs[di]
		if doc.Title == "" || doc.Lang != main {
			continue
		}
		if s := cosine(doc.tw, d.wtab.vals, centroid, c2, d.termIDF) * HeadlineQuality(doc.Title); s > bestSim+tieTolerance {
			best, bestSim = doc.Title, s
		}
	}
	if best != "" {
		return best
	}
	// No title in that language: the earliest title.
	if p := e.past; p != nil && p.firstTitle != "" {
		return p.firstTitle
	}
	for _, di := range e.window() {
		if d.docs[di].Title != "" {
			return d.docs[di].Title
		}
	}
	return ""
}

// mainEntities ranks an event's entities by weight times rarity; with
// actorsOnly, places are left out (a setting is not an actor).
func (d *Detector) mainEntities(e *event, n int, actorsOnly bool) []string {
	type kw struct {
		k string
		w float64
	}
	kind := map[string]entities.Kind{}
	if actorsOnly {
		if p := e.past; p != nil {
			for id, n := range p.names {
				kind[d.ents.key(id)] = entities.Kind(d.kinds.key(n.actorKind))
			}
		}
		for _, di := range e.window() {
			doc := d.docs[di]
			for i, nm := range doc.names {
				k := d.ents.key(doc.ew[i].id)
				if vagueKind(kind[k]) {
					kind[k] = d.kind(nm)
				}
			}
		}
	}
	list := make([]kw, 0, e.ents.len())
	e.ents.each(func(id uint32, w float64) {
		k := d.ents.key(id)
		if actorsOnly && kind[k] == entities.Kind("place") || isFigure(k) {
			return // a setting is not an actor; a figure is no entity
		}
		list = append(list, kw{k, w * d.entIDF(id)})
	})
	sort.Slice(list, func(i, j int) bool {
		if list[i].w != list[j].w {
			return list[i].w > list[j].w
		}
		return list[i].k < list[j].k
	})
	out := make([]string, 0, n)
	for i := 0; i < len(list) && i < n; i++ {
		out = append(out, list[i].k)
	}
	return out
}

// storylines links events that share their main actors and enough of their
// vocabulary into chains; it returns each event's storyline id, or "" for
// an event that stands alone.
func (d *Detector) storylines(live []int) map[int]string {
	actors := map[int][]string{}
	byActor := map[string][]int{}
	for _, ei := range live {
		a := d.events[ei].actors // a closed event's (see close)
		if d.events[ei].summary == nil {
			a = d.mainEntities(d.events[ei], d.p.StorylineActors, true)
		}
		actors[ei] = a
		for _, k := range a {
			byActor[k] = append(byActor[k], ei)
		}
	}
	parent := map[int]int{}
	var find func(int) int
	find = func(x int) int {
		if p, ok := parent[x]; ok && p != x {
			r := find(p)
			parent[x] = r
			return r
		}
		return x
	}
	for _, ei := range live {
		shared := map[int]int{}
		for _, k := range actors[ei] {
			for _, oi := range byActor[k] {
				if oi > ei {
					shared[oi]++
				}
			}
		}
		others := make([]int, 0, len(shared))
		for oi := range shared {
			others = append(others, oi)
		}
		sort.Ints(others)
		for _, oi := range others {
			need := min(d.p.StorylineShared, len(actors[ei]), len(actors[oi]))
			if need == 0 || shared[oi] < need {
				continue
			}
			if textCosine(d.events[ei].terms, d.events[oi].terms, d.termIDF) < d.p.StorylineText {
				continue
			}
			a, b := find(ei), find(oi)
			if a != b {
				if a > b {
					a, b = b, a
				}
				parent[b] = a
			}
		}
	}
	members := map[int]int{}
	for _, ei := range live {
		members[find(ei)]++
	}
	out := map[int]string{}
	for _, ei := range live {
		if r := find(ei); members[r] > 1 {
			out[ei] = "s-" + d.log.ids[d.events[r].docs[0]]
		}
	}
	return out
}

// HeadlineQuality is 1 for a title that informs, less for one that teases
// (a question, an exclamation, a cliffhanger) or is too short or too long
// to say what happened.
func HeadlineQuality(title string) float64 {
	q := 1.0
	words := len(strings.Fields(title))
	switch {
	case words < 4:
		q *= 0.5
	case words > 25:
		q *= 0.7
	}
	t := strings.TrimRight(title, " "+sentences.Closers)
	if strings.HasSuffix(t, "?") || strings.HasSuffix(t, "!") || strings.HasSuffix(t, "…") || strings.HasSuffix(t, "...") {
		q *= 0.6
	}
	letters, upper := 0, 0
	for _, r := range title {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	if letters > 0 && upper*10 > letters*6 {
		q *= 0.6 // shouting
	}
	return q
}

// textCosine is the cosine of two events' terms, each language part
// compared with the same part of the other.
func textCosine(a, b map[string]*weights, idf func(uint32) float64) float64 {
	var dot, na, nb float64
	for l, ta := range a {
		tb := b[l]
		ta.each(func(k uint32, wa float64) {
			i := idf(k)
			x := wa * i
			na += x * x
			if wb, ok := tb.get(k); ok {
				dot += x * wb * i
			}
		})
	}
	for _, tb := range b {
		tb.each(func(k uint32, wb float64) {
			y := wb * idf(k)
			nb += y * y
		})
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}

// isFigure tells the key of a figure ("#66e9") from a name's.
func isFigure(k string) bool { return strings.HasPrefix(k, "#") }

// tieTolerance is how much better a headline candidate must score to win:
// sums over maps come in random order, so two equally central titles
// differ in the last bits from run to run; within it, the earlier article
// wins.
const tieTolerance = 1e-9
