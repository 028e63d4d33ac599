package render

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/storyline/storyline/internal/tell"
)

func renderText(t *testing.T, s tell.Story) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Text(&buf, s); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestTextEvent(t *testing.T) {
	out := renderText(t, eventStory())
	// Items wrap wherever the width falls; compare words, not line breaks.
	flat := strings.Join(strings.Fields(out), " ")
	for _, section := range []string{"Summary", "Timeline", "Entities", "Sources", "Corroborated facts", "Disputed", "Articles"} {
		if !strings.Contains(out, "\n"+section+"\n"+strings.Repeat("-", len(section))+"\n") {
			t.Errorf("text lacks section %q", section)
		}
	}
	for _, want := range []string{
		frenchHeadline,
		"event " + eventID,
		"3 articles · 2 sources · 2024-09-01..2024-09-03 · fr, ru · storyline " + storylineID,
		"le 14 septembre. [lemonde.fr]",
		"[a-2]",                             // sentence of an unknown site falls back to its article
		"- September 2024: Les préparatifs", // month precision
		"- 14 September 2024: Rencontre prévue",
		"Лукашенко (person): 7 mentions, 3 articles; also: Loukachenko, Lukashenko",
		"lemonde.fr: first seen 2024-09-01, 2 articles, 1 copy",
		"- article a-2: first seen 2024-09-02, 1 article, 0 copies",
		"(2 sources: lemonde.fr, ria.ru)",
		"date: - 14 septembre: “" + frenchHeadline,
		"- 15 сентября: “Лукашенко прибудет",
		"a-2 ru 2024-09-02 -: " + hostileTitle,
		"a-3 fr 2024-09 lemonde.fr: Loukachenko à Sotchi",
		"(copy of a-1)",
		"https://www.lemonde.fr/international/article/2024/09/01/loukachenko.html",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\nEvents\n") {
		t.Error("an event has no Events section")
	}
	if strings.Count(out, "javascript:") != 1 { // once, in the hostile title
		t.Error("a javascript: URL is printed")
	}
	if strings.ContainsAny(out, "\x1b\u202e") {
		t.Errorf("control characters from page text reach the terminal: %q", out)
	}
	for _, line := range strings.Split(out, "\n") {
		if n := utf8.RuneCountInString(line); n > textWidth && strings.Contains(strings.TrimSpace(line), " ") {
			t.Errorf("line of %d runes not wrapped: %q", n, line)
		}
	}
}

func TestTextStoryline(t *testing.T) {
	out := renderText(t, storylineStory())
	flat := strings.Join(strings.Fields(out), " ")
	for _, want := range []string{
		"storyline " + storylineID,
		"(event " + eventID + ")",
		"- 2024-09-01 " + frenchHeadline + " (" + eventID + "; 3 articles, 2 sources)",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(out, "\nEvents\n------\n") {
		t.Error("storyline text lacks its Events section")
	}
}

func TestTextOmitsEmptySections(t *testing.T) {
	out := renderText(t, tell.Story{Kind: "event", ID: "e-empty"})
	want := "e-empty\n=======\nevent e-empty · 0 articles · 0 sources\n"
	if out != want {
		t.Errorf("got %q, want %q", out, want)
	}
}
