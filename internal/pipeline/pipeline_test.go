package pipeline

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/store/sqlite"
)

const samplesDir = "../../../shared/samples/pages"

func needShared(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		t.Skipf("%s is absent (../shared not beside the checkout): skipping", path)
	}
}

// runAll runs the pipeline and collects articles and problems.
func runAll(t *testing.T, args []string, st store.Store) ([]*article.Article, []Problem, Summary) {
	t.Helper()
	var arts []*article.Article
	var problems []Problem
	sum, err := Run(context.Background(), args, st, Options{
		Problem: func(p Problem) { problems = append(problems, p) },
		Done:    func(a []*article.Article, _ []store.Outcome) { arts = append(arts, a...) },
	})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return arts, problems, sum
}

// furniture lists, per sample page, exactly the lines that are page
// furniture (the acceptance list); every other line is article.
var furniture = map[string][]string{
	"000": {"information"},
	"001": {"in", "Laisser un commentaire",
		"Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *",
		"GIPHY App Key not set. Please check settings",
		"Inde: un record mondial des cas de Covid-19 recensés en 24 heures avec 78.761 cas de contamination",
		"Covid 19: « d’abord s’assurer que la salive est fiable », dit le ministère de la Santé"},
	"002": {},
	"003": {"date 2020-09", "Publicité Lire la suite",
		"► À lire aussi : Biélorussie: des dizaines de milliers de manifestants à Minsk, 400 interpellations",
		"NewsletterRecevez toute l'actualité internationale directement dans votre boite mail Je m'abonne"},
	"004": {"in", "Loukachenko demande a la Russie de defendre la Bielorussie comme",
		"Laisser un commentaire",
		"Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *",
		"Forces spéciales occidentales à l’intérieur de l’Ukraine, fuite révèle.",
		"226270 iPHONE 14 PHO akrales 0710",
		"Fuites et rumeurs de l’iPhone 15 : tout ce que nous attendons du flagship 2023 d’Apple."},
}

var wantTitles = map[string]string{
	"000": "Une source révèle la réaction du Kremlin aux manifestations à grande échelle en Biélorussie",
	"001": "Loukachenko reçoit un appel d’anniversaire de Poutine alors que les manifestations grondent",
	"002": "Bélarus : Loukachenko se rendra en Russie pour s’entretenir avec Poutine",
	"003": "Le président biélorusse Alexandre Loukachenko est en visite aujourd'hui chez Vladimir Poutine.",
	"004": "Loukachenko demande à la Russie de défendre la Biélorussie “comme son propre territoire”",
}

// TestSamplesLineByLine ingests the five sample pages together and checks
// that exactly the furniture is removed and every other line is kept.
func TestSamplesLineByLine(t *testing.T) {
	needShared(t, samplesDir)
	arts, problems, _ := runAll(t, []string{samplesDir}, nil)
	if len(problems) != 0 {
		t.Fatalf("problems: %v", problems)
	}
	if len(arts) != 5 {
		t.Fatalf("got %d articles, want 5", len(arts))
	}
	for _, a := range arts {
		key := filepath.Base(a.Source.Path)[:3]
		raw, err := os.ReadFile(a.Source.Path)
		if err != nil {
			t.Fatal(err)
		}
		wantRemoved := map[string]bool{}
		for _, l := range furniture[key] {
			wantRemoved[l] = true
		}
		gotRemoved := map[string]string{}
		for _, r := range a.Removed {
			gotRemoved[r.Text] = r.Reason
			if !wantRemoved[r.Text] {
				t.Errorf("%s: removed an article line (%s): %q", key, r.Reason, r.Text)
			}
		}
		for l := range wantRemoved {
			if _, ok := gotRemoved[l]; !ok {
				t.Errorf("%s: kept furniture %q", key, l)
			}
		}
		kept := map[string]bool{a.Title: true}
		for _, l := range strings.Split(a.Text, "\n") {
			kept[l] = true
		}
		for _, l := range strings.Split(string(raw), "\n") {
			l = strings.Join(strings.Fields(l), " ")
			l = strings.TrimSpace(strings.TrimPrefix(l, "date 2020-09"))
			if l == "" || wantRemoved[l] {
				continue
			}
			if !kept[l] {
				t.Errorf("%s: article line lost: %q", key, l)
			}
		}
		if a.Title != wantTitles[key] {
			t.Errorf("%s: title %q, want %q", key, a.Title, wantTitles[key])
		}
		if a.Lang != "fr" {
			t.Errorf("%s: language %q, want fr", key, a.Lang)
		}
	}
}

