package sqlite

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/store"
)

// samplesStored stores the five sample pages, title on the first line.
func samplesStored(t *testing.T, s *Store) []*article.Article {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(samplePages, "*.txt"))
	if len(files) == 0 {
		t.Skipf("no sample pages in %s: ../shared is not beside the project", samplePages)
	}
	var arts []*article.Article
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		title, text, _ := strings.Cut(string(raw), "\n")
		arts = append(arts, &article.Article{
			ID: strings.TrimSuffix(filepath.Base(f), ".txt"), Title: title, Text: text, Lang: "fr",
			Source: article.Source{Path: f}, Raw: raw, RawFormat: "text",
		})
	}
	put(t, s, arts...)
	return arts
}

func searchIDs(t *testing.T, s *Store, q string) []string {
	t.Helper()
	hits, err := s.Search(context.Background(), q, 10)
	if err != nil {
		t.Fatalf("Search(%q): %v", q, err)
	}
	var ids []string
	for _, h := range hits {
		ids = append(ids, h.ID[:3])
	}
	slices.Sort(ids)
	return ids
}

func TestSearch(t *testing.T) {
	s, _ := openTemp(t)
	arts := samplesStored(t, s)
	for _, tc := range []struct {
		query string
		want  []string
	}{
		// Accents and case are ignored: every page names Belarus, one
		// without its accent.
		{"bielorussie", []string{"000", "001", "002", "003", "004"}},
		{"BIÉLORUSSIE", []string{"000", "001", "002", "003", "004"}},
		{"Sotchi", []string{"000", "003"}},
		{"choigou", []string{"004"}},
		// Every word must be there.
		{"Sotchi Bloomberg", []string{"000"}},
		{"anniversaire Mezentsev", []string{"002"}},
		// FTS5 syntax is plain text: no error, no operator. "OR" and
		// "NEAR" are words that must be found, and no page has them.
		{`Choïgou*`, []string{"004"}},
		{`(Choïgou)"`, []string{"004"}},
		{`Choïgou" OR "Poutine`, nil},
		{"NEAR(Sotchi Bloomberg)", nil},
		{"Sotchi NOT Bloomberg", nil},
	} {
		if got := searchIDs(t, s, tc.query); !slices.Equal(got, tc.want) {
			t.Errorf("Search(%q) = %v, want %v", tc.query, got, tc.want)
		}
	}

	hits, err := s.Search(context.Background(), "atlas", 10)
	if err != nil || len(hits) != 1 {
		t.Fatalf("Search(atlas) = %v, %v", hits, err)
	}
	if h := hits[0]; h.ID != arts[2].ID || h.Title != arts[2].Title || !strings.Contains(h.Snippet, "un atlas") || len(h.Snippet) > 400 {
		t.Errorf("hit = %+v; want 002 with its title and a short snippet around the word", h)
	}

	// An updated article is found by its new words only.
	changed := *arts[4]
	changed.Text = "Un texte remplacé sur la coopération militaire."
	changed.Raw = []byte(changed.Title + "\n" + changed.Text)
	if out := put(t, s, &changed); out[0] != store.Updated {
		t.Fatalf("Put = %v, want updated", out[0])
	}
	if got := searchIDs(t, s, "Choïgou"); got != nil {
		t.Errorf("after the update, Search(Choïgou) = %v, want nothing", got)
	}
	if got := searchIDs(t, s, "cooperation militaire"); !slices.Equal(got, []string{"004"}) {
		t.Errorf("after the update, Search(cooperation militaire) = %v, want [004]", got)
	}

	for _, q := range []string{"", "  ", `"*"`, "-:()"} {
		if _, err := s.Search(context.Background(), q, 10); !errors.Is(err, store.ErrBadQuery) {
			t.Errorf("Search(%q) error = %v, want ErrBadQuery", q, err)
		}
	}
}

// TestSearchAfterMigration opens a store written before full-text search
// existed: the migration indexes the articles it already holds.
func TestSearchAfterMigration(t *testing.T) {
	s, path := openTemp(t)
	samplesStored(t, s)
	// Take the file back to version 2, as an older storyline left it.
	for _, q := range []string{`DROP TRIGGER articles_fts_insert`, `DROP TRIGGER articles_fts_delete`,
		`DROP TRIGGER articles_fts_update`, `DROP TABLE articles_fts`, `PRAGMA user_version = 2`} {
		if _, err := s.db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	s.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := searchIDs(t, s, "Choïgou"); !slices.Equal(got, []string{"004"}) {
		t.Errorf("Search(Choïgou) after migration = %v, want [004]", got)
	}
}
