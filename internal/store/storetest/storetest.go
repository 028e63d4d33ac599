// Package storetest is the behaviour every store.Store must have, as one
// test suite that each implementation runs against itself: the embedded
// store (store/sqlite) and the PostgreSQL store (store/postgres) pass the
// same tests, so the pipeline and the server cannot tell them apart.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/story"
)

// SamplePages is where the five French news pages live, seen from a store
// package's folder (internal/store/NAME) when ../shared is beside the
// project.
const SamplePages = "../../../../shared/samples/pages"

// Database is one empty database made for one test.
type Database struct {
	// Open opens the database; each call opens it again (a new handle, as
	// another process would), so that the suite can check what a reopened
	// store holds and what two handles do at once.
	Open func() (store.Store, error)
	// Refuse makes the database itself refuse to store an article with
	// this id (a trigger, say), so that a failure inside Put's transaction
	// can be tested. Nil skips that case.
	Refuse func(id string) error
}

// Run runs the suite, each test on a database of its own from newDatabase.
func Run(t *testing.T, newDatabase func(t *testing.T) Database) {
	tests := []struct {
		name string
		f    func(t *testing.T, db Database)
	}{
		{"RoundTrip", testRoundTrip},
		{"RoundTripPages", testRoundTripPages},
		{"StorableText", testStorableText},
		{"PutOutcomes", testPutOutcomes},
		{"PutAtomic", testPutAtomic},
		{"GetNotFound", testGetNotFound},
		{"Reopen", testReopen},
		{"List", testList},
		{"ConcurrentPut", testConcurrentPut},
		{"Search", testSearch},
		{"Stories", testStories},
		{"ConcurrentSaveStories", testConcurrentSaveStories},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.f(t, newDatabase(t)) })
	}
}

// open opens db for the test and closes it when the test ends.
func open(t *testing.T, db Database) store.Store {
	t.Helper()
	s, err := db.Open()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func put(t *testing.T, s store.Store, articles ...*article.Article) []store.Outcome {
	t.Helper()
	out, err := s.Put(context.Background(), articles)
	if err != nil {
		t.Fatalf("Put: %v", err)
	}
	return out
}

func count(t *testing.T, s store.Store) int {
	t.Helper()
	n, err := s.Count(context.Background())
	if err != nil {
		t.Fatalf("Count: %v", err)
	}
	return n
}

// SameArticle reports whether a and b hold the same data: times must be
// Equal (stores return them in UTC) and every other field identical.
func SameArticle(a, b *article.Article) bool {
	if !a.Published.Time.Equal(b.Published.Time) {
		return false
	}
	x, y := *a, *b
	x.Published.Time, y.Published.Time = time.Time{}, time.Time{}
	return reflect.DeepEqual(x, y)
}

// Full returns an article with every field set, with the values that are
// hard to keep: a time zone and nanoseconds, accents, raw bytes that are
// not UTF-8.
func Full() *article.Article {
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

func testRoundTrip(t *testing.T, db Database) {
	undated := Full()
	undated.ID = "undated"
	undated.Published = article.Published{}
	bare := &article.Article{ID: "bare", Raw: []byte("x"), RawFormat: "text"}
	partial := Full()
	partial.ID = "partial"
	partial.Published = article.Published{
		Time:      time.Date(2023, 4, 1, 0, 0, 0, 0, time.UTC),
		Precision: article.PrecisionMonth,
		From:      "dateline",
	}
	partial.Removed = nil
	partial.Source = article.Source{Path: "-"}
	ancient := Full()
	ancient.ID = "ancient"
	ancient.Published.Time = time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC)
	empty := &article.Article{ID: "no raw", RawFormat: "text"}

	tests := []*article.Article{Full(), undated, bare, partial, ancient, empty}
	s := open(t, db)
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
			if !SameArticle(got, want) {
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
			if !SameArticle(list[i], &noRaw) {
				t.Errorf("List[%d]:\n got %+v\nwant %+v", i, list[i], &noRaw)
			}
		})
	}
}

