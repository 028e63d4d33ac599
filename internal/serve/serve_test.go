package serve

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storyline/storyline/internal/ingest"
	"github.com/storyline/storyline/internal/pipeline"
	"github.com/storyline/storyline/internal/store/sqlite"
	"github.com/storyline/storyline/internal/story"
	"github.com/storyline/storyline/internal/tell"
)

type storyList struct {
	Stories    []storySummary `json:"stories"`
	NextCursor string         `json:"next_cursor"`
	Generation uint64         `json:"generation"`
}

// TestEndToEndSeeds posts the five sample pages to a server on a loopback
// port and reads the stories back over the API, as a client would.
func TestEndToEndSeeds(t *testing.T) { forEachStore(t, testEndToEndSeeds) }

// testEndToEndSeeds is run on each store by forEachStore, its startServer starting a
// server on that store.
func testEndToEndSeeds(t *testing.T, startServer func(testing.TB, Config) *testServer) {
	seeds := seedArticles(t)
	ts := startServer(t, Config{Token: testToken})

	res := ts.postArticles(t, seeds)
	if len(res.Articles) != 5 || len(res.Problems) != 0 {
		t.Fatalf("POST answered %d articles and problems %v, want 5 and none", len(res.Articles), res.Problems)
	}
	for i, a := range res.Articles {
		if a.ID != seeds[i]["id"] || a.Outcome != "added" || a.Title == "" || a.Lang != "fr" {
			t.Errorf("article %d: %+v; want id %s added with a title, in French", i, a, seeds[i]["id"])
		}
	}
	ts.waitPlaced(t, 5)

	var list storyList
	ts.getJSON(t, "/api/stories", &list)
	if len(list.Stories) == 0 {
		t.Fatal("no stories listed after the five seed pages")
	}
	// The story with the most articles: the seeds have one event reported
	// by several pages.
	top := slices.MaxFunc(list.Stories, func(a, b storySummary) int { return a.Articles - b.Articles })
	if top.Articles < 2 || len(top.ArticleIDs) != top.Articles || top.Href != "/api/stories/"+url.PathEscape(top.ID) {
		t.Fatalf("largest story %+v: want several articles, their ids and its address", top)
	}

	var told tell.Story
	ts.getJSON(t, top.Href, &told)
	if told.ID != top.ID || told.Kind != "event" || strings.TrimSpace(told.Headline) == "" {
		t.Errorf("story %s: id %q kind %q headline %q", top.ID, told.ID, told.Kind, told.Headline)
	}
	if len(told.Summary) == 0 || strings.TrimSpace(told.Summary[0].Text) == "" {
		t.Errorf("story %s has no summary", top.ID)
	}
	if len(told.Sources) < 2 {
		t.Errorf("story %s has %d sources, want one per article (no site is known)", top.ID, len(told.Sources))
	}
	if len(told.Articles) != top.Articles {
		t.Errorf("story %s tells %d articles, the list says %d", top.ID, len(told.Articles), top.Articles)
	}
	if status, body := ts.request(t, http.MethodGet, "/api/stories/e-nope", "", nil, ""); status != http.StatusNotFound || !strings.Contains(string(body), `"error"`) {
		t.Errorf("GET unknown story: %d %s, want 404 with an error", status, body)
	}

	var got articleResponse
	ts.getJSON(t, "/api/articles/"+url.PathEscape(top.ArticleIDs[1]), &got)
	if got.Detection != "done" || got.Article == nil || got.Article.ID != top.ArticleIDs[1] || got.Article.Source.Path != "api" {
		t.Fatalf("article %s: detection %q, article %+v", top.ArticleIDs[1], got.Detection, got.Article)
	}
	if got.Story == nil || got.Story.ID != top.ID {
		t.Errorf("article %s: story %+v, want %s", top.ArticleIDs[1], got.Story, top.ID)
	}
	if as := got.Assignment; as == nil || as.Event != top.ID || as.Decision.Event == "" || as.Decision.Threshold <= 0 {
		t.Errorf("article %s: assignment %+v, want the event and the decision with its threshold", top.ArticleIDs[1], got.Assignment)
	} else if !as.Decision.New && as.Decision.CopyOf == "" && len(as.Decision.Candidates) == 0 {
		t.Errorf("article %s joined an event without candidates to show why", top.ArticleIDs[1])
	}
	status, raw := ts.request(t, http.MethodGet, "/api/articles/"+url.PathEscape(top.ArticleIDs[1])+"/raw", "", nil, "")
	if status != http.StatusOK || !json.Valid(raw) || !strings.Contains(string(raw), `"id"`) {
		t.Errorf("raw article: %d %.80s, want the JSON record as posted", status, raw)
	}

	// Posting the same pages again changes nothing.
	again := ts.postArticles(t, seeds)
	for _, a := range again.Articles {
		if a.Outcome != "unchanged" {
			t.Errorf("second post: %s %s, want unchanged", a.ID, a.Outcome)
		}
	}
}

