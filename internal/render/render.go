// Package render shows told stories (tell.Story) to people: as plain text
// for a terminal, as GitHub-flavoured Markdown, and as a static HTML report
// that opens from disk in any browser.
//
// Every string inside a story comes from crawled pages and is treated as
// hostile: control characters are dropped for the terminal, Markdown syntax
// is escaped, HTML goes through html/template's contextual escaping, and
// only http and https URLs ever become links.
package render

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/tell"
)

// title is what a story is called; a story without a headline still needs
// something to click on.
func title(s tell.Story) string {
	if strings.TrimSpace(s.Headline) != "" {
		return s.Headline
	}
	if s.ID != "" {
		return s.ID
	}
	return "(untitled)"
}

// overview is the line under the headline: what the story is, how big, when.
func overview(s tell.Story) []string {
	kind := s.Kind
	if kind == "" {
		kind = "story"
	}
	parts := []string{kind + " " + s.ID,
		plural(len(s.Articles), "article", "articles"),
		plural(len(s.Sources), "source", "sources")}
	if span := dateSpan(s.First, s.Last); span != "" {
		parts = append(parts, span)
	}
	if len(s.Languages) > 0 {
		parts = append(parts, strings.Join(s.Languages, ", "))
	}
	if s.Storyline != "" {
		parts = append(parts, "storyline "+s.Storyline)
	}
	return parts
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func isoDate(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format("2006-01-02")
}

func dateSpan(first, last time.Time) string {
	if first.IsZero() && last.IsZero() {
		return ""
	}
	from, to := isoDate(first), isoDate(last)
	if from == to {
		return from
	}
	return from + ".." + to
}

// momentDate writes a timeline date no finer than it is known: a date
// known to the month must not read as the first of that month.
func momentDate(t time.Time, p article.Precision) string {
	switch {
	case t.IsZero():
		return "undated"
	case p == article.PrecisionMonth:
		return t.Format("January 2006")
	case p == article.PrecisionYear:
		return t.Format("2006")
	}
	return t.Format("2 January 2006")
}

// publishedDate is momentDate for tables, where short ISO dates line up.
func publishedDate(t time.Time, p article.Precision) string {
	switch {
	case t.IsZero():
		return "-"
	case p == article.PrecisionMonth:
		return t.Format("2006-01")
	case p == article.PrecisionYear:
		return t.Format("2006")
	}
	return t.Format("2006-01-02")
}

func siteOrDash(site string) string {
	if strings.TrimSpace(site) == "" {
		return "-"
	}
	return site
}

// sourceName names a source: its site, or its article when the site is
// unknown (each such article counts as a source of its own).
func sourceName(src tell.Source) string {
	if strings.TrimSpace(src.Site) == "" && len(src.Articles) > 0 {
		return "article " + src.Articles[0]
	}
	return siteOrDash(src.Site)
}

// sentenceSource names where a quoted sentence comes from: its site, or
// its article when the site is unknown.
func sentenceSource(s tell.Sentence) string {
	if strings.TrimSpace(s.Site) == "" && s.Article != "" {
		return s.Article
	}
	return siteOrDash(s.Site)
}

// distinctSources lists the sources of some sentences once each, in order.
func distinctSources(sentences []tell.Sentence) []string {
	var names []string
	seen := map[string]bool{}
	for _, s := range sentences {
		if name := sentenceSource(s); !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
	}
	return names
}

// httpURL returns raw, normalised, if it is an absolute http or https URL,
// and "" otherwise: any other scheme (javascript:, data:, file:) must never
// become a link.
func httpURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// oneLine collapses whitespace and drops control and bidi-override
// characters, so page text can neither break the layout of a line nor send
// escape sequences to a terminal.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r)
	}), " ")
}

// maxNameBytes bounds the readable part of a story file name, leaving room
// for the hash and extension well under the usual 255-byte limit.
const maxNameBytes = 80

// FileName returns the base name of the HTML page of the story with this
// ID, as written by Report under dir/stories. The name holds only
// [A-Za-z0-9._-], never starts with a dot or dash, is at most 98
// bytes, and distinct IDs get distinct names: whenever the ID had to be
// altered (or is long, or has capitals that would clash on a
// case-insensitive file system) a hash of the full ID is appended.
func FileName(id string) string {
	var b strings.Builder
	altered, lastReplaced := false, false
	for _, r := range id {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-' {
			b.WriteRune(r)
			lastReplaced = false
			continue
		}
		altered = true
		if !lastReplaced {
			b.WriteByte('_')
		}
		lastReplaced = true
	}
	// A leading dot hides the file (and "." or ".." mean directories); a
	// leading dash reads as an option to command-line tools.
	name := strings.TrimLeft(b.String(), ".-")
	if name != b.String() || name == "" {
		altered = true
	}
	hasUpper := strings.ContainsFunc(name, unicode.IsUpper)
	if altered || hasUpper || len(name) > maxNameBytes {
		name = name[:min(len(name), maxNameBytes)]
		sum := sha256.Sum256([]byte(id))
		if name != "" {
			name += "-"
		}
		name += hex.EncodeToString(sum[:6])
	}
	return name + ".html"
}
