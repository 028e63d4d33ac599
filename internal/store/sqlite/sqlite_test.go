package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/store"
)

// samplePages is where the five French news pages live when ../shared is
// beside the project.
const samplePages = "../../../../shared/samples/pages"

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

// sameArticle reports whether a and b hold the same data: times must be
// Equal (the store returns them in UTC) and every other field identical.
func sameArticle(a, b *article.Article) bool {
	if !a.Published.Time.Equal(b.Published.Time) {
		return false
	}
	x, y := *a, *b
	x.Published.Time, y.Published.Time = time.Time{}, time.Time{}
	return reflect.DeepEqual(x, y)
}

func full() *article.Article {
	paris := time.FixedZone("CEST", 2*60*60)
	return &article.Article{
		ID:    "57a7b77b12d373f7",
		URL:   "https://fr.example.org/monde/bielorussie?id=1#haut",
		Site:  "fr.example.org",
		Title: "Une source révèle la réaction du Kremlin",
		Text:  "Des manifestations à grande échelle ont lieu en Biélorussie.\nPoutine a invité Loukachenko à Sotchi.",
		Lang:  "fr",
		Published: article.Published{
			Time:      time.Date(2020, 9, 14, 11, 3, 7, 123456789, paris),
			Precision: article.PrecisionTime,
			Exact:     true,
			From:      "metadata",
		},
		Source: article.Source{Path: "crawl/pages.jsonl", Line: 42},
		Removed: []article.RemovedLine{
			{Line: 3, Text: "GIPHY App Key not set.", Reason: "boilerplate"},
			{Line: 9, Text: "Abonnez-vous à notre newsletter", Reason: "newsletter prompt"},
		},
		// Raw is bytes as read, not text: Latin-1 "é", a NUL and an invalid
		// UTF-8 sequence must survive.
		Raw:       []byte("Biélorussie \xe9t\xe9\x00\xff\xfe<p>fin"),
		RawFormat: "html",
	}
}

func TestRoundTrip(t *testing.T) {
	undated := full()
	undated.ID = "undated"
	undated.Published = article.Published{}
	bare := &article.Article{ID: "bare", Raw: []byte("x"), RawFormat: "text"}
	partial := full()
	partial.ID = "partial"
	partial.Published = article.Published{
		Time:      time.Date(2023, 4, 1, 0, 0, 0, 0, time.UTC),
		Precision: article.PrecisionMonth,
		From:      "dateline",
	}
	partial.Removed = nil
	partial.Source = article.Source{Path: "-"}

	tests := []*article.Article{full(), undated, bare, partial}
	s, _ := openTemp(t)
	put(t, s, tests...)
	list, err := s.List(context.Background(), store.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != len(tests) {
		t.Fatalf("List returned %d articles, want %d", len(list), len(tests))
	}
	for i, want := range tests {
		t.Run(want.ID, func(t *testing.T) {
			got, err := s.Get(context.Background(), want.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !sameArticle(got, want) {
				t.Errorf("Get:\n got %+v\nwant %+v", got, want)
			}
			if want.Published.Known() && got.Published.Time.Location() != time.UTC {
				t.Errorf("Get: published in %v, want UTC", got.Published.Time.Location())
			}
			if !want.Published.Known() && !got.Published.Time.IsZero() {
				t.Errorf("Get: published %v, want zero time", got.Published.Time)
			}
			noRaw := *want
			noRaw.Raw = nil
			if !sameArticle(list[i], &noRaw) {
				t.Errorf("List[%d]:\n got %+v\nwant %+v", i, list[i], &noRaw)
			}
		})
	}
}

// TestRoundTripPages stores the real pages as ingest would read them.
func TestRoundTripPages(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(samplePages, "*.txt"))
	if len(files) == 0 {
		t.Skipf("no sample pages in %s: ../shared is not beside the project", samplePages)
	}
	s, _ := openTemp(t)
	var want []*article.Article
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		title, text, _ := strings.Cut(string(raw), "\n")
		want = append(want, &article.Article{
			ID: filepath.Base(f), Title: title, Text: text, Lang: "fr",
			Source: article.Source{Path: f}, Raw: raw, RawFormat: "text",
		})
	}
	put(t, s, want...)
	for _, w := range want {
		got, err := s.Get(context.Background(), w.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !sameArticle(got, w) {
			t.Errorf("%s: round trip changed the article", w.ID)
		}
	}
}

func TestPutOutcomes(t *testing.T) {
	a := full()
	sameRaw := full()
	sameRaw.Title = "cleaned differently" // Put compares raw content only
	changed := full()
	changed.Raw = []byte("<p>corrected page</p>")
	changed.Title = "Corrected title"
	other := full()
	other.ID = "other"

	tests := []struct {
		name      string
		batch     []*article.Article
		want      []store.Outcome
		wantCount int
		wantTitle string // of a.ID afterwards
	}{
		{"new", []*article.Article{a}, []store.Outcome{store.Added}, 1, a.Title},
		{"same again", []*article.Article{a}, []store.Outcome{store.Unchanged}, 1, a.Title},
		{"same raw", []*article.Article{sameRaw}, []store.Outcome{store.Unchanged}, 1, a.Title},
		{"different raw", []*article.Article{changed}, []store.Outcome{store.Updated}, 1, changed.Title},
		{"mixed", []*article.Article{other, changed, a}, []store.Outcome{store.Added, store.Unchanged, store.Updated}, 2, a.Title},
		{"twice in a batch", []*article.Article{changed, changed}, []store.Outcome{store.Updated, store.Unchanged}, 2, changed.Title},
		{"empty batch", nil, []store.Outcome{}, 2, changed.Title},
	}
	s, _ := openTemp(t)
	// Cases run in order on one store: each starts from the previous state.
	for _, tt := range tests {
		got := put(t, s, tt.batch...)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Put = %v, want %v", tt.name, got, tt.want)
		}
		if n := count(t, s); n != tt.wantCount {
			t.Errorf("%s: Count = %d, want %d", tt.name, n, tt.wantCount)
		}
		stored, err := s.Get(context.Background(), a.ID)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if stored.Title != tt.wantTitle {
			t.Errorf("%s: stored title %q, want %q", tt.name, stored.Title, tt.wantTitle)
		}
	}
}

