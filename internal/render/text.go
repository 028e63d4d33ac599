package render

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/storyline/storyline/internal/tell"
)

// textWidth suits an 80-column terminal with a margin.
const textWidth = 78

// Text writes the story as plain text for a terminal: the headline, an
// overview line, then one section per non-empty part of the story.
func Text(w io.Writer, s tell.Story) error {
	var b strings.Builder
	headline := oneLine(title(s))
	wrap(&b, headline, "", "")
	b.WriteString(strings.Repeat("=", min(utf8.RuneCountInString(headline), textWidth)) + "\n")
	wrap(&b, oneLine(strings.Join(overview(s), " · ")), "", "")

	section := func(name string) {
		fmt.Fprintf(&b, "\n%s\n%s\n", name, strings.Repeat("-", len(name)))
	}
	item := func(format string, args ...any) {
		wrap(&b, oneLine(fmt.Sprintf(format, args...)), "  - ", "    ")
	}

	if len(s.Summary) > 0 {
		section("Summary")
		for _, sn := range s.Summary {
			item("%s [%s]", sn.Text, sentenceSource(sn))
		}
	}
	if len(s.Timeline) > 0 {
		section("Timeline")
		for _, m := range s.Timeline {
			event := ""
			if m.Event != "" {
				event = " (event " + m.Event + ")"
			}
			item("%s: %s%s", momentDate(m.Date, m.Precision), m.Text, event)
		}
	}
	if len(s.Entities) > 0 {
		section("Entities")
		for _, e := range s.Entities {
			also := ""
			if len(e.Variants) > 0 {
				also = "; also: " + strings.Join(e.Variants, ", ")
			}
			item("%s (%s): %s, %s%s", e.Name, e.Kind,
				plural(e.Mentions, "mention", "mentions"), plural(e.Articles, "article", "articles"), also)
		}
	}
	if len(s.Sources) > 0 {
		section("Sources")
		for _, src := range s.Sources {
			item("%s: first seen %s, %s, %s", sourceName(src), isoDate(src.FirstSeen),
				plural(len(src.Articles), "article", "articles"), plural(src.Copies, "copy", "copies"))
		}
	}
	if len(s.Facts) > 0 {
		section("Corroborated facts")
		for _, f := range s.Facts {
			item("%s (%s: %s)", f.Statement, plural(f.Sources, "source", "sources"),
				strings.Join(distinctSources(f.Support), ", "))
		}
	}
	if len(s.Disputes) > 0 {
		section("Disputed")
		for _, d := range s.Disputes {
			wrap(&b, oneLine(d.Slot)+":", "  ", "  ")
			for _, c := range d.Claims {
				wrap(&b, oneLine(fmt.Sprintf("%s: “%s” [%s]", c.Value, c.Sentence.Text, sentenceSource(c.Sentence))),
					"    - ", "      ")
			}
		}
	}
	if len(s.Articles) > 0 {
		section("Articles")
		for _, a := range s.Articles {
			copyOf := ""
			if a.CopyOf != "" {
				copyOf = " (copy of " + a.CopyOf + ")"
			}
			item("%s %s %s %s: %s%s", a.ID, siteOrDash(a.Lang), publishedDate(a.Published, a.Precision),
				siteOrDash(a.Site), a.Title, copyOf)
			if u := httpURL(a.URL); u != "" {
				wrap(&b, oneLine(u), "    ", "    ")
			}
		}
	}
	if len(s.Events) > 0 {
		section("Events")
		for _, e := range s.Events {
			item("%s %s (%s; %s, %s)", isoDate(e.Date), e.Headline, e.ID,
				plural(e.Articles, "article", "articles"), plural(e.Sources, "source", "sources"))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// wrap writes text as lines of at most textWidth runes where the words
// allow, the first line starting with first and the others with rest.
func wrap(b *strings.Builder, text, first, rest string) {
	line, width, empty := first, utf8.RuneCountInString(first), true
	for _, word := range strings.Fields(text) {
		n := utf8.RuneCountInString(word)
		if !empty && width+1+n > textWidth {
			b.WriteString(line + "\n")
			line, width, empty = rest, utf8.RuneCountInString(rest), true
		}
		if !empty {
			line += " "
			width++
		}
		line += word
		width += n
		empty = false
	}
	b.WriteString(line + "\n")
}
