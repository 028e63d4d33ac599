package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/store/storetest"
)

// TestSearchIndexFollowsPut writes the search index through Put, with
// articles added, updated, and both in one batch, and checks it against
// the index FTS5 builds from the stored articles itself ('rebuild'): the
// same hits, in the same order, with the same snippets.
func TestSearchIndexFollowsPut(t *testing.T) {
	arts := storetest.ECBArticles(t, 0)[:900]
	s, _ := openTemp(t)
	ctx := context.Background()
	put(t, s, arts[:400]...)
	put(t, s, arts[400:800]...)

	// changed returns a with other text and raw bytes, as a corrected page.
	changed := func(a *article.Article, word string) *article.Article {
		c := *a
		c.Title = word + " " + a.Title
		c.Text = strings.ReplaceAll(a.Text, "the", word)
		c.Raw = append(slices.Clip(a.Raw), word...)
		return &c
	}
	batch := []*article.Article{arts[0], changed(arts[1], "zanzibar")}
	for _, a := range arts[2:100] {
		batch = append(batch, changed(a, "quokka"))
	}
	batch = append(batch, arts[800:900]...)
	// Added and then updated in one batch; updated twice in one batch.
	batch = append(batch, changed(arts[800], "zanzibar"), changed(arts[2], "zanzibar"))
	out := put(t, s, batch...)
	want := []store.Outcome{store.Unchanged}
	want = append(want, slices.Repeat([]store.Outcome{store.Updated}, 99)...)
	want = append(want, slices.Repeat([]store.Outcome{store.Added}, 100)...)
	want = append(want, store.Updated, store.Updated)
	if !slices.Equal(out, want) {
		t.Fatalf("outcomes %v,\nwant %v", out, want)
	}
	if n := count(t, s); n != 900 {
		t.Errorf("Count = %d, want 900", n)
	}
	if err := s.CheckIntegrity(ctx); err != nil {
		t.Fatal(err)
	}

	queries := []string{"zanzibar", "quokka", "the", "quokka police", "zanzibar killed",
		"earthquake", "killed", "Obama", "election", "oscar", "arrested police"}
	for i := 0; i < len(arts); i += 30 {
		queries = append(queries, arts[i].Title)
	}
	search := func() [][]store.SearchHit {
		var all [][]store.SearchHit
		for _, q := range queries {
			hits, err := s.Search(ctx, q, 50)
			if err != nil {
				t.Fatalf("Search(%q): %v", q, err)
			}
			all = append(all, hits)
		}
		return all
	}
	got := search()
	wantZanzibar := []string{arts[1].ID, arts[2].ID, arts[800].ID}
	slices.Sort(wantZanzibar)
	if ids := hitIDs(got[0]); !slices.Equal(slices.Sorted(slices.Values(ids)), wantZanzibar) {
		t.Errorf("Search(zanzibar) = %v, want the three articles updated with the word", ids)
	}
	if n := len(got[1]); n != 50 {
		t.Errorf("Search(quokka) found %d articles, want the limit, 50", n)
	}
	if _, err := s.db.Exec(`INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')`); err != nil {
		t.Fatal(err)
	}
	rebuilt := search()
	for i, q := range queries {
		if !reflect.DeepEqual(got[i], rebuilt[i]) {
			t.Errorf("Search(%q) with the index Put wrote:\n %v\nwith the index rebuilt from the articles:\n %v", q, hitIDs(got[i]), hitIDs(rebuilt[i]))
		}
	}
}

func hitIDs(hits []store.SearchHit) []string {
	ids := []string{}
	for _, h := range hits {
		ids = append(ids, h.ID)
	}
	return ids
}

