package story

import (
	"time"

	"github.com/storyline/storyline/internal/analysis"
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
	Entities map[string]float64 // entity key → weight
	Names    map[string]Entity  // entity key → how it is written, its kind
	Date     time.Time          // publication day, zero when unknown
	DateOK   bool               // Date is at least month-precise
	Mentions []time.Time        // days the text mentions, resolved
	Sig      dedup.Signature
}

// Entity is an entity as shown to a reader.
type Entity struct {
	Name  string
	Kind  entities.Kind
	Count int
}

// NewDoc analyses an article for detection. It reads only what a run
// derives from the page itself (text, title, language, dates, site).
func NewDoc(a *article.Article, p Params) *Doc {
	d := &Doc{
		ID:       a.ID,
		Site:     a.Site,
		Lang:     a.Lang,
		Title:    a.Title,
		Terms:    map[string]float64{},
		Entities: map[string]float64{},
		Names:    map[string]Entity{},
	}
	an := analysis.For(a.Lang)
	for _, t := range an.Terms(a.Text) {
		d.Terms[t]++
	}
	for _, t := range an.Terms(a.Title) {
		d.Terms[t] += p.TitleBoost
	}
	d.addEntities(a.Title, a.Lang, p.TitleBoost)
	d.addEntities(a.Text, a.Lang, 1)

	if a.Published.Known() && a.Published.Precision != article.PrecisionYear {
		d.Date = a.Published.Time.Truncate(24 * time.Hour)
		d.DateOK = true
	}
	ref := time.Time{}
	if a.Published.Precision == article.PrecisionDay || a.Published.Precision == article.PrecisionTime {
		ref = a.Published.Time // weekdays resolve against a day, not a month
	}
	for _, r := range dates.Resolve(a.Text, a.Lang, ref) {
		if r.Precision == article.PrecisionDay {
			d.Mentions = append(d.Mentions, r.Time)
		}
	}
	d.Sig = dedup.Sign(a.Title + "\n" + a.Text)
	return d
}

func (d *Doc) addEntities(text, lang string, weight float64) {
	for _, m := range entities.Extract(text, lang) {
		key := m.Key
		if key == "" {
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
			e.Name = m.Text
		}
		if e.Kind == "" || e.Kind == entities.Kind("other") {
			e.Kind = m.Kind
		}
		e.Count++
		d.Names[key] = e
	}
}
