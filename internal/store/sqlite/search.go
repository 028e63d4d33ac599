package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/storyline/storyline/internal/store"
)

// Search finds articles by the words of query with SQLite's FTS5 index;
// see store.Store. Titles weigh twice as much as texts in the ranking, as
// they do in story detection.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]store.SearchHit, error) {
	match := matchExpression(query)
	if match == "" {
		return nil, fmt.Errorf("search %q: %w: no word to look for", query, store.ErrBadQuery)
	}
	if limit <= 0 {
		limit = 20
	}
	rows, err := s.q.QueryContext(ctx, `SELECT a.id, a.title, a.url, a.site, a.lang,
			snippet(articles_fts, 1, '', '', '…', 24)
		FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
		WHERE articles_fts MATCH ?
		ORDER BY bm25(articles_fts, 2.0, 1.0), a.seq
		LIMIT ?`, match, limit)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	defer rows.Close()
	hits := []store.SearchHit{}
	for rows.Next() {
		var h store.SearchHit
		if err := rows.Scan(&h.ID, &h.Title, &h.URL, &h.Site, &h.Lang, &h.Snippet); err != nil {
			return nil, fmt.Errorf("search %q: %w", query, err)
		}
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	return hits, nil
}

// matchExpression turns what a user typed into an FTS5 query that requires
// every word: each word is quoted, so that FTS5's operators (AND, NEAR, *,
// column filters, quotes) in the input are searched for as text instead of
// failing or changing the query. Words are split as FTS5's unicode61
// tokenizer splits them (store.SearchWords).
func matchExpression(query string) string {
	words := store.SearchWords(query)
	for i, w := range words {
		words[i] = `"` + w + `"` // no '"' can be left in w after the split
	}
	return strings.Join(words, " ")
}
