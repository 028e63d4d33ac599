package story

import (
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/storyline/storyline/internal/analysis"
	_ "github.com/storyline/storyline/internal/analysis/lang/all" // every language's stop words and stemmer
	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/dates"
	"github.com/storyline/storyline/internal/dedup"
	"github.com/storyline/storyline/internal/entities"
)

// Doc is what story detection knows of one article.
type Doc struct {
	ID    string
	Site  string
	Lang  string
	Title string

	Terms    map[string]float64 // term → weight (title terms boosted)
	Entities map[string]float64 // entity key → weight; days "@2020-09-14" and figures "#66e9" too
	Names    map[string]Entity  // entity key → how it is written, its kind
	Date     time.Time          // publication day (first day of the month for a month), zero when unknown
	DateEnd  time.Time          // last day the publication may be: Date, or the month's last day
	DateOK   bool               // Date is at least month-precise
	Sig      *dedup.Signature   // dropped once the detector has filed it

	// maybe holds the uncertain names (German capitalised words that may be
	// nouns) with their weights and spellings; a Detector moves those that
	// articles in other languages name into Entities (see confirm).
	maybe      map[string]float64
	maybeNames map[string]Entity

	peripheral float64 // Params.PeripheralWeight when the doc was made

	// termOrder and entOrder are the keys of Terms and Entities in order,
	// sorted where docs are made (on every core) so that a Detector numbers
	// them in the same order in every run (see Detector.intern).
	termOrder, entOrder []string

	// What a Detector keeps of the doc once it has taken it in: the
	// sublinear weights of its words and entities by interned id (the
	// string maps above are then dropped), and caches that stay valid
	// while frequencies stand still.
	interned     bool
	tw, ew       []feat
	names        []nameRef // how each entity of ew is written, in ew's order
	normT, normE float64   // IDF-weighted norms
	normStamp    uint32
	scaledSlot   int32    // 1 + where Detector.scaled keeps its scaled weights, 0 for nowhere
	keys         []uint32 // index keys (see Detector.keys)
	keysStamp    uint32
}

// Entity is an entity as shown to a reader.
type Entity struct {
	Name  string
	Kind  entities.Kind
	Count int
}

// NewDoc analyses an article for detection. It reads only what a run
// derives from the page itself (text, title, language, dates, site).
func NewDoc(a *article.Article, p Params) *Doc { return newDoc(a, p, true) }

// NewCountedDoc is NewDoc for Detector.Count alone: without the
// near-copy signature, which only Add uses (a seventh of NewDoc's
// time). A caller that lets counted docs go and makes them again to Add
// (see Count) makes them so the first time.
func NewCountedDoc(a *article.Article, p Params) *Doc { return newDoc(a, p, false) }

