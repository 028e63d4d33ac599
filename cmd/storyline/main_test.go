package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The fixtures are the real pages shared by the project, not strings made up
// for the tests.
const (
	samplesDir = "../../../shared/samples/pages"
	seedsFile  = "../../../shared/data/seeds.jsonl"
)

// sampleTitles are the titles of the five sample pages, in file order, as a
// reader sees them at the top of each page.
var sampleTitles = []string{
	"Une source révèle la réaction du Kremlin aux manifestations à grande échelle en Biélorussie",
	"Loukachenko reçoit un appel d’anniversaire de Poutine alors que les manifestations grondent",
	"Bélarus : Loukachenko se rendra en Russie pour s’entretenir avec Poutine",
	"Le président biélorusse Alexandre Loukachenko est en visite aujourd'hui chez Vladimir Poutine.",
	"Loukachenko demande à la Russie de défendre la Biélorussie “comme son propre territoire”",
}

// samplePages returns the sample folder and its five pages in lexical order,
// skipping the test when ../shared is not checked out next to the project.
func samplePages(t *testing.T) (dir string, pages []string) {
	t.Helper()
	pages, err := filepath.Glob(filepath.Join(samplesDir, "*.txt"))
	if err != nil || len(pages) == 0 {
		t.Skipf("sample pages not found at %s (../shared is absent): %v", samplesDir, err)
	}
	if len(pages) != len(sampleTitles) {
		t.Fatalf("found %d sample pages in %s, want %d", len(pages), samplesDir, len(sampleTitles))
	}
	return samplesDir, pages
}

// tempDB returns a store path in a fresh temporary folder, and points
// STORYLINE_DB at another temporary path (and empties STORYLINE_STORE) so
// that a command run without --db can never reach the user's store. The
// second path is returned so tests can check it was left alone.
func tempDB(t *testing.T) (db, envDB string) {
	t.Helper()
	dir := t.TempDir()
	envDB = filepath.Join(dir, "env", "storyline.db")
	t.Setenv("STORYLINE_DB", envDB)
	t.Setenv("STORYLINE_STORE", "") // nor a PostgreSQL store named in the environment
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "xdg"))
	return filepath.Join(dir, "store", "storyline.db"), envDB
}

// execute runs the storyline command line in-process, as main does, and
// returns what it wrote to standard output and standard error.
func execute(t *testing.T, stdin io.Reader, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	root := newRootCommand()
	var out, errOut bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&errOut)
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	root.SetIn(stdin)
	root.SetArgs(args)
	err = root.ExecuteContext(context.Background())
	return out.String(), errOut.String(), err
}

// mustExecute is execute for runs that must succeed.
func mustExecute(t *testing.T, stdin io.Reader, args ...string) (stdout, stderr string) {
	t.Helper()
	stdout, stderr, err := execute(t, stdin, args...)
	if err != nil {
		t.Fatalf("storyline %s: %v\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), err, stdout, stderr)
	}
	return stdout, stderr
}

// runLine is one line of the table `storyline run` prints per article.
type runLine struct {
	outcome, id, lang, published, title string
}

// parseRunOutput splits the per-article table of `storyline run`, which
// ends at the first blank line (the stories follow). Columns are separated
// by at least two spaces; the title is the rest of the line.
func parseRunOutput(t *testing.T, stdout string) []runLine {
	t.Helper()
	var lines []runLine
	sc := bufio.NewScanner(strings.NewReader(stdout))
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			break
		}
		f := strings.Fields(sc.Text())
		if len(f) < 5 {
			t.Fatalf("run output line %q has %d fields, want at least 5", sc.Text(), len(f))
		}
		// The title may contain single spaces; it starts after the fourth
		// column.
		rest := sc.Text()
		for range 4 {
			rest = strings.TrimLeft(rest, " ")
			rest = rest[strings.Index(rest, " "):]
		}
		lines = append(lines, runLine{f[0], f[1], f[2], f[3], strings.TrimSpace(rest)})
	}
	return lines
}

// titleShown reports whether a title column shows want, which may be clipped
// with "…" when long.
func titleShown(got, want string) bool {
	if got == want {
		return true
	}
	prefix, clipped := strings.CutSuffix(got, "…")
	return clipped && len([]rune(prefix)) >= 60 && strings.HasPrefix(want, prefix)
}

