package render

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline/internal/tell"
)

// tagWithOnerror finds a start tag carrying an onerror attribute; escaped
// text ("&lt;img … onerror=") has no "<" to start a match.
var tagWithOnerror = regexp.MustCompile(`<[a-zA-Z][^>]*\sonerror`)

var safeName = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9._-]*\.html$`)

func TestFileName(t *testing.T) {
	long := strings.Repeat("x", 5000)
	for _, tc := range []struct {
		id   string
		want string // "" when only the safety properties are checked
	}{
		{"e-123", "e-123.html"},
		{"s-belarus-russie.2024", "s-belarus-russie.2024.html"},
		{"e-../../etc/passwd", ""},
		{"../../../../tmp/evil", ""},
		{"/etc/passwd", ""},
		{`..\..\windows\system32`, ""},
		{"e-a/b", ""},
		{"e-a?b", ""},
		{"e-a_b", "e-a_b.html"},
		{"..", ""},
		{".", ""},
		{"", ""},
		{"-rf", ""},
		{".hidden", ""},
		{"Лукашенко", ""},
		{"e-\x00nul\nline", ""},
		{"E-123", ""},
		{long, ""},
		{long + "y", ""},
		{strings.Repeat("é", 300), ""},
	} {
		name := FileName(tc.id)
		if tc.want != "" && name != tc.want {
			t.Errorf("FileName(%q) = %q, want %q", tc.id, name, tc.want)
		}
		if !safeName.MatchString(name) || len(name) > 100 {
			t.Errorf("FileName(%.40q) = %q: unsafe or too long", tc.id, name)
		}
		base := filepath.Join("report", "stories")
		if rel, err := filepath.Rel(base, filepath.Join(base, name)); err != nil || rel != name {
			t.Errorf("FileName(%q) = %q leaves the stories directory", tc.id, name)
		}
		if FileName(tc.id) != name {
			t.Errorf("FileName(%q) is not deterministic", tc.id)
		}
	}
}

func TestFileNameUnique(t *testing.T) {
	// Each group sanitises to the same characters, or differs only in case
	// or past the length bound.
	long := strings.Repeat("x", 200)
	ids := []string{"e-a/b", "e-a?b", "e-a\\b", "e-a_b", "e-a b", "e-aéb",
		"E-1", "e-1", "..", ".", "", "-", "_",
		"Лукашенко", "Путин", long + "1", long + "2"}
	seen := map[string]string{}
	for _, id := range ids {
		name := strings.ToLower(FileName(id)) // as a case-insensitive file system sees it
		if other, dup := seen[name]; dup {
			t.Errorf("FileName(%q) and FileName(%q) are both %q", id, other, name)
		}
		seen[name] = id
	}
}

func writeReport(t *testing.T) (dir string, out map[string]string) {
	t.Helper()
	root := t.TempDir()
	dir = filepath.Join(root, "report")
	stories := []tell.Story{eventStory(), storylineStory()}
	if err := Report(dir, stories, time.Date(2024, 9, 15, 8, 30, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	// Nothing may be written beside the report, whatever the story IDs.
	if entries, _ := os.ReadDir(root); len(entries) != 1 {
		t.Fatalf("report wrote outside its directory: %v", entries)
	}
	out = map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if info.Mode().Perm() != 0o644 {
			t.Errorf("%s has mode %v, want 0644", path, info.Mode().Perm())
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir, out
}

func TestReportFiles(t *testing.T) {
	_, files := writeReport(t)
	want := []string{"index.html", "stories/" + FileName(eventID), "stories/" + FileName(storylineID)}
	for _, name := range want {
		if _, ok := files[name]; !ok {
			t.Errorf("report lacks %s; it has %v", name, keys(files))
		}
	}
	if len(files) != len(want) {
		t.Errorf("report has files %v, want exactly %v (no temporary files left)", keys(files), want)
	}
}

func TestReportEscapes(t *testing.T) {
	_, files := writeReport(t)
	index, event := files["index.html"], files["stories/"+FileName(eventID)]
	for name, page := range files {
		for _, want := range []string{`<meta charset="utf-8">`, `<meta name="viewport"`, "<title>"} {
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks %q", name, want)
			}
		}
		for _, raw := range []string{"<script", "<img", `href="javascript`} {
			if i := strings.Index(page, raw); i >= 0 {
				t.Errorf("%s contains raw %q: …%s…", name, raw, page[max(0, i-60):min(len(page), i+60)])
			}
		}
		if tag := tagWithOnerror.FindString(page); tag != "" {
			t.Errorf("%s has an element with an onerror attribute: %s", name, tag)
		}
		if strings.ContainsAny(page, "\x1b\u202e") {
			t.Errorf("%s keeps control or bidi-override characters from page text", name)
		}
	}
	for _, want := range []string{
		"<title>storyline report</title>",
		frenchHeadline + " &lt;script&gt;alert(1)&lt;/script&gt;</a>",
		`<a href="stories/` + FileName(eventID) + `">`,
		"Loukachenko se rendra à Sotchi, rencontre prévue le 14 septembre.</p>", // first summary sentence
		"2024-09-01..2024-09-03",
		"generated 2024-09-15 08:30 UTC",
	} {
		if !strings.Contains(index, want) {
			t.Errorf("index lacks %q:\n%s", want, index)
		}
	}
	for _, want := range []string{
		"<title>" + frenchHeadline + " &lt;script&gt;alert(1)&lt;/script&gt;</title>",
		`<a href="../index.html">`,
		cyrillicName,
		"&lt;img src=x onerror=alert(1)&gt;",
		"&#34;Kreml&#34; &amp;amp; co",
		`*bold* [x](javascript:alert(1)) &lt;script&gt; &#34;quotes&#34; &amp;amp; co`,
		`<span class="src">javascript:alert(1)</span>`, // shown, not linked
		`<a href="https://www.lemonde.fr/international/article/2024/09/01/loukachenko.html" rel="noopener noreferrer">Loukachenko se rendra à Sotchi</a>`,
		`href="https://lemonde.fr/a3?x=1&amp;y=%282%29"`,
		`<time datetime="2024-09-14">14 September 2024</time>`,
		`<time datetime="2024-09-01">September 2024</time>`,
		"<h2>Summary</h2>", "<h2>Timeline</h2>", "<h2>Entities</h2>", "<h2>Sources</h2>",
		"<h2>Corroborated facts</h2>", "<h2>Disputed</h2>", "<h2>Articles</h2>",
		"<td>-</td>", // unknown site
		`copy of <code>a-1</code>`,
		`storyline <a href="` + FileName(storylineID) + `">`,
	} {
		if !strings.Contains(event, want) {
			t.Errorf("event page lacks %q:\n%s", want, event)
		}
	}
	if strings.Contains(event, "<h2>Events</h2>") {
		t.Error("event page has an Events section")
	}
	storyline := files["stories/"+FileName(storylineID)]
	for _, want := range []string{"<h2>Events</h2>", `<a href="` + FileName(eventID) + `">` + frenchHeadline + "</a>", "<code>e-minsk</code>"} {
		if !strings.Contains(storyline, want) {
			t.Errorf("storyline page lacks %q:\n%s", want, storyline)
		}
	}
}

