package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/store"
)

// Hostile and large inputs through the whole pipeline (read, convert,
// clean, language, dates), without a store: what a run over the open web
// must survive.

// run runs the pipeline over args with opts, collecting articles and
// problems.
func run(t *testing.T, args []string, opts Options) ([]*article.Article, []Problem, Summary) {
	t.Helper()
	var arts []*article.Article
	var problems []Problem
	opts.Problem = func(p Problem) { problems = append(problems, p) }
	opts.Done = func(a []*article.Article, _ []store.Outcome) { arts = append(arts, a...) }
	sum, err := Run(context.Background(), args, nil, opts)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return arts, problems, sum
}

// TestTenThousandArticleBatch feeds one batch of 10,000 JSON Lines records
// in eight languages through standard input: every one is processed, once,
// in input order.
func TestTenThousandArticleBatch(t *testing.T) {
	const n = 10_000
	bodies := []string{
		"Le président %d a rencontré son homologue à Sotchi lundi. Les deux dirigeants ont parlé de sécurité régionale.",
		"The president %d met his counterpart in Sochi on Monday. The two leaders discussed regional security.",
		"Der Präsident %d traf am Montag seinen Amtskollegen in Sotschi. Die beiden sprachen über Sicherheit.",
		"El presidente %d se reunió el lunes con su homólogo en Sochi. Ambos hablaron de seguridad regional.",
		"Il presidente %d ha incontrato lunedì il suo omologo a Soči. I due hanno parlato di sicurezza.",
		"O presidente %d encontrou-se na segunda-feira com o seu homólogo em Sochi. Falaram de segurança.",
		"De president %d ontmoette maandag zijn ambtgenoot in Sotsji. Ze spraken over regionale veiligheid.",
		"Президент %d встретился в понедельник со своим коллегой в Сочи. Они обсудили безопасность.",
	}
	var in bytes.Buffer
	enc := json.NewEncoder(&in)
	for i := range n {
		enc.Encode(map[string]any{
			"id":        fmt.Sprintf("a-%05d", i),
			"url":       fmt.Sprintf("https://site%d.example/news/%d", i%50, i),
			"title":     fmt.Sprintf("Titre %d", i),
			"text":      fmt.Sprintf(bodies[i%len(bodies)], i),
			"published": time.Date(2020, 9, 1+i%28, 10, 0, 0, 0, time.UTC).Format(time.RFC3339),
		})
	}
	start := time.Now()
	batches := 0
	var arts []*article.Article
	sum, err := Run(context.Background(), []string{"-"}, nil, Options{
		Reader:  readerWithStdin(&in),
		Problem: func(p Problem) { t.Errorf("problem: %v", p) },
		Done:    func(a []*article.Article, _ []store.Outcome) { batches++; arts = append(arts, a...) },
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d articles in %d batch(es) in %v", len(arts), batches, time.Since(start))
	if sum.Articles != n || len(arts) != n || sum.Failed != 0 || batches != 1 {
		t.Fatalf("summary %+v, %d articles in %d batches; want %d in one", sum, len(arts), batches, n)
	}
	for i, a := range arts {
		if want := fmt.Sprintf("a-%05d", i); a.ID != want || a.Source.Line != i+1 {
			t.Fatalf("article %d is %s from %s, want %s: order lost", i, a.ID, a.Source, want)
		}
		if a.Text == "" || a.Lang == "" || !a.Published.Known() {
			t.Fatalf("article %s not fully processed: %+v", a.ID, a)
		}
	}
}

// TestHugeLineThroughPipeline: a 5 MiB page on one line is read, cleaned and
// analysed in bounded time; a bigger one is refused by name.
func TestHugeLineThroughPipeline(t *testing.T) {
	dir := t.TempDir()
	sentence := "Le président biélorusse est arrivé à Sotchi le 14 septembre 2020 pour rencontrer Vladimir Poutine. "
	line := strings.Repeat(sentence, 5<<20/len(sentence))
	p := filepath.Join(dir, "line.txt")
	os.WriteFile(p, []byte(line), 0o644)
	big := filepath.Join(dir, "big.txt")
	os.WriteFile(big, []byte(line+line), 0o644)

	start := time.Now()
	arts, problems, _ := run(t, []string{p, big}, Options{Reader: readerWithStdin(nil)})
	took := time.Since(start)
	t.Logf("5 MiB line in %v", took)
	if took > 15*time.Second {
		t.Errorf("a 5 MiB line took %v", took)
	}
	if len(arts) != 1 || len(arts[0].Text) < len(line)/2 || arts[0].Lang != "fr" || utf8.RuneCountInString(arts[0].Title) > 200 {
		t.Errorf("5 MiB line: %d articles", len(arts))
	}
	if len(problems) != 1 || problems[0].Source.Path != big || !strings.Contains(problems[0].Err.Error(), "too large") {
		t.Errorf("10 MiB line: problems %v, want one naming %s", problems, big)
	}
}

// TestInvalidUTF8ThroughPipeline puts invalid UTF-8 in every field of every
// input form: each article comes out valid UTF-8, its repair reported as a
// warning naming the input.
func TestInvalidUTF8ThroughPipeline(t *testing.T) {
	dir := t.TempDir()
	bad := "\xe9\xff\xfe\xc3\x28\xed\xa0\x80" // Latin-1, invalid bytes, a broken sequence, a surrogate
	rec := func(id string) string {
		return `{"id": "` + id + bad + `", "url": "https://journal.example/` + bad + `", "title": "Titre ` + bad + `", "source": "Site ` + bad +
			`", "text": "Le pr` + "\xe9" + `sident bi` + "\xe9" + `lorusse ` + "\xe0" + ` Sotchi. ` + bad + ` Il a parl` + "\xe9" + ` lundi."}`
	}
	files := map[string]string{
		"a.jsonl": rec("a1") + "\n" + rec("a2") + "\n",
		"b.json":  "[" + rec("b1") + ",\n" + rec("b2") + "]",
		"c.txt":   "Titre " + bad + "\nLe pr\xe9sident bi\xe9lorusse \xe0 Sotchi. Il a parl\xe9 lundi.",
		"d.txt":   "Le président biélorusse " + bad + " à Sotchi.\n" + bad,
	}
	for name, content := range files {
		os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644)
	}
	arts, problems, sum := run(t, []string{dir}, Options{})
	if len(arts) != 6 || sum.Failed != 0 {
		t.Fatalf("%d articles, summary %+v, problems %v", len(arts), sum, problems)
	}
	warned := map[string]bool{}
	for _, p := range problems {
		if !p.Warning || !strings.Contains(p.Err.Error(), "repaired") {
			t.Errorf("problem %v, want a repair warning", p)
		}
		warned[p.Source.String()] = true
	}
	for _, a := range arts {
		for _, s := range []string{a.ID, a.URL, a.Site, a.Title, a.Text} {
			if !utf8.ValidString(s) {
				t.Errorf("%s: invalid UTF-8 in %q", a.Source, s)
			}
		}
		for _, r := range a.Removed {
			if !utf8.ValidString(r.Text) {
				t.Errorf("%s: invalid UTF-8 in removed line %q", a.Source, r.Text)
			}
		}
		if !strings.Contains(a.Text+a.Title, "président") {
			t.Errorf("%s: Latin-1 text not repaired: %q", a.Source, a.Text)
		}
		if !warned[a.Source.String()] {
			t.Errorf("%s: repaired without a warning (warnings: %v)", a.Source, warned)
		}
	}
}

// TestHostilePageThroughPipeline: a page full of script, style, iframes,
// event handlers and javascript: links gives an article without any of it.
func TestHostilePageThroughPipeline(t *testing.T) {
	dir := t.TempDir()
	page := `<!DOCTYPE html><html lang="fr"><head><title>Loukachenko à Sotchi</title>
<script>var evil = "evil_head";</script><style>body{background:url(javascript:evil_css())}</style>
<meta http-equiv="refresh" content="0;url=javascript:evil_meta()"></head>
<body onload="evil_onload()"><article><h1>Loukachenko à Sotchi</h1>
<p>Le président biélorusse Alexandre Loukachenko est en visite aujourd'hui chez Vladimir Poutine, à Sotchi, au bord de la mer Noire.<script>document.write("evil_inline")</script></p>
<iframe src="javascript:evil_iframe()">evil_iframe_text</iframe><img src=x onerror="evil_img()">
<p onclick="evil_click()">Le Kremlin a précisé qu'il n'y aurait pas de conférence de presse à l'issue de l'entretien, ni de document signé.</p>
<p><a href="javascript:evil_link()">Lire la suite</a></p><template><p>evil_template</p></template><p hidden>evil_hidden</p>
<svg onload="evil_svg()"><script>evil_svg_script()</script></svg><noscript>evil_noscript</noscript>
</article></body></html>`
	p := filepath.Join(dir, "page.html")
	os.WriteFile(p, []byte(page), 0o644)
	j := filepath.Join(dir, "page.jsonl")
	b, _ := json.Marshal(map[string]string{"id": "j", "html": page})
	c, _ := json.Marshal(map[string]string{"id": "k", "text": page[strings.Index(page, "<article>"):]})
	os.WriteFile(j, append(append(b, '\n'), c...), 0o644)

	arts, problems, _ := run(t, []string{p, j}, Options{})
	if len(arts) != 3 {
		t.Fatalf("%d articles, problems %v", len(arts), problems)
	}
	for _, a := range arts {
		all := strings.ToLower(a.Title + "\n" + a.Text)
		for _, r := range a.Removed {
			all += "\n" + strings.ToLower(r.Text)
		}
		for _, bad := range []string{"evil", "<script", "javascript", "onerror", "onclick", "document.write"} {
			if strings.Contains(all, bad) {
				t.Errorf("%s: %q reached the article:\n%s", a.Source, bad, all)
			}
		}
		if !strings.Contains(a.Text, "Alexandre Loukachenko") || !strings.Contains(a.Text, "Kremlin") {
			t.Errorf("%s: article text lost: %q", a.Source, a.Text)
		}
	}
}