// TestStoryListFiltersAndCursor checks the filters of GET /api/stories and
// that following next_cursor visits every story once, in order.
func TestStoryListFiltersAndCursor(t *testing.T) { forEachStore(t, testStoryListFiltersAndCursor) }

// testStoryListFiltersAndCursor is run on each store by forEachStore, its startServer starting a
// server on that store.
func testStoryListFiltersAndCursor(t *testing.T, startServer func(testing.TB, Config) *testServer) {
	seeds := seedArticles(t)
	ts := startServer(t, Config{Token: testToken})
	ts.postArticles(t, seeds)
	ts.waitPlaced(t, 5)

	var all storyList
	ts.getJSON(t, "/api/stories?all=true&limit=100", &all)
	if len(all.Stories) < 2 || all.NextCursor != "" {
		t.Fatalf("all stories: %d, next %q; want several on one page", len(all.Stories), all.NextCursor)
	}
	var paged []string
	path := "/api/stories?all=true&limit=1"
	for range 50 {
		var page storyList
		ts.getJSON(t, path, &page)
		for _, s := range page.Stories {
			paged = append(paged, s.ID)
		}
		if page.NextCursor == "" {
			break
		}
		path = "/api/stories?all=true&limit=1&cursor=" + url.QueryEscape(page.NextCursor)
	}
	var want []string
	for _, s := range all.Stories {
		want = append(want, s.ID)
	}
	if !slices.Equal(paged, want) {
		t.Errorf("pages of one: %v\nwant %v", paged, want)
	}

	count := func(query string) int {
		var l storyList
		ts.getJSON(t, "/api/stories?all=true&"+query, &l)
		return len(l.Stories)
	}
	for _, tc := range []struct {
		query string
		want  func(n int) bool
		what  string
	}{
		{"lang=fr", func(n int) bool { return n == len(all.Stories) }, "every story"},
		{"lang=de", func(n int) bool { return n == 0 }, "none"},
		// Lukashenko in Cyrillic finds the French spelling.
		{"entity=" + url.QueryEscape("Лукашенко"), func(n int) bool { return n > 0 }, "some"},
		{"entity=Atlantis", func(n int) bool { return n == 0 }, "none"},
		{"q=Sotchi", func(n int) bool { return n > 0 && n < len(all.Stories) }, "some, not all"},
		{"q=bielorussie", func(n int) bool { return n == len(all.Stories) }, "every story"},
		{"since=2030-01-01", func(n int) bool { return n == 0 }, "none"},
		{"since=2020-01-01T00:00:00Z", func(n int) bool { return n > 0 }, "some"},
	} {
		if n := count(tc.query); !tc.want(n) {
			t.Errorf("%s: %d stories, want %s", tc.query, n, tc.what)
		}
	}
	for _, query := range []string{"since=yesterday", "cursor=bm9wZQ", "limit=0", "limit=1000", "all=maybe", "q=" + url.QueryEscape("-:")} {
		status, body := ts.request(t, http.MethodGet, "/api/stories?"+query, "", nil, "")
		var e apiError
		if status != http.StatusBadRequest || json.Unmarshal(body, &e) != nil || e.Error == "" {
			t.Errorf("%s: %d %s, want 400 with a message", query, status, body)
		}
	}
}

