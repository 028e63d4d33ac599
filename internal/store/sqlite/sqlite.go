// Package sqlite is the embedded store: articles kept in one SQLite file on
// the user's machine, with no server to run.
//
// It uses modernc.org/sqlite, a translation of SQLite to pure Go, rather than
// a cgo binding, so that storyline still builds as one static binary
// (CGO_ENABLED=0).
package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/store"
)

// Store is a store.Store kept in one SQLite file. It is safe for concurrent
// use.
type Store struct {
	db   *sql.DB
	q    querier // db, or the read transaction of a read-only store
	path string
	// unlock releases the lock that keeps other processes from writing
	// (see lock.go); nil for a read-only store.
	unlock   func()
	readOnly bool
}

// querier runs the statements that only read: the database, or the one
// transaction a read-only store reads in.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// errNotAStore is wrapped in the error for a file of another program.
var errNotAStore = errors.New("not a storyline store")

// errReadOnly is returned by the writing methods of a read-only store.
var errReadOnly = errors.New("the store was opened read-only")

var _ store.Store = (*Store)(nil)

// applicationID marks a SQLite file as a storyline store ("STLN"), so Open
// can tell our files from other applications' databases and refuse to
// modify those.
const applicationID = 0x53544c4e

// sqliteHeader starts every SQLite database file.
const sqliteHeader = "SQLite format 3\x00"

// timeLayout is RFC 3339 in UTC with a fixed nine-digit fraction, unlike
// time.RFC3339Nano which trims trailing zeros: with a fixed width, the text
// order of stored times is their time order, so SQL can sort and compare
// them.
const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

// migrations[i] brings the schema from version i to version i+1; the version
// is kept in PRAGMA user_version. Append only: a migration that has been
// released is never edited, so every store reaches the same schema.
var migrations = []string{
	// Version 1.
	//
	// seq is the ingestion order. An updated article keeps the seq (and the
	// ingested_at) of its first ingestion, so that re-ingesting a corrected
	// page does not move it to the end and List pages stay stable.
	// published is NULL when unknown, else UTC text in timeLayout. removed
	// is the JSON of []article.RemovedLine, NULL when nothing was removed.
	`CREATE TABLE articles (
		id                  TEXT    PRIMARY KEY NOT NULL,
		seq                 INTEGER NOT NULL UNIQUE,
		url                 TEXT    NOT NULL,
		site                TEXT    NOT NULL,
		title               TEXT    NOT NULL,
		text                TEXT    NOT NULL,
		lang                TEXT    NOT NULL,
		published           TEXT,
		published_precision TEXT    NOT NULL,
		published_exact     INTEGER NOT NULL,
		published_from      TEXT    NOT NULL,
		source_path         TEXT    NOT NULL,
		source_line         INTEGER NOT NULL,
		raw_format          TEXT    NOT NULL,
		raw                 BLOB    NOT NULL,
		raw_hash            TEXT    NOT NULL,
		removed             TEXT,
		ingested_at         TEXT    NOT NULL
	);
	CREATE INDEX articles_url ON articles (url);
	CREATE INDEX articles_site ON articles (site);`,

	// Version 2: the outcome of story detection, replaced as a whole after
	// each run (detection replays every stored article in seq order, so a
	// run over all pages and runs over parts of them give the same events).
	// Each event and assignment is kept as JSON, with the columns that
	// queries sort or filter on beside it.
	`CREATE TABLE events (
		id        TEXT    PRIMARY KEY NOT NULL,
		pos       INTEGER NOT NULL,
		storyline TEXT    NOT NULL,
		articles  INTEGER NOT NULL,
		last      TEXT    NOT NULL,
		body      TEXT    NOT NULL
	);
	CREATE INDEX events_storyline ON events (storyline);
	CREATE TABLE storylines (
		id   TEXT PRIMARY KEY NOT NULL,
		body TEXT NOT NULL
	);
	CREATE TABLE assignments (
		article   TEXT PRIMARY KEY NOT NULL,
		event     TEXT NOT NULL,
		storyline TEXT NOT NULL,
		body      TEXT NOT NULL
	);
	CREATE INDEX assignments_event ON assignments (event);`,

	// Version 3: full-text search over titles and texts (FTS5), for the
	// server's search. The index holds no copy of the text (external
	// content: it reads the articles table), triggers keep it in step with
	// Put, and "rebuild" indexes the articles stored before this version.
	// remove_diacritics 2 lets "bielorussie" find "Biélorussie".
	`CREATE VIRTUAL TABLE articles_fts USING fts5 (
		title, text,
		content = 'articles', content_rowid = 'seq',
		tokenize = 'unicode61 remove_diacritics 2'
	);
	CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
		INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
	END;
	CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
		INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
	END;
	CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
		INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
		INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
	END;
	INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');`,

	// Version 4: faster writes to the search index, which took most of
	// Put's time; the index holds the same words as before.
	//
	// Put writes the index itself, in the transaction that writes the
	// articles, instead of through the insert and update triggers: a
	// statement that fires a trigger runs in a statement savepoint, and
	// FTS5 writes its pending terms out at every savepoint, so each article
	// became a segment of its own, which FTS5 then spent most of Put's time
	// merging. The delete trigger stays: Put never deletes, and it keeps
	// the index right when an article is removed by hand.
	//
	// hashsize lets FTS5 gather 16 MB of terms in memory (1 MB by default)
	// before writing them out as a segment, and automerge lets 16 segments
	// of a size build up (4 by default) before merging them: fewer, larger
	// merges, and searches as fast at 100,000 articles. Together they made
	// BenchmarkPutECBLarge 47% faster (each alone, 17% and 19%).
	`INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 16777216);
	INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 16);
	DROP TRIGGER IF EXISTS articles_fts_insert;
	DROP TRIGGER IF EXISTS articles_fts_update;`,
}

