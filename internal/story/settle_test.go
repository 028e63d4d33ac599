package story

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/dates"
	"github.com/storyline/storyline/internal/ecbtest"
)

// ecbDocs are the ECB+ records as docs, as a run would make them (see
// ecbArticles in bench_test.go).
func ecbDocs(t *testing.T, p Params) []*Doc {
	t.Helper()
	recs := ecbtest.Items(t)
	docs := make([]*Doc, len(recs))
	for i, r := range recs {
		title, text, _ := strings.Cut(strings.TrimSpace(r.Text), "\n")
		a := &article.Article{ID: r.ID, URL: r.URL, Title: title, Text: text, Lang: "en"}
		if u, err := url.Parse(r.URL); err == nil {
			a.Site = strings.TrimPrefix(u.Hostname(), "www.")
		}
		a.Published, _ = dates.Publication(text, "en")
		docs[i] = NewDoc(a, p)
	}
	return docs
}

// detectWindowed places the ECB+ docs with a window of w articles and
// returns the detector before Finish.
func detectWindowed(t *testing.T, w int) *Detector {
	t.Helper()
	p := DefaultParams
	p.Window = w
	docs := ecbDocs(t, p)
	d := NewDetector(p)
	d.Prime(docs)
	for _, doc := range docs {
		d.Add(doc)
	}
	return d
}

// TestWindowLongerThanHistoryChangesNothing: a window the history fits in
// settles nothing, and detection decides exactly what it decides with no
// window at all.
func TestWindowLongerThanHistoryChangesNothing(t *testing.T) {
	none := detectWindowed(t, 0)
	n := len(none.docs)
	fits := detectWindowed(t, n)
	if fits.settledBefore != 0 {
		t.Fatalf("a window of %d settled %d of %d articles", n, fits.settledBefore, n)
	}
	a, _ := json.Marshal(spelledOut(none.Finish()))
	b, _ := json.Marshal(spelledOut(fits.Finish()))
	if string(a) != string(b) {
		t.Error("a window as long as the history changes the result")
	}
}

// TestSettlingBoundsWhatIsHeld: with a window of w articles, only the last
// w keep their words and names, the near-copy index holds no more than
// w, every event still open has an article in the window, and every
// closed one has been told and let its weights go.
func TestSettlingBoundsWhatIsHeld(t *testing.T) {
	const w = 100
	d := detectWindowed(t, w)
	n := len(d.docs)
	if n <= 3*w {
		t.Fatalf("%d articles: too few to settle most of them", n)
	}
	for i, doc := range d.docs {
		if held := doc != nil; held != (i >= n-w) {
			t.Fatalf("article %d of %d held: %v, window %d", i, n, held, w)
		}
	}
	if got := d.dups.Len() + d.oldDups.Len(); got > w {
		t.Errorf("near-copy index holds %d articles, window %d", got, w)
	}
	if len(d.byID) > w {
		t.Errorf("%d ids looked up for near-copies, window %d", len(d.byID), w)
	}
	closed := 0
	for ei, e := range d.events {
		if d.into[ei] >= 0 || len(e.docs) == 0 {
			continue
		}
		if e.summary != nil {
			closed++
			if e.ents != nil || e.past != nil || d.size[ei] != 0 || len(e.docs) == 0 || e.docs[len(e.docs)-1] >= n-w {
				t.Errorf("closed event %s still holds weights, is a candidate, or has an article in the window", d.eventID(ei))
			}
			if e.terms != nil && termCount(e.terms) > closedTerms {
				t.Errorf("closed event %s keeps %d words", d.eventID(ei), termCount(e.terms))
			}
			continue
		}
		if len(e.window()) == 0 {
			t.Errorf("open event %s has no article in the window", d.eventID(ei))
		}
		if p := e.past; p != nil && (p.n != len(e.docs)-len(e.window()) || e.docs[p.n-1] >= n-w) {
			t.Errorf("event %s: %d settled members, or a settled one in the window", d.eventID(ei), p.n)
		}
	}
	if closed == 0 {
		t.Error("no event closed")
	}
}

func termCount(terms map[string]*weights) int {
	n := 0
	for _, ws := range terms {
		n += ws.len()
	}
	return n
}

// TestSettledResultIsWhole: with most articles settled, the result still
// accounts for every article once, in the event its assignment names, and
// an event is told from what its settled articles left as from the
// articles themselves: an event that detection without a window finds
// with the same articles has the same sources, languages, dates and
// entities (with their spellings and counts), and a headline that is one
// of its articles' titles.
func TestSettledResultIsWhole(t *testing.T) {
	const w = 100
	d := detectWindowed(t, w)
	res := d.Finish()
	if len(res.Assignments) != len(d.docs) {
		t.Fatalf("%d assignments for %d articles", len(res.Assignments), len(d.docs))
	}
	whole := map[string]Event{}
	for _, ev := range detectWindowed(t, 0).Finish().Events {
		whole[strings.Join(ev.Articles, " ")] = ev
	}
	titles := map[string]string{}
	for _, doc := range ecbDocs(t, DefaultParams) {
		titles[doc.ID] = doc.Title
	}
	eventOf := map[string]string{}
	same := 0
	for _, ev := range res.Events {
		if ev.ID != "e-"+ev.Articles[0] {
			t.Errorf("event %s is named after %s, not its first article", ev.ID, ev.Articles[0])
		}
		headline := false
		for _, a := range ev.Articles {
			if was, twice := eventOf[a]; twice {
				t.Errorf("article %s in events %s and %s", a, was, ev.ID)
			}
			eventOf[a] = ev.ID
			headline = headline || titles[a] == ev.Headline
		}
		if !headline {
			t.Errorf("event %s: headline %q is none of its articles' titles", ev.ID, ev.Headline)
		}
		if o, ok := whole[strings.Join(ev.Articles, " ")]; ok {
			same++
			ev.Headline, o.Headline, ev.Storyline, o.Storyline = "", "", "", ""
			a, _ := json.Marshal(ev)
			b, _ := json.Marshal(o)
			if string(a) != string(b) {
				t.Errorf("event told otherwise after settling:\n%s\nwithout a window:\n%s", a, b)
			}
		}
	}
	t.Logf("%d of %d events found with the same articles as without a window", same, len(res.Events))
	if same < len(res.Events)/2 {
		t.Errorf("only %d of %d events found as without a window: too few to compare", same, len(res.Events))
	}
	for i, a := range res.Assignments {
		if a.Article != d.log.ids[i] || eventOf[a.Article] != a.Event {
			t.Errorf("article %d (%s) assigned to %q, listed in %q", i, a.Article, a.Event, eventOf[a.Article])
		}
		if dec := res.Assignment(i).Decision; dec.Doc != a.Article {
			t.Errorf("article %d: decision for %q", i, dec.Doc)
		}
	}
}