func checkRunLines(t *testing.T, lines []runLine, outcome string, titles []string) {
	t.Helper()
	if len(lines) != len(titles) {
		t.Fatalf("run printed %d article lines, want %d: %+v", len(lines), len(titles), lines)
	}
	for i, l := range lines {
		if l.outcome != outcome {
			t.Errorf("line %d outcome = %q, want %q", i+1, l.outcome, outcome)
		}
		if l.lang != "fr" {
			t.Errorf("line %d (%s) language = %q, want fr", i+1, l.id, l.lang)
		}
		if !titleShown(l.title, titles[i]) {
			t.Errorf("line %d title = %q, want %q", i+1, l.title, titles[i])
		}
	}
}

func wantExitCode(t *testing.T, err error, code int) {
	t.Helper()
	var ee exitError
	if !errors.As(err, &ee) {
		t.Fatalf("error = %v (%T), want exitError{%d}", err, err, code)
	}
	if ee.code != code {
		t.Fatalf("exit code = %d, want %d", ee.code, code)
	}
}

func TestRunSamplesTwice(t *testing.T) {
	dir, _ := samplePages(t)
	db, envDB := tempDB(t)

	stdout, stderr := mustExecute(t, nil, "run", "--db", db, dir)
	first := parseRunOutput(t, stdout)
	checkRunLines(t, first, "added", sampleTitles)
	if !strings.Contains(stdout, "Bélarus : Loukachenko se rendra en Russie pour s’entretenir avec Poutine") {
		t.Errorf("stdout does not show the full short title:\n%s", stdout)
	}
	if !strings.Contains(stderr, "5 article(s) from 5 input(s): 5 added, 0 unchanged, 0 updated; 0 failed") {
		t.Errorf("first summary:\n%s\nwant 5 added", stderr)
	}
	if !strings.Contains(stderr, "now holds 5 article(s)") {
		t.Errorf("first summary:\n%s\nwant the store to hold 5", stderr)
	}

	stdout, stderr = mustExecute(t, nil, "run", "--db", db, dir)
	second := parseRunOutput(t, stdout)
	checkRunLines(t, second, "unchanged", sampleTitles)
	for i := range second {
		if second[i].id != first[i].id {
			t.Errorf("page %d has id %s on the second run, %s on the first", i+1, second[i].id, first[i].id)
		}
	}
	if !strings.Contains(stderr, "0 added, 5 unchanged, 0 updated") {
		t.Errorf("second summary:\n%s\nwant 5 unchanged", stderr)
	}
	if !strings.Contains(stderr, "now holds 5 article(s)") {
		t.Errorf("second summary:\n%s\nwant the store to still hold 5", stderr)
	}

	stdout, _ = mustExecute(t, nil, "articles", "--db", db)
	if n := len(strings.Split(strings.TrimSpace(stdout), "\n")) - 1; n != 5 {
		t.Errorf("articles lists %d articles after two runs, want 5:\n%s", n, stdout)
	}
	if _, err := os.Stat(envDB); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("STORYLINE_DB path %s was touched although --db was given (stat: %v)", envDB, err)
	}
}

func TestRunQuiet(t *testing.T) {
	dir, _ := samplePages(t)
	db, _ := tempDB(t)
	stdout, stderr := mustExecute(t, nil, "run", "-q", "--db", db, dir)
	if stdout != "" {
		t.Errorf("run -q printed to stdout:\n%s", stdout)
	}
	if !strings.Contains(stderr, "5 added") {
		t.Errorf("run -q summary:\n%s\nwant 5 added", stderr)
	}
}

func TestRunGlob(t *testing.T) {
	dir, _ := samplePages(t)
	db, _ := tempDB(t)
	// 000, 001 and 002, in lexical order.
	stdout, stderr := mustExecute(t, nil, "run", "--db", db, filepath.Join(dir, "00[0-2]_*.txt"))
	checkRunLines(t, parseRunOutput(t, stdout), "added", sampleTitles[:3])
	if !strings.Contains(stderr, "3 article(s) from 3 input(s): 3 added") {
		t.Errorf("summary:\n%s\nwant 3 added from 3 inputs", stderr)
	}

	_, stderr, err := execute(t, nil, "run", "--db", db, filepath.Join(dir, "*.nothing"))
	wantExitCode(t, err, 1)
	if !strings.Contains(stderr, "no file matches") {
		t.Errorf("a glob matching nothing: stderr\n%s\nwant \"no file matches\"", stderr)
	}
}