// TestSamplesDates checks the publication dates the pages state or imply.
func TestSamplesDates(t *testing.T) {
	needShared(t, samplesDir)
	arts, _, _ := runAll(t, []string{samplesDir}, nil)
	want := map[string]struct {
		date  string
		prec  article.Precision
		exact bool
	}{
		"000": {"2020-09-14", article.PrecisionDay, false}, // latest full date in the text
		"001": {"", "", false},                             // "9 août" without a year
		"002": {"2020-09-09", article.PrecisionDay, false}, // the embedded tweet's date
		"003": {"2020-09-01", article.PrecisionMonth, false},
		"004": {"", "", false}, // "lundi 10 avril" without a year
	}
	for _, a := range arts {
		key := filepath.Base(a.Source.Path)[:3]
		w := want[key]
		got := ""
		if a.Published.Known() {
			got = a.Published.Time.Format("2006-01-02")
		}
		if got != w.date || a.Published.Precision != w.prec || a.Published.Exact != w.exact {
			t.Errorf("%s: published %s %s exact=%v, want %s %s exact=%v", key, got, a.Published.Precision, a.Published.Exact, w.date, w.prec, w.exact)
		}
	}
}

func TestECBPlusIngestsEveryRecord(t *testing.T) {
	path := "../../../shared/data/ecbplus.jsonl"
	needShared(t, path)
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, problems, sum := runAll(t, []string{path}, st)
	if len(problems) != 0 {
		t.Errorf("problems: %v", problems)
	}
	if sum.Added != 982 {
		t.Errorf("added %d, want 982", sum.Added)
	}
	// A second run recognises every record.
	_, _, sum = runAll(t, []string{path}, st)
	if sum.Unchanged != 982 || sum.Added != 0 {
		t.Errorf("second run: %+v, want 982 unchanged", sum)
	}
	if n, _ := st.Count(context.Background()); n != 982 {
		t.Errorf("store holds %d, want 982", n)
	}
}

