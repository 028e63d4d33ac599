package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/storyline/storyline/internal/browser"
	"github.com/storyline/storyline/internal/render"
	"github.com/storyline/storyline/internal/story"
	"github.com/storyline/storyline/internal/tell"
)

const hostileTitle = `Alerte <script>alert("x")</script> au port`

// storiesOfSamples runs the sample pages and a page full of markup into a
// fresh store and returns the store and the stored events.
func storiesOfSamples(t *testing.T) (db string, events []story.Event) {
	t.Helper()
	dir, _ := samplePages(t)
	db, _ = tempDB(t)
	hostile := filepath.Join(t.TempDir(), "hostile.txt")
	page := hostileTitle + "\nLe port de Marseille a fermé ses quais <b>lundi</b> après une alerte. " +
		"<img src=x onerror=alert(1)> Les dockers attendent la réouverture, prévue mardi selon la direction du port.\n"
	if err := os.WriteFile(hostile, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	mustExecute(t, nil, "--db", db, "run", "--quiet", dir, hostile)
	out, _ := mustExecute(t, nil, "--db", db, "stories", "--all", "--json")
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var e story.Event
		if err := dec.Decode(&e); err != nil {
			t.Fatal(err)
		}
		events = append(events, e)
	}
	if len(events) == 0 {
		t.Fatal("no stories")
	}
	return db, events
}

func TestShowFormats(t *testing.T) {
	db, events := storiesOfSamples(t)
	sochi := events[0] // most sources first: the meeting
	text, _ := mustExecute(t, nil, "--db", db, "show", sochi.ID)
	for _, want := range []string{sochi.Headline, "Summary", "Timeline", "Entities", "Sources", "Articles"} {
		if !strings.Contains(text, want) {
			t.Errorf("show (text) lacks %q:\n%s", want, text)
		}
	}
	md, _ := mustExecute(t, nil, "--db", db, "show", "--format", "markdown", sochi.ID)
	if !strings.HasPrefix(md, "# ") || !strings.Contains(md, "## Summary") {
		t.Errorf("show --format markdown is not a Markdown story:\n%s", md)
	}
	js, _ := mustExecute(t, nil, "--db", db, "show", "--format", "json", sochi.ID)
	var s tell.Story
	if err := json.Unmarshal([]byte(js), &s); err != nil {
		t.Fatalf("show --format json: %v\n%s", err, js)
	}
	if s.Kind != "event" || s.ID != sochi.ID || s.Headline == "" || len(s.Summary) == 0 || len(s.Timeline) == 0 {
		t.Errorf("show --format json gives %+v", s)
	}
	if sochi.Storyline != "" {
		out, _ := mustExecute(t, nil, "--db", db, "show", "--json", sochi.Storyline)
		var sl tell.Story
		if err := json.Unmarshal([]byte(out), &sl); err != nil {
			t.Fatal(err)
		}
		if sl.Kind != "storyline" || len(sl.Events) < 2 {
			t.Errorf("storyline %s told as %+v", sochi.Storyline, sl)
		}
	}
	if _, _, err := execute(t, nil, "--db", db, "show", "--format", "pdf", sochi.ID); err == nil || !strings.Contains(err.Error(), "pdf") {
		t.Errorf("show --format pdf: %v, want an error naming the format", err)
	}
	if _, _, err := execute(t, nil, "--db", db, "show", "e-nothing"); err == nil || !strings.Contains(err.Error(), "e-nothing") {
		t.Errorf("show of an unknown id: %v, want an error naming it", err)
	}
}

// TestReportInChromium writes the report of the sample pages and opens it
// in a real browser: accents intact, the pages' markup shown as text and
// never run.
func TestReportInChromium(t *testing.T) {
	db, events := storiesOfSamples(t)
	out := filepath.Join(t.TempDir(), "report")
	mustExecute(t, nil, "--db", db, "report", "--all", "--out", out)
	for _, e := range events {
		if _, err := os.Stat(filepath.Join(out, "stories", render.FileName(e.ID))); err != nil {
			t.Errorf("no page for story %s: %v", e.ID, err)
		}
	}
	chrome, err := browser.Find()
	if err != nil {
		if browser.Required() {
			t.Fatal(err)
		}
		t.Skipf("%v: the report is written but not opened in a browser", err)
	}
	open := func(page string, extra ...string) string {
		dom, err := browser.Run(context.Background(), chrome, page, t.TempDir(), extra...)
		if err != nil {
			t.Fatal(err)
		}
		return dom
	}
	abs, _ := filepath.Abs(out)
	index := open(filepath.Join(abs, "index.html"), "--dump-dom")
	sochiPage := filepath.Join(abs, "stories", render.FileName(events[0].ID))
	story := open(sochiPage, "--dump-dom")
	var hostileID string
	for _, e := range events {
		if strings.Contains(e.Headline, "Alerte") {
			hostileID = e.ID
		}
	}
	if hostileID == "" {
		t.Fatal("the page with markup is not among the stories")
	}
	hostile := open(filepath.Join(abs, "stories", render.FileName(hostileID)), "--dump-dom")

	for _, want := range []string{"Bélarus : Loukachenko se rendra en Russie pour s’entretenir avec Poutine", "Loukachenko"} {
		if !strings.Contains(index+story, want) {
			t.Errorf("the report does not show %q with its accents", want)
		}
	}
	if !strings.Contains(story, "Biélorussie") || !strings.Contains(story, "14 September 2020") {
		t.Errorf("the Sochi story page lacks its entities or timeline:\n%s", story)
	}
	element := regexp.MustCompile(`(?i)<(script|img|b)[\s>]|<[^>]*\sonerror=`)
	for name, dom := range map[string]string{"index": index, "story": story, "hostile": hostile} {
		if m := element.FindString(dom); m != "" {
			t.Errorf("%s page: markup from a page became an element: %q", name, m)
		}
	}
	if !strings.Contains(hostile, "&lt;script&gt;alert(\"x\")&lt;/script&gt;") && !strings.Contains(hostile, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;") {
		t.Errorf("the page's <script> is not shown as text:\n%s", hostile)
	}

	shots := os.Getenv("STORYLINE_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	shot, _ := filepath.Abs(filepath.Join(shots, "report-sochi.png"))
	os.Remove(shot)
	open(sochiPage, "--screenshot="+shot, "--window-size=1000,1400", "--hide-scrollbars")
	if info, err := os.Stat(shot); err != nil || info.Size() == 0 {
		t.Fatalf("no screenshot at %s: %v", shot, err)
	}
	t.Logf("screenshot of the Sochi story page: %s", shot)
}