// Open opens the store at path for reading and writing, creating the file
// and its parent directories if needed and bringing an older schema up to
// date. It refuses a file that is not a storyline store and leaves it
// untouched, and fails with an error wrapping ErrInUse when another process
// has the store open (see lock.go); Close lets the next one in.
func Open(path string) (*Store, error) {
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	unlock, created, err := acquireLock(path)
	if err != nil {
		return nil, err
	}
	s, err := open(path, false)
	if err == nil {
		err = s.init()
	}
	if err != nil {
		if s != nil {
			s.db.Close()
		}
		// A lock file made next to a file that is not ours is removed
		// while still held, so that a mistaken --db leaves nothing
		// behind.
		if created && errors.Is(err, errNotAStore) {
			os.Remove(lockPathOf(path))
		}
		unlock()
		return nil, err
	}
	s.unlock = unlock
	return s, nil
}

// OpenReadOnly opens an existing store for commands that only read (list,
// show, report): without the lock, so that they can run beside a process
// writing the store, such as storyline serve. SQLite's WAL mode makes that
// safe between processes on one machine: a reader sees the last committed
// transaction and never a write in progress. Everything the store returns
// comes from one snapshot, taken at its first read and held until Close, so
// that the stories a command reads all come from one detection; hold it
// for the length of a command, not longer (the WAL cannot be checkpointed
// past an open snapshot).
//
// A store whose schema is older than this storyline's is brought up to
// date first, as Open does, which needs the lock.
func OpenReadOnly(path string) (*Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	for attempt := 0; ; attempt++ {
		s, err := open(path, true)
		if err != nil {
			return nil, err
		}
		current, err := s.checkReadable()
		if err == nil && !current && attempt == 0 {
			// New, or an older schema: let Open create or migrate it.
			s.db.Close()
			w, err := Open(path)
			if err != nil {
				return nil, err
			}
			if err := w.Close(); err != nil {
				return nil, err
			}
			continue
		}
		if err == nil && !current {
			err = fmt.Errorf("open store %s: the schema is not this storyline's", path)
		}
		if err == nil {
			var tx *sql.Tx
			tx, err = s.db.BeginTx(context.Background(), &sql.TxOptions{ReadOnly: true})
			s.q = tx
		}
		if err != nil {
			s.db.Close()
			return nil, err
		}
		return s, nil
	}
}

// open opens the database file, read-write (creating it) or read-only.
func open(path string, readOnly bool) (*Store, error) {
	dsn, err := dataSourceName(path, readOnly)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	// SQLite allows one writer at a time; with a single connection, writers
	// queue in database/sql instead of failing with SQLITE_BUSY, and the
	// per-connection pragmas of the DSN hold for every statement.
	db.SetMaxOpenConns(1)
	return &Store{db: db, q: db, path: path, readOnly: readOnly}, nil
}

