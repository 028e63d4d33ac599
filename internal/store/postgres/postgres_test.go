package postgres

import (
	"context"
	neturl "net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/store/postgres/pgtest"
	"github.com/storyline/storyline/internal/store/storetest"
)

// TestStore runs the behaviour every store shares (storetest) on
// PostgreSQL, each test in a schema of its own.
func TestStore(t *testing.T) {
	pgtest.Server(t)
	storetest.Run(t, func(t *testing.T) storetest.Database {
		url := pgtest.Schema(t)
		return storetest.Database{
			Open: func() (store.Store, error) { return Open(context.Background(), url) },
			Refuse: func(id string) error {
				pgtest.Exec(t, url, `CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$
					BEGIN
						IF NEW.id = '`+strings.ReplaceAll(id, "'", "''")+`' THEN RAISE EXCEPTION 'refused by test'; END IF;
						RETURN NEW;
					END $$`)
				pgtest.Exec(t, url, `CREATE TRIGGER refuse BEFORE INSERT ON articles FOR EACH ROW EXECUTE FUNCTION refuse()`)
				return nil
			},
		}
	})
}

// TestMigrations opens a new schema from several processes at once (pools
// here): the migrations run once each, in order, and opening again changes
// nothing. A schema from a newer storyline is refused.
func TestMigrations(t *testing.T) {
	url := pgtest.Schema(t)
	ctx := context.Background()
	const openers = 6
	errs := make(chan error, openers)
	stores := make(chan *Store, openers)
	for range openers {
		go func() {
			s, err := Open(ctx, url)
			errs <- err
			stores <- s
		}()
	}
	for range openers {
		if err := <-errs; err != nil {
			t.Errorf("concurrent Open: %v", err)
		}
		if s := <-stores; s != nil {
			defer s.Close()
		}
	}
	s, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var versions []int
	rows, err := s.pool.Query(ctx, `SELECT version FROM schema_migrations ORDER BY applied_at, version`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		versions = append(versions, v)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if want := []int{1, 2, 3}; !slices.Equal(versions, want) || len(migrations) != len(want) {
		t.Errorf("schema_migrations holds %v, want %v", versions, want)
	}
	var state int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM store_state`).Scan(&state); err != nil || state != 1 {
		t.Errorf("store_state has %d rows, %v; want 1", state, err)
	}

	pgtest.Exec(t, url, `INSERT INTO schema_migrations (version, name) VALUES ($1, 'from the future')`, len(migrations)+1)
	if s, err := Open(ctx, url); err == nil || !strings.Contains(err.Error(), "newer") {
		if s != nil {
			s.Close()
		}
		t.Errorf("Open of a newer schema: error %v, want one saying it is newer", err)
	}
}

// TestOpenErrors: a schema that does not exist, or a server that does not
// answer, gives an error that names the database without its password.
func TestOpenErrors(t *testing.T) {
	base := pgtest.Server(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	u, _ := neturl.Parse(base)
	q := u.Query()
	q.Set("search_path", "no_such_schema")
	u.RawQuery = q.Encode()
	if _, err := Open(ctx, u.String()); err == nil || !strings.Contains(err.Error(), "search_path") {
		t.Errorf("Open with a missing schema: %v", err)
	}
	_, err := Open(ctx, "postgres://someone:hunter2@127.0.0.1:1/db?connect_timeout=2")
	if err == nil || strings.Contains(err.Error(), "hunter2") || !strings.Contains(err.Error(), "someone:xxxxx@127.0.0.1:1") {
		t.Errorf("Open of an unreachable server: %v; want an error naming it without the password", err)
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://u:pw@host:5432/db":               "postgres://u:xxxxx@host:5432/db",
		"postgres://host/db?password=pw&sslmode=off": "postgres://host/db?password=xxxxx&sslmode=off",
		"postgresql://host/db":                       "postgresql://host/db",
	} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSnippet(t *testing.T) {
	text := "Un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept dix-huit " +
		"dix-neuf vingt vingt-et-un vingt-deux vingt-trois vingt-quatre vingt-cinq. Le Kremlin a reçu Loukachenko à Sotchi."
	got := snippet(text, []string{"loukachenko", "sotchi"})
	if !strings.HasPrefix(got, "…") || !strings.Contains(got, "Loukachenko à Sotchi") || strings.HasSuffix(got, "…") {
		t.Errorf("snippet = %q", got)
	}
	if got := snippet("Court texte sur Sotchi.", []string{"sotchi"}); got != "Court texte sur Sotchi" {
		t.Errorf("snippet of a short text = %q", got)
	}
	if got := snippet("", []string{"x"}); got != "" {
		t.Errorf("snippet of nothing = %q", got)
	}
}
