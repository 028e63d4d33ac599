package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/storyline/storyline/internal/article"
)

// TestSearchAfterMigration opens a store written before full-text search
// existed: the migration indexes the articles it already holds. (Search
// itself is in the shared suite, storetest.)
func TestSearchAfterMigration(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(samplePages, "*.txt"))
	if len(files) == 0 {
		t.Skipf("no sample pages in %s: ../shared is not beside the project", samplePages)
	}
	s, path := openTemp(t)
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		title, text, _ := strings.Cut(string(raw), "\n")
		put(t, s, &article.Article{ID: filepath.Base(f)[:3], Title: title, Text: text, Raw: raw, RawFormat: "text"})
	}
	// Take the file back to version 2, as an older storyline left it.
	// (Versions 4 and later dropped the insert and update triggers.)
	for _, q := range []string{`DROP TRIGGER IF EXISTS articles_fts_insert`, `DROP TRIGGER articles_fts_delete`,
		`DROP TRIGGER IF EXISTS articles_fts_update`, `DROP TABLE articles_fts`, `PRAGMA user_version = 2`} {
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
	hits, err := s.Search(context.Background(), "Choïgou", 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range hits {
		got = append(got, h.ID)
	}
	if !slices.Equal(got, []string{"004"}) {
		t.Errorf("Search(Choïgou) after migration = %v, want [004]", got)
	}
}
