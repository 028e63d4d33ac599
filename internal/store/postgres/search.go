package postgres

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/storyline/storyline/internal/fold"
	"github.com/storyline/storyline/internal/store"
)

// Full-text search is PostgreSQL's own — a tsvector column with a GIN
// index, @@ and ts_rank — but the words are made here in Go, on the way in
// and on the query: split as FTS5 splits them (store.SearchWords) and
// folded by internal/fold (case, Latin accents), then sent as a tsvector
// and a tsquery in their text form, which the server only reads. So the
// words are the embedded store's, whatever the server's locale or text
// search configuration; no extension (unaccent) is needed, which
// distributed databases lack; and the server is spared its text parser
// (in psql, to_tsvector of 3,000 texts of 2 KB took five times as long as
// casting their vectors from text).

// Limits of the tsvector type: a lexeme is at most 2047 bytes, a position
// at most 16383, a lexeme keeps at most 256 positions, and a whole vector
// at most 1 MB — which maxSearchText keeps an article's words under. Words
// past maxSearchText are not searchable; cleaned articles are far shorter.
const (
	maxLexeme     = 2047
	maxPosition   = 16383
	maxPositions  = 256
	maxSearchText = 256 << 10
)

// searchVector returns the tsvector, in its text form, of an article's
// title (weight A) and text (weight B), positions running on from the
// title into the text as in to_tsvector(title) || to_tsvector(text).
func searchVector(title, text string) string {
	positions := map[string][]string{}
	var order []string
	pos, size := 0, 0
	add := func(s, weight string) {
		// Folding the whole text once, then splitting, gives the words
		// that splitting then folding each would (folding never turns a
		// letter into a separator or back), for a fraction of the cost.
		for _, w := range store.SearchWords(fold.String(s)) {
			if len(w) > maxLexeme {
				continue
			}
			if size += len(w) + 1; size > maxSearchText {
				return
			}
			pos++
			p, ok := positions[w]
			if !ok {
				order = append(order, w)
			}
			if len(p) < maxPositions {
				positions[w] = append(p, strconv.Itoa(min(pos, maxPosition))+weight)
			}
		}
	}
	add(title, "A")
	add(text, "B")
	var sb strings.Builder
	for i, w := range order {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(quoteLexeme(w))
		sb.WriteByte(':')
		sb.WriteString(strings.Join(positions[w], ","))
	}
	return sb.String()
}

// searchQuery returns the tsquery, in its text form, that requires every
// word, and the words, folded; no words when the query has none.
func searchQuery(query string) (string, []string) {
	words := store.SearchWords(fold.String(query))
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = quoteLexeme(w)
	}
	return strings.Join(quoted, " & "), words
}

// quoteLexeme quotes a word for a tsvector or tsquery. Words hold only
// letters, digits and marks, so there is nothing to escape; the escapes
// are there for safety's sake.
func quoteLexeme(w string) string {
	w = strings.ReplaceAll(w, `\`, `\\`)
	return "'" + strings.ReplaceAll(w, "'", "''") + "'"
}

// snippetWords is how many words of the text a hit's snippet shows, as the
// embedded store's FTS5 snippet() call does.
const snippetWords = 24

// Search finds articles by the words of query; see store.Store. Titles weigh
// twice as much as texts in the ranking ('{D, C, B, A}' weights, the title
// being A and the text B), as in the embedded store and story detection.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]store.SearchHit, error) {
	tsquery, folded := searchQuery(query)
	if len(folded) == 0 {
		return nil, fmt.Errorf("search %q: %w: no word to look for", query, store.ErrBadQuery)
	}
	if limit <= 0 {
		limit = 20
	}
	rows, err := s.pool.Query(ctx, `SELECT a.id, a.title, a.url, a.site, a.lang, a.text
		FROM articles a, CAST($1 AS tsquery) q
		WHERE a.search @@ q
		ORDER BY ts_rank('{0.1, 0.2, 0.5, 1.0}', a.search, q) DESC, a.seq
		LIMIT $2`, tsquery, limit)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	defer rows.Close()
	hits := []store.SearchHit{}
	for rows.Next() {
		var h store.SearchHit
		var text string
		if err := rows.Scan(&h.ID, &h.Title, &h.URL, &h.Site, &h.Lang, &text); err != nil {
			return nil, fmt.Errorf("search %q: %w", query, err)
		}
		h.Snippet = snippet(text, folded)
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	return hits, nil
}

// span is one word of a text, by byte offsets.
type span struct{ start, end int }

// snippet returns the snippetWords words of text that hold the most of the
// query's words (the earliest such window, starting two words before its
// first match), with "…" where the text goes on, as FTS5's snippet() does;
// written here since ts_headline would match the folded query against the
// unfolded text.
func snippet(text string, query []string) string {
	want := map[string]bool{}
	for _, q := range query {
		want[q] = true
	}
	var words []span
	start := -1
	for i, r := range text {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r)
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			words = append(words, span{start, i})
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, span{start, len(text)})
	}
	match := make([]bool, len(words))
	for i, w := range words {
		match[i] = want[fold.String(text[w.start:w.end])]
	}
	best, bestScore := 0, -1
	for i := range words {
		if !match[i] {
			continue
		}
		// Two words of context before the match, more when the text ends
		// before the window does.
		from := max(0, min(i-2, len(words)-snippetWords))
		seen := map[string]bool{}
		for j := from; j < min(len(words), from+snippetWords); j++ {
			if match[j] {
				seen[fold.String(text[words[j].start:words[j].end])] = true
			}
		}
		if len(seen) > bestScore {
			best, bestScore = from, len(seen)
		}
	}
	if len(words) == 0 {
		return ""
	}
	end := min(len(words), best+snippetWords)
	var sb strings.Builder
	if best > 0 {
		sb.WriteString("…")
	}
	sb.WriteString(text[words[best].start:words[end-1].end])
	if end < len(words) {
		sb.WriteString("…")
	}
	return sb.String()
}
