package serve

import (
	"bytes"
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
)

// FuzzFeed reads a feed as a poll does — gofeed's parser, then each item's
// link resolved against the feed's URL — and the page an item links to as
// the server wraps it for ingestion. Whatever the bytes: no panic, a link
// is either refused or an absolute http(s) URL with a host, and the page
// record is valid UTF-8 JSON that reads back the same.
func FuzzFeed(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Monde</title>
<item><title>a</title><link>/monde/1.html</link><pubDate>Mon, 14 Sep 2020 10:00:00 +0000</pubDate></item>
<item><title>Piège</title><link>file:///etc/passwd</link></item>
<item><title>js</title><link>javascript:alert(1)</link></item>
<item><title>proto</title><link>//evil.example/x</link></item></channel></rss>`), "text/html; charset=utf-8")
	f.Add([]byte(`<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>People</title>
<entry><title>Lohan</title><link href="/people/lohan.html"/></entry><entry><link href="http://[::1]:80/x"/></entry></feed>`), "application/atom+xml")
	f.Add([]byte(`{"version": "https://jsonfeed.org/version/1.1", "title": "j", "items": [{"id": "1", "url": "https://example.org/a"}]}`), "")
	f.Add([]byte("<rss><channel><item><link>\x00\xff\xfe%zz</link></item>"), "text/html; charset=windows-1252")
	f.Fuzz(func(t *testing.T, data []byte, contentType string) {
		const feedURL = "https://news.example.org/rss/feed.xml"
		if parsed, err := gofeed.NewParser().Parse(bytes.NewReader(data)); err == nil {
			for _, it := range parsed.Items {
				if it == nil {
					continue
				}
				link, err := resolveLink(feedURL, it.Link)
				if err != nil {
					continue
				}
				u, err := url.Parse(link)
				if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
					t.Fatalf("link %q resolved to %q, not an absolute http(s) URL", it.Link, link)
				}
			}
		}
		rec := newPageRecord(data, contentType, "https://news.example.org/a", !strings.HasPrefix(contentType, "text/plain"))
		if !utf8.ValidString(rec.HTML) || !utf8.ValidString(rec.Text) {
			t.Fatal("page record is not valid UTF-8")
		}
		b, err := json.Marshal(rec)
		if err != nil {
			t.Fatal(err)
		}
		var back pageRecord
		if err := json.Unmarshal(b, &back); err != nil || back != rec {
			t.Fatalf("page record does not read back: %v", err)
		}
	})
}