func TestSearch(t *testing.T) { forEachStore(t, testSearch) }

// testSearch is run on each store by forEachStore, its startServer starting a
// server on that store.
func testSearch(t *testing.T, startServer func(testing.TB, Config) *testServer) {
	seeds := seedArticles(t)
	ts := startServer(t, Config{Token: testToken})
	ts.postArticles(t, seeds)
	ts.waitPlaced(t, 5)
	var res struct {
		Articles []searchHit    `json:"articles"`
		Stories  []storySummary `json:"stories"`
	}
	ts.getJSON(t, "/api/search?q="+url.QueryEscape("SOTCHI poutine"), &res)
	if len(res.Articles) == 0 || len(res.Stories) == 0 {
		t.Fatalf("search found %d articles and %d stories", len(res.Articles), len(res.Stories))
	}
	for _, h := range res.Articles {
		if h.Story == "" || h.Snippet == "" || h.Title == "" {
			t.Errorf("hit %+v: want its story, a snippet and a title", h)
		}
		if !slices.ContainsFunc(res.Stories, func(s storySummary) bool { return s.ID == h.Story }) {
			t.Errorf("hit %s: its story %s is not among the stories found", h.ID, h.Story)
		}
	}
	for _, q := range []string{"", "%20", "-:"} {
		if status, _ := ts.request(t, http.MethodGet, "/api/search?q="+q, "", nil, ""); status != http.StatusBadRequest {
			t.Errorf("search %q: %d, want 400", q, status)
		}
	}
}