func TestRunStdin(t *testing.T) {
	_, pages := samplePages(t)
	db, _ := tempDB(t)
	page, err := os.ReadFile(pages[2])
	if err != nil {
		t.Fatal(err)
	}
	stdout, stderr := mustExecute(t, bytes.NewReader(page), "run", "--db", db, "-")
	lines := parseRunOutput(t, stdout)
	checkRunLines(t, lines, "added", sampleTitles[2:3])
	if !strings.Contains(stderr, "1 added") {
		t.Errorf("summary:\n%s\nwant 1 added", stderr)
	}

	// The same page read from its file is recognised as the same article.
	stdout, _ = mustExecute(t, nil, "run", "--db", db, pages[2])
	again := parseRunOutput(t, stdout)
	checkRunLines(t, again, "unchanged", sampleTitles[2:3])
	if again[0].id != lines[0].id {
		t.Errorf("page read from a file has id %s, from stdin %s", again[0].id, lines[0].id)
	}

	stdout, _ = mustExecute(t, nil, "article", "--db", db, lines[0].id, "--raw")
	if stdout != string(page) {
		t.Errorf("article --raw of the page read from stdin differs from the page (%d bytes, want %d)", len(stdout), len(page))
	}
}

func TestRunBadFileNextToGoodOne(t *testing.T) {
	_, pages := samplePages(t)
	db, _ := tempDB(t)
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}

	stdout, stderr, err := execute(t, nil, "run", "--db", db, empty, pages[2])
	wantExitCode(t, err, 1)
	if !strings.Contains(stderr, "error: "+empty+": empty") {
		t.Errorf("stderr:\n%s\nwant \"error: %s: empty…\"", stderr, empty)
	}
	if !strings.Contains(stderr, "1 added") || !strings.Contains(stderr, "1 failed") {
		t.Errorf("summary:\n%s\nwant 1 added and 1 failed", stderr)
	}
	checkRunLines(t, parseRunOutput(t, stdout), "added", sampleTitles[2:3])

	stdout, _ = mustExecute(t, nil, "articles", "--db", db)
	if !strings.Contains(stdout, sampleTitles[2]) {
		t.Errorf("the good page is not stored; articles:\n%s", stdout)
	}
}

func TestRunSeedsJSONL(t *testing.T) {
	_, pages := samplePages(t)
	if _, err := os.Stat(seedsFile); err != nil {
		t.Skipf("seeds not found at %s (../shared is absent): %v", seedsFile, err)
	}
	db, _ := tempDB(t)
	stdout, stderr := mustExecute(t, nil, "run", "--db", db, seedsFile)
	lines := parseRunOutput(t, stdout)
	// seeds.jsonl holds the text of the five sample pages, with their file
	// names as ids.
	checkRunLines(t, lines, "added", sampleTitles)
	for i, l := range lines {
		if want := strings.TrimSuffix(filepath.Base(pages[i]), ".txt"); l.id != want {
			t.Errorf("record %d id = %q, want the input's id %q", i+1, l.id, want)
		}
	}
	if !strings.Contains(stderr, "5 article(s) from 1 input(s): 5 added") {
		t.Errorf("summary:\n%s\nwant 5 added from 1 input", stderr)
	}

	// --raw gives back the JSON Lines record as read.
	seeds, err := os.ReadFile(seedsFile)
	if err != nil {
		t.Fatal(err)
	}
	firstLine, _, _ := strings.Cut(string(seeds), "\n")
	stdout, _ = mustExecute(t, nil, "article", "--db", db, lines[0].id, "--raw")
	if strings.TrimSuffix(stdout, "\n") != firstLine {
		t.Errorf("article --raw of a JSON Lines record:\n%.200s\nwant the input line:\n%.200s", stdout, firstLine)
	}
}

func TestCleanText(t *testing.T) {
	_, pages := samplePages(t)
	db, envDB := tempDB(t)
	stdout, _ := mustExecute(t, nil, append([]string{"clean", "--db", db}, pages...)...)
	for _, title := range sampleTitles {
		if !strings.Contains(stdout, "Title: "+title+"\n") {
			t.Errorf("clean output lacks %q", "Title: "+title)
		}
	}
	if got := strings.Count(stdout, "\nLanguage: fr "); got != 5 {
		t.Errorf("clean output has %d \"Language: fr\" lines, want 5", got)
	}
	for _, want := range []string{
		"[comment form]: Laisser un commentaire\n",
		"[embed placeholder]: GIPHY App Key not set. Please check settings",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("clean output lacks %q", want)
		}
	}
	// Removed furniture is listed, not kept in the text.
	_, body, _ := strings.Cut(stdout, "Title: "+sampleTitles[1])
	body, _, _ = strings.Cut(body, "-- removed")
	if strings.Contains(body, "GIPHY") {
		t.Errorf("cleaned text of page 001 still holds the GIPHY placeholder:\n%s", body)
	}
	for _, p := range []string{db, envDB} {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("clean created or touched a store at %s (stat: %v)", p, err)
		}
	}
}

