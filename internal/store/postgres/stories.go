package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/story"
)

// SaveStories replaces the stored outcome of story detection with res, in
// one transaction: readers see the old stories or the new, never a mix.
// Rows are deleted rather than truncated, since TRUNCATE would block every
// reader until the commit.
func (s *Store) SaveStories(ctx context.Context, res story.Result) error {
	err := s.withRetry(ctx, func(tx pgx.Tx) error { return saveStoriesTx(ctx, tx, res) })
	if err != nil {
		return fmt.Errorf("save stories: %w", err)
	}
	return nil
}

// saveStoriesTx writes res in tx, replacing what is stored, and counts one
// more generation of stories.
func saveStoriesTx(ctx context.Context, tx pgx.Tx, res story.Result) error {
	// First, so that two savers take turns: the second waits here for the
	// first to commit, then deletes what the first wrote. (Without it, its
	// DELETE would miss the rows the first inserted meanwhile, and its
	// inserts would collide with them.)
	if _, err := tx.Exec(ctx, `UPDATE store_state SET generation = generation + 1 WHERE id = 1`); err != nil {
		return err
	}
	for _, q := range []string{`DELETE FROM events`, `DELETE FROM storylines`, `DELETE FROM assignments`} {
		if _, err := tx.Exec(ctx, q); err != nil {
			return err
		}
	}
	// COPY rather than one INSERT a row: a detection over a large store
	// saves one assignment per article.
	events := make([][]any, len(res.Events))
	for i, e := range res.Events {
		body, err := json.Marshal(e)
		if err != nil {
			return err
		}
		var last *time.Time
		if !e.Last.IsZero() {
			l := e.Last.UTC()
			last = &l
		}
		events[i] = []any{e.ID, int32(i), e.Storyline, int32(len(e.Articles)), last, body}
	}
	storylines := make([][]any, len(res.Storylines))
	for i, sl := range res.Storylines {
		body, err := json.Marshal(sl)
		if err != nil {
			return err
		}
		storylines[i] = []any{sl.ID, body}
	}
	assignments := make([][]any, len(res.Assignments))
	for i := range res.Assignments {
		a := res.Assignment(i)
		body, err := json.Marshal(a)
		if err != nil {
			return err
		}
		assignments[i] = []any{a.Article, a.Event, a.Storyline, body}
	}
	for _, c := range []struct {
		table   string
		columns []string
		rows    [][]any
	}{
		{"events", []string{"id", "pos", "storyline", "articles", "last", "body"}, events},
		{"storylines", []string{"id", "body"}, storylines},
		{"assignments", []string{"article", "event", "storyline", "body"}, assignments},
	} {
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{c.table}, c.columns, pgx.CopyFromRows(c.rows)); err != nil {
			return fmt.Errorf("%s: %w", c.table, err)
		}
	}
	return nil
}

// Events returns the stored events, in the order detection gave them.
func (s *Store) Events(ctx context.Context) ([]story.Event, error) {
	rows, err := s.pool.Query(ctx, `SELECT body FROM events ORDER BY pos`)
	if err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	defer rows.Close()
	var out []story.Event
	for rows.Next() {
		var body []byte
		if err := rows.Scan(&body); err != nil {
			return nil, fmt.Errorf("list events: %w", err)
		}
		var e story.Event
		if err := json.Unmarshal(body, &e); err != nil {
			return nil, fmt.Errorf("list events: %w", err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	return out, nil
}

// Event returns one stored event.
func (s *Store) Event(ctx context.Context, id string) (story.Event, error) {
	var e story.Event
	if err := s.getJSON(ctx, `SELECT body FROM events WHERE id = $1`, id, &e); err != nil {
		return e, fmt.Errorf("event %s: %w", id, err)
	}
	return e, nil
}

// Storyline returns one stored storyline.
func (s *Store) Storyline(ctx context.Context, id string) (story.Storyline, error) {
	var sl story.Storyline
	if err := s.getJSON(ctx, `SELECT body FROM storylines WHERE id = $1`, id, &sl); err != nil {
		return sl, fmt.Errorf("storyline %s: %w", id, err)
	}
	return sl, nil
}

// Assignment returns where one article went, and why.
func (s *Store) Assignment(ctx context.Context, articleID string) (story.Assignment, error) {
	var a story.Assignment
	if err := s.getJSON(ctx, `SELECT body FROM assignments WHERE article = $1`, articleID, &a); err != nil {
		return a, fmt.Errorf("article %s: %w", articleID, err)
	}
	return a, nil
}

func (s *Store) getJSON(ctx context.Context, query, id string, v any) error {
	var body []byte
	err := s.pool.QueryRow(ctx, query, id).Scan(&body)
	if errors.Is(err, pgx.ErrNoRows) {
		return store.ErrNotFound
	}
	if err != nil {
		return err
	}
	return json.Unmarshal(body, v)
}