// TestWritesRefusedWithoutDisturbingIngestion sends, while a batch is being
// ingested, every kind of bad write; each gets its status and a message,
// the batch is stored whole, and a valid post still works after them.
func TestWritesRefusedWithoutDisturbingIngestion(t *testing.T) {
	seeds := seedArticles(t)
	demo, err := os.ReadFile("../../testdata/demo/ecbplus-sample.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	const maxBody = 256 << 10
	const maxBatch = 30 // the demo batch has 24
	ts := startServer(t, Config{Token: testToken, MaxBody: maxBody, MaxBatch: maxBatch})

	var wg sync.WaitGroup
	var batch ingestResult
	wg.Go(func() {
		status, body := ts.request(t, http.MethodPost, "/api/articles", "application/x-ndjson", bytes.NewReader(demo), testToken)
		if status != http.StatusOK {
			t.Errorf("batch: %d %s", status, body)
			return
		}
		json.Unmarshal(body, &batch)
	})

	valid, _ := json.Marshal(seeds[0])
	for _, tc := range []struct {
		name        string
		token       string
		contentType string
		body        []byte
		status      int
		message     string
	}{
		{"no token", "", "application/json", valid, http.StatusUnauthorized, "missing token"},
		{"wrong token", "not-" + testToken, "application/json", valid, http.StatusUnauthorized, "wrong token"},
		{"token of another length", "x", "application/json", valid, http.StatusUnauthorized, "wrong token"},
		{"oversized body", testToken, "application/json", bytes.Repeat([]byte(" "), maxBody+1), http.StatusRequestEntityTooLarge, "limit"},
		{"malformed JSON", testToken, "application/json", []byte("{\"id\": \"x\",\n \"text\": \"abc\" \"def\"}"), http.StatusBadRequest, "malformed JSON at line 2, column 16"},
		{"truncated JSON", testToken, "application/json", valid[:len(valid)/2], http.StatusBadRequest, "ends in the middle"},
		{"not an article", testToken, "application/json", []byte(`["a", "b"]`), http.StatusBadRequest, "item 1 of the array is a string"},
		{"empty body", testToken, "application/json", nil, http.StatusBadRequest, "empty body"},
		{"batch over --max-batch", testToken, "application/json", []byte("[" + strings.Repeat(`{"text": "a"},`, maxBatch) + `{"text": "a"}]`), http.StatusRequestEntityTooLarge, "31 articles in one request, over the limit of 30"},
		{"JSON Lines over --max-batch", testToken, "application/x-ndjson", bytes.Repeat(append(slices.Clone(valid), '\n'), maxBatch+1), http.StatusRequestEntityTooLarge, "--max-batch"},
		{"record without text", testToken, "application/json", []byte(`{"id": "x", "title": "t"}`), http.StatusUnprocessableEntity, `neither \"text\" nor \"html\"`},
		{"unsupported type", testToken, "image/png", []byte("\x89PNG"), http.StatusUnsupportedMediaType, "cannot ingest image/png"},
		{"page URL not http", testToken, "text/html", []byte("<p>x</p>"), http.StatusBadRequest, "only http and https"},
	} {
		path := "/api/articles"
		if tc.contentType == "text/html" {
			path += "?url=" + url.QueryEscape("file:///etc/passwd")
		}
		status, body := ts.request(t, http.MethodPost, path, tc.contentType, bytes.NewReader(tc.body), tc.token)
		var e apiError
		if status != tc.status || json.Unmarshal(body, &e) != nil || !strings.Contains(string(body), tc.message) {
			t.Errorf("%s: %d %s; want %d with %q", tc.name, status, body, tc.status, tc.message)
		}
	}
	wg.Wait()
	if lines := bytes.Count(bytes.TrimSpace(demo), []byte("\n")) + 1; len(batch.Articles) != lines {
		t.Errorf("the batch posted meanwhile stored %d articles, want %d", len(batch.Articles), lines)
	}
	if res := ts.postArticles(t, seeds[:1]); len(res.Articles) != 1 || res.Articles[0].Outcome != "added" {
		t.Errorf("a valid post after the refused ones: %+v", res)
	}

	// A server without a token takes no writes at all.
	readOnly := startServer(t, Config{})
	if status, body := readOnly.request(t, http.MethodPost, "/api/articles", "application/json", bytes.NewReader(valid), testToken); status != http.StatusForbidden {
		t.Errorf("write to a server without a token: %d %s, want 403", status, body)
	}
}

// TestPostHTMLPage posts a page as HTML in Windows-1252 with its URL: the
// text arrives intact, the site comes from the URL, and posting it again
// with changes updates it.
func TestPostHTMLPage(t *testing.T) {
	ts := startServer(t, Config{Token: testToken})
	page, err := os.ReadFile("../../testdata/demo/lohan-betty-ford.html")
	if err != nil {
		t.Fatal(err)
	}
	latin1 := bytes.ReplaceAll(page, []byte("Betty Ford Center"), []byte("Betty Ford Center \xe9t\xe9"))
	path := "/api/articles?url=" + url.QueryEscape("https://www.example.com/news/lohan")
	status, body := ts.request(t, http.MethodPost, path, "text/html; charset=windows-1252", bytes.NewReader(latin1), testToken)
	if status != http.StatusOK {
		t.Fatalf("POST HTML: %d %s", status, body)
	}
	var res ingestResult
	json.Unmarshal(body, &res)
	if len(res.Articles) != 1 || res.Articles[0].Outcome != "added" || res.Articles[0].URL != "https://www.example.com/news/lohan" {
		t.Fatalf("POST HTML: %+v", res)
	}
	id := res.Articles[0].ID
	var got articleResponse
	ts.getJSON(t, "/api/articles/"+id, &got)
	if a := got.Article; a.Site != "example.com" || a.Lang != "en" || !strings.Contains(a.Title+a.Text, "Betty Ford Center été") {
		t.Errorf("article: site %q lang %q title %q text %.200q; want example.com, en, and \"été\" decoded", a.Site, a.Lang, a.Title, a.Text)
	}
	// Ids come from inputs: any character must survive the {id} routes.
	odd := "news/2020 09?x=1#é"
	other, err := os.ReadFile("../../testdata/demo/3_10ecbplus.txt")
	if err != nil {
		t.Fatal(err)
	}
	ts.postArticles(t, []map[string]string{{"id": odd, "text": string(other)}})
	ts.getJSON(t, "/api/articles/"+url.PathEscape(odd), &got)
	if got.Article.ID != odd {
		t.Errorf("GET /api/articles/%s gave %q", url.PathEscape(odd), got.Article.ID)
	}
	ts.waitPlaced(t, 2)
	var told tell.Story
	ts.getJSON(t, "/api/stories/"+url.PathEscape("e-"+odd), &told)
	if status, _ := ts.request(t, http.MethodGet, "/stories/"+url.PathEscape("e-"+odd), "", nil, ""); told.ID != "e-"+odd || status != http.StatusOK {
		t.Errorf("story of %q: API id %q, page %d", odd, told.ID, status)
	}

	changed := bytes.Replace(page, []byte("</body>"), []byte("<p>Update: she left the clinic on Friday, her lawyer said.</p></body>"), 1)
	status, body = ts.request(t, http.MethodPost, path, "text/html", bytes.NewReader(changed), testToken)
	json.Unmarshal(body, &res)
	if status != http.StatusOK || len(res.Articles) != 1 || res.Articles[0].ID != id || res.Articles[0].Outcome != "updated" {
		t.Errorf("POST the page again, changed: %d %s; want the same id, updated", status, body)
	}
}

// TestShutdownFinishesInFlightPost cancels the server while a post is
// still sending its body: the post is answered, its articles are stored,
// and Serve returns cleanly.
func TestShutdownFinishesInFlightPost(t *testing.T) {
	seeds := seedArticles(t)
	ts := startServer(t, Config{Token: testToken})
	b, _ := json.Marshal(seeds)
	pr, pw := io.Pipe()
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/api/articles", pr)
	req.Header.Set("Authorization", "Bearer "+testToken)
	req.Header.Set("Content-Type", "application/json")
	// With "Expect: 100-continue" the client sends the body only once the
	// handler reads it: when the first half is taken from the pipe, the
	// request is in flight on the server.
	req.Header.Set("Expect", "100-continue")
	client := &http.Client{Transport: &http.Transport{ExpectContinueTimeout: time.Minute}}
	type answer struct {
		status int
		body   []byte
		err    error
	}
	answered := make(chan answer, 1)
	go func() {
		resp, err := client.Do(req)
		if err != nil {
			answered <- answer{err: err}
			return
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		answered <- answer{resp.StatusCode, body, err}
	}()
	half := len(b) / 2
	if _, err := pw.Write(b[:half]); err != nil {
		t.Fatal(err)
	}
	stopped := make(chan error, 1)
	go func() { stopped <- ts.stop() }()
	// Shutdown has begun when the listener refuses new connections.
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := http.Get(ts.URL + "/healthz")
		if err != nil {
			break
		}
		c.Body.Close()
		if time.Now().After(deadline) {
			t.Fatal("the server still accepts connections 10 s after shutdown began")
		}
		time.Sleep(5 * time.Millisecond)
	}
	pw.Write(b[half:])
	pw.Close()
	a := <-answered
	if a.err != nil || a.status != http.StatusOK {
		t.Fatalf("in-flight post: %v %d %s", a.err, a.status, a.body)
	}
	var res ingestResult
	json.Unmarshal(a.body, &res)
	if len(res.Articles) != 5 {
		t.Errorf("in-flight post stored %d articles, want 5", len(res.Articles))
	}
	if err := <-stopped; err != nil {
		t.Errorf("Serve: %v", err)
	}
}

func TestHealthMetricsOpenAPI(t *testing.T) {
	seeds := seedArticles(t)
	ts := startServer(t, Config{Token: testToken})
	ts.postArticles(t, seeds)
	ts.waitPlaced(t, 5)
	ts.request(t, http.MethodPost, "/api/articles", "application/json", strings.NewReader("{"), "")

	status, body := ts.request(t, http.MethodGet, "/metrics", "", nil, "")
	if status != http.StatusOK {
		t.Fatalf("metrics: %d", status)
	}
	metrics := string(body)
	for _, want := range []string{
		`storyline_articles_ingested_total{outcome="added"} 5`,
		"storyline_stories ",
		"# TYPE storyline_ingest_seconds histogram",
		`storyline_ingest_seconds_bucket{le="+Inf"} 1`,
		"storyline_ingest_seconds_count 1",
		"storyline_queue_depth 0",
		`storyline_http_requests_total{route="POST /api/articles",code="200"} 1`,
		`storyline_http_requests_total{route="POST /api/articles",code="401"} 1`,
	} {
		if !strings.Contains(metrics, want) {
			t.Errorf("metrics lack %q:\n%s", want, metrics)
		}
	}
	// Every sample line is NAME{labels} VALUE or NAME VALUE.
	for _, line := range strings.Split(strings.TrimSpace(metrics), "\n") {
		if strings.HasPrefix(line, "# ") {
			continue
		}
		// Label values may hold spaces ("GET /healthz"): the value is
		// after the last one.
		name, value, _ := strings.Cut(line, "{")
		if i := strings.LastIndexByte(line, ' '); i > 0 {
			value = line[i+1:]
			name = strings.Fields(name)[0]
		}
		if _, err := strconv.ParseFloat(value, 64); err != nil || !strings.HasPrefix(name, "storyline_") {
			t.Errorf("metrics line %q is not NAME VALUE", line)
		}
	}

	var doc struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	ts.getJSON(t, "/openapi.json", &doc)
	if doc.OpenAPI != "3.1.0" {
		t.Errorf("openapi = %q, want 3.1.0", doc.OpenAPI)
	}
	// Every route of the API is described: the document cannot fall
	// behind the code unnoticed.
	for _, route := range []string{"POST /api/articles", "GET /api/articles/{id}", "GET /api/articles/{id}/raw",
		"GET /api/stories", "GET /api/stories/{id}", "GET /api/search", "GET /api/feeds", "POST /api/feeds",
		"GET /api/events", "GET /openapi.json", "GET /healthz", "GET /metrics"} {
		method, path, _ := strings.Cut(route, " ")
		if _, ok := doc.Paths[path][strings.ToLower(method)]; !ok {
			t.Errorf("openapi.json does not describe %s", route)
		}
	}
}

func TestCheckJSONArticles(t *testing.T) {
	for _, tc := range []struct {
		body string
		err  string // "" when accepted
	}{
		{`{"text": "a"}`, ""},
		{`[{"text": "a"}, {"text": "b"}]`, ""},
		{"{\"text\": \"a\"}\n{\"text\": \"b\"}\n", ""},
		{"\n\n{\"text\": \"a\"}", ""},
		{"", "empty body"},
		{"   \n", "empty body"},
		{`[{"text": "a"}] {"text": "b"}`, "nothing may follow the array"},
		{`{"text": "a"} [{"text": "b"}]`, "an array must be the whole body"},
		{`"text"`, "a string is not an article object"},
		{`[1]`, "item 1 of the array is a number"},
		{"{\"text\": \"a\"}\n{\"text\": }", "malformed JSON at line 2, column 10"},
		{`{"text": "é" x}`, "line 1, column 14"}, // columns count characters, not bytes
		{`{"text": "a"`, "ends in the middle of a value"},
	} {
		_, err := countJSONArticles([]byte(tc.body))
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%q: %v, want accepted", tc.body, err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%q: %v, want %q", tc.body, err, tc.err)
		}
	}
}

