package clean

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// cleanSeeds are page texts real in shape and hostile in detail: furniture
// in several languages, CRLF, invalid UTF-8, NULs and control characters,
// byte-order marks, mojibake, bidi overrides, a huge line, lone tags.
var cleanSeeds = []string{
	"Loukachenko à Sotchi\nLe président biélorusse Alexandre Loukachenko est en visite chez Vladimir Poutine. Les deux dirigeants se rencontrent à Sotchi.\nLire aussi\nPublicité\nAjouter un commentaire\nAutre titre sans rapport\nEncore un titre",
	"Home\nNews\nSport\nWeather\nThe storm hit the coast on Monday. Thousands were evacuated.\nRead more\nShare this article",
	"in\nLe texte.\ninformation",
	" date 2020-09 Le président\r\nà Sotchi.\r\n\r\n",
	"Le pr\xe9sident \xff\xfe bi\xe9lorusse\n\x00\x01\x02\n\xEF\xBB\xBFBOM line\n\u202eevil\u202c\n\u200b\u00ad\n",
	"Ã©tÃ© Ã  Sotchi\nâ€™ â€œ",
	"  indented one\n  indented two\nBody line of prose that is long enough to count as an article paragraph in this test.\n  link one\n  link two",
	strings.Repeat("mot ", 1000),
	strings.Repeat("\n", 1000),
	"",
	"?\n!\n.\n…\n»\n",
	"Title!\nTitle!\nTitle!",
	"M.\nU.S.\nGov. Brown",
	"\t\v\f\r",
}

// cleanPages makes up to three pages from fuzzed strings, the page texts
// separated by an ASCII record separator, so that cross-page evidence
// (recurring lines, copies, banners) is fuzzed too.
func cleanPages(texts, title, site string) []Page {
	var pages []Page
	for i, t := range strings.SplitN(texts, "\x1e", 3) { // RS, the record separator
		p := Page{Text: t}
		if i == 0 {
			p.Title, p.Site = title, site
		} else if i == 2 {
			p.Site = site
		}
		pages = append(pages, p)
	}
	return pages
}

// checkCleaned states what Clean promises of one result: valid UTF-8; each
// kept line is an input line as normalised, in input order; each removed
// line names a real input line and quotes it; kept, removed and the
// heading moved into the title account for every non-empty line.
func checkCleaned(t *testing.T, p Page, r Result) {
	t.Helper()
	if !utf8.ValidString(r.Text) || !utf8.ValidString(r.Title) {
		t.Fatalf("Clean(%q): invalid UTF-8 in %q / %q", p.Text, r.Title, r.Text)
	}
	if strings.Contains(r.Title, "\n") {
		t.Fatalf("Clean(%q): title %q spans lines", p.Text, r.Title)
	}
	in := strings.Split(p.Text, "\n")
	norm := make([]string, len(in))
	nonEmpty := 0
	for i, l := range in {
		if norm[i] = normalizeLine(l); norm[i] != "" {
			nonEmpty++
		}
	}
	kept := 0
	if r.Text != "" {
		next := 0
		for _, l := range strings.Split(r.Text, "\n") {
			for next < len(norm) && norm[next] != l {
				next++
			}
			if next == len(norm) || l == "" {
				t.Fatalf("Clean(%q): kept line %q is no input line, or out of order", p.Text, l)
			}
			next++
			kept++
		}
	}
	for _, rl := range r.Removed {
		if rl.Line < 1 || rl.Line > len(in) || rl.Text != norm[rl.Line-1] || rl.Reason == "" {
			t.Fatalf("Clean(%q): removed line %+v does not match the input", p.Text, rl)
		}
	}
	heading := 0
	if r.TitleFrom == "heading" {
		heading = 1
	}
	if kept+len(r.Removed)+heading != nonEmpty {
		t.Fatalf("Clean(%q): %d kept + %d removed + %d heading != %d lines", p.Text, kept, len(r.Removed), heading, nonEmpty)
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range cleanSeeds {
		f.Add(s, "", "")
		f.Add(s+"\x1e"+s+"\x1e"+cleanSeeds[0], "Loukachenko à Sotchi | Le Journal", "journal.example")
	}
	f.Add(cleanSeeds[0]+"\x1e"+cleanSeeds[1]+"\x1e"+cleanSeeds[4], "\xff\x00 title\r\n", "www.\xff")
	c := New()
	f.Fuzz(func(t *testing.T, texts, title, site string) {
		pages := cleanPages(texts, title, site)
		results := c.Clean(pages)
		if len(results) != len(pages) {
			t.Fatalf("Clean: %d results for %d pages", len(results), len(pages))
		}
		for i, r := range results {
			checkCleaned(t, pages[i], r)
		}
		// Results do not depend on the order of the pages.
		rev := make([]Page, len(pages))
		for i, p := range pages {
			rev[len(pages)-1-i] = p
		}
		for i, r := range c.Clean(rev) {
			if want := results[len(pages)-1-i]; !reflect.DeepEqual(r, want) {
				t.Fatalf("Clean(%q): page order changes a result:\n%+v\n%+v", texts, r, want)
			}
		}
		if one := c.CleanOne(pages[0]); len(pages) == 1 && !reflect.DeepEqual(one, results[0]) {
			t.Fatalf("CleanOne(%q) differs from Clean", texts)
		}
	})
}