// dataSourceName builds the driver's URI for path. The path is escaped, so
// that characters such as '?' and '#' stay part of the file name.
// busy_timeout makes other processes' locks wait rather than fail.
// synchronous=FULL makes each commit durable before it returns, so that
// what a run prints as stored, or the server answers as stored, survives a
// power cut too, not only a crash of the process (which NORMAL already
// survives in WAL mode): one fsync a batch, not an article, so it costs
// little. Transactions begin IMMEDIATE so that a writer takes the lock up
// front instead of failing to upgrade a read lock midway. A read-only
// store opens the file with mode=ro: SQLite itself refuses any write.
func dataSourceName(path string, readOnly bool) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "foreign_keys(1)")
	if readOnly {
		q.Set("mode", "ro")
	} else {
		q.Add("_pragma", "synchronous(FULL)")
		q.Set("_txlock", "immediate")
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs), RawQuery: q.Encode()}
	return u.String(), nil
}

// checkHeader refuses an existing file that does not start like a SQLite
// database, before SQLite opens it. An empty file is accepted: SQLite treats
// it as a new database, and nothing is lost.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("open store %s: %w", path, err)
	}
	defer f.Close()
	var h [len(sqliteHeader)]byte
	n, err := io.ReadFull(f, h[:])
	if n == 0 && err == io.EOF {
		return nil
	}
	if err != nil && err != io.ErrUnexpectedEOF {
		return fmt.Errorf("open store %s: %w", path, err)
	}
	if string(h[:n]) != sqliteHeader {
		return fmt.Errorf("%s is %w: not a SQLite database", path, errNotAStore)
	}
	return nil
}