func TestOutcomeString(t *testing.T) {
	for o, want := range map[store.Outcome]string{
		store.Added: "added", store.Unchanged: "unchanged", store.Updated: "updated", 7: "Outcome(7)",
	} {
		if got := o.String(); got != want {
			t.Errorf("Outcome(%d).String() = %q, want %q", int(o), got, want)
		}
	}
}

func TestPutAtomic(t *testing.T) {
	good := func(id string) *article.Article {
		a := full()
		a.ID = id
		return a
	}
	noID := good("")
	farFuture := good("far-future")
	farFuture.Published.Time = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)

	tests := []struct {
		name    string
		batch   []*article.Article
		wantErr string
	}{
		{"empty id", []*article.Article{good("a"), noID, good("b")}, "article 1 of batch (from crawl/pages.jsonl:42) has no id"},
		{"nil article", []*article.Article{good("a"), nil}, "article 1 of batch is nil"},
		{"time out of range", []*article.Article{good("a"), farFuture}, `"far-future"`},
		// Fails inside the transaction, after "a" was inserted.
		{"insert fails", []*article.Article{good("a"), good("rejected"), good("b")}, `"rejected"`},
	}
	s, path := openTemp(t)
	put(t, s, good("before"))

	// A trigger is the simplest way to make SQLite itself refuse one row.
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TRIGGER refuse BEFORE INSERT ON articles
		WHEN NEW.id = 'rejected' BEGIN SELECT RAISE(ABORT, 'refused by test'); END`); err != nil {
		t.Fatal(err)
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := s.Put(context.Background(), tt.batch)
			if err == nil {
				t.Fatalf("Put succeeded with %v, want an error", out)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Put error %q does not contain %q", err, tt.wantErr)
			}
			if n := count(t, s); n != 1 {
				t.Errorf("Count = %d after failed batch, want 1", n)
			}
		})
	}
}

func TestGetNotFound(t *testing.T) {
	s, _ := openTemp(t)
	put(t, s, full())
	_, err := s.Get(context.Background(), "missing")
	if !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Get(missing) error = %v, want ErrNotFound", err)
	}
	if !strings.Contains(err.Error(), `"missing"`) {
		t.Errorf("error %q does not name the id", err)
	}
}

func TestReopen(t *testing.T) {
	// Paths the DSN must escape, and parent directories that do not exist.
	for _, name := range []string{"storyline.db", "new/dir/store.db", "a b?c#d%20e.db"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), name)
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			want := full()
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
			if !sameArticle(got, want) {
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

func TestList(t *testing.T) {
	s, _ := openTemp(t)
	ids := []string{"a", "b", "c", "d", "e"}
	for _, batch := range [][]string{ids[:2], ids[2:]} {
		var as []*article.Article
		for _, id := range batch {
			a := full()
			a.ID = id
			as = append(as, a)
		}
		put(t, s, as...)
	}
	// An update keeps the article's place in ingestion order.
	b := full()
	b.ID, b.Raw = "b", []byte("changed")
	if out := put(t, s, b); out[0] != store.Updated {
		t.Fatalf("Put = %v, want updated", out[0])
	}

	tests := []struct {
		opts store.ListOptions
		want []string
	}{
		{store.ListOptions{}, ids},
		{store.ListOptions{Limit: 2}, []string{"a", "b"}},
		{store.ListOptions{Limit: 2, Offset: 2}, []string{"c", "d"}},
		{store.ListOptions{Offset: 3}, []string{"d", "e"}},
		{store.ListOptions{Limit: 10, Offset: 4}, []string{"e"}},
		{store.ListOptions{Offset: 5}, nil},
	}
	for _, tt := range tests {
		list, err := s.List(context.Background(), tt.opts)
		if err != nil {
			t.Fatalf("List(%+v): %v", tt.opts, err)
		}
		var got []string
		for _, a := range list {
			got = append(got, a.ID)
			if a.Raw != nil {
				t.Errorf("List(%+v): article %s has Raw", tt.opts, a.ID)
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("List(%+v) = %v, want %v", tt.opts, got, tt.want)
		}
	}
	if _, err := s.List(context.Background(), store.ListOptions{Limit: -1}); err == nil {
		t.Error("List with a negative limit succeeded")
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
