package serve

import (
	"bytes"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storyline/storyline/internal/tell"
)

// newsSite serves an RSS feed, an Atom feed and the pages they link to,
// and records every request it gets.
type newsSite struct {
	*httptest.Server
	pages map[string][]byte // path → HTML

	mu       sync.Mutex
	hits     map[string]int // path → requests
	notMod   int            // feed requests answered 304
	arrivals []time.Time
}

// sampleTitles are the titles of the five sample pages, in file order, as a
// reader sees them at the top of each page.
var sampleTitles = []string{
	"Une source révèle la réaction du Kremlin aux manifestations à grande échelle en Biélorussie",
	"Loukachenko reçoit un appel d’anniversaire de Poutine alors que les manifestations grondent",
	"Bélarus : Loukachenko se rendra en Russie pour s’entretenir avec Poutine",
	"Le président biélorusse Alexandre Loukachenko est en visite aujourd'hui chez Vladimir Poutine.",
	"Loukachenko demande à la Russie de défendre la Biélorussie “comme son propre territoire”",
}

// htmlPage puts a sample page on a news site: its title in the head and
// as the heading, its lines (page furniture included, as crawled) as
// paragraphs, around them the site's navigation and footer.
func htmlPage(title, text string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "<!doctype html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>%s</title></head>\n<body><nav><a href=\"/\">Accueil</a> <a href=\"/monde\">Monde</a></nav>\n<article><h1>%s</h1>\n", html.EscapeString(title), html.EscapeString(title))
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" && l != title {
			fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(l))
		}
	}
	b.WriteString("</article><footer>© Le site de test</footer></body></html>\n")
	return b.Bytes()
}

func newNewsSite(t *testing.T, seeds []map[string]string) *newsSite {
	site := &newsSite{pages: map[string][]byte{}, hits: map[string]int{}}
	var items strings.Builder
	// The days the pages report from. One is in French, as French feeds
	// write it: the feed parser leaves it unread and the page decides.
	dates := []string{"Mon, 14 Sep 2020 10:00:00 +0000", "lun., 31 août 2020 08:00:00 +0200", "Wed, 09 Sep 2020 09:00:00 +0000",
		"Mon, 14 Sep 2020 07:30:00 +0000", "Mon, 10 Apr 2023 16:00:00 +0000"}
	// Newest first, as feeds list them.
	for i := len(seeds) - 1; i >= 0; i-- {
		path := "/monde/" + seeds[i]["id"] + ".html"
		site.pages[path] = htmlPage(sampleTitles[i], seeds[i]["text"])
		fmt.Fprintf(&items, "<item><title>Article %d</title><link>%s</link><guid>%s</guid><pubDate>%s</pubDate></item>\n", i, path, path, dates[i])
	}
	// A republication of the first page elsewhere on the site: a near-copy,
	// which must join the original's story.
	site.pages["/reprise/copie.html"] = bytes.Replace(site.pages["/monde/"+seeds[0]["id"]+".html"], []byte("</article>"), []byte("<p>Avec AFP</p></article>"), 1)
	// It is the newest item, so first in the feed.
	copyItem := "<item><title>Reprise</title><link>/reprise/copie.html</link><pubDate>Mon, 14 Sep 2020 12:00:00 +0000</pubDate></item>\n"
	// Refused: the server only fetches http and https.
	items.WriteString("<item><title>Piège</title><link>file:///etc/passwd</link></item>\n")
	rss := `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Monde</title><link>/</link><description>Les nouvelles</description>
` + copyItem + items.String() + `</channel></rss>`

	demo, err := os.ReadFile(filepath.Join("..", "..", "testdata", "demo", "lohan-betty-ford.html"))
	if err != nil {
		t.Fatal(err)
	}
	site.pages["/people/lohan.html"] = demo
	atom := `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>People</title><id>urn:people</id><updated>2013-05-03T12:00:00Z</updated>
<entry><title>Lohan</title><id>urn:lohan</id><updated>2013-05-03T12:00:00Z</updated><link href="/people/lohan.html"/></entry>
</feed>`

	site.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		site.mu.Lock()
		site.hits[r.URL.Path]++
		site.arrivals = append(site.arrivals, time.Now())
		site.mu.Unlock()
		switch r.URL.Path {
		case "/feed.xml", "/atom.xml":
			etag := `"v1-` + r.URL.Path + `"`
			if r.Header.Get("If-None-Match") == etag {
				site.mu.Lock()
				site.notMod++
				site.mu.Unlock()
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", etag)
			w.Header().Set("Last-Modified", "Mon, 14 Sep 2020 10:00:00 GMT")
			w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
			if r.URL.Path == "/atom.xml" {
				w.Header().Set("Content-Type", "application/atom+xml")
				w.Write([]byte(atom))
				return
			}
			w.Write([]byte(rss))
		default:
			page, ok := site.pages[r.URL.Path]
			if !ok {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(page)
		}
	}))
	t.Cleanup(site.Close)
	return site
}

