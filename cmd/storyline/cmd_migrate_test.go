package main

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/store/postgres"
	"github.com/storyline/storyline/internal/store/postgres/pgtest"
	"github.com/storyline/storyline/internal/store/sqlite"
	"github.com/storyline/storyline/internal/store/storetest"
	"github.com/storyline/storyline/internal/story"
)

// storeContents is everything a store holds, read through the Store
// interface: the articles with their raw bytes in ingestion order, and the
// stories.
type storeContents struct {
	articles    []*article.Article
	events      []story.Event
	assignments []story.Assignment
	storylines  []story.Storyline
}

func readAll(t *testing.T, st store.Store) (c storeContents) {
	t.Helper()
	ctx := context.Background()
	list, err := st.List(ctx, store.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range list {
		full, err := st.Get(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		c.articles = append(c.articles, full)
		if as, err := st.Assignment(ctx, a.ID); err == nil {
			c.assignments = append(c.assignments, as)
		}
	}
	if c.events, err = st.Events(ctx); err != nil {
		t.Fatal(err)
	}
	for _, e := range c.events {
		if e.Storyline != "" {
			sl, err := st.Storyline(ctx, e.Storyline)
			if err != nil {
				t.Fatal(err)
			}
			c.storylines = append(c.storylines, sl)
		}
	}
	return c
}

// sameContents compares two stores' contents, articles with
// storetest.SameArticle (times in any zone).
func sameContents(t *testing.T, what string, a, b storeContents) {
	t.Helper()
	if len(a.articles) != len(b.articles) {
		t.Fatalf("%s: %d articles, want %d", what, len(b.articles), len(a.articles))
	}
	for i := range a.articles {
		if !storetest.SameArticle(a.articles[i], b.articles[i]) {
			t.Errorf("%s: article %d is %s, want %s as it was", what, i, b.articles[i].ID, a.articles[i].ID)
		}
	}
	if !reflect.DeepEqual(a.events, b.events) || !reflect.DeepEqual(a.assignments, b.assignments) || !reflect.DeepEqual(a.storylines, b.storylines) {
		t.Errorf("%s: the stories differ (%d/%d events, %d/%d assignments, %d/%d storylines)", what,
			len(b.events), len(a.events), len(b.assignments), len(a.assignments), len(b.storylines), len(a.storylines))
	}
}

// TestMigrateRoundTrip copies an embedded store holding the sample pages
// and seeds, with their stories, into PostgreSQL and back into a new file:
// every article (raw bytes included) in the same order, and the same
// stories, at each step; the commands read the PostgreSQL store as they
// read the file.
func TestMigrateRoundTrip(t *testing.T) {
	dir, _ := samplePages(t)
	pg := pgtest.Schema(t)
	db, _ := tempDB(t)
	mustExecute(t, nil, "--db", db, "run", "--quiet", dir, seedsFile)
	back := filepath.Join(t.TempDir(), "back.db")

	out, _ := mustExecute(t, nil, "migrate", "--from", db, "--to", pg)
	if !strings.Contains(out, "copied 10 article(s)") || !strings.Contains(out, "10 added") {
		t.Errorf("migrate to PostgreSQL said %q", out)
	}
	if pw := pgPassword(pg); pw != "" && strings.Contains(out, pw) {
		t.Errorf("migrate printed the password: %q", out)
	}
	out, _ = mustExecute(t, nil, "migrate", "--from", pg, "--to", back)
	if !strings.Contains(out, "copied 10 article(s)") {
		t.Errorf("migrate back said %q", out)
	}

	ctx := context.Background()
	open := func(name string) store.Store {
		var st store.Store
		var err error
		if postgres.IsURL(name) {
			st, err = postgres.Open(ctx, name)
		} else {
			st, err = sqlite.Open(name)
		}
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	want := readAll(t, open(db))
	if len(want.events) == 0 || len(want.assignments) != 10 {
		t.Fatalf("the source holds %d events and %d assignments; want stories for 10 articles", len(want.events), len(want.assignments))
	}
	inPG := readAll(t, open(pg))
	sameContents(t, "in PostgreSQL", want, inPG)
	inBack := readAll(t, open(back))
	sameContents(t, "back in a file", want, inBack)

	// The commands show the same through --store as through --db.
	fromFile, _ := mustExecute(t, nil, "--db", db, "stories", "--all")
	fromPG, _ := mustExecute(t, nil, "--store", pg, "stories", "--all")
	if fromFile != fromPG || fromFile == "" {
		t.Errorf("stories differ:\nfile:\n%s\nPostgreSQL:\n%s", fromFile, fromPG)
	}
	t.Setenv("STORYLINE_STORE", pg)
	fromEnv, _ := mustExecute(t, nil, "stories", "--all")
	if fromEnv != fromFile {
		t.Errorf("stories with STORYLINE_STORE:\n%s", fromEnv)
	}
	t.Setenv("STORYLINE_STORE", "")

	// Again into the copy it finished: nothing added.
	out, _ = mustExecute(t, nil, "migrate", "--from", db, "--to", back)
	if !strings.Contains(out, "0 added, 10 already there") {
		t.Errorf("migrate into its finished copy said %q", out)
	}
	// Into a store holding other articles: refused, nothing written.
	other := filepath.Join(t.TempDir(), "other.db")
	_, pages := samplePages(t)
	mustExecute(t, nil, "--db", other, "run", "--quiet", pages[4])
	if _, _, err := execute(t, nil, "migrate", "--from", db, "--to", other); err == nil || !strings.Contains(err.Error(), "not the start of the source") {
		t.Errorf("migrate into another store's history: %v", err)
	}
	if n, _ := open(other).Count(ctx); n != 1 {
		t.Errorf("the refused destination holds %d articles, want its 1", n)
	}
}

// pgPassword is the password in a connection URL, if any.
func pgPassword(connURL string) string {
	i := strings.Index(connURL, "://")
	at := strings.Index(connURL, "@")
	if i < 0 || at < 0 {
		return ""
	}
	_, pw, _ := strings.Cut(connURL[i+3:at], ":")
	return pw
}

func TestStoreFlags(t *testing.T) {
	db, _ := tempDB(t)
	for _, tc := range []struct {
		env  string
		args []string
		want string
	}{
		{"", []string{"--db", db, "--store", "postgres://x@127.0.0.1:1/db", "articles"}, "--db and --store"},
		{"", []string{"--store", "/tmp/file.db", "articles"}, "takes a postgres:// URL"},
		{"not-a-url", []string{"articles"}, "takes a postgres:// URL"},
		{"", []string{"migrate", "--from", db}, "give both --from and --to"},
		{"", []string{"migrate", "--from", db, "--to", db}, "same store"},
		{"", []string{"migrate", "--from", filepath.Join(t.TempDir(), "none.db"), "--to", db}, "no store at"},
	} {
		t.Setenv("STORYLINE_STORE", tc.env)
		_, _, err := execute(t, nil, tc.args...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v (STORYLINE_STORE=%q): error %v, want one saying %q", tc.args, tc.env, err, tc.want)
		}
	}
	// --db on the command line beats STORYLINE_STORE from the environment.
	t.Setenv("STORYLINE_STORE", "postgres://x@127.0.0.1:1/db")
	_, pages := samplePages(t)
	if _, stderr := mustExecute(t, nil, "--db", db, "run", "--quiet", pages[0]); !strings.Contains(stderr, "store "+db) {
		t.Errorf("run with --db and STORYLINE_STORE set: %s", stderr)
	}
}
