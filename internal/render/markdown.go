package render

import (
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/storyline/storyline/internal/tell"
)

// Markdown writes the story as GitHub-flavoured Markdown: the same content
// as Text, with tables for sources and articles. Page text is escaped so it
// renders literally, and only http(s) URLs become links.
func Markdown(w io.Writer, s tell.Story) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s\n", md(title(s)), md(strings.Join(overview(s), " · ")))
	section := func(name string) { fmt.Fprintf(&b, "\n## %s\n\n", name) }

	if len(s.Summary) > 0 {
		section("Summary")
		for _, sn := range s.Summary {
			fmt.Fprintf(&b, "- %s — *%s*\n", md(sn.Text), md(sentenceSource(sn)))
		}
	}
	if len(s.Timeline) > 0 {
		section("Timeline")
		for _, m := range s.Timeline {
			fmt.Fprintf(&b, "- **%s**: %s", momentDate(m.Date, m.Precision), md(m.Text))
			if m.Event != "" {
				fmt.Fprintf(&b, " (event %s)", md(m.Event))
			}
			b.WriteString("\n")
		}
	}
	if len(s.Entities) > 0 {
		section("Entities")
		for _, e := range s.Entities {
			fmt.Fprintf(&b, "- **%s** (%s): %s, %s", md(e.Name), md(e.Kind),
				plural(e.Mentions, "mention", "mentions"), plural(e.Articles, "article", "articles"))
			if len(e.Variants) > 0 {
				fmt.Fprintf(&b, "; also: %s", md(strings.Join(e.Variants, ", ")))
			}
			b.WriteString("\n")
		}
	}
	if len(s.Sources) > 0 {
		section("Sources")
		b.WriteString("| Site | First seen | Articles | Copies |\n| --- | --- | ---: | ---: |\n")
		for _, src := range s.Sources {
			fmt.Fprintf(&b, "| %s | %s | %d | %d |\n", md(sourceName(src)), isoDate(src.FirstSeen), len(src.Articles), src.Copies)
		}
	}
	if len(s.Facts) > 0 {
		section("Corroborated facts")
		for _, f := range s.Facts {
			fmt.Fprintf(&b, "- %s — %s: %s\n", md(f.Statement), plural(f.Sources, "source", "sources"),
				md(strings.Join(distinctSources(f.Support), ", ")))
		}
	}
	if len(s.Disputes) > 0 {
		section("Disputed")
		for _, d := range s.Disputes {
			fmt.Fprintf(&b, "- **%s**\n", md(d.Slot))
			for _, c := range d.Claims {
				fmt.Fprintf(&b, "  - **%s**: “%s” — *%s*\n", md(c.Value), md(c.Sentence.Text), md(sentenceSource(c.Sentence)))
			}
		}
	}
	if len(s.Articles) > 0 {
		section("Articles")
		b.WriteString("| Article | Lang | Published | Site | Title |\n| --- | --- | --- | --- | --- |\n")
		for _, a := range s.Articles {
			titleCell := md(a.Title)
			if u := httpURL(a.URL); u != "" {
				titleCell = fmt.Sprintf("[%s](%s)", titleCell, mdURL.Replace(u))
			}
			if a.CopyOf != "" {
				titleCell += " (copy of " + md(a.CopyOf) + ")"
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", md(a.ID), siteOrDash(md(a.Lang)),
				publishedDate(a.Published, a.Precision), siteOrDash(md(a.Site)), titleCell)
		}
	}
	if len(s.Events) > 0 {
		section("Events")
		for _, e := range s.Events {
			fmt.Fprintf(&b, "- **%s** %s (%s; %s, %s)\n", isoDate(e.Date), md(e.Headline), md(e.ID),
				plural(e.Articles, "article", "articles"), plural(e.Sources, "source", "sources"))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdEscaper backslash-escapes the characters that start Markdown or HTML
// syntax inline; & too, or "&amp;" in a title would render as "&".
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `#`, `\#`, `|`, `\|`, `~`, `\~`, `&`, `\&`, `!`, `\!`)

// listMarker matches text that, at the start of a line or list item, would
// open a list, a thematic break or a setext heading.
var listMarker = regexp.MustCompile(`^([-+=]|\d{1,9}[.)])`)

// md makes page text render literally in Markdown, on one line.
func md(s string) string {
	s = mdEscaper.Replace(oneLine(s))
	if m := listMarker.FindString(s); m != "" {
		s = m[:len(m)-1] + `\` + s[len(m)-1:]
	}
	return s
}

// mdURL percent-encodes what could end a link destination or a table cell.
var mdURL = strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E", "|", "%7C", `\`, "%5C", "`", "%60")