// init checks that the file is ours, or new, before changing anything in it,
// then switches it to WAL and migrates the schema.
func (s *Store) init() error {
	ctx := context.Background()
	var appID, version, objects int
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT application_id FROM pragma_application_id),
		(SELECT user_version FROM pragma_user_version),
		(SELECT count(*) FROM sqlite_schema)`).Scan(&appID, &version, &objects)
	if err != nil {
		return fmt.Errorf("open store %s: %w", s.path, err)
	}
	fresh := false
	switch {
	case appID == applicationID && version > len(migrations):
		return fmt.Errorf("open store %s: schema version %d is newer than this storyline supports (%d); upgrade storyline",
			s.path, version, len(migrations))
	case appID == applicationID:
	case appID == 0 && version == 0 && objects == 0: // new, empty database
		fresh = true
	default:
		return fmt.Errorf("%s is %w: SQLite database of another application (application_id %#x, %d schema objects)",
			s.path, errNotAStore, appID, objects)
	}

	if fresh {
		// An article row (text and raw, ~6 KB) overflows the default 4 KB
		// page; 16 KB pages made BenchmarkPut 22% faster. The page size can
		// only be chosen before the first write, and not at all in WAL mode.
		if _, err := s.db.ExecContext(ctx, "PRAGMA page_size = 16384"); err != nil {
			return fmt.Errorf("open store %s: set page size: %w", s.path, err)
		}
	}

	// WAL lets readers (the server) go on while the pipeline writes. The mode
	// is persistent in the file, so it is set once here, not per connection.
	var mode string
	if err := s.db.QueryRowContext(ctx, "PRAGMA journal_mode = WAL").Scan(&mode); err != nil {
		return fmt.Errorf("open store %s: set WAL mode: %w", s.path, err)
	}
	if !strings.EqualFold(mode, "wal") {
		return fmt.Errorf("open store %s: WAL mode not supported here (journal mode %q)", s.path, mode)
	}
	return s.migrate(ctx)
}

// checkReadable checks, without writing, that the file is a storyline
// store that a reader can use: current tells that its schema is this
// storyline's and in WAL mode, which readers beside a writer need; a new
// file, or an older schema, is not current (Open makes it so).
func (s *Store) checkReadable() (current bool, err error) {
	var appID, version, objects int
	var mode string
	err = s.db.QueryRow(`SELECT
		(SELECT application_id FROM pragma_application_id),
		(SELECT user_version FROM pragma_user_version),
		(SELECT count(*) FROM sqlite_schema),
		(SELECT journal_mode FROM pragma_journal_mode)`).Scan(&appID, &version, &objects, &mode)
	if err != nil {
		return false, fmt.Errorf("open store %s: %w", s.path, err)
	}
	switch {
	case appID == applicationID && version > len(migrations):
		return false, fmt.Errorf("open store %s: schema version %d is newer than this storyline supports (%d); upgrade storyline",
			s.path, version, len(migrations))
	case appID == applicationID:
		return version == len(migrations) && strings.EqualFold(mode, "wal"), nil
	case appID == 0 && version == 0 && objects == 0:
		return false, nil
	}
	return false, fmt.Errorf("%s is %w: SQLite database of another application (application_id %#x, %d schema objects)",
		s.path, errNotAStore, appID, objects)
}

// migrate applies the migrations the file lacks, each in its own
// transaction with the version bump, so an interrupted upgrade resumes where
// it stopped. The version is read again inside each transaction, which makes
// two processes opening a new store at once safe.
func (s *Store) migrate(ctx context.Context) error {
	for {
		done, err := s.migrateOne(ctx)
		if err != nil {
			return fmt.Errorf("open store %s: %w", s.path, err)
		}
		if done {
			return nil
		}
	}
}

func (s *Store) migrateOne(ctx context.Context) (done bool, err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	var version int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return false, err
	}
	if version >= len(migrations) {
		return true, nil
	}
	if _, err := tx.ExecContext(ctx, migrations[version]); err != nil {
		return false, fmt.Errorf("migrate schema to version %d: %w", version+1, err)
	}
	// PRAGMA does not take bound parameters; both values are our own ints.
	bump := fmt.Sprintf("PRAGMA user_version = %d; PRAGMA application_id = %d", version+1, applicationID)
	if _, err := tx.ExecContext(ctx, bump); err != nil {
		return false, fmt.Errorf("migrate schema to version %d: %w", version+1, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("migrate schema to version %d: %w", version+1, err)
	}
	return false, nil
}

// row is an article encoded for the articles table.
type row struct {
	a         *article.Article
	published sql.NullString
	removed   sql.NullString
	raw       []byte
	rawHash   string
}

// encode validates a and converts the fields SQLite has no type for.
func encode(a *article.Article) (row, error) {
	r := row{a: a, raw: a.Raw}
	if a.Published.Known() {
		t := a.Published.Time.UTC()
		// timeLayout has four year digits; outside them the text would not
		// parse back.
		if y := t.Year(); y < 0 || y > 9999 {
			return row{}, fmt.Errorf("published time %v out of range", t)
		}
		r.published = sql.NullString{String: t.Format(timeLayout), Valid: true}
	}
	if len(a.Removed) > 0 {
		b, err := json.Marshal(a.Removed)
		if err != nil {
			return row{}, fmt.Errorf("encode removed lines: %w", err)
		}
		r.removed = sql.NullString{String: string(b), Valid: true}
	}
	if r.raw == nil {
		r.raw = []byte{} // the column is NOT NULL; a nil slice would bind as NULL
	}
	sum := sha256.Sum256(a.Raw)
	r.rawHash = hex.EncodeToString(sum[:])
	return r, nil
}

// Put stores a batch of articles in one transaction; see store.Store. The
// whole batch is checked before anything is written, and a failure on any
// article rolls back the batch.
func (s *Store) Put(ctx context.Context, articles []*article.Article) ([]store.Outcome, error) {
	rows := make([]row, len(articles))
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
		rows[i] = r
	}
	if len(rows) == 0 {
		return []store.Outcome{}, nil
	}
	if s.readOnly {
		return nil, fmt.Errorf("put: %w", errReadOnly)
	}

	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("put: begin transaction in %s: %w", s.path, err)
	}
	defer tx.Rollback() // no-op after Commit
	st, err := preparePut(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("put: %w", err)
	}
	defer st.close()
	// The transaction holds the write lock from its start (it begins
	// IMMEDIATE), so no other writer can take a seq between this read and
	// the inserts. The UNIQUE index on seq makes max(seq) one index lookup.
	var seq int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) FROM articles`).Scan(&seq); err != nil {
		return nil, fmt.Errorf("put: %w", err)
	}

	stored, err := storedVersions(ctx, tx, rows)
	if err != nil {
		return nil, fmt.Errorf("put: %w", err)
	}

	// The articles are written first and their words indexed after, in
	// the order of the writes: the search index's in-memory table of
	// pending terms then stays in the processor's caches while it fills,
	// which made Put 5% faster than indexing each article beside its row.
	//
	// The statements for each article run with a context that is never
	// done, and ctx is checked between them instead: for a context that
	// can be done, as a run's is, the driver starts a goroutine and sets a
	// progress handler for each statement, which cost Put 5%.
	each := context.WithoutCancel(ctx)
	now := time.Now().UTC().Format(timeLayout)
	outcomes := make([]store.Outcome, len(rows))
	var indexing []indexChange
	for i, r := range rows {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("put: %w", err)
		}
		a := r.a
		old, found := stored[a.ID]
		switch {
		case !found:
			seq++
			_, err = st.insert.ExecContext(each, a.ID, seq, a.URL, a.Site, a.Title, a.Text, a.Lang,
				r.published, string(a.Published.Precision), a.Published.Exact, a.Published.From,
				a.Source.Path, a.Source.Line, a.RawFormat, r.raw, r.rawHash, r.removed, now)
			indexing = append(indexing, indexChange{seq: seq, title: a.Title, text: a.Text})
			stored[a.ID] = version{seq: seq, rawHash: r.rawHash}
			outcomes[i] = store.Added
		case old.rawHash == r.rawHash:
			outcomes[i] = store.Unchanged
		default:
			// FTS5's 'delete' takes the values that were indexed.
			unindex := indexChange{remove: true, seq: old.seq}
			err = st.indexed.QueryRowContext(each, old.seq).Scan(&unindex.title, &unindex.text)
			if err == nil {
				_, err = st.update.ExecContext(each, a.URL, a.Site, a.Title, a.Text, a.Lang,
					r.published, string(a.Published.Precision), a.Published.Exact, a.Published.From,
					a.Source.Path, a.Source.Line, a.RawFormat, r.raw, r.rawHash, r.removed, old.seq)
			}
			indexing = append(indexing, unindex, indexChange{seq: old.seq, title: a.Title, text: a.Text})
			stored[a.ID] = version{seq: old.seq, rawHash: r.rawHash}
			outcomes[i] = store.Updated
		}
		if err != nil {
			return nil, fmt.Errorf("put article %q: %w", a.ID, err)
		}
	}
	for _, c := range indexing {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("put: %w", err)
		}
		if c.remove {
			_, err = st.unindex.ExecContext(each, c.seq, c.title, c.text)
		} else {
			_, err = st.index.ExecContext(each, c.seq, c.title, c.text)
		}
		if err != nil {
			return nil, fmt.Errorf("put: update the search index: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("put: commit %d articles to %s: %w", len(rows), s.path, err)
	}
	return outcomes, nil
}

