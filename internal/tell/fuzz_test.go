package tell

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/story"
)

// FuzzEvent tells a story from three articles made of fuzzed text, as
// hostile pages would give them: it must not panic, and what it quotes
// (summary, timeline, facts, disputes) must be whole sentences of the
// articles, never text made up or cut inside a character.
func FuzzEvent(f *testing.F) {
	texts := []string{
		"Alexandre Loukachenko rencontre Vladimir Poutine lundi à Sotchi pour un entretien sur la crise. Plus de 400 manifestants ont été interpellés dimanche à Minsk, selon les autorités.",
		"Vladimir Poutine reçoit Alexandre Loukachenko le 14 septembre à Moscou. « Nous sommes des alliés », a-t-il dit. La police a interpellé 500 manifestants.",
		"Le pr\xe9sident \xff\xfe à Sotchi. <script>alert(1)</script> Il est là. Voilà\nÅ",
		"Ã©tÃ© \u202eevil\u202c 12,5 % le 9 août. \x00\x1b[31m",
		strings.Repeat("Un. ", 200), "",
	}
	for i, t := range texts {
		f.Add(t, texts[(i+1)%len(texts)], "Titre "+t, "lemonde.fr", "fr", int64(1600000000))
		f.Add(t, t, t, "", "", int64(-1))
	}
	f.Fuzz(func(t *testing.T, text1, text2, title, site, lang string, unix int64) {
		when := time.Unix(unix%(1<<35), 0).UTC()
		mk := func(id, site, text string) *article.Article {
			return &article.Article{ID: id, Site: site, Title: title, Text: text, Lang: lang,
				Published: article.Published{Time: when, Precision: article.PrecisionDay, From: "metadata"}}
		}
		arts := []*article.Article{mk("a", site, text1), mk("b", site+"x", text2), mk("c", "copie.fr", text1)}
		s := Event(Input{
			Event:    story.Event{ID: "e-a", Articles: []string{"a", "b", "c"}, Headline: title},
			Articles: arts,
			CopyOf:   map[string]string{"c": "a"},
		}, Options{Lang: lang})
		all := text1 + "\n" + text2
		quoted := func(what, s string) {
			if s != "" && !strings.Contains(all, s) && !strings.Contains(title, s) {
				t.Fatalf("%s %q is not quoted from the articles", what, s)
			}
			if utf8.ValidString(all+title) && !utf8.ValidString(s) {
				t.Fatalf("%s %q cuts a character", what, s)
			}
		}
		for _, sn := range s.Summary {
			quoted("summary sentence", sn.Text)
		}
		for _, m := range s.Timeline {
			quoted("timeline sentence", m.Text)
		}
		for _, fa := range s.Facts {
			for _, sn := range fa.Support {
				quoted("fact sentence", sn.Text)
			}
		}
		for _, d := range s.Disputes {
			for _, c := range d.Claims {
				quoted("disputed sentence", c.Sentence.Text)
			}
		}
	})
}
