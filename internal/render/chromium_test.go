package render

import (
	"bytes"
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// chromium finds Debian's browser; without one the test skips, unless
// STORYLINE_REQUIRE_CHROMIUM=1 says a missing browser is a failure.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	if os.Getenv("STORYLINE_REQUIRE_CHROMIUM") == "1" {
		t.Fatal("neither chromium nor chromium-browser is in PATH, and STORYLINE_REQUIRE_CHROMIUM=1")
	}
	t.Skip("neither chromium nor chromium-browser is in PATH (apt-get install chromium); set STORYLINE_REQUIRE_CHROMIUM=1 to fail instead")
	return ""
}

// runChromium runs a headless browser on one local page with a fresh
// profile and returns its standard output. Chromium is noisy on stderr;
// that noise only matters when it fails.
func runChromium(t *testing.T, browser, page string, extra ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	args := append([]string{"--headless", "--no-sandbox", "--disable-gpu",
		"--disable-background-networking", "--disable-component-update", "--no-first-run",
		"--user-data-dir=" + t.TempDir()}, extra...)
	args = append(args, (&url.URL{Scheme: "file", Path: page}).String())
	cmd := exec.CommandContext(ctx, browser, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", browser, strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String()
}

func TestReportInChromium(t *testing.T) {
	browser := chromium(t)
	dir, _ := writeReport(t)
	dir, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	index := filepath.Join(dir, "index.html")
	storyPage := filepath.Join(dir, "stories", FileName(eventID))

	scriptTag := regexp.MustCompile(`(?i)<script`)
	pages := map[string]string{
		"index": runChromium(t, browser, index, "--dump-dom"),
		"story": runChromium(t, browser, storyPage, "--dump-dom"),
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
	runChromium(t, browser, storyPage, "--screenshot="+shot, "--window-size=412,900", "--hide-scrollbars")
	info, err := os.Stat(shot)
	if err != nil || info.Size() == 0 {
		t.Fatalf("no screenshot at %s: %v", shot, err)
	}
	t.Logf("screenshot of the story page at phone width: %s", shot)
}
