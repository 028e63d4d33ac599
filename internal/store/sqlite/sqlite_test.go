package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/store/storetest"
)

// samplePages is where the five French news pages live when ../shared is
// beside the project.
const samplePages = storetest.SamplePages

// TestStore runs the behaviour every store shares (storetest) on the
// embedded store, each test on a file of its own.
func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Database {
		path := filepath.Join(t.TempDir(), "storyline.db")
		return storetest.Database{
			Open: func() (store.Store, error) { return Open(path) },
			// A trigger is the simplest way to make SQLite itself refuse
			// one row.
			Refuse: func(id string) error {
				db, err := sql.Open("sqlite", path)
				if err != nil {
					return err
				}
				defer db.Close()
				// Triggers take no parameters; the id is the test's own.
				_, err = db.Exec(`CREATE TRIGGER refuse BEFORE INSERT ON articles
					WHEN NEW.id = '` + strings.ReplaceAll(id, "'", "''") + `' BEGIN SELECT RAISE(ABORT, 'refused by test'); END`)
				return err
			},
		}
	})
}

func openTemp(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "storyline.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func put(t *testing.T, s *Store, articles ...*article.Article) []store.Outcome {
	t.Helper()
	out, err := s.Put(context.Background(), articles)
	if err != nil {
		t.Fatalf("Put: %v", err)
	}
	return out
}

func count(t *testing.T, s *Store) int {
	t.Helper()
	n, err := s.Count(context.Background())
	if err != nil {
		t.Fatalf("Count: %v", err)
	}
	return n
}

// TestReopenPaths opens stores at paths the DSN must escape, and in parent
// directories that do not exist yet.
func TestReopenPaths(t *testing.T) {
	for _, name := range []string{"storyline.db", "new/dir/store.db", "a b?c#d%20e.db"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), name)
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			want := storetest.Full()
			put(t, s, want)
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(path); err != nil {
				t.Fatalf("store file not at its path: %v", err)
			}

			s, err = Open(path)
			if err != nil {
				t.Fatalf("reopen: %v", err)
			}
			defer s.Close()
			if n := count(t, s); n != 1 {
				t.Errorf("Count after reopen = %d, want 1", n)
			}
			got, err := s.Get(context.Background(), want.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !storetest.SameArticle(got, want) {
				t.Errorf("after reopen:\n got %+v\nwant %+v", got, want)
			}
			if out := put(t, s, want); out[0] != store.Unchanged {
				t.Errorf("Put after reopen = %v, want unchanged", out[0])
			}
		})
	}
}

func TestSchema(t *testing.T) {
	s, path := openTemp(t)
	var version, appID, pageSize int
	var mode string
	err := s.db.QueryRow(`SELECT (SELECT user_version FROM pragma_user_version),
		(SELECT application_id FROM pragma_application_id),
		(SELECT journal_mode FROM pragma_journal_mode),
		(SELECT page_size FROM pragma_page_size)`).Scan(&version, &appID, &mode, &pageSize)
	if err != nil {
		t.Fatal(err)
	}
	if version != len(migrations) || appID != applicationID || mode != "wal" || pageSize != 16384 {
		t.Errorf("user_version %d, application_id %#x, journal_mode %s, page_size %d; want %d, %#x, wal, 16384",
			version, appID, mode, pageSize, len(migrations), applicationID)
	}

	// A store from a newer storyline is refused, not downgraded.
	if _, err := s.db.Exec(fmt.Sprintf("PRAGMA user_version = %d", len(migrations)+1)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = Open(path)
	if err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("Open of a newer store: error %v, want one saying it is newer", err)
	}
}

func TestOpenNotAStore(t *testing.T) {
	dir := t.TempDir()
	foreign := filepath.Join(dir, "other-app.db")
	db, err := sql.Open("sqlite", foreign)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me')`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	tests := []struct {
		name    string
		content []byte // nil: the file at path is already there
	}{
		{"notes.txt", []byte("Une source révèle la réaction du Kremlin\nmore text\n")},
		{"short.bin", []byte("SQL")},
		{"binary.bin", bytes.Repeat([]byte{0xff, 0x00, 0x13}, 2000)},
		{"other-app.db", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name)
			if tt.content != nil {
				if err := os.WriteFile(path, tt.content, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			s, err := Open(path)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded, want an error")
			}
			if want := path + " is not a storyline store"; !strings.Contains(err.Error(), want) {
				t.Errorf("error %q does not contain %q", err, want)
			}
			after, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(before, after) {
				t.Error("Open changed the file")
			}
			if _, err := os.Stat(path + lockSuffix); err == nil {
				t.Error("Open left a lock file beside the file it refused")
			}
		})
	}
}

// BenchmarkPut writes batches of 1000 new articles built from the sample
// pages (2–3.5 KB each), as ingest does.
func BenchmarkPut(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(samplePages, "*.txt"))
	if len(files) == 0 {
		b.Skipf("no sample pages in %s: ../shared is not beside the project", samplePages)
	}
	var pages [][]byte
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, raw)
	}
	s, _ := openTemp(b)
	const batchSize = 1000
	batch := make([]*article.Article, batchSize)
	published := time.Date(2020, 9, 14, 0, 0, 0, 0, time.UTC)
	n := 0
	for b.Loop() {
		for i := range batch {
			raw := pages[(n+i)%len(pages)]
			title, text, _ := bytes.Cut(raw, []byte("\n"))
			batch[i] = &article.Article{
				ID: fmt.Sprintf("%08d", n+i), Title: string(title), Text: string(text), Lang: "fr",
				URL: "https://fr.example.org/article", Site: "fr.example.org",
				Published: article.Published{Time: published, Precision: article.PrecisionDay},
				Source:    article.Source{Path: "bench.jsonl", Line: n + i + 1},
				Raw:       raw, RawFormat: "text",
			}
		}
		if _, err := s.Put(context.Background(), batch); err != nil {
			b.Fatal(err)
		}
		n += batchSize
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "rows/s")
}