func newDoc(a *article.Article, p Params, sign bool) *Doc {
	// Copies, so that a doc holds no slice of the article's text.
	d := &Doc{
		ID:    strings.Clone(a.ID),
		Site:  strings.Clone(a.Site),
		Lang:  strings.Clone(a.Lang),
		Title: strings.Clone(a.Title),

		peripheral: p.PeripheralWeight,
	}
	an := analysis.For(a.Lang)
	buf := termBuffers.Get().(*[]string)
	terms := an.AppendTerms((*buf)[:0], a.Text)
	// Sized for most of an article's words being distinct, the map is
	// made once instead of doubling its way up.
	d.Terms = make(map[string]float64, len(terms)*3/4+1)
	for _, t := range terms {
		d.Terms[t]++
	}
	terms = an.AppendTerms(terms[:0], a.Title)
	for _, t := range terms {
		d.Terms[t] += p.TitleBoost
	}
	clear(terms)
	*buf = terms[:0]
	termBuffers.Put(buf)
	titleNames, textNames := entities.ExtractAll(a.Title, a.Lang), entities.ExtractAll(a.Text, a.Lang)
	named := len(titleNames) + len(textNames)
	d.Entities, d.Names = make(map[string]float64, named), make(map[string]Entity, named)
	if p.FigureWeight > 0 {
		d.addFigures(a.Title, p.TitleBoost*p.FigureWeight)
		d.addFigures(a.Text, p.FigureWeight)
	}
	d.addEntities(titleNames, p.TitleBoost)
	d.addEntities(textNames, 1)

	// A date inferred from the text (the latest one it mentions) may be a
	// date the article looks forward to: it counts as a mention below, not
	// as the publication date.
	if a.Published.Known() && a.Published.Precision != article.PrecisionYear && a.Published.From != "text" {
		d.Date = a.Published.Time.Truncate(24 * time.Hour)
		d.DateEnd = d.Date
		if a.Published.Precision == article.PrecisionMonth {
			d.DateEnd = d.Date.AddDate(0, 1, -1)
		}
		d.DateOK = true
	}
	// The days an article mentions are evidence of which happening it
	// reports: two reports of one meeting name its day. They count as
	// entities ("@2020-09-14"), weighed by rarity like names.
	// Against a month, or a date only inferred from the text, a day and
	// month ("le 9 août") resolve; a bare weekday ("lundi") could be any
	// of several.
	looseRef := a.Published.Precision == article.PrecisionMonth || a.Published.From == "text"
	seen := map[time.Time]bool{}
	for _, r := range dates.Resolve(a.Text, a.Lang, a.Published.Time) {
		if r.Precision != article.PrecisionDay || seen[r.Time] {
			continue
		}
		if looseRef && r.Relative && !strings.ContainsAny(a.Text[r.Start:r.End], "0123456789") {
			continue
		}
		seen[r.Time] = true
		key := "@" + r.Time.Format("2006-01-02")
		d.Entities[key] += p.DateMentionWeight
		d.Names[key] = Entity{Name: r.Time.Format("2 January 2006"), Kind: entities.Kind("date"), Count: 1}
	}
	if sign {
		sig := dedup.Sign(a.Title, a.Text)
		d.Sig = &sig
	}
	d.termOrder, d.entOrder = sortedKeys(d.Terms), sortedKeys(d.Entities)
	return d
}

// termBuffers hold the term lists NewDoc counts from, reused: a list
// is a few kilobytes for every article, on every reading of the history.
var termBuffers = sync.Pool{New: func() any { return new([]string) }}

func sortedKeys(m map[string]float64) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func (d *Doc) addEntities(mentions []entities.Mention, weight float64) {
	for _, m := range mentions {
		key := m.Key
		if key == "" {
			continue
		}
		if m.Uncertain {
			if d.maybe == nil {
				d.maybe, d.maybeNames = map[string]float64{}, map[string]Entity{}
			}
			d.maybe[key] += weight
			e := d.maybeNames[key]
			if e.Name == "" || len(m.Text) > len(e.Name) {
				e.Name = strings.Clone(m.Text)
			}
			e.Kind = m.Kind
			e.Count++
			d.maybeNames[key] = e
			continue
		}
		if m.Kind == entities.Kind("person") {
			// A person is named in full once and by surname after, and
			// other articles may use either: the surname is the key.
			if s := entities.SurnameKey(key); s != "" {
				key = s
			}
		}
		d.Entities[key] += weight
		e := d.Names[key]
		if e.Name == "" || len(m.Text) > len(e.Name) {
			e.Name = strings.Clone(m.Text)
		}
		if vagueKind(e.Kind) {
			e.Kind = m.Kind
		}
		e.Count++
		d.Names[key] = e
	}
}

// addFigures counts the figures a text states as entities ("#66e9"):
// evidence that holds across languages, where words do not.
func (d *Doc) addFigures(text string, weight float64) {
	for _, f := range analysis.Figures(text) {
		key := "#" + f
		d.Entities[key] += weight
		e := d.Names[key]
		e.Name, e.Kind = f, entities.Kind("figure")
		e.Count++
		d.Names[key] = e
	}
}
