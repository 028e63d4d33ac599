package tell

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline/internal/analysis"
	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/story"
)

func TestFindNumbers(t *testing.T) {
	an := analysis.For("fr")
	text := "Un record de 78.761 cas, 400 interpellations et 12,5 % de hausse le 9 août."
	nums := findNumbers(text, [][2]int{{strings.Index(text, "9 août"), strings.Index(text, "9 août") + len("9 août")}}, an)
	var got []string
	for _, n := range nums {
		got = append(got, n.value+"|"+n.unit)
	}
	want := []string{"78761|cas", "400|interpel", "12.5|%"}
	if !slices.Equal(got, want) {
		t.Errorf("findNumbers: got %q, want %q (the date's 9 is a date, not a figure)", got, want)
	}
}

func frArticle(id, site, title, text string) *article.Article {
	return &article.Article{ID: id, Site: site, Title: title, Text: text, Lang: "fr",
		Published: article.Published{Time: time.Date(2020, 9, 14, 0, 0, 0, 0, time.UTC), Precision: article.PrecisionDay, Exact: true, From: "metadata"}}
}

// TestCorroboration: a fact two sites state counts two sources, a copy
// adds none, and a place two sites give differently for one meeting is a
// dispute.
func TestCorroboration(t *testing.T) {
	a := frArticle("a", "lemonde.fr", "Loukachenko rencontre Poutine",
		"Alexandre Loukachenko rencontre Vladimir Poutine lundi à Sotchi pour un entretien sur la crise. Plus de 400 manifestants ont été interpellés dimanche à Minsk, selon les autorités.")
	b := frArticle("b", "rfi.fr", "Poutine reçoit Loukachenko",
		"Vladimir Poutine reçoit Alexandre Loukachenko lundi à Moscou pour un entretien sur la crise. La police a interpellé plus de 400 manifestants dimanche à Minsk.")
	c := frArticle("c", "copie.fr", "Loukachenko rencontre Poutine", a.Text)
	in := Input{
		Event:    story.Event{ID: "e-a", Articles: []string{"a", "b", "c"}, Headline: a.Title},
		Articles: []*article.Article{a, b, c},
		CopyOf:   map[string]string{"c": "a"},
	}
	s := Event(in, Options{})
	i := slices.IndexFunc(s.Facts, func(f Fact) bool { return strings.Contains(f.Statement, "400") })
	if i < 0 {
		t.Fatalf("the 400 arrests stated by two sites are not a fact: %+v", s.Facts)
	}
	if f := s.Facts[i]; f.Sources != 2 || !slices.Contains(f.Kinds, "number") {
		t.Errorf("fact %+v: want 2 sources (the copy adds none) and a number", f)
	}
	j := slices.IndexFunc(s.Disputes, func(d Dispute) bool { return d.Slot == "place" })
	if j < 0 {
		t.Fatalf("Sotchi against Moscou is not shown as a dispute: %+v", s.Disputes)
	}
	var values []string
	for _, c := range s.Disputes[j].Claims {
		values = append(values, c.Value)
	}
	slices.Sort(values)
	if !slices.Equal(values, []string{"Moscou", "Sotchi"}) {
		t.Errorf("dispute values %q, want Moscou and Sotchi", values)
	}
	if len(s.Sources) != 3 || s.Sources[2].Copies+s.Sources[0].Copies+s.Sources[1].Copies != 1 {
		t.Errorf("sources %+v: want three sites, one article a copy", s.Sources)
	}
}

// TestHeadlinePrefersInformativeTitle: a teasing question loses to a title
// that says what happened, and the reader's language is honoured when the
// story has articles in it.
func TestHeadlinePrefersInformativeTitle(t *testing.T) {
	body := "Le président biélorusse Alexandre Loukachenko a rencontré Vladimir Poutine à Sotchi lundi. Les deux dirigeants ont parlé de la crise."
	a := frArticle("a", "x.fr", "Que va-t-il se passer ?", body)
	b := frArticle("b", "y.fr", "Loukachenko a rencontré Poutine à Sotchi", body+" Un prêt a été accordé.")
	en := &article.Article{ID: "c", Site: "z.com", Lang: "en", Title: "Lukashenko meets Putin in Sochi",
		Text: "Belarusian President Alexander Lukashenko met Vladimir Putin in Sochi on Monday. The two leaders discussed the crisis."}
	in := Input{Event: story.Event{ID: "e-a", Articles: []string{"a", "b", "c"}, Headline: a.Title}, Articles: []*article.Article{a, b, en}}
	if s := Event(in, Options{}); s.Headline != b.Title || s.Lang != "fr" {
		t.Errorf("headline %q (%s), want %q in fr", s.Headline, s.Lang, b.Title)
	}
	if s := Event(in, Options{Lang: "en"}); s.Headline != en.Title || s.Lang != "en" || len(s.Summary) == 0 || s.Summary[0].Article != "c" {
		t.Errorf("asked for English: headline %q (%s), summary %+v", s.Headline, s.Lang, s.Summary)
	}
	if s := Event(in, Options{Lang: "de"}); s.Lang != "fr" {
		t.Errorf("asked for German, which no article is in: told in %s, want the dominant fr", s.Lang)
	}
}