func TestReportLinksResolve(t *testing.T) {
	dir, files := writeReport(t)
	href := regexp.MustCompile(`href="([^"]*)"`)
	local := 0
	for name, page := range files {
		for _, m := range href.FindAllStringSubmatch(page, -1) {
			link := m[1]
			if strings.HasPrefix(link, "https://") || strings.HasPrefix(link, "http://") {
				continue
			}
			local++
			target := filepath.Join(dir, filepath.Dir(filepath.FromSlash(name)), filepath.FromSlash(link))
			if _, err := os.Stat(target); err != nil {
				t.Errorf("%s links to %q, which does not exist: %v", name, link, err)
			}
		}
	}
	// index→2 stories, 2 back links per story page, event→storyline, storyline→event (events and timeline)
	if local < 8 {
		t.Errorf("found only %d local links", local)
	}
}

func TestReportRejectsDuplicateIDs(t *testing.T) {
	s := eventStory()
	if err := Report(t.TempDir(), []tell.Story{s, s}, time.Time{}); err == nil {
		t.Error("Report accepted two stories with one ID")
	}
}

func TestReportEmpty(t *testing.T) {
	dir := t.TempDir()
	if err := Report(dir, nil, time.Time{}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil || !strings.Contains(string(data), "No stories.") {
		t.Errorf("empty report index: %v\n%s", err, data)
	}
}

func keys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

// TestReportStaysInItsDirectory writes a report of stories whose ids try
// every way out of it, and looks at every file under the folder that
// holds it: the report's pages are all that was written, all inside.
func TestReportStaysInItsDirectory(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "report")
	var stories []tell.Story
	for _, id := range []string{eventID, "../../escape", "../index.html", "/tmp/absolute", `..\..\windows`, "..", ".", "",
		"stories/../../x", "e-\x00nul", "index", "index.html", ".hidden", strings.Repeat("../", 100) + "deep"} {
		s := eventStory()
		s.ID = id
		stories = append(stories, s)
	}
	if err := Report(out, stories, time.Time{}); err != nil {
		t.Fatal(err)
	}
	var files []string
	err := filepath.WalkDir(parent, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := len(stories) + 1; len(files) != want {
		t.Errorf("%d files written, want %d (the pages and the index): %q", len(files), want, files)
	}
	for _, f := range files {
		rel, err := filepath.Rel(out, f)
		if err != nil || strings.HasPrefix(rel, "..") {
			t.Errorf("%s is outside the report's folder %s", f, out)
			continue
		}
		if rel != "index.html" && (filepath.Dir(rel) != "stories" || !safeName.MatchString(filepath.Base(rel))) {
			t.Errorf("%s: not a story page under stories/", rel)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Error(err)
	}
}
