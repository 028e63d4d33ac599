package render

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/tell"
)

// fuzzStory puts fuzzed page text in every string of a story, as a hostile
// page could: headline, sentences, names, sites, ids, URLs, languages.
func fuzzStory(text, id, url, site, lang string, unix int64) tell.Story {
	when := time.Unix(unix%(1<<35), 0).UTC()
	sn := tell.Sentence{Text: text, Article: id, Site: site}
	return tell.Story{
		Kind: "event", ID: id, Storyline: id + "s", Headline: text, Lang: lang,
		Languages: []string{lang, text}, First: when, Last: when.Add(48 * time.Hour),
		Summary:  []tell.Sentence{sn, {Text: text, Article: id}},
		Timeline: []tell.Moment{{Date: when, Precision: article.Precision(lang), Text: text, Article: id, Event: id, Sources: 2}},
		Entities: []tell.Entity{{Key: text, Name: text, Kind: lang, Mentions: 1, Articles: 1, Variants: []string{text, site}}},
		Sources:  []tell.Source{{Site: site, FirstSeen: when, Articles: []string{id}}, {Articles: []string{text}}},
		Facts:    []tell.Fact{{Statement: text, Kinds: []string{lang}, Sources: 2, Support: []tell.Sentence{sn, sn}}},
		Disputes: []tell.Dispute{{Slot: lang, Claims: []tell.Claim{{Value: text, Sentence: sn, Sources: 1}}}},
		Articles: []tell.Article{
			{ID: id, Title: text, URL: url, Site: site, Lang: lang, Published: when, Precision: article.PrecisionMonth, CopyOf: id},
			{ID: id + "2", Title: text, URL: "https://example.org/" + url, Site: site},
		},
		Events: []tell.EventRef{{ID: id, Headline: text, Date: when, Articles: 1, Sources: 1}},
	}
}

// reportTags and reportAttrs are the elements and attributes the report's
// templates write; any other in a page came from story text.
var (
	reportTags = map[string]bool{
		"html": true, "head": true, "meta": true, "title": true, "style": true, "body": true, "nav": true,
		"header": true, "h1": true, "h2": true, "h3": true, "p": true, "code": true, "a": true, "main": true,
		"footer": true, "section": true, "ul": true, "ol": true, "li": true, "span": true, "time": true,
		"strong": true, "br": true, "div": true, "table": true, "thead": true, "tbody": true, "tr": true,
		"th": true, "td": true, "q": true, "article": true,
	}
	reportAttrs = map[string]bool{
		"lang": true, "href": true, "class": true, "datetime": true, "rel": true, "charset": true,
		"name": true, "content": true, "http-equiv": true, "id": true,
	}
	// safeHref: an http(s) URL or one of the report's own pages.
	safeHref = regexp.MustCompile(`^(https?://|\.\./index\.html$|stories/[A-Za-z0-9_][A-Za-z0-9._-]*\.html$|[A-Za-z0-9_][A-Za-z0-9._-]*\.html$)`)
)

// checkReportHTML reads a page as a browser's tokenizer does and fails on
// any element, attribute or link that the templates do not write.
func checkReportHTML(t *testing.T, page []byte) {
	t.Helper()
	if bytes.Contains(bytes.ToLower(page), []byte("<script")) {
		t.Fatalf("<script in a page:\n%s", page)
	}
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		if !reportTags[tok.Data] {
			t.Fatalf("element <%s> from story text in a page:\n%s", tok.Data, page)
		}
		for _, a := range tok.Attr {
			if !reportAttrs[a.Key] {
				t.Fatalf("attribute %s=%q from story text in a page:\n%s", a.Key, a.Val, page)
			}
			if a.Key == "href" && !safeHref.MatchString(a.Val) {
				t.Fatalf("unsafe link %q in a page", a.Val)
			}
		}
	}
}

// checkMarkdown fails on Markdown syntax that came from story text: an
// unescaped "<" (raw HTML) or a link to anything but http(s).
func checkMarkdown(t *testing.T, out string) {
	t.Helper()
	escaped := func(i int) bool { // is out[i] preceded by an odd run of backslashes
		n := 0
		for j := i - 1; j >= 0 && out[j] == '\\'; j-- {
			n++
		}
		return n%2 == 1
	}
	for i := 0; i < len(out); i++ {
		switch {
		case out[i] == '<' && !escaped(i):
			t.Fatalf("unescaped < in Markdown:\n%s", out)
		case out[i] == ']' && i+1 < len(out) && out[i+1] == '(' && !escaped(i):
			if dest := out[i+2:]; !strings.HasPrefix(dest, "http://") && !strings.HasPrefix(dest, "https://") {
				t.Fatalf("link to %.40q in Markdown:\n%s", dest, out)
			}
		}
	}
}

func FuzzRender(f *testing.F) {
	for _, text := range []string{
		hostileScript, hostileImg, hostileTitle, frenchHeadline, cyrillicName,
		"<ScRiPt>alert(1)</sCrIpT>", "<scr<script>ipt>", "</title><script>x</script>", "</style><script>x</script>",
		`"><svg onload=alert(1)>`, "javascript:alert(1)", "\x00\xff\xfe", "Ligne \x1b[31mrouge\u202e",
		"]( javascript:x)", "[a](javascript:x)", `\<script>`, "<!--", "<![CDATA[<script>]]>", "",
	} {
		f.Add(text, eventID, "javascript:alert(1)", "lemonde.fr", "fr", int64(1600000000))
		f.Add(text, text, text, text, text, int64(-1))
	}
	f.Fuzz(func(t *testing.T, text, id, url, site, lang string, unix int64) {
		s := fuzzStory(text, id, url, site, lang, unix)
		var buf bytes.Buffer
		if err := Text(&buf, s); err != nil {
			t.Fatal(err)
		}
		if bytes.ContainsAny(buf.Bytes(), "\x1b\u202e") {
			t.Fatalf("control characters reach the terminal: %q", buf.String())
		}
		buf.Reset()
		if err := Markdown(&buf, s); err != nil {
			t.Fatal(err)
		}
		checkMarkdown(t, buf.String())

		s = Sanitize(s)
		other := tell.Story{Kind: "event", ID: id + "x", Headline: text}
		pages := map[string]string{s.ID: FileName(s.ID), s.Storyline: FileName(s.Storyline), other.ID: FileName(other.ID)}
		buf.Reset()
		if err := pageTemplates.ExecuteTemplate(&buf, "story.html", storyPage{Story: s, Generated: "now", pages: pages}); err != nil {
			t.Fatal(err)
		}
		checkReportHTML(t, buf.Bytes())
		buf.Reset()
		index := indexPage{Stories: []indexEntry{{Story: s, Href: "stories/" + pages[s.ID]}, {Story: other, Href: "stories/" + pages[other.ID]}}}
		if err := pageTemplates.ExecuteTemplate(&buf, "index.html", index); err != nil {
			t.Fatal(err)
		}
		checkReportHTML(t, buf.Bytes())
	})
}