// putStatements are the statements Put runs for each article, prepared
// once a batch.
type putStatements struct {
	insert, update *sql.Stmt
	// index and unindex add an article's title and text to the search
	// index and take them out; indexed reads them before update replaces
	// them.
	index, unindex, indexed *sql.Stmt
}

// indexChange is an article's title and text to add to the search index
// or, with remove, to take out of it.
type indexChange struct {
	remove      bool
	seq         int64
	title, text string
}

// version is what Put needs to know of a stored article: its row and the
// hash of its raw bytes.
type version struct {
	seq     int64
	rawHash string
}

// storedVersions returns the stored versions of the batch's articles that
// are stored already, by ID, in one query: a query per article, run
// between the writes, made Put a third slower.
func storedVersions(ctx context.Context, tx *sql.Tx, rows []row) (map[string]version, error) {
	ids := make([]string, len(rows))
	for i, r := range rows {
		ids[i] = r.a.ID
	}
	idsJSON, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	// The IN list is looked up ID by ID in the primary key's index.
	found, err := tx.QueryContext(ctx,
		`SELECT id, seq, raw_hash FROM articles WHERE id IN (SELECT value FROM json_each(?))`, string(idsJSON))
	if err != nil {
		return nil, err
	}
	defer found.Close()
	stored := make(map[string]version, len(rows))
	for found.Next() {
		var id string
		var v version
		if err := found.Scan(&id, &v.seq, &v.rawHash); err != nil {
			return nil, err
		}
		stored[id] = v
	}
	return stored, found.Err()
}