// testRoundTripPages stores the real pages as ingest would read them.
func testRoundTripPages(t *testing.T, db Database) {
	s := open(t, db)
	want := samplePages(t)
	put(t, s, want...)
	for _, w := range want {
		got, err := s.Get(context.Background(), w.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !SameArticle(got, w) {
			t.Errorf("%s: round trip changed the article", w.ID)
		}
	}
}

// testStorableText checks the one change a store makes to an article: text
// fields become valid UTF-8 without NUL, the same in every store; raw bytes
// are kept as they are, and an id that would change is refused.
func testStorableText(t *testing.T, db Database) {
	s := open(t, db)
	odd := Full()
	odd.ID = "odd"
	odd.Title = "Null\x00byte"
	odd.Text = "bad \xff byte"
	odd.Source.Path = "dir/\xe9t\xe9.html"
	odd.Removed = []article.RemovedLine{{Line: 1, Text: "x\x00y", Reason: "r"}}
	put(t, s, odd)
	got, err := s.Get(context.Background(), "odd")
	if err != nil {
		t.Fatal(err)
	}
	want := *odd
	want.Title, want.Text, want.Source.Path = "Null\uFFFDbyte", "bad \uFFFD byte", "dir/\uFFFDt\uFFFD.html"
	want.Removed = []article.RemovedLine{{Line: 1, Text: "x\uFFFDy", Reason: "r"}}
	if !SameArticle(got, &want) {
		t.Errorf("Get:\n got %+v\nwant %+v", got, &want)
	}
	if odd.Title != "Null\x00byte" {
		t.Error("Put changed the caller's article")
	}
	if out := put(t, s, odd); out[0] != store.Unchanged {
		t.Errorf("Put again = %v, want unchanged (the raw bytes decide)", out[0])
	}
	for _, id := range []string{"nul\x00id", "bad\xffid"} {
		bad := Full()
		bad.ID = id
		if _, err := s.Put(context.Background(), []*article.Article{bad}); err == nil {
			t.Errorf("Put of id %q succeeded, want an error", id)
		}
	}
}

func testPutOutcomes(t *testing.T, db Database) {
	a := Full()
	sameRaw := Full()
	sameRaw.Title = "cleaned differently" // Put compares raw content only
	changed := Full()
	changed.Raw = []byte("<p>corrected page</p>")
	changed.Title = "Corrected title"
	other := Full()
	other.ID = "other"
	fresh := Full()
	fresh.ID = "fresh"

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
		{"new then changed in a batch", []*article.Article{fresh, changed, a, fresh}, []store.Outcome{store.Added, store.Unchanged, store.Updated, store.Unchanged}, 3, a.Title},
		{"empty batch", nil, []store.Outcome{}, 3, a.Title},
	}
	s := open(t, db)
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

func testPutAtomic(t *testing.T, db Database) {
	good := func(id string) *article.Article {
		a := Full()
		a.ID = id
		return a
	}
	noID := good("")
	farFuture := good("far-future")
	farFuture.Published.Time = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	beforeZero := good("before-zero")
	beforeZero.Published.Time = time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC)

	tests := []struct {
		name    string
		batch   []*article.Article
		wantErr string
	}{
		{"empty id", []*article.Article{good("a"), noID, good("b")}, "article 1 of batch (from crawl/pages.jsonl:42) has no id"},
		{"nil article", []*article.Article{good("a"), nil}, "article 1 of batch is nil"},
		{"time out of range", []*article.Article{good("a"), farFuture}, `"far-future"`},
		{"time before year 0", []*article.Article{good("a"), beforeZero}, `"before-zero"`},
	}
	s := open(t, db)
	put(t, s, good("before"))
	if db.Refuse != nil {
		if err := db.Refuse("rejected"); err != nil {
			t.Fatal(err)
		}
		// Fails inside the transaction, after "a" was inserted and
		// "before" updated.
		changedBefore := good("before")
		changedBefore.Raw = []byte("changed")
		tests = append(tests, struct {
			name    string
			batch   []*article.Article
			wantErr string
		}{"insert fails", []*article.Article{good("a"), changedBefore, good("rejected"), good("b")}, `"rejected"`})
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
			if got, err := s.Get(context.Background(), "before"); err != nil || !SameArticle(got, good("before")) {
				t.Errorf("the stored article changed after a failed batch: %v", err)
			}
		})
	}
}