func TestSparkline(t *testing.T) {
	day := func(s string) int32 {
		d, _ := time.Parse("2006-01-02", s)
		return int32(d.Unix() / 86400)
	}
	if newSparkline(nil) != nil {
		t.Error("a story without dates has a sparkline")
	}
	one := newSparkline([]int32{day("2020-09-14"), day("2020-09-14")})
	if len(one.Bars) != 1 || one.Bars[0].H != fmt.Sprint(sparkHeight)+".0" || !strings.Contains(one.Label, "2 dated article(s), 14 Sep 2020") {
		t.Errorf("one day: %+v; want one full bar at the end of a week", one)
	}
	if x := one.Bars[0].X; x == "0.0" {
		t.Errorf("one day: bar at x=%s, want it at the right end", x)
	}
	// Over three years a bin is a month: the two September 2020 days share
	// the first bar, which is the tallest.
	long := newSparkline([]int32{day("2020-08-30"), day("2020-09-14"), day("2020-09-14"), day("2023-04-01")})
	if len(long.Bars) != 2 || long.Bars[0].H != "24.0" || long.Bars[1].H != "8.0" || !strings.Contains(long.Label, "30 Aug 2020 to 1 Apr 2023") {
		t.Errorf("three years: %+v; want a bar of 3 and one of 1 over at most %d bins", long, sparkBins)
	}
}