func TestCleanJSON(t *testing.T) {
	_, pages := samplePages(t)
	db, envDB := tempDB(t)
	stdout, _ := mustExecute(t, nil, append([]string{"clean", "--json", "--db", db}, pages...)...)

	type removed struct {
		Line   *int    `json:"line"`
		Text   *string `json:"text"`
		Reason *string `json:"reason"`
	}
	type record struct {
		Title   *string   `json:"title"`
		Text    *string   `json:"text"`
		Lang    *string   `json:"lang"`
		Removed []removed `json:"removed"`
	}
	dec := json.NewDecoder(strings.NewReader(stdout))
	var recs []record
	for {
		var r record
		err := dec.Decode(&r)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("clean --json record %d: %v\n%s", len(recs)+1, err, stdout)
		}
		recs = append(recs, r)
	}
	if len(recs) != 5 {
		t.Fatalf("clean --json printed %d records, want 5", len(recs))
	}
	if n := strings.Count(strings.TrimSpace(stdout), "\n") + 1; n != 5 {
		t.Errorf("clean --json printed %d lines, want one per record", n)
	}
	var withRemoved int
	for i, r := range recs {
		if r.Title == nil || *r.Title != sampleTitles[i] {
			t.Errorf("record %d title = %v, want %q", i+1, r.Title, sampleTitles[i])
		}
		if r.Text == nil || *r.Text == "" {
			t.Errorf("record %d has no text", i+1)
		}
		if r.Lang == nil || *r.Lang != "fr" {
			t.Errorf("record %d lang = %v, want fr", i+1, r.Lang)
		}
		if len(r.Removed) > 0 {
			withRemoved++
		}
		for j, rm := range r.Removed {
			if rm.Line == nil || *rm.Line < 1 || rm.Text == nil || rm.Reason == nil || *rm.Reason == "" {
				t.Errorf("record %d removed[%d] = %+v, want line, text and reason", i+1, j, rm)
			}
		}
	}
	if withRemoved == 0 {
		t.Error("no record lists removed lines")
	}
	var found bool
	for _, rm := range recs[1].Removed {
		if *rm.Text == "Laisser un commentaire" && *rm.Reason == "comment form" {
			found = true
		}
	}
	if !found {
		t.Errorf("record 2 removed = %+v, want the comment form \"Laisser un commentaire\"", recs[1].Removed)
	}
	for _, p := range []string{db, envDB} {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("clean --json created or touched a store at %s (stat: %v)", p, err)
		}
	}
}

func TestCleanBadFile(t *testing.T) {
	_, pages := samplePages(t)
	tempDB(t)
	empty := filepath.Join(t.TempDir(), "empty.txt")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, err := execute(t, nil, "clean", empty, pages[2])
	wantExitCode(t, err, 1)
	if !strings.Contains(stderr, "error: "+empty+": empty") {
		t.Errorf("stderr:\n%s\nwant \"error: %s: empty…\"", stderr, empty)
	}
	if !strings.Contains(stdout, "Title: "+sampleTitles[2]) {
		t.Errorf("the good page is not shown:\n%s", stdout)
	}
}