func (s *newsSite) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *newsSite) notModified() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.notMod
}

// TestFeeds follows a feed served on localhost: its pages become stored
// articles and stories, the feed is asked for with its validators and
// answers 304, no page is fetched twice, requests to the host are spaced,
// and a feed added over the API is followed too.
func TestFeeds(t *testing.T) {
	seeds := seedArticles(t)
	site := newNewsSite(t, seeds)
	const hostDelay = 30 * time.Millisecond
	ts := startServer(t, Config{
		Token:        testToken,
		Feeds:        []string{site.URL + "/feed.xml"},
		FeedInterval: 50 * time.Millisecond,
		HostDelay:    hostDelay,
		// The site is on loopback, which a server does not fetch from
		// unless allowed.
		AllowPrivateFeeds: true,
	})
	ts.waitPlaced(t, 6)

	var list storyList
	ts.getJSON(t, "/api/stories?all=true&limit=100", &list)
	var stored []string
	for _, s := range list.Stories {
		stored = append(stored, s.ArticleIDs...)
	}
	for _, seed := range seeds {
		pageURL := site.URL + "/monde/" + seed["id"] + ".html"
		id := urlID(pageURL)
		if !slices.Contains(stored, id) {
			t.Errorf("page %s (id %s) is in no story", pageURL, id)
			continue
		}
		var got articleResponse
		ts.getJSON(t, "/api/articles/"+id, &got)
		a := got.Article
		if a.URL != pageURL || a.Site != "127.0.0.1" || a.Lang != "fr" || a.Source.Path != site.URL+"/feed.xml" || got.Story == nil {
			t.Errorf("article %s: url %q site %q lang %q source %q story %v", id, a.URL, a.Site, a.Lang, a.Source.Path, got.Story)
		}
		if strings.Contains(a.Text, "Accueil") || strings.Contains(a.Text, "Le site de test") {
			t.Errorf("article %s kept the site's navigation or footer: %.200q", id, a.Text)
		}
	}
	original, copied := urlID(site.URL+"/monde/"+seeds[0]["id"]+".html"), urlID(site.URL+"/reprise/copie.html")
	i := slices.IndexFunc(list.Stories, func(s storySummary) bool { return slices.Contains(s.ArticleIDs, original) })
	if i < 0 || !slices.Contains(list.Stories[i].ArticleIDs, copied) {
		t.Fatalf("the republished page is not in its original's story: %+v", list.Stories)
	}
	var told tell.Story
	ts.getJSON(t, list.Stories[i].Href, &told)
	if told.Headline == "" || len(told.Summary) == 0 || !slices.ContainsFunc(told.Articles, func(a tell.Article) bool { return a.ID == copied && a.CopyOf == original }) {
		t.Errorf("story of the feed's first page: headline %q, %d summary sentences, articles %+v; want the copy shown as one", told.Headline, len(told.Summary), told.Articles)
	}

	// The next polls send the validators and get 304; pages are fetched
	// once.
	deadline := time.Now().Add(10 * time.Second)
	for site.notModified() < 2 {
		if time.Now().After(deadline) {
			t.Fatalf("the feed was never asked for conditionally: %d requests, no 304", site.count("/feed.xml"))
		}
		time.Sleep(10 * time.Millisecond)
	}
	for path := range site.pages {
		if n := site.count(path); !strings.HasPrefix(path, "/people/") && n != 1 {
			t.Errorf("%s fetched %d times, want once", path, n)
		}
	}
	if n := site.count("/etc/passwd"); n != 0 {
		t.Errorf("a file: link was fetched %d times", n)
	}

	// Feeds over the API: the token is required, only http(s) is taken.
	body := func(u string) *strings.Reader { return strings.NewReader(`{"url": "` + u + `"}`) }
	if status, _ := ts.request(t, http.MethodPost, "/api/feeds", "application/json", body(site.URL+"/atom.xml"), ""); status != http.StatusUnauthorized {
		t.Errorf("POST /api/feeds without token: %d, want 401", status)
	}
	for _, bad := range []string{"ftp://example.org/feed", "javascript:alert(1)", "/relative.xml"} {
		if status, resp := ts.request(t, http.MethodPost, "/api/feeds", "application/json", body(bad), testToken); status != http.StatusBadRequest {
			t.Errorf("POST /api/feeds %s: %d %s, want 400", bad, status, resp)
		}
	}
	if status, resp := ts.request(t, http.MethodPost, "/api/feeds", "application/json", strings.NewReader(`{"url": `), testToken); status != http.StatusBadRequest || !strings.Contains(string(resp), "malformed JSON") {
		t.Errorf("POST /api/feeds with malformed JSON: %d %s", status, resp)
	}
	if status, resp := ts.request(t, http.MethodPost, "/api/feeds", "application/json", body(site.URL+"/atom.xml"), testToken); status != http.StatusCreated {
		t.Fatalf("POST /api/feeds: %d %s, want 201", status, resp)
	}
	if status, _ := ts.request(t, http.MethodPost, "/api/feeds", "application/json", body(site.URL+"/atom.xml"), testToken); status != http.StatusOK {
		t.Errorf("POST /api/feeds again: %d, want 200 (already followed)", status)
	}
	ts.waitPlaced(t, 7)
	var got articleResponse
	ts.getJSON(t, "/api/articles/"+urlID(site.URL+"/people/lohan.html"), &got)
	if got.Article == nil || got.Article.Title != "Lindsay Lohan checks into Betty Ford Center" {
		t.Errorf("the Atom feed's page: %+v", got.Article)
	}

	var feeds struct {
		Feeds []FeedStatus `json:"feeds"`
	}
	ts.getJSON(t, "/api/feeds", &feeds)
	if len(feeds.Feeds) != 2 || feeds.Feeds[0].Ingested != 6 || feeds.Feeds[0].ETag == "" || feeds.Feeds[0].Title != "Monde" || feeds.Feeds[0].Items != 7 {
		t.Errorf("feeds: %+v", feeds.Feeds)
	}

	site.mu.Lock()
	defer site.mu.Unlock()
	// The limiter spaces the requests it sends; on a loaded machine one
	// request may arrive late and the next on time, so single gaps say
	// little. The span of all of them cannot shrink by more than one
	// delay's worth of jitter: without the limiter it would be near zero.
	if n := len(site.arrivals); n > 2 {
		span := site.arrivals[n-1].Sub(site.arrivals[0])
		if want := time.Duration(n-2) * hostDelay; span < want {
			t.Errorf("%d requests to the host within %v, want them spaced by about %v (at least %v in all)", n, span, hostDelay, want)
		}
	}
}

func TestReadFeedList(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "feeds.txt")
	os.WriteFile(good, []byte("# news\nhttps://example.org/rss\n\n  http://example.com/atom.xml  \n"), 0o644)
	urls, err := ReadFeedList(good)
	if err != nil || !slices.Equal(urls, []string{"https://example.org/rss", "http://example.com/atom.xml"}) {
		t.Errorf("ReadFeedList = %v, %v", urls, err)
	}
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("https://example.org/rss\nfile:///etc/passwd\n"), 0o644)
	if _, err := ReadFeedList(bad); err == nil || !strings.Contains(err.Error(), "bad.txt:2") {
		t.Errorf("ReadFeedList(bad) = %v, want an error at line 2", err)
	}
	if _, err := ReadFeedList(filepath.Join(dir, "none.txt")); err == nil {
		t.Error("ReadFeedList of a missing file gave no error")
	}
}

func TestHostLimiter(t *testing.T) {
	l := newHostLimiter(20 * time.Millisecond)
	start := time.Now()
	for range 3 {
		if err := l.wait(t.Context(), "Example.org"); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.wait(t.Context(), "other.org"); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 40*time.Millisecond || d > time.Second {
		t.Errorf("three requests to one host and one to another took %v, want about 40ms", d)
	}
}
