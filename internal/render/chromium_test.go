package render

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/storyline/storyline/internal/browser"
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

func runChromium(t *testing.T, chromium, page string, extra ...string) string {
	t.Helper()
	out, err := browser.Run(context.Background(), chromium, page, t.TempDir(), extra...)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestReportInChromium(t *testing.T) {
	chrome := chromium(t)
	dir, _ := writeReport(t)
	dir, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	index := filepath.Join(dir, "index.html")
	storyPage := filepath.Join(dir, "stories", FileName(eventID))

	scriptTag := regexp.MustCompile(`(?i)<script`)
	pages := map[string]string{
		"index": runChromium(t, chrome, index, "--dump-dom"),
		"story": runChromium(t, chrome, storyPage, "--dump-dom"),
	}
	for name, dom := range pages {
		if !strings.Contains(dom, frenchHeadline) {
			t.Errorf("%s DOM lacks the headline %q:\n%s", name, frenchHeadline, dom)
		}
		if strings.Contains(dom, hostileScript) || !strings.Contains(dom, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("%s DOM does not show %q as escaped text", name, hostileScript)
		}
		if scriptTag.MatchString(dom) {
			t.Errorf("%s DOM has a <script> element", name)
		}
		if tag := tagWithOnerror.FindString(dom); tag != "" {
			t.Errorf("%s DOM has an element with onerror: %s", name, tag)
		}
	}
	if link := `href="stories/` + FileName(eventID) + `"`; !strings.Contains(pages["index"], link) {
		t.Errorf("index DOM lacks the link %s", link)
	}
	for _, want := range []string{cyrillicName, "&lt;img src=x onerror=alert(1)&gt;", `href="../index.html"`} {
		if !strings.Contains(pages["story"], want) {
			t.Errorf("story DOM lacks %q", want)
		}
	}

	shots := os.Getenv("STORYLINE_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	shot, err := filepath.Abs(filepath.Join(shots, "story-phone.png"))
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(shot) // a stale screenshot must not pass for a new one
	runChromium(t, chrome, storyPage, "--screenshot="+shot, "--window-size=412,900", "--hide-scrollbars")
	info, err := os.Stat(shot)
	if err != nil || info.Size() == 0 {
		t.Fatalf("no screenshot at %s: %v", shot, err)
	}
	t.Logf("screenshot of the story page at phone width: %s", shot)
}
