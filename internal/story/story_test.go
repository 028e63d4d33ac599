package story

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/storyline/storyline/internal/analysis/lang/all"
	"github.com/storyline/storyline/internal/article"
)

// samplePages reads the five sample pages as articles (title = first line,
// text = the rest); detection needs no cleaning to be exercised.
func samplePages(t *testing.T) []*article.Article {
	t.Helper()
	files, _ := filepath.Glob("../../../shared/samples/pages/*.txt")
	if len(files) == 0 {
		t.Skip("../shared/samples is absent: skipping")
	}
	var arts []*article.Article
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		title, text, _ := strings.Cut(strings.TrimSpace(string(b)), "\n")
		arts = append(arts, &article.Article{ID: filepath.Base(f)[:3], Title: title, Text: text, Lang: "fr", Site: "site" + filepath.Base(f)[:3]})
	}
	return arts
}

func detect(arts []*article.Article) Result {
	d := NewDetector(DefaultParams)
	docs := make([]*Doc, len(arts))
	for i, a := range arts {
		docs[i] = NewDoc(a, DefaultParams)
	}
	d.Prime(docs)
	for _, doc := range docs {
		d.Add(doc)
	}
	return d.Finish()
}

// TestCopyJoinsItsOriginal: a republished page with a new headline and one
// sentence dropped joins its original's event as a copy, and the event
// counts one source for the two.
func TestCopyJoinsItsOriginal(t *testing.T) {
	arts := samplePages(t)
	orig := arts[0]
	paras := strings.Split(orig.Text, "\n")
	cp := &article.Article{ID: "copy", Lang: "fr", Site: orig.Site, Title: "Nouveau titre pour la même dépêche",
		Text: strings.Join(append(paras[:1:1], paras[2:]...), "\n")}
	res := detect(append(arts, cp))
	var origEvent string
	for _, a := range res.Assignments {
		if a.Article == orig.ID {
			origEvent = a.Event
		}
	}
	last := res.Assignment(len(res.Assignments) - 1)
	if last.Decision.CopyOf != orig.ID || last.Event != origEvent {
		t.Fatalf("copy placed %+v, want copy of %s in %s", last.Decision, orig.ID, origEvent)
	}
	for _, e := range res.Events {
		if e.ID == origEvent && e.Sources != len(e.Articles)-1 {
			t.Errorf("event %s: %d sources for %d articles, the copy counted", e.ID, e.Sources, len(e.Articles))
		}
	}
}

// TestDeterministic: the same articles in the same order give the same
// result, decision explanations included.
func TestDeterministic(t *testing.T) {
	arts := samplePages(t)
	a, _ := json.Marshal(spelledOut(detect(arts)))
	b, _ := json.Marshal(spelledOut(detect(arts)))
	if string(a) != string(b) {
		t.Error("two runs over the same articles differ")
	}
}

// spelledOut is res with every assignment's decision spelled out.
func spelledOut(res Result) Result {
	out := Result{Events: res.Events, Storylines: res.Storylines}
	for i := range res.Assignments {
		out.Assignments = append(out.Assignments, res.Assignment(i))
	}
	return out
}

// TestExplanations: every decision after the first names the candidates it
// was compared with, best first, with the parts of their scores.
func TestExplanations(t *testing.T) {
	res := detect(samplePages(t))
	for i := range res.Assignments[1:] {
		a := res.Assignment(i + 1)
		c := a.Decision.Candidates
		if len(c) == 0 {
			t.Errorf("article %d (%s): no candidates explained", i+2, a.Article)
			continue
		}
		for j := 1; j < len(c); j++ {
			if c[j].Score > c[j-1].Score {
				t.Errorf("%s: candidates not best first: %+v", a.Article, c)
			}
		}
		if c[0].Text == 0 && c[0].Entity == 0 {
			t.Errorf("%s: best candidate has no score parts: %+v", a.Article, c[0])
		}
	}
}
