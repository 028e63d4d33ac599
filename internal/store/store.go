// Package store defines where articles are kept between runs: the Store
// interface that the pipeline writes to and the server reads from, and the
// types shared by its implementations. Each database lives in its own
// subpackage (store/sqlite, the embedded default).
package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"

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
	// nothing: on error none of it is stored.
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