func TestArticleCommands(t *testing.T) {
	_, pages := samplePages(t)
	db, _ := tempDB(t)
	stdout, _ := mustExecute(t, nil, append([]string{"run", "--db", db}, pages...)...)
	stored := parseRunOutput(t, stdout)
	if len(stored) != 5 {
		t.Fatalf("run stored %d articles, want 5", len(stored))
	}

	t.Run("articles", func(t *testing.T) {
		stdout, _ := mustExecute(t, nil, "articles", "--db", db)
		lines := strings.Split(strings.TrimRight(stdout, "\n"), "\n")
		if got := strings.Fields(lines[0]); strings.Join(got, " ") != "ID LANG PUBLISHED SITE TITLE" {
			t.Errorf("header = %q, want ID LANG PUBLISHED SITE TITLE", lines[0])
		}
		if len(lines) != 6 {
			t.Fatalf("articles printed %d lines, want a header and 5 articles:\n%s", len(lines), stdout)
		}
		for i, l := range lines[1:] {
			f := strings.Fields(l)
			if f[0] != stored[i].id || f[1] != "fr" {
				t.Errorf("article line %d = %q, want id %s in fr (in ingestion order)", i+1, l, stored[i].id)
			}
		}
		if !strings.Contains(stdout, sampleTitles[2]) {
			t.Errorf("articles does not show %q:\n%s", sampleTitles[2], stdout)
		}

		stdout, _ = mustExecute(t, nil, "articles", "--db", db, "--limit", "2", "--offset", "1")
		lines = strings.Split(strings.TrimRight(stdout, "\n"), "\n")
		if len(lines) != 3 || !strings.HasPrefix(lines[1], stored[1].id) || !strings.HasPrefix(lines[2], stored[2].id) {
			t.Errorf("articles --limit 2 --offset 1:\n%s\nwant articles %s and %s", stdout, stored[1].id, stored[2].id)
		}

		stdout, _ = mustExecute(t, nil, "articles", "--db", db, "--json")
		if n := strings.Count(stdout, "\n"); n != 5 {
			t.Errorf("articles --json printed %d lines, want 5", n)
		}
	})

	t.Run("article", func(t *testing.T) {
		a := stored[1] // 001, which has furniture removed
		stdout, _ := mustExecute(t, nil, "article", "--db", db, a.id)
		if !strings.Contains(stdout, "Title: "+sampleTitles[1]+"\n") {
			t.Errorf("article %s lacks its title:\n%s", a.id, stdout)
		}
		if !strings.Contains(stdout, "Le président Loukachenko, qui a eu 66 ans dimanche,") {
			t.Errorf("article %s lacks its body text:\n%s", a.id, stdout)
		}
		if !strings.Contains(stdout, "[comment form]: Laisser un commentaire") {
			t.Errorf("article %s does not list the removed comment form:\n%s", a.id, stdout)
		}
		body, _, _ := strings.Cut(stdout, "-- removed")
		if strings.Contains(body, "GIPHY") {
			t.Errorf("article %s shows removed furniture in its text:\n%s", a.id, body)
		}
	})

	t.Run("raw", func(t *testing.T) {
		for i, a := range stored {
			want, err := os.ReadFile(pages[i])
			if err != nil {
				t.Fatal(err)
			}
			stdout, _ := mustExecute(t, nil, "article", "--db", db, a.id, "--raw")
			if !bytes.Equal([]byte(stdout), want) {
				t.Errorf("article %s --raw differs from %s (%d bytes, want %d)", a.id, pages[i], len(stdout), len(want))
			}
		}
	})

	t.Run("json", func(t *testing.T) {
		stdout, _ := mustExecute(t, nil, "article", "--db", db, stored[2].id, "--json")
		var rec struct {
			ID, Title, Lang string
		}
		if err := json.Unmarshal([]byte(stdout), &rec); err != nil {
			t.Fatalf("article --json: %v\n%s", err, stdout)
		}
		if rec.ID != stored[2].id || rec.Title != sampleTitles[2] || rec.Lang != "fr" {
			t.Errorf("article --json = %+v, want id %s, title %q, lang fr", rec, stored[2].id, sampleTitles[2])
		}
	})

	t.Run("missing", func(t *testing.T) {
		stdout, _, err := execute(t, nil, "article", "--db", db, "missing-id")
		if err == nil {
			t.Fatalf("article missing-id succeeded:\n%s", stdout)
		}
		var ee exitError
		if errors.As(err, &ee) {
			t.Errorf("article missing-id returned a bare %v; want a message", err)
		}
		if !strings.Contains(err.Error(), "not found") || !strings.Contains(err.Error(), "missing-id") {
			t.Errorf("article missing-id: error %q, want it to name the id and say not found", err)
		}
	})
}

func TestRootHelp(t *testing.T) {
	tempDB(t)
	stdout, _ := mustExecute(t, nil, "--help")
	for _, want := range []string{
		"STORYLINE_DB",
		"--db",
		"$XDG_DATA_HOME/storyline/storyline.db",
		"~/.local/share/storyline/storyline.db",
		"run", "clean", "articles", "article",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("storyline --help lacks %q:\n%s", want, stdout)
		}
	}
}

func TestRunMaxBytes(t *testing.T) {
	dir, _ := samplePages(t)
	db, _ := tempDB(t)
	stdout, stderr, err := execute(t, nil, "run", "--db", db, "--max-bytes", "100", dir)
	wantExitCode(t, err, 1)
	if stdout != "" {
		t.Errorf("no page fits in 100 bytes, yet run printed:\n%s", stdout)
	}
	if got := strings.Count(stderr, "too large"); got != 5 {
		t.Errorf("stderr has %d \"too large\" errors, want 5:\n%s", got, stderr)
	}
	if !strings.Contains(stderr, "0 added") || !strings.Contains(stderr, "5 failed") || !strings.Contains(stderr, "now holds 0 article(s)") {
		t.Errorf("summary:\n%s\nwant 0 added, 5 failed, an empty store", stderr)
	}
}