// TestBadInputs feeds each kind of broken input next to good pages: each
// gets one message naming its file (and line), the good pages are stored,
// and what was stored before is intact.
func TestBadInputs(t *testing.T) {
	needShared(t, samplesDir)
	dir := t.TempDir()
	st, err := sqlite.Open(filepath.Join(dir, "store.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, _, sum := runAll(t, []string{samplesDir}, st); sum.Added != 5 {
		t.Fatalf("first run added %d, want 5", sum.Added)
	}
	before, _ := st.List(context.Background(), store.ListOptions{})

	bad := filepath.Join(dir, "bad")
	os.Mkdir(bad, 0o755)
	sample, _ := os.ReadFile(filepath.Join(samplesDir, "001_a26b501ad59b83ec.txt"))
	write := func(name string, b []byte) string {
		p := filepath.Join(bad, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	empty := write("empty.txt", nil)
	binary := write("binary.txt", []byte{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0x03, 0x00, 0x3e, 0})
	latin := bytes.ReplaceAll(sample, []byte("é"), []byte{0xe9}) // invalid UTF-8: Latin-1 é
	invalid := write("invalid-utf8.txt", append([]byte("Un titre\n"), latin...))
	huge := write("huge.txt", bytes.Repeat([]byte("Une ligne de texte qui se répète encore et encore.\n"), 50<<20/52))
	malformed := write("malformed.html", []byte("<html><head><title>Broken</title></head><body><div><p>Unclosed <b>tags <i>everywhere<p></div></span></body"))
	jsonl := write("records.jsonl", []byte(`{"id":"good-1","url":"https://example.org/a","text":"Le président a parlé lundi à Minsk devant des milliers de manifestants. La police a bouclé la place."}
{"id":"broken", "text": "no closing brace"
{"id":"good-2","url":"https://example.org/b","text":"Der Präsident sprach am Montag in Minsk vor Tausenden von Demonstranten. Die Polizei riegelte den Platz ab."}
`))

	arts, problems, sum := runAll(t, []string{bad}, st)
	messages := map[string]string{}
	for _, p := range problems {
		messages[p.Source.String()] = p.Err.Error()
	}
	for _, want := range []struct{ source, contains string }{
		{empty, "empty"},
		{binary, "binary"},
		{huge, "too large"},
		{jsonl + ":2", "JSON"},
		{invalid, "repaired"},
	} {
		msg, ok := messages[want.source]
		if !ok {
			t.Errorf("no message for %s (got %v)", want.source, messages)
			continue
		}
		if !strings.Contains(msg, want.contains) {
			t.Errorf("%s: message %q does not say %q", want.source, msg, want.contains)
		}
	}
	if len(problems) != 5 {
		t.Errorf("got %d messages, want one per bad input (5): %v", len(problems), problems)
	}
	// The good records and the repaired file are stored; the malformed page
	// either yields its text or a message, never a crash.
	ids := map[string]bool{}
	for _, a := range arts {
		ids[a.ID] = true
		if strings.Contains(a.Source.Path, "invalid-utf8") && !strings.Contains(a.Text, "président") {
			t.Errorf("invalid UTF-8 not repaired as Latin-1: %.200q", a.Text)
		}
	}
	if !ids["good-1"] || !ids["good-2"] {
		t.Errorf("good JSONL records not ingested: %v", ids)
	}
	if _, ok := messages[malformed]; !ok && len(arts) != 4 {
		t.Errorf("malformed HTML neither ingested nor reported")
	}
	if sum.Failed != 4 || sum.Warnings != 1 {
		t.Errorf("summary %+v, want 4 failed and 1 warning", sum)
	}
	after, _ := st.List(context.Background(), store.ListOptions{})
	if len(after) != len(before)+len(arts) {
		t.Errorf("store holds %d, want %d", len(after), len(before)+len(arts))
	}
	for i, a := range before {
		if after[i].ID != a.ID || after[i].Text != a.Text {
			t.Errorf("stored article %s changed", a.ID)
		}
	}
}

// TestInputForms covers folders, globs, standard input, JSON arrays and
// gzip'd JSON Lines.
func TestInputForms(t *testing.T) {
	needShared(t, samplesDir)
	dir := t.TempDir()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	f, _ := os.Open("../../../shared/data/seeds.jsonl")
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		zw.Write(append(sc.Bytes(), '\n'))
		n++
	}
	f.Close()
	zw.Close()
	os.WriteFile(filepath.Join(dir, "seeds.jsonl.gz"), gz.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, "array.json"), []byte(`[{"id":"a1","text":"Premier article. Il parle de Minsk."},{"id":"a2","html":"<html><head><title>Deux</title></head><body><article><h1>Deux</h1><p>Le deuxième article parle de Sotchi et de la rencontre entre les deux présidents, qui a duré plusieurs heures lundi.</p><p>Aucune conférence de presse n'était prévue, a précisé le Kremlin dans un communiqué publié le soir même.</p></article></body></html>"}]`), 0o644)

	arts, problems, _ := runAll(t, []string{filepath.Join(dir, "*.json*"), filepath.Join(samplesDir, "00[01]_*.txt")}, nil)
	if len(problems) != 0 {
		t.Fatalf("problems: %v", problems)
	}
	if len(arts) != n+2+2 {
		t.Fatalf("got %d articles, want %d", len(arts), n+4)
	}
	for _, a := range arts {
		if a.ID == "a2" && (a.Title != "Deux" || !strings.Contains(a.Text, "Sotchi") || a.RawFormat != "json") {
			t.Errorf("HTML record: %+v", a)
		}
	}

	// Standard input, sniffed as text.
	raw, _ := os.ReadFile(filepath.Join(samplesDir, "002_7a61144dd750e5af.txt"))
	var got []*article.Article
	_, err := Run(context.Background(), []string{"-"}, nil, Options{
		Reader: readerWithStdin(bytes.NewReader(raw)),
		Done:   func(a []*article.Article, _ []store.Outcome) { got = append(got, a...) },
	})
	if err != nil || len(got) != 1 || got[0].Source.Path != "-" || got[0].Lang != "fr" {
		t.Fatalf("stdin: err %v, got %+v", err, got)
	}
}
