// Package store defines where articles are kept between runs: the Store
// interface that the pipeline writes to and the server reads from, and the
// types shared by its implementations. Each database lives in its own
// subpackage: store/sqlite, the embedded default, and store/postgres, for a
// team's shared service; store/storetest is the behaviour both must have.
package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/story"
)

// ErrNotFound is returned, possibly wrapped, when a requested article is not
// stored. Test for it with errors.Is.
var ErrNotFound = errors.New("not found")

// Outcome says what Put did with one article.
type Outcome int

// Outcomes of Put, one per article.
const (
	Added     Outcome = iota // the ID was not stored before
	Unchanged                // stored with the same raw content; left alone
	Updated                  // stored with different raw content; replaced
)

// String returns "added", "unchanged" or "updated".
func (o Outcome) String() string {
	switch o {
	case Added:
		return "added"
	case Unchanged:
		return "unchanged"
	case Updated:
		return "updated"
	}
	return "Outcome(" + strconv.Itoa(int(o)) + ")"
}

// Store keeps articles by ID. Implementations are safe for concurrent use.
type Store interface {
	// Put stores a batch of articles in one transaction. An article whose ID
	// is already stored with the same raw content hash is left alone
	// (Unchanged); with different raw content it is replaced (Updated).
	// Returns one Outcome per article, in order. The batch is all or
	// nothing: on error none of it is stored. Text fields are stored as
	// StorableText makes them; an ID that is not storable as it is, or a
	// publication year outside 0–9999, fails the batch.
	Put(ctx context.Context, articles []*article.Article) ([]Outcome, error)

	// Get returns one article with its Raw bytes and Removed lines, or an
	// error wrapping ErrNotFound when no article has that ID.
	Get(ctx context.Context, id string) (*article.Article, error)

	// List returns stored articles, without Raw, in ingestion order (oldest
	// first), paged by opts.
	List(ctx context.Context, opts ListOptions) ([]*article.Article, error)

	// Count returns how many articles are stored.
	Count(ctx context.Context) (int, error)

	// SaveStories replaces the stored outcome of story detection.
	SaveStories(ctx context.Context, res story.Result) error
	// Events returns the stored events in detection order.
	Events(ctx context.Context) ([]story.Event, error)
	// Event, Storyline and Assignment return one stored record, or an
	// error wrapping ErrNotFound.
	Event(ctx context.Context, id string) (story.Event, error)
	Storyline(ctx context.Context, id string) (story.Storyline, error)
	Assignment(ctx context.Context, articleID string) (story.Assignment, error)

	// Search finds the articles whose title or text hold every word of
	// query (case and accents ignored), best match first, at most limit of
	// them. Words are matched whole; query syntax characters are ordinary
	// text. A query without any word is an error wrapping ErrBadQuery.
	Search(ctx context.Context, query string, limit int) ([]SearchHit, error)

	// Close releases the store; it must not be used afterwards.
	Close() error
}

// StorableText returns s as every store keeps a text field: valid UTF-8
// (invalid bytes become U+FFFD) without NUL characters (U+FFFD too).
// PostgreSQL's text type holds nothing else, and the embedded store follows
// the same rule so that an article reads back the same from either. The
// pipeline already gives valid UTF-8; a NUL can still come in through a
// JSON "\u0000". Raw bytes are never changed.
func StorableText(s string) string {
	if utf8.ValidString(s) && strings.IndexByte(s, 0) < 0 {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.ReplaceAll(s, "\x00", "\uFFFD")
}

// Storable returns a with every text field as StorableText makes it: a
// itself when nothing needs changing, else a changed copy (the caller's
// article is left alone).
func Storable(a *article.Article) *article.Article {
	c := *a
	fields := []*string{&c.URL, &c.Site, &c.Title, &c.Text, &c.Lang,
		&c.Published.From, &c.Source.Path, &c.RawFormat}
	changed := false
	for _, f := range fields {
		if t := StorableText(*f); t != *f {
			*f, changed = t, true
		}
	}
	if p := StorableText(string(c.Published.Precision)); p != string(c.Published.Precision) {
		c.Published.Precision, changed = article.Precision(p), true
	}
	for _, r := range c.Removed {
		if StorableText(r.Text) != r.Text || StorableText(r.Reason) != r.Reason {
			c.Removed = make([]article.RemovedLine, len(a.Removed))
			for j, r := range a.Removed {
				c.Removed[j] = article.RemovedLine{Line: r.Line, Text: StorableText(r.Text), Reason: StorableText(r.Reason)}
			}
			changed = true
			break
		}
	}
	if !changed {
		return a
	}
	return &c
}

// SearchWords splits a search query into the words every one of which a
// hit must hold, as SQLite FTS5's unicode61 tokenizer splits text: on
// anything that is not a letter, digit or mark. Query syntax characters
// (quotes, parentheses, '*', ':', '-') thus separate words and are never
// operators.
func SearchWords(query string) []string {
	return strings.FieldsFunc(query, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.M, r)
	})
}

// CheckID reports an error for an article ID that a store cannot keep as
// it is: empty, or not what StorableText would leave unchanged.
func CheckID(id string) error {
	if id == "" {
		return errors.New("has no id")
	}
	if StorableText(id) != id {
		return fmt.Errorf("has an id with a NUL character or invalid UTF-8 (%q)", id)
	}
	return nil
}

// ErrBadQuery is returned, possibly wrapped, by Search for a query it cannot
// run, such as one without any word.
var ErrBadQuery = errors.New("bad search query")

// SearchHit is one article found by Search.
type SearchHit struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	URL     string `json:"url,omitempty"`
	Site    string `json:"site,omitempty"`
	Lang    string `json:"lang,omitempty"`
	Snippet string `json:"snippet"` // words around the match, from the text
}

// ListOptions pages the result of List.
type ListOptions struct {
	Limit  int // at most this many articles; 0 means no limit
	Offset int // skip this many articles first
}

// DefaultPath returns where the store lives when no path is given:
//
//   - $STORYLINE_DB, if set;
//   - else $XDG_DATA_HOME/storyline/storyline.db, if XDG_DATA_HOME is an
//     absolute path;
//   - else ~/.local/share/storyline/storyline.db.
//
// If the home directory is unknown too, it falls back to storyline.db in the
// current directory.
func DefaultPath() string {
	if p := os.Getenv("STORYLINE_DB"); p != "" {
		return p
	}
	// The XDG base directory spec says relative values are invalid and must
	// be ignored.
	if dir := os.Getenv("XDG_DATA_HOME"); dir != "" && filepath.IsAbs(dir) {
		return filepath.Join(dir, "storyline", "storyline.db")
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, ".local", "share", "storyline", "storyline.db")
	}
	return "storyline.db"
}
