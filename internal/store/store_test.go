package store

import (
	"slices"
	"testing"

	"github.com/storyline/storyline/internal/article"
)

func TestOutcomeString(t *testing.T) {
	for o, want := range map[Outcome]string{
		Added: "added", Unchanged: "unchanged", Updated: "updated", 7: "Outcome(7)",
	} {
		if got := o.String(); got != want {
			t.Errorf("Outcome(%d).String() = %q, want %q", int(o), got, want)
		}
	}
}

func TestStorableText(t *testing.T) {
	for in, want := range map[string]string{
		"Biélorussie":   "Biélorussie",
		"a\x00b":        "a\uFFFDb",
		"caf\xe9":       "caf\uFFFD",
		"\xff\xfe\x00x": "\uFFFD\uFFFDx", // ToValidUTF8 joins a run of bad bytes
		"":              "",
	} {
		if got := StorableText(in); got != want {
			t.Errorf("StorableText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStorable(t *testing.T) {
	a := &article.Article{ID: "x", Title: "ok", Removed: []article.RemovedLine{{Text: "fine"}}}
	if Storable(a) != a {
		t.Error("Storable copied an article that needed no change")
	}
	b := &article.Article{ID: "x", Title: "no\x00", Removed: []article.RemovedLine{{Text: "bad\x00"}}}
	c := Storable(b)
	if c == b || c.Title != "no\uFFFD" || c.Removed[0].Text != "bad\uFFFD" || b.Removed[0].Text != "bad\x00" {
		t.Errorf("Storable = %+v (from %+v)", c, b)
	}
}

func TestSearchWords(t *testing.T) {
	for q, want := range map[string][]string{
		`Choïgou" OR "Poutine`: {"Choïgou", "OR", "Poutine"},
		"NEAR(a b)*":           {"NEAR", "a", "b"},
		"d’anniversaire 14-15": {"d", "anniversaire", "14", "15"},
		"-:()":                 nil,
	} {
		if got := SearchWords(q); !slices.Equal(got, want) {
			t.Errorf("SearchWords(%q) = %q, want %q", q, got, want)
		}
	}
}