func testGetNotFound(t *testing.T, db Database) {
	s := open(t, db)
	put(t, s, Full())
	_, err := s.Get(context.Background(), "missing")
	if !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Get(missing) error = %v, want ErrNotFound", err)
	}
	if !strings.Contains(err.Error(), `"missing"`) {
		t.Errorf("error %q does not name the id", err)
	}
}

func testReopen(t *testing.T, db Database) {
	s, err := db.Open()
	if err != nil {
		t.Fatal(err)
	}
	want := Full()
	put(t, s, want)
	if err := s.SaveStories(context.Background(), sampleResult()); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = open(t, db)
	if n := count(t, s); n != 1 {
		t.Errorf("Count after reopen = %d, want 1", n)
	}
	got, err := s.Get(context.Background(), want.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !SameArticle(got, want) {
		t.Errorf("after reopen:\n got %+v\nwant %+v", got, want)
	}
	if out := put(t, s, want); out[0] != store.Unchanged {
		t.Errorf("Put after reopen = %v, want unchanged", out[0])
	}
	events, err := s.Events(context.Background())
	if err != nil || len(events) != len(sampleResult().Events) {
		t.Errorf("Events after reopen = %d events, %v; want %d", len(events), err, len(sampleResult().Events))
	}
}

func testList(t *testing.T, db Database) {
	s := open(t, db)
	ids := []string{"a", "b", "c", "d", "e"}
	for _, batch := range [][]string{ids[:2], ids[2:]} {
		var as []*article.Article
		for _, id := range batch {
			a := Full()
			a.ID = id
			as = append(as, a)
		}
		put(t, s, as...)
	}
	// An update keeps the article's place in ingestion order.
	b := Full()
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

// testConcurrentPut has two handles on one database (two processes, or two
// serve instances) store overlapping batches at once: each article is
// added exactly once, whoever adds it, and the ingestion order lists each
// once.
func testConcurrentPut(t *testing.T, db Database) {
	handles := []store.Store{open(t, db), open(t, db)}
	const writers, batches, batchSize, distinct = 4, 5, 20, 60
	var mu sync.Mutex
	added := map[string]int{}
	var wg sync.WaitGroup
	errs := make(chan error, writers*batches)
	for w := 0; w < writers; w++ {
		wg.Go(func() {
			s := handles[w%len(handles)]
			for b := 0; b < batches; b++ {
				var batch []*article.Article
				for i := 0; i < batchSize; i++ {
					a := Full()
					// Writers walk the ids in different orders, so that
					// they meet on the same new articles.
					a.ID = fmt.Sprintf("c%02d", (w*7+b*batchSize+i*(w+1))%distinct)
					batch = append(batch, a)
				}
				out, err := s.Put(context.Background(), batch)
				if err != nil {
					errs <- err
					return
				}
				mu.Lock()
				for i, o := range out {
					if o == store.Added {
						added[batch[i].ID]++
					}
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent Put: %v", err)
	}
	list, err := handles[0].List(context.Background(), store.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, a := range list {
		if seen[a.ID] {
			t.Errorf("List has %s twice", a.ID)
		}
		seen[a.ID] = true
		if added[a.ID] != 1 {
			t.Errorf("%s added %d times, want once", a.ID, added[a.ID])
		}
	}
	if len(list) != len(added) {
		t.Errorf("%d articles stored, %d added", len(list), len(added))
	}
}

// samplePages returns the five sample pages as articles, title on the
// first line, or skips the test when ../shared is absent.
func samplePages(t *testing.T) []*article.Article {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(SamplePages, "*.txt"))
	if len(files) == 0 {
		t.Skipf("no sample pages in %s: ../shared is not beside the project", SamplePages)
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
	return arts
}

func searchIDs(t *testing.T, s store.Store, q string) []string {
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

func testSearch(t *testing.T, db Database) {
	s := open(t, db)
	arts := samplePages(t)
	put(t, s, arts...)
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
		// Words are whole: no prefix matching.
		{"Sotch", nil},
		// Query syntax is plain text: no error, no operator. "OR" and
		// "NEAR" are words that must be found, and no page has them.
		{`Choïgou*`, []string{"004"}},
		{`(Choïgou)"`, []string{"004"}},
		{`Choïgou" OR "Poutine`, nil},
		{"NEAR(Sotchi Bloomberg)", nil},
		{"Sotchi NOT Bloomberg", nil},
		{"Sotchi & !Bloomberg", []string{"000"}},
		{"Sotchi:* | Bloomberg", []string{"000"}},
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
	if hits, err := s.Search(context.Background(), "bielorussie", 2); err != nil || len(hits) != 2 {
		t.Errorf("Search with limit 2 = %d hits, %v", len(hits), err)
	}

	// A title match ranks before a match in the text only.
	titled := &article.Article{ID: "900 titled", Title: "Gazoduc", Text: "Un texte.", Raw: []byte("t1")}
	texted := &article.Article{ID: "901 texted", Title: "Autre", Text: "Le gazoduc et encore le gazoduc.", Raw: []byte("t2")}
	put(t, s, texted, titled)
	if hits, err := s.Search(context.Background(), "gazoduc", 10); err != nil || len(hits) != 2 || hits[0].ID != titled.ID {
		t.Errorf("Search(gazoduc) = %+v, %v; want the title match first", hits, err)
	}

	// Other scripts: Cyrillic case is folded, its letters kept (й is not и).
	cyrillic := &article.Article{ID: "902 cyrillic", Title: "Лукашенко в Сочи", Text: "Встреча с Путиным. Мой дом.", Raw: []byte("t3")}
	put(t, s, cyrillic)
	for q, want := range map[string][]string{"ЛУКАШЕНКО": {"902"}, "сочи путиным": {"902"}, "мой": {"902"}, "мои": nil} {
		if got := searchIDs(t, s, q); !slices.Equal(got, want) {
			t.Errorf("Search(%q) = %v, want %v", q, got, want)
		}
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

	for _, q := range []string{"", "  ", `"*"`, "-:()", "&|!"} {
		if _, err := s.Search(context.Background(), q, 10); !errors.Is(err, store.ErrBadQuery) {
			t.Errorf("Search(%q) error = %v, want ErrBadQuery", q, err)
		}
	}
}

// sampleResult is a detection outcome with two events in a storyline and
// one apart, as pipeline.Detect would save it.
func sampleResult() story.Result {
	day := func(d int) time.Time { return time.Date(2020, 9, d, 0, 0, 0, 0, time.UTC) }
	return story.Result{
		Events: []story.Event{
			{ID: "e2", Storyline: "s1", Headline: "Poutine reçoit Loukachenko à Sotchi", Articles: []string{"000", "002"},
				Sources: 2, Languages: []string{"fr"}, First: day(14), Last: day(15),
				Entities: []story.EntityRef{{Key: "loukachenko", Name: "Loukachenko", Kind: "person", Count: 2}}},
			{ID: "e1", Storyline: "s1", Headline: "Un appel", Articles: []string{"001"}, Sources: 1, Languages: []string{"fr"}, First: day(1), Last: day(1)},
			{ID: "e3", Headline: "Sans date", Articles: []string{"004"}, Sources: 1},
		},
		Storylines: []story.Storyline{{ID: "s1", Events: []string{"e1", "e2"}}},
		Assignments: []story.Assignment{
			{Article: "000", Event: "e2", Storyline: "s1"},
			{Article: "001", Event: "e1", Storyline: "s1"},
			{Article: "002", Event: "e2", Storyline: "s1", Decision: story.Decision{Doc: "002", Event: "e2", CopyOf: "000", CopyScore: 0.8125,
				Score: 0.1 + 0.2, Threshold: 1e-7, Candidates: []story.Candidate{{Event: "e2", Score: 0.61, Text: 0.5, Entity: 0.25, Time: 1, Shared: []string{"loukachenko"}, Articles: 1}}}},
			{Article: "004", Event: "e3"},
		},
	}
}

func testStories(t *testing.T, db Database) {
	s := open(t, db)
	ctx := context.Background()
	if events, err := s.Events(ctx); err != nil || len(events) != 0 {
		t.Errorf("Events of a new store = %v, %v; want none", events, err)
	}
	res := sampleResult()
	if err := s.SaveStories(ctx, res); err != nil {
		t.Fatal(err)
	}
	events, err := s.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(events, res.Events) {
		t.Errorf("Events:\n got %+v\nwant %+v (in detection order)", events, res.Events)
	}
	e, err := s.Event(ctx, "e2")
	if err != nil || !reflect.DeepEqual(e, res.Events[0]) {
		t.Errorf("Event(e2) = %+v, %v", e, err)
	}
	sl, err := s.Storyline(ctx, "s1")
	if err != nil || !reflect.DeepEqual(sl, res.Storylines[0]) {
		t.Errorf("Storyline(s1) = %+v, %v", sl, err)
	}
	a, err := s.Assignment(ctx, "002")
	if err != nil || !reflect.DeepEqual(a, res.Assignments[2]) {
		t.Errorf("Assignment(002) = %+v, %v", a, err)
	}

	// A new outcome replaces the old one whole.
	next := story.Result{
		Events:      []story.Event{{ID: "e9", Headline: "Tout en un", Articles: []string{"000", "001"}}},
		Assignments: []story.Assignment{{Article: "000", Event: "e9"}, {Article: "001", Event: "e9"}},
	}
	if err := s.SaveStories(ctx, next); err != nil {
		t.Fatal(err)
	}
	if events, err := s.Events(ctx); err != nil || len(events) != 1 || events[0].ID != "e9" {
		t.Errorf("Events after the second save = %+v, %v; want e9 alone", events, err)
	}
	for name, err := range map[string]error{
		"Event(e2)":         second(s.Event(ctx, "e2")),
		"Storyline(s1)":     second(s.Storyline(ctx, "s1")),
		"Assignment(004)":   second(s.Assignment(ctx, "004")),
		"Event(missing)":    second(s.Event(ctx, "missing")),
		"Assignment(never)": second(s.Assignment(ctx, "never")),
	} {
		if !errors.Is(err, store.ErrNotFound) {
			t.Errorf("%s error = %v, want ErrNotFound", name, err)
		}
	}
	if err := s.SaveStories(ctx, story.Result{}); err != nil {
		t.Fatal(err)
	}
	if events, err := s.Events(ctx); err != nil || len(events) != 0 {
		t.Errorf("Events after saving nothing = %v, %v; want none", events, err)
	}
}

// testConcurrentSaveStories has two handles save different outcomes at
// once, again and again: what is stored in the end is one of them, whole.
func testConcurrentSaveStories(t *testing.T, db Database) {
	handles := []store.Store{open(t, db), open(t, db)}
	results := make([]story.Result, 4)
	for i := range results {
		for e := 0; e < 20; e++ {
			id := fmt.Sprintf("r%d-e%02d", i, e)
			art := fmt.Sprintf("a%02d", e)
			results[i].Events = append(results[i].Events, story.Event{ID: id, Articles: []string{art}})
			results[i].Assignments = append(results[i].Assignments, story.Assignment{Article: art, Event: id})
		}
	}
	var wg sync.WaitGroup
	errs := make(chan error, len(results)*5)
	for i, res := range results {
		wg.Go(func() {
			for range 5 {
				if err := handles[i%2].SaveStories(context.Background(), res); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent SaveStories: %v", err)
	}
	ctx := context.Background()
	events, err := handles[0].Events(ctx)
	if err != nil || len(events) != 20 {
		t.Fatalf("Events = %d events, %v; want the 20 of one outcome", len(events), err)
	}
	winner := events[0].ID[:2]
	for _, e := range events {
		if e.ID[:2] != winner {
			t.Errorf("events of two outcomes mixed: %s and %s", winner, e.ID)
		}
	}
	for e := 0; e < 20; e++ {
		a, err := handles[1].Assignment(ctx, fmt.Sprintf("a%02d", e))
		if err != nil || a.Event[:2] != winner {
			t.Errorf("assignment of a%02d = %+v, %v; want one of outcome %s", e, a, err, winner)
		}
	}
}

func second[T any](_ T, err error) error { return err }
