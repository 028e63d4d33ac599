// Package postgres is the shared store: articles and stories kept in a
// PostgreSQL database, for a team that runs several `storyline serve`
// instances on one durable database and backs it up as it backs up the
// rest.
//
// It uses pgx (github.com/jackc/pgx/v5) with its pool rather than
// database/sql: pipelined batches and COPY make writes several times
// faster, and the queue and the lease need a connection of their own.
//
// The schema keeps to what PostgreSQL-compatible distributed databases
// (CockroachDB, YugabyteDB, Citus) accept — plain tables and indexes,
// BIGINT, TEXT, BYTEA, BOOLEAN, JSONB, TIMESTAMPTZ and a tsvector with a GIN
// index, no extension, no stored procedure — so that outgrowing one server
// means changing the server, not storyline. Only PostgreSQL is tested.
package postgres

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"net/url"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/store"
)

// Store is a store.Store in a PostgreSQL database. It is safe for
// concurrent use, and several processes may use one database at once.
type Store struct {
	pool *pgxpool.Pool
	name string // the URL without its password, for messages
}

var _ store.Store = (*Store)(nil)

// IsURL reports whether s names a PostgreSQL database (postgres:// or
// postgresql://) rather than a file.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Redact returns a connection URL without its password, for messages and
// logs.
func Redact(connURL string) string {
	u, err := url.Parse(connURL)
	if err != nil {
		return "postgres database"
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.Redacted()
}

// Open connects to the database at connURL (a postgres:// URL, with any
// libpq parameter pgx accepts; search_path=SCHEMA keeps storyline's tables
// in that schema) and brings its schema up to date. Several processes may
// open one database at once: migrations run under a lock, each once.
func Open(ctx context.Context, connURL string) (*Store, error) {
	name := Redact(connURL)
	cfg, err := pgxpool.ParseConfig(connURL)
	if err != nil {
		// pgx's message quotes the URL, its password removed only as far
		// as it can tell what the password is; the cause alone does not.
		if cause := errors.Unwrap(err); cause != nil {
			return nil, fmt.Errorf("open store %s: bad connection URL: %v", name, cause)
		}
		return nil, fmt.Errorf("open store %s: bad connection URL", name)
	}
	if cfg.ConnConfig.ConnectTimeout == 0 {
		// A server that does not answer is an error in seconds, not a
		// command hanging for the system's TCP timeout (connect_timeout in
		// the URL sets another).
		cfg.ConnConfig.ConnectTimeout = 10 * time.Second
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", name, err)
	}
	s := &Store{pool: pool, name: name}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open store %s: %w", name, err)
	}
	return s, nil
}

// Close closes every connection of the store.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// migration is one step of the schema. Append only: a migration that has
// been released is never edited, so every database reaches the same schema.
type migration struct {
	version int
	name    string
	sql     []string // statements, run in order in one transaction
}