// TestMigrateFromVersion3 opens a store as storyline left it at schema
// version 3, when triggers indexed the articles: it is brought to the
// current version in place, and Put keeps its index right after.
func TestMigrateFromVersion3(t *testing.T) {
	path := filepath.Join(t.TempDir(), "storyline.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	setup := []string{"PRAGMA page_size = 16384", "PRAGMA journal_mode = WAL"}
	setup = append(setup, migrations[:3]...)
	setup = append(setup, fmt.Sprintf("PRAGMA user_version = 3; PRAGMA application_id = %d", applicationID))
	for _, q := range setup {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%.40s: %v", q, err)
		}
	}
	sochi := &article.Article{ID: "sochi", Title: "Poutine reçoit Loukachenko", Text: "La rencontre a lieu à Sotchi.",
		Lang: "fr", Raw: []byte("v1"), RawFormat: "text"}
	other := &article.Article{ID: "other", Title: "Manifestations en Biélorussie", Text: "Des milliers de personnes à Minsk.",
		Lang: "fr", Raw: []byte("v1"), RawFormat: "text"}
	for seq, a := range []*article.Article{sochi, other} {
		// As version 3 wrote them: the insert trigger indexes them.
		r, err := encode(a)
		if err != nil {
			t.Fatal(err)
		}
		_, err = db.Exec(`INSERT INTO articles (id, seq, url, site, title, text, lang,
				published, published_precision, published_exact, published_from,
				source_path, source_line, raw_format, raw, raw_hash, removed, ingested_at)
			VALUES (?, ?, '', '', ?, ?, ?, NULL, '', 0, '', '', 0, ?, ?, ?, NULL, '2020-09-14T00:00:00.000000000Z')`,
			a.ID, seq+1, a.Title, a.Text, a.Lang, a.RawFormat, r.raw, r.rawHash)
		if err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { s.Close() }()
	ctx := context.Background()
	check := func(when string, wantSearch map[string][]string) {
		t.Helper()
		if err := s.CheckIntegrity(ctx); err != nil {
			t.Errorf("%s: %v", when, err)
		}
		for q, want := range wantSearch {
			hits, err := s.Search(ctx, q, 10)
			if err != nil {
				t.Fatal(err)
			}
			// In the order of the IDs, not of the ranking.
			if got := hitIDs(hits); !slices.Equal(slices.Sorted(slices.Values(got)), want) {
				t.Errorf("%s: Search(%q) = %v, want %v", when, q, got, want)
			}
		}
	}
	check("after the migration", map[string][]string{"Sotchi": {"sochi"}, "Minsk": {"other"}})

	var version int
	var triggers []string
	if err := s.db.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil {
		t.Fatal(err)
	}
	rows, err := s.db.Query(`SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var name string
		rows.Scan(&name)
		triggers = append(triggers, name)
	}
	rows.Close()
	if version != len(migrations) || !slices.Equal(triggers, []string{"articles_fts_delete"}) {
		t.Errorf("after the migration: version %d, triggers %v; want %d, [articles_fts_delete]", version, triggers, len(migrations))
	}
	config := map[string]int{}
	rows, err = s.db.Query(`SELECT k, v FROM articles_fts_config WHERE k IN ('hashsize', 'automerge')`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var k string
		var v int
		rows.Scan(&k, &v)
		config[k] = v
	}
	rows.Close()
	if want := map[string]int{"hashsize": 16 << 20, "automerge": 16}; !reflect.DeepEqual(config, want) {
		t.Errorf("search index configuration %v, want %v", config, want)
	}

	// An article the triggers indexed is updated by Put.
	moved := *sochi
	moved.Text, moved.Raw = "La rencontre a lieu à Minsk.", []byte("v2")
	added := &article.Article{ID: "added", Title: "Sommet à Sotchi", Text: "Rien de neuf.", Raw: []byte("v1")}
	if out := put(t, s, &moved, added); !slices.Equal(out, []store.Outcome{store.Updated, store.Added}) {
		t.Errorf("Put after the migration: %v, want [updated added]", out)
	}
	check("after Put", map[string][]string{"Sotchi": {"added"}, "Minsk": {"other", "sochi"}, "Loukachenko": {"sochi"}})

	// The migration is idempotent, and a current store is left as it is.
	if _, err := s.db.Exec(migrations[len(migrations)-1]); err != nil {
		t.Errorf("migration %d run again: %v", len(migrations), err)
	}
	s.Close()
	if s, err = Open(path); err != nil {
		t.Fatal(err)
	}
	check("reopened", map[string][]string{"Sotchi": {"added"}, "Minsk": {"other", "sochi"}})
}