// inventedWord is a word of letters no dictionary has, different for
// every n.
func inventedWord(n int) string {
	w := []byte("qu")
	for ; n > 0; n /= 20 {
		w = append(w, "bcdfghjklmnprstvwxz"[n%19], "aeiou"[n%5])
	}
	return string(w)
}

// TestLongStoryIsTrimmed: stories that run far longer than the window,
// each article telling the same eruption (or strike, or trial) with a few
// words and names of its own, stay one event each, and an event holds its
// held articles' words and names and a bounded core of its settled ones —
// not every word its articles ever used.
func TestLongStoryIsTrimmed(t *testing.T) {
	const w, n, own = 60, 1500, 2
	stories := []string{
		"The Etna volcano erupted near Catania. Lava and ash from Etna forced the evacuation of villages around Catania, and flights were cancelled. ",
		"Dock workers in Rotterdam went on strike over wages. The port of Rotterdam stood still as the union rejected the employers' offer. ",
		"The trial of the former minister opened in Lisbon. Prosecutors in Lisbon accused him of taking bribes for public contracts. ",
	}
	p := DefaultParams
	p.Window = w
	var docs []*Doc
	word := 0
	for i := range n * len(stories) {
		var b strings.Builder
		for range 3 {
			b.WriteString(stories[i%len(stories)])
		}
		for range own {
			word++
			name := inventedWord(word)
			fmt.Fprintf(&b, "Residents of %s said %s. ", strings.ToUpper(name[:1])+name[1:], inventedWord(word+n*own*len(stories)))
		}
		a := &article.Article{ID: fmt.Sprintf("a%04d", i), Title: strings.SplitN(stories[i%len(stories)], ".", 2)[0], Text: b.String(), Lang: "en", Site: fmt.Sprintf("site%d.example", i%7)}
		docs = append(docs, NewDoc(a, p))
	}
	d := NewDetector(p)
	d.Prime(docs)
	for _, doc := range docs {
		d.Add(doc)
	}
	res := d.Finish()
	if len(res.Events) != len(stories) {
		t.Fatalf("%d events, want each of the %d stories as one", len(res.Events), len(stories))
	}
	if used := d.terms.len() + d.ents.len(); used < 3*2*trimFloor {
		t.Fatalf("the articles use %d words and names: too few to need trimming", used)
	}
	e := d.events[d.find(d.docEvent[len(docs)-1])]
	if e.summary != nil {
		t.Fatal("the last story's event is closed with articles in the window")
	}
	heldT, heldE := map[uint32]bool{}, map[uint32]bool{}
	for _, di := range e.window() {
		for _, f := range d.docs[di].tw {
			heldT[f.id] = true
			if _, ok := e.terms["en"].get(f.id); !ok {
				t.Errorf("held article %d's word %q let go", di, d.terms.key(f.id))
			}
		}
		for _, f := range d.docs[di].ew {
			heldE[f.id] = true
			if _, ok := e.ents.get(f.id); !ok {
				t.Errorf("held article %d's name %q let go", di, d.ents.key(f.id))
			}
		}
	}
	// Between trims the weights may double: at most twice the held
	// articles' and pastKept others in each table, or the floor.
	if got, bound := termCount(e.terms)+e.ents.len(), max(trimFloor, 2*(len(heldT)+len(heldE)+2*pastKept)); got > bound {
		t.Errorf("event holds %d weights, more than %d (held articles use %d)", got, bound, len(heldT)+len(heldE))
	}
	// The settled part keeps the names still weighed, no others.
	for id := range e.past.names {
		if _, ok := e.ents.get(id); !ok {
			t.Errorf("settled part keeps %q, let go of by the weights", d.ents.key(id))
		}
	}
	for _, k := range []string{"rotterdam", "lisbon"} {
		id, known := d.ents.lookup(k)
		if !known {
			t.Fatalf("no entity %q among %d names", k, d.ents.len())
		}
		if _, ok := e.ents.get(id); !ok && k == "lisbon" {
			t.Errorf("the story's core name %q let go", k)
		}
	}
	for _, ev := range res.Events {
		if len(ev.Entities) == 0 || strings.HasPrefix(ev.Entities[0].Name, "Qu") {
			t.Errorf("event %q: main entities %+v, not the story's core", ev.Headline, ev.Entities)
		}
	}
}