var migrations = []migration{
	{1, "articles", []string{
		// seq is the ingestion order, which detection replays. It is
		// assigned by the database, strictly increasing, from an identity
		// column (a sequence): values are handed out when a row is
		// inserted, not when it commits, so concurrent writers may leave a
		// later seq visible before an earlier one, and rolled-back batches
		// leave gaps. Neither matters: detection replays the whole stored
		// history in seq order each time, so it only needs the order to be
		// total and fixed once a row is stored. An updated article keeps
		// its seq (and ingested_at), as in the embedded store.
		//
		// On CockroachDB an identity column is a sequence too; keep it
		// uncached (CACHE 1, the default) so that its values stay strictly
		// increasing across nodes. unique_rowid() would scale better but is
		// only roughly ordered across nodes: still a fixed total order, so
		// detection would stay deterministic, but no longer the order of
		// arrival. YugabyteDB and Citus take the identity as it is.
		//
		// published is the time to the microsecond (TIMESTAMPTZ's
		// precision) and published_nanos the nanoseconds below it, so that
		// an article reads back exactly as it was given. search is the
		// full-text vector of the title (weight A) and text (weight B),
		// its words made in Go (see search.go).
		`CREATE TABLE articles (
			id                  TEXT        NOT NULL PRIMARY KEY,
			seq                 BIGINT      GENERATED BY DEFAULT AS IDENTITY,
			url                 TEXT        NOT NULL,
			site                TEXT        NOT NULL,
			title               TEXT        NOT NULL,
			text                TEXT        NOT NULL,
			lang                TEXT        NOT NULL,
			published           TIMESTAMPTZ,
			published_nanos     INTEGER     NOT NULL,
			published_precision TEXT        NOT NULL,
			published_exact     BOOLEAN     NOT NULL,
			published_from      TEXT        NOT NULL,
			source_path         TEXT        NOT NULL,
			source_line         BIGINT      NOT NULL,
			raw_format          TEXT        NOT NULL,
			raw                 BYTEA       NOT NULL,
			raw_hash            TEXT        NOT NULL,
			removed             JSONB,
			ingested_at         TIMESTAMPTZ NOT NULL,
			search              TSVECTOR    NOT NULL
		)`,
		`CREATE UNIQUE INDEX articles_seq ON articles (seq)`,
		`CREATE INDEX articles_url ON articles (url)`,
		`CREATE INDEX articles_site ON articles (site)`,
		`CREATE INDEX articles_search ON articles USING GIN (search)`,
	}},
	{2, "stories", []string{
		// The outcome of story detection, replaced as a whole after each
		// run, as JSON with the columns queries sort or filter on beside
		// it.
		`CREATE TABLE events (
			id        TEXT        NOT NULL PRIMARY KEY,
			pos       INTEGER     NOT NULL,
			storyline TEXT        NOT NULL,
			articles  INTEGER     NOT NULL,
			last      TIMESTAMPTZ,
			body      JSONB       NOT NULL
		)`,
		`CREATE INDEX events_storyline ON events (storyline)`,
		`CREATE TABLE storylines (
			id   TEXT  NOT NULL PRIMARY KEY,
			body JSONB NOT NULL
		)`,
		`CREATE TABLE assignments (
			article   TEXT  NOT NULL PRIMARY KEY,
			event     TEXT  NOT NULL,
			storyline TEXT  NOT NULL,
			body      JSONB NOT NULL
		)`,
		`CREATE INDEX assignments_event ON assignments (event)`,
	}},
	{3, "coordination", []string{
		// What several serve instances on one database coordinate through
		// (coordinate.go): the durable ingest queue, the detection lease,
		// and the counters that tell whether stored articles changed since
		// the stories were last saved.
		`CREATE TABLE ingest_jobs (
			id          BIGINT      GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
			source      TEXT        NOT NULL,
			body        BYTEA       NOT NULL,
			owner       TEXT        NOT NULL,
			enqueued_at TIMESTAMPTZ NOT NULL,
			attempts    INTEGER     NOT NULL DEFAULT 0,
			done_at     TIMESTAMPTZ,
			result      JSONB
		)`,
		`CREATE INDEX ingest_jobs_waiting ON ingest_jobs (done_at, id)`,
		`CREATE TABLE leases (
			name       TEXT        NOT NULL PRIMARY KEY,
			holder     TEXT        NOT NULL,
			token      BIGINT      NOT NULL,
			expires_at TIMESTAMPTZ NOT NULL
		)`,
		// One row. changes counts the Put transactions that added or
		// updated articles; detected is the value of changes that the
		// stored stories cover, generation counts saved detections.
		// Updating the row in Put serialises the writers that change
		// something, which is what makes changes a commit order.
		`CREATE TABLE store_state (
			id         INTEGER NOT NULL PRIMARY KEY,
			changes    BIGINT  NOT NULL,
			detected   BIGINT  NOT NULL,
			generation BIGINT  NOT NULL
		)`,
		`INSERT INTO store_state (id, changes, detected, generation)
			SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM articles) THEN 1 ELSE 0 END, 0, 0`,
	}},
}

