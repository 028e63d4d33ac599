package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/story"
)

// SaveStories replaces the stored outcome of story detection with res, in
// one transaction.
func (s *Store) SaveStories(ctx context.Context, res story.Result) error {
	if s.readOnly {
		return fmt.Errorf("save stories: %w", errReadOnly)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save stories: %w", err)
	}
	defer tx.Rollback()
	for _, q := range []string{`DELETE FROM events`, `DELETE FROM storylines`, `DELETE FROM assignments`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("save stories: %w", err)
		}
	}
	insert := func(query string, rows int, args func(i int) ([]any, error)) error {
		st, err := tx.PrepareContext(ctx, query)
		if err != nil {
			return err
		}
		defer st.Close()
		for i := 0; i < rows; i++ {
			a, err := args(i)
			if err != nil {
				return err
			}
			if _, err := st.ExecContext(ctx, a...); err != nil {
				return err
			}
		}
		return nil
	}
	err = insert(`INSERT INTO events (id, pos, storyline, articles, last, body) VALUES (?, ?, ?, ?, ?, ?)`, len(res.Events), func(i int) ([]any, error) {
		e := res.Events[i]
		body, err := json.Marshal(e)
		last := ""
		if !e.Last.IsZero() {
			last = e.Last.UTC().Format(timeLayout)
		}
		return []any{e.ID, i, e.Storyline, len(e.Articles), last, string(body)}, err
	})
	if err == nil {
		err = insert(`INSERT INTO storylines (id, body) VALUES (?, ?)`, len(res.Storylines), func(i int) ([]any, error) {
			body, err := json.Marshal(res.Storylines[i])
			return []any{res.Storylines[i].ID, string(body)}, err
		})
	}
	if err == nil {
		err = insert(`INSERT INTO assignments (article, event, storyline, body) VALUES (?, ?, ?, ?)`, len(res.Assignments), func(i int) ([]any, error) {
			a := res.Assignments[i]
			body, err := json.Marshal(a)
			return []any{a.Article, a.Event, a.Storyline, string(body)}, err
		})
	}
	if err != nil {
		return fmt.Errorf("save stories: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save stories: commit: %w", err)
	}
	return nil
}

// Events returns the stored events, in the order detection gave them.
func (s *Store) Events(ctx context.Context) ([]story.Event, error) {
	rows, err := s.q.QueryContext(ctx, `SELECT body FROM events ORDER BY pos`)
	if err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	defer rows.Close()
	var out []story.Event
	for rows.Next() {
		var body string
		if err := rows.Scan(&body); err != nil {
			return nil, fmt.Errorf("list events: %w", err)
		}
		var e story.Event
		if err := json.Unmarshal([]byte(body), &e); err != nil {
			return nil, fmt.Errorf("list events: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Event returns one stored event.
func (s *Store) Event(ctx context.Context, id string) (story.Event, error) {
	var e story.Event
	err := getJSON(ctx, s.q, `SELECT body FROM events WHERE id = ?`, id, &e)
	if err != nil {
		return e, fmt.Errorf("event %s: %w", id, err)
	}
	return e, nil
}

// Storyline returns one stored storyline.
func (s *Store) Storyline(ctx context.Context, id string) (story.Storyline, error) {
	var sl story.Storyline
	err := getJSON(ctx, s.q, `SELECT body FROM storylines WHERE id = ?`, id, &sl)
	if err != nil {
		return sl, fmt.Errorf("storyline %s: %w", id, err)
	}
	return sl, nil
}

// Assignment returns where one article went, and why.
func (s *Store) Assignment(ctx context.Context, articleID string) (story.Assignment, error) {
	var a story.Assignment
	err := getJSON(ctx, s.q, `SELECT body FROM assignments WHERE article = ?`, articleID, &a)
	if err != nil {
		return a, fmt.Errorf("article %s: %w", articleID, err)
	}
	return a, nil
}

func getJSON(ctx context.Context, db querier, query, id string, v any) error {
	var body string
	err := db.QueryRowContext(ctx, query, id).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return store.ErrNotFound
	}
	if err != nil {
		return err
	}
	return json.Unmarshal([]byte(body), v)
}
