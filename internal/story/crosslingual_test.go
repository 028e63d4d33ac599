package story

import (
	"bufio"
	"encoding/json"
	"math"
	"os"
	"testing"

	"github.com/storyline/storyline/internal/article"
)

// multilingualPages reads pages of the multilingual corpus as articles,
// their language taken from the corpus (detection reads it from the
// pipeline, which detects it).
func multilingualPages(t *testing.T, ids ...string) map[string]*article.Article {
	t.Helper()
	f, err := os.Open("../../../shared/data/multilingual.jsonl")
	if err != nil {
		t.Skip("../shared/data is absent: skipping")
	}
	defer f.Close()
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	out := map[string]*article.Article{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<22)
	for sc.Scan() {
		var r struct{ ID, Lang, Text string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if want[r.ID] {
			out[r.ID] = &article.Article{ID: r.ID, Lang: r.Lang, Text: r.Text}
		}
	}
	for _, id := range ids {
		if out[id] == nil {
			t.Fatalf("%s not in multilingual.jsonl", id)
		}
	}
	return out
}

// A figure is the same key in every language ("66 milliards de dollars",
// "$66 billion"), and an article scored against an event with no article
// in its language is scored on its entities alone: its words meet none of
// the event's.
func TestCrossLanguageScore(t *testing.T) {
	arts := multilingualPages(t, "ml_0a71540e811f", "ml_ff513e76d9b6", "ml_3c0b021072d8")
	fr := NewDoc(arts["ml_0a71540e811f"], DefaultParams) // Bayer buys Monsanto, in French
	en1 := NewDoc(arts["ml_ff513e76d9b6"], DefaultParams)
	en2 := NewDoc(arts["ml_3c0b021072d8"], DefaultParams)
	for _, d := range []*Doc{fr, en1, en2} {
		if d.Entities["#66e9"] == 0 {
			t.Errorf("%s: no figure 66e9 among %v", d.ID, d.Entities)
		}
	}
	det := NewDetector(DefaultParams)
	det.Prime([]*Doc{en1, en2, fr})
	det.Add(en1)
	det.Add(en2)
	e := det.events[det.find(det.docEvent[0])]
	c := det.similarity(fr, e)
	if c.text != 0 {
		t.Errorf("French article against an English event: text similarity %v, want 0", c.text)
	}
	if c.ent == 0 || math.Abs(c.score-round(c.ent*c.time)) > 0.002 {
		t.Errorf("French article against an English event: score %v, want its entity similarity %v × time %v", c.score, c.ent, c.time)
	}
	// An article in the event's language is scored on its words too.
	if same := det.similarity(en2, e); same.text == 0 {
		t.Errorf("English article against an English event: text similarity 0: %+v", same)
	}
	for _, k := range det.mainEntities(e, 20, false) {
		if isFigure(k) {
			t.Errorf("figure %s among the event's entities", k)
		}
	}
}

// A German capitalised word that may be a noun becomes a name when
// articles in other languages name it: "Breitscheidplatz" in a German
// report of the Berlin attack, named in an English one.
func TestUncertainNamesConfirmedByOtherLanguages(t *testing.T) {
	arts := multilingualPages(t, "ml_9b02090c0262", "ml_c9606dbd4a02")
	key := "breisheidplatz"
	de := NewDoc(arts["ml_9b02090c0262"], DefaultParams)
	if de.Entities[key] != 0 || de.maybe[key] == 0 {
		t.Fatalf("German doc: entity %v, uncertain %v; want it uncertain", de.Entities[key], de.maybe[key])
	}
	alone := NewDetector(DefaultParams)
	alone.Prime([]*Doc{de})
	if alone.docEntity(de, key) != 0 {
		t.Errorf("confirmed without any article in another language")
	}

	de = NewDoc(arts["ml_9b02090c0262"], DefaultParams)
	en := NewDoc(arts["ml_c9606dbd4a02"], DefaultParams)
	if en.Entities[key] == 0 {
		t.Fatalf("English doc does not name %s: %v", key, en.Entities)
	}
	det := NewDetector(DefaultParams)
	det.Prime([]*Doc{de, en})
	if det.docEntity(de, key) == 0 {
		t.Errorf("not confirmed by the English article")
	}
	if det.docEntity(de, "lastvagen") != 0 {
		t.Errorf("a German noun no other language names confirmed")
	}
	if id, _ := det.ents.lookup(key); det.langs["de"].entDF.get(id) != 1 {
		t.Errorf("German docs naming %s: %d, want 1", key, det.langs["de"].entDF.get(id))
	}
}