// migrate brings the schema up to date. A session advisory lock, keyed by
// the schema, makes a second process starting at the same time wait until
// the first is done rather than run the same DDL. The lock is an
// optimisation, not what makes migrating safe: each migration commits with
// its row in schema_migrations, whose primary key makes a second attempt at
// the same version wait for the first and then skip it — which still holds
// on a PostgreSQL-compatible database that does not enforce advisory
// locks.
func (s *Store) migrate(ctx context.Context) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	var schema string
	if err := conn.QueryRow(ctx, `SELECT coalesce(current_schema(), '')`).Scan(&schema); err != nil {
		return err
	}
	if schema == "" {
		return errors.New("no schema to create the tables in: the schema of search_path does not exist")
	}
	key := lockKey("storyline migrate " + schema)
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, key); err != nil {
		return fmt.Errorf("lock for migration: %w", err)
	}
	defer func() {
		// A failed unlock (connection lost) releases the lock anyway.
		_, _ = conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, key)
	}()
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version    BIGINT      NOT NULL PRIMARY KEY,
			name       TEXT        NOT NULL,
			applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
		)`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	var current int
	if err := conn.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return err
	}
	if current > len(migrations) {
		return fmt.Errorf("schema version %d is newer than this storyline supports (%d); upgrade storyline", current, len(migrations))
	}
	for _, m := range migrations[current:] {
		err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			// Claim the version first: a concurrent migrator (where the
			// lock does nothing) waits here, then finds it taken.
			tag, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)
				ON CONFLICT (version) DO NOTHING`, m.version, m.name)
			if err != nil || tag.RowsAffected() == 0 {
				return err
			}
			for _, q := range m.sql {
				if _, err := tx.Exec(ctx, q); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("migrate schema to version %d (%s): %w", m.version, m.name, err)
		}
	}
	return nil
}

// lockKey turns a name into the 64-bit key of an advisory lock.
func lockKey(name string) int64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	return int64(h.Sum64())
}

// maxAttempts bounds how often a write is retried after a conflict with a
// concurrent one (a serialization failure, a deadlock, two writers adding
// the same new id).
const maxAttempts = 5

// retryable reports whether err is a conflict that the same transaction,
// run again, can get past.
func retryable(err error) bool {
	if errors.Is(err, errConflict) {
		return true
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "40001", // serialization_failure (CockroachDB's retry error too)
			"40P01", // deadlock_detected
			"23505": // unique_violation
			return true
		}
	}
	return false
}

// errConflict is a concurrent writer adding an article this batch adds.
var errConflict = errors.New("another writer added the same article")

// withRetry runs f in a transaction, again after a conflict, with a short
// growing pause.
func (s *Store) withRetry(ctx context.Context, f func(tx pgx.Tx) error) error {
	var err error
	for attempt := 1; ; attempt++ {
		err = pgx.BeginFunc(ctx, s.pool, f)
		if err == nil || !retryable(err) || attempt == maxAttempts {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(time.Duration(attempt*attempt) * 5 * time.Millisecond):
		}
	}
}

// row is an article encoded for the articles table.
type row struct {
	a         *article.Article
	published *time.Time
	nanos     int32
	removed   []byte // JSON, nil when nothing was removed
	raw       []byte
	rawHash   string
	search    string // the tsvector of title and text (search.go)
}

// encode validates a and converts it for the table.
func encode(a *article.Article) (row, error) {
	r := row{a: a, raw: a.Raw}
	if a.Published.Known() {
		t := a.Published.Time.UTC()
		// The embedded store keeps four year digits; both refuse the same.
		if y := t.Year(); y < 0 || y > 9999 {
			return row{}, fmt.Errorf("published time %v out of range", t)
		}
		r.nanos = int32(t.Nanosecond() % 1000)
		micro := t.Add(-time.Duration(r.nanos))
		r.published = &micro
	}
	if len(a.Removed) > 0 {
		b, err := json.Marshal(a.Removed)
		if err != nil {
			return row{}, fmt.Errorf("encode removed lines: %w", err)
		}
		r.removed = b
	}
	if r.raw == nil {
		r.raw = []byte{} // the column is NOT NULL; a nil slice would be NULL
	}
	sum := sha256.Sum256(a.Raw)
	r.rawHash = hex.EncodeToString(sum[:])
	r.search = searchVector(a.Title, a.Text)
	return r, nil
}

const insertArticle = `INSERT INTO articles (
		id, url, site, title, text, lang,
		published, published_nanos, published_precision, published_exact, published_from,
		source_path, source_line, raw_format, raw, raw_hash, removed, ingested_at, search)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, CAST($19 AS tsvector))
	ON CONFLICT (id) DO NOTHING`

const updateArticle = `UPDATE articles SET
		url = $2, site = $3, title = $4, text = $5, lang = $6,
		published = $7, published_nanos = $8, published_precision = $9, published_exact = $10, published_from = $11,
		source_path = $12, source_line = $13, raw_format = $14, raw = $15, raw_hash = $16, removed = $17,
		search = CAST($18 AS tsvector)
	WHERE id = $1`

