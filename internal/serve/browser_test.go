package serve

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/storyline/storyline/internal/browser"
	"github.com/storyline/storyline/internal/tell"
)

// chromium finds Debian's browser; without one the test skips, unless
// STORYLINE_REQUIRE_CHROMIUM=1 says a missing browser is a failure.
func chromium(t *testing.T) string {
	t.Helper()
	path, err := browser.Find()
	if err != nil {
		if browser.Required() {
			t.Fatalf("%v, and STORYLINE_REQUIRE_CHROMIUM=1", err)
		}
		t.Skipf("%v; set STORYLINE_REQUIRE_CHROMIUM=1 to fail instead", err)
	}
	return path
}

// screenshotDir is $STORYLINE_SCREENSHOTS, which keeps the screenshots, or
// a temporary folder.
func screenshotDir(t *testing.T) string {
	dir := os.Getenv("STORYLINE_SCREENSHOTS")
	if dir == "" {
		return t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// TestWebPageInChromium opens the story list in headless Chromium at a
// phone's width, clicks through to the largest story, checks what a reader
// sees there, watches the page update itself when an article is posted,
// and takes screenshots of both pages.
func TestWebPageInChromium(t *testing.T) {
	chrome := chromium(t)
	seeds := seedArticles(t)
	ts := startServer(t, Config{Token: testToken})
	ts.postArticles(t, seeds)
	ts.waitPlaced(t, 5)
	var list storyList
	ts.getJSON(t, "/api/stories", &list)
	top := slices.MaxFunc(list.Stories, func(a, b storySummary) int { return a.Articles - b.Articles })
	var told tell.Story
	ts.getJSON(t, top.Href, &told)

	// chromedp makes a fresh profile and removes it once the browser is
	// gone; a t.TempDir profile fails the test when Chromium's helper
	// processes still write to it as the test ends.
	opts := append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(chrome), chromedp.NoSandbox, chromedp.DisableGPU)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancelTab := chromedp.NewContext(allocCtx)
	defer cancelTab()
	ctx, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	// What the browser complains of: a blocked script or stylesheet (the
	// Content-Security-Policy), a script error.
	var mu sync.Mutex
	var complaints []string
	chromedp.ListenTarget(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.LevelError {
				complaints = append(complaints, ev.Entry.Text)
			}
		case *runtime.EventExceptionThrown:
			complaints = append(complaints, ev.ExceptionDetails.Error())
		}
	})

	shots := screenshotDir(t)
	var listText, liveStatus string
	var entries, bars int
	var listShot []byte
	err := chromedp.Run(ctx,
		log.Enable(),
		chromedp.EmulateViewport(412, 915, chromedp.EmulateMobile),
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(`.entry h2 a`, chromedp.ByQuery),
		// The script connects to the event stream and says so.
		chromedp.Poll(`document.getElementById('live').textContent === 'Live'`, nil, chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.Text(`#content`, &listText, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('.entry').length`, &entries),
		chromedp.Evaluate(`document.querySelectorAll('svg.spark rect').length`, &bars),
		chromedp.Text(`#live`, &liveStatus, chromedp.ByQuery),
		chromedp.FullScreenshot(&listShot, 100),
	)
	if err != nil {
		t.Fatalf("story list: %v", err)
	}
	if entries != len(list.Stories) || bars == 0 {
		t.Errorf("the list shows %d stories and %d sparkline bars; the API lists %d stories", entries, bars, len(list.Stories))
	}
	for _, s := range list.Stories {
		if !strings.Contains(listText, s.Headline) {
			t.Errorf("the list does not show the headline %q:\n%s", s.Headline, listText)
		}
	}
	if !strings.Contains(listText, "3 stories from 5 articles") && !strings.Contains(listText, "from 5 articles") {
		t.Errorf("the list does not say how many stories and articles there are:\n%s", listText)
	}
	writeShot(t, shots, "serve-list-phone.png", listShot)

	var location, headline, sources, articles string
	var summary int
	var storyShot []byte
	err = chromedp.Run(ctx,
		chromedp.Click(`a[href="/stories/`+url.PathEscape(top.ID)+`"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#summary`, chromedp.ByQuery),
		chromedp.Location(&location),
		chromedp.Text(`h1`, &headline, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('#summary li').length`, &summary),
		chromedp.Text(`#sources`, &sources, chromedp.ByQuery),
		chromedp.Text(`#articles`, &articles, chromedp.ByQuery),
		chromedp.Poll(`document.getElementById('live').textContent === 'Live'`, nil, chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.FullScreenshot(&storyShot, 100),
	)
	if err != nil {
		t.Fatalf("story page: %v", err)
	}
	if !strings.HasSuffix(location, "/stories/"+url.PathEscape(top.ID)) {
		t.Errorf("clicking the headline led to %s", location)
	}
	// Accents, typographic apostrophes and the rest arrive as written.
	if headline != told.Headline || !strings.ContainsAny(headline, "éèàçôœ’") {
		t.Errorf("story page headline %q, want %q with its accents", headline, told.Headline)
	}
	if summary != len(told.Summary) || summary == 0 {
		t.Errorf("story page shows %d summary sentences, the story has %d", summary, len(told.Summary))
	}
	for _, a := range told.Articles {
		if !strings.Contains(articles, a.Title) {
			t.Errorf("story page does not list the article %q", a.Title)
		}
	}
	if !strings.Contains(sources, "article "+told.Articles[0].ID) {
		t.Errorf("sources section: %q", sources)
	}
	writeShot(t, shots, "serve-story-phone.png", storyShot)

	// A new article: the page hears of the detection and refreshes itself.
	demo, err := os.ReadFile("../../testdata/demo/3_10ecbplus.txt")
	if err != nil {
		t.Fatal(err)
	}
	ts.postArticles(t, []map[string]string{{"id": "demo-3_10", "text": string(demo)}})
	err = chromedp.Run(ctx,
		chromedp.Poll(`document.getElementById('live').textContent.indexOf('Updated') === 0`, nil, chromedp.WithPollingTimeout(30*time.Second)),
		chromedp.Text(`h1`, &headline, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatalf("the story page did not update itself after a post: %v", err)
	}
	if headline != told.Headline {
		t.Errorf("after the update the headline is %q", headline)
	}
	mu.Lock()
	defer mu.Unlock()
	for _, c := range complaints {
		t.Errorf("browser console: %s", c)
	}
}

func writeShot(t *testing.T, dir, name string, png []byte) {
	t.Helper()
	if len(png) == 0 {
		t.Errorf("no screenshot for %s", name)
		return
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}