// preparePut prepares Put's statements in tx.
func preparePut(ctx context.Context, tx *sql.Tx) (*putStatements, error) {
	var st putStatements
	for _, p := range []struct {
		stmt  **sql.Stmt
		query string
	}{
		{&st.insert, `INSERT INTO articles (
			id, seq, url, site, title, text, lang,
			published, published_precision, published_exact, published_from,
			source_path, source_line, raw_format, raw, raw_hash, removed, ingested_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&st.update, `UPDATE articles SET
			url = ?, site = ?, title = ?, text = ?, lang = ?,
			published = ?, published_precision = ?, published_exact = ?, published_from = ?,
			source_path = ?, source_line = ?, raw_format = ?, raw = ?, raw_hash = ?, removed = ?
			WHERE seq = ?`},
		{&st.index, `INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)`},
		{&st.unindex, `INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)`},
		{&st.indexed, `SELECT title, text FROM articles WHERE seq = ?`},
	} {
		stmt, err := tx.PrepareContext(ctx, p.query)
		if err != nil {
			st.close()
			return nil, err
		}
		*p.stmt = stmt
	}
	return &st, nil
}

func (st *putStatements) close() {
	for _, stmt := range []*sql.Stmt{st.insert, st.update, st.index, st.unindex, st.indexed} {
		if stmt != nil {
			stmt.Close()
		}
	}
}

// columns are the articles columns scanned by scan, in its order; raw comes
// last so List can leave it out.
const columns = `id, url, site, title, text, lang,
	published, published_precision, published_exact, published_from,
	source_path, source_line, raw_format, removed`

// scan reads one row selected with columns, plus raw when withRaw is set.
// Empty Raw and Removed come back as nil slices.
func scan(sc interface{ Scan(...any) error }, withRaw bool) (*article.Article, error) {
	var (
		a                  article.Article
		published, removed sql.NullString
		precision          string
		raw                []byte
	)
	dest := []any{&a.ID, &a.URL, &a.Site, &a.Title, &a.Text, &a.Lang,
		&published, &precision, &a.Published.Exact, &a.Published.From,
		&a.Source.Path, &a.Source.Line, &a.RawFormat, &removed}
	if withRaw {
		dest = append(dest, &raw)
	}
	if err := sc.Scan(dest...); err != nil {
		return nil, err
	}
	a.Published.Precision = article.Precision(precision)
	if published.Valid {
		t, err := time.Parse(time.RFC3339Nano, published.String)
		if err != nil {
			return nil, fmt.Errorf("article %q: published: %w", a.ID, err)
		}
		a.Published.Time = t
	}
	if removed.Valid {
		if err := json.Unmarshal([]byte(removed.String), &a.Removed); err != nil {
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
	r := s.q.QueryRowContext(ctx, `SELECT `+columns+`, raw FROM articles WHERE id = ?`, id)
	a, err := scan(r, true)
	if errors.Is(err, sql.ErrNoRows) {
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
	limit := opts.Limit
	if limit == 0 {
		limit = -1 // no limit, in SQLite
	}
	rows, err := s.q.QueryContext(ctx,
		`SELECT `+columns+` FROM articles ORDER BY seq LIMIT ? OFFSET ?`, limit, opts.Offset)
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
	if err := s.q.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return n, nil
}

// Close closes the database file and, for a store opened with Open, lets
// other processes open it.
func (s *Store) Close() error {
	if tx, ok := s.q.(*sql.Tx); ok {
		tx.Rollback() // only read
	}
	err := s.db.Close()
	if s.unlock != nil {
		s.unlock()
		s.unlock = nil
	}
	if err != nil {
		return fmt.Errorf("close store %s: %w", s.path, err)
	}
	return nil
}

// CheckIntegrity runs SQLite's integrity check over the whole file, its
// foreign key check, and (unless the store is read-only) FTS5's check that
// the search index matches the articles, and returns an error listing what
// is wrong, if anything.
func (s *Store) CheckIntegrity(ctx context.Context) error {
	var problems []string
	for _, check := range []string{"PRAGMA integrity_check", "PRAGMA foreign_key_check"} {
		rows, err := s.q.QueryContext(ctx, check)
		if err != nil {
			return fmt.Errorf("check store %s: %w", s.path, err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return fmt.Errorf("check store %s: %w", s.path, err)
			}
			if line := fmt.Sprint(vals...); line != "ok" {
				problems = append(problems, check+": "+line)
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return fmt.Errorf("check store %s: %w", s.path, err)
		}
	}
	// FTS5 reports a mismatch between its index and the articles as an
	// error of this statement, which changes nothing but is a write for
	// SQLite: a read-only store skips it.
	if !s.readOnly {
		if _, err := s.q.ExecContext(ctx, `INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
			problems = append(problems, "search index: "+err.Error())
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("store %s is damaged: %s", s.path, strings.Join(problems, "; "))
	}
	return nil
}