// Put stores a batch of articles in one transaction; see store.Store. The
// batch is checked whole first; then the stored hashes of its ids are read
// and locked, and the inserts and updates go to the server in one pipelined
// round trip. Should a concurrent writer add one of the same new ids first,
// the batch is rolled back and run again, so it finds that article stored.
func (s *Store) Put(ctx context.Context, articles []*article.Article) ([]store.Outcome, error) {
	rows := make([]row, len(articles))
	ids := make([]string, len(articles))
	for i, a := range articles {
		if a == nil {
			return nil, fmt.Errorf("put: article %d of batch is nil", i)
		}
		if err := store.CheckID(a.ID); err != nil {
			return nil, fmt.Errorf("put: article %d of batch (from %s) %w", i, a.Source, err)
		}
		r, err := encode(store.Storable(a))
		if err != nil {
			return nil, fmt.Errorf("put article %q: %w", a.ID, err)
		}
		rows[i], ids[i] = r, a.ID
	}
	if len(rows) == 0 {
		return []store.Outcome{}, nil
	}
	var outcomes []store.Outcome
	err := s.withRetry(ctx, func(tx pgx.Tx) error {
		var err error
		outcomes, err = putTx(ctx, tx, rows, ids)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("put: %d articles to %s: %w", len(rows), s.name, err)
	}
	return outcomes, nil
}

func putTx(ctx context.Context, tx pgx.Tx, rows []row, ids []string) ([]store.Outcome, error) {
	// Locking in id order keeps two batches that update the same articles
	// from deadlocking each other.
	stored := map[string]string{}
	res, err := tx.Query(ctx, `SELECT id, raw_hash FROM articles WHERE id = ANY($1) ORDER BY id FOR UPDATE`, ids)
	if err != nil {
		return nil, err
	}
	for res.Next() {
		var id, hash string
		if err := res.Scan(&id, &hash); err != nil {
			res.Close()
			return nil, err
		}
		stored[id] = hash
	}
	if err := res.Err(); err != nil {
		return nil, err
	}

	now := time.Now().UTC()
	outcomes := make([]store.Outcome, len(rows))
	batch := &pgx.Batch{}
	var inserted []int // batch positions of the inserts, to check each took
	changed := false
	for i, r := range rows {
		a := r.a
		hash, ok := stored[a.ID]
		switch {
		case !ok:
			inserted = append(inserted, batch.Len())
			batch.Queue(insertArticle, a.ID, a.URL, a.Site, a.Title, a.Text, a.Lang,
				r.published, r.nanos, string(a.Published.Precision), a.Published.Exact, a.Published.From,
				a.Source.Path, a.Source.Line, a.RawFormat, r.raw, r.rawHash, r.removed, now, r.search)
			outcomes[i] = store.Added
			changed = true
		case hash == r.rawHash:
			outcomes[i] = store.Unchanged
		default:
			batch.Queue(updateArticle, a.ID, a.URL, a.Site, a.Title, a.Text, a.Lang,
				r.published, r.nanos, string(a.Published.Precision), a.Published.Exact, a.Published.From,
				a.Source.Path, a.Source.Line, a.RawFormat, r.raw, r.rawHash, r.removed, r.search)
			outcomes[i] = store.Updated
			changed = true
		}
		stored[a.ID] = r.rawHash // a later copy in the batch compares with this one
	}
	if !changed {
		return outcomes, nil
	}
	// Last, so that the row lock it takes, which serialises the writers
	// that change something, is held only for the commit.
	batch.Queue(`UPDATE store_state SET changes = changes + 1 WHERE id = 1`)
	br := tx.SendBatch(ctx, batch)
	next := 0
	for q := 0; q < batch.Len(); q++ {
		tag, err := br.Exec()
		if err != nil {
			br.Close()
			if id := batchArticle(batch, q); id != "" {
				return nil, fmt.Errorf("article %q: %w", id, err)
			}
			return nil, err
		}
		if next < len(inserted) && inserted[next] == q {
			next++
			if tag.RowsAffected() == 0 {
				br.Close()
				return nil, errConflict
			}
		}
	}
	if err := br.Close(); err != nil {
		return nil, err
	}
	return outcomes, nil
}

// batchArticle returns the article id of the q-th query of a Put batch.
func batchArticle(b *pgx.Batch, q int) string {
	if q >= len(b.QueuedQueries) || len(b.QueuedQueries[q].Arguments) == 0 {
		return ""
	}
	id, _ := b.QueuedQueries[q].Arguments[0].(string)
	return id
}

// columns are the articles columns scanned by scan, in its order; raw comes
// last so List can leave it out.
const columns = `id, url, site, title, text, lang,
	published, published_nanos, published_precision, published_exact, published_from,
	source_path, source_line, raw_format, removed`

// scan reads one row selected with columns, plus raw when withRaw is set.
// Empty Raw and Removed come back as nil slices, times in UTC.
func scan(sc pgx.Row, withRaw bool) (*article.Article, error) {
	var (
		a         article.Article
		published *time.Time
		nanos     int32
		precision string
		line      int64
		removed   []byte
		raw       []byte
	)
	dest := []any{&a.ID, &a.URL, &a.Site, &a.Title, &a.Text, &a.Lang,
		&published, &nanos, &precision, &a.Published.Exact, &a.Published.From,
		&a.Source.Path, &line, &a.RawFormat, &removed}
	if withRaw {
		dest = append(dest, &raw)
	}
	if err := sc.Scan(dest...); err != nil {
		return nil, err
	}
	a.Source.Line = int(line)
	a.Published.Precision = article.Precision(precision)
	if published != nil {
		a.Published.Time = published.UTC().Add(time.Duration(nanos))
	}
	if removed != nil {
		if err := json.Unmarshal(removed, &a.Removed); err != nil {
			return nil, fmt.Errorf("article %q: removed lines: %w", a.ID, err)
		}
	}
	if len(raw) > 0 {
		a.Raw = raw
	}
	return &a, nil
}

// Get returns the article with the given ID; see store.Store.
func (s *Store) Get(ctx context.Context, id string) (*article.Article, error) {
	a, err := scan(s.pool.QueryRow(ctx, `SELECT `+columns+`, raw FROM articles WHERE id = $1`, id), true)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("get article %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("get article %q: %w", id, err)
	}
	return a, nil
}

// List returns stored articles without Raw, oldest first; see store.Store.
func (s *Store) List(ctx context.Context, opts store.ListOptions) ([]*article.Article, error) {
	if opts.Limit < 0 || opts.Offset < 0 {
		return nil, fmt.Errorf("list articles: negative limit %d or offset %d", opts.Limit, opts.Offset)
	}
	var limit *int // NULL: no limit
	if opts.Limit > 0 {
		limit = &opts.Limit
	}
	rows, err := s.pool.Query(ctx, `SELECT `+columns+` FROM articles ORDER BY seq LIMIT $1 OFFSET $2`, limit, opts.Offset)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	defer rows.Close()
	var list []*article.Article
	for rows.Next() {
		a, err := scan(rows, false)
		if err != nil {
			return nil, fmt.Errorf("list articles: %w", err)
		}
		list = append(list, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return list, nil
}

// Count returns how many articles are stored.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return n, nil
}

// OpenTemporary opens a store in a new, empty schema of the database at
// connURL, for work that must leave the team's store alone (storyline eval,
// tests). The returned function closes the store and drops the schema with
// everything in it.
func OpenTemporary(ctx context.Context, connURL, prefix string) (*Store, func() error, error) {
	name := Redact(connURL)
	u, err := url.Parse(connURL)
	if err != nil {
		return nil, nil, fmt.Errorf("open store %s: bad connection URL", name)
	}
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, nil, err
	}
	schema := prefix + hex.EncodeToString(b[:])
	// The name is ours: letters, digits and '_' only, so it needs no
	// quoting beyond pgx.Identifier's.
	conn, err := pgx.Connect(ctx, connURL)
	if err != nil {
		return nil, nil, fmt.Errorf("open store %s: %w", name, err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+pgx.Identifier{schema}.Sanitize()); err != nil {
		return nil, nil, fmt.Errorf("open store %s: create a temporary schema: %w", name, err)
	}
	drop := func() error {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, connURL)
		if err != nil {
			return fmt.Errorf("drop temporary schema %s: %w", schema, err)
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP SCHEMA "+pgx.Identifier{schema}.Sanitize()+" CASCADE"); err != nil {
			return fmt.Errorf("drop temporary schema %s: %w", schema, err)
		}
		return nil
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	s, err := Open(ctx, u.String())
	if err != nil {
		drop()
		return nil, nil, err
	}
	return s, func() error {
		s.Close()
		return drop()
	}, nil
}