// TestSnapshotOrder checks the listing order the cursor relies on.
func TestSnapshotOrder(t *testing.T) {
	d := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	sn := newSnapshot(1, []story.Event{
		{ID: "e-undated", Articles: []string{"a", "b"}},
		{ID: "e-old", Last: d("2020-01-01"), Articles: []string{"c"}, Sources: 1},
		{ID: "e-new-small", Last: d("2021-01-01"), Articles: []string{"d"}, Sources: 1},
		{ID: "e-new-big", Last: d("2021-01-01"), Articles: []string{"e", "f"}, Sources: 2},
	})
	var ids []string
	for _, e := range sn.events {
		ids = append(ids, e.ID)
	}
	if want := []string{"e-new-big", "e-new-small", "e-old", "e-undated"}; !slices.Equal(ids, want) {
		t.Errorf("order %v, want %v", ids, want)
	}
	if sn.articles != 6 || sn.eventOf["f"] != "e-new-big" || sn.stories != 2 {
		t.Errorf("articles %d, eventOf[f] %q, stories %d", sn.articles, sn.eventOf["f"], sn.stories)
	}
}

// TestRestart starts a server on a store whose last articles were never
// detected (a server stopped before it could): it detects them at once.
// Started again, it serves the stored stories before any detection.
func TestRestart(t *testing.T) {
	seeds := seedArticles(t)
	path := filepath.Join(t.TempDir(), "storyline.db")
	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := json.Marshal(seeds)
	if _, err := pipeline.Run(t.Context(), []string{ingest.StdinPath}, st, pipeline.Options{Reader: ingest.Reader{Stdin: bytes.NewReader(body)}}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	first := startServerOn(t, path, Config{})
	h := first.waitPlaced(t, 5)
	var before storyList
	first.getJSON(t, "/api/stories", &before)
	if err := first.stop(); err != nil {
		t.Fatal(err)
	}
	if h.Generation != 1 || len(before.Stories) == 0 {
		t.Fatalf("first start: generation %d, %d stories", h.Generation, len(before.Stories))
	}

	second := startServerOn(t, path, Config{})
	second.getJSON(t, "/healthz", &h)
	var after storyList
	second.getJSON(t, "/api/stories", &after)
	if h.Generation != 0 || h.Placed != 5 || !slices.EqualFunc(before.Stories, after.Stories, func(a, b storySummary) bool { return a.ID == b.ID && a.Articles == b.Articles }) {
		t.Errorf("second start: health %+v, stories %v; want the stored stories at once, without a detection: %v", h, after.Stories, before.Stories)
	}
}
