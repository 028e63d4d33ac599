package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"

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
	err = insertRows(ctx, tx, "events", []string{"id", "pos", "storyline", "articles", "last", "body"}, len(res.Events),
		func(i int, args []any) error {
			e := res.Events[i]
			body, err := json.Marshal(e)
			last := ""
			if !e.Last.IsZero() {
				last = e.Last.UTC().Format(timeLayout)
			}
			args[0], args[1], args[2], args[3], args[4], args[5] = e.ID, i, e.Storyline, len(e.Articles), last, string(body)
			return err
		})
	if err == nil {
		err = insertRows(ctx, tx, "storylines", []string{"id", "body"}, len(res.Storylines), func(i int, args []any) error {
			body, err := json.Marshal(res.Storylines[i])
			args[0], args[1] = res.Storylines[i].ID, string(body)
			return err
		})
	}
	if err == nil {
		err = insertRows(ctx, tx, "assignments", []string{"article", "event", "storyline", "body"}, len(res.Assignments),
			func(i int, args []any) error {
				a := res.Assignment(i)
				body, err := json.Marshal(a)
				args[0], args[1], args[2], args[3] = a.Article, a.Event, a.Storyline, string(body)
				return err
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

// rowsPerInsert is how many rows one INSERT of insertRows writes: one
// statement for many rows saves the cost of running a statement per row
// (14% of BenchmarkSaveStories; 64 to 512 rows do about as well).
const rowsPerInsert = 128

// insertRows inserts n rows into table, the values of row i set by
// values into args (one per column). The values of the next rows are made
// (their JSON encoded, a third of the work) on another goroutine while
// SQLite writes the rows before them, which made BenchmarkSaveStories 44%
// faster on two cores.
func insertRows(ctx context.Context, tx *sql.Tx, table string, columns []string, n int, values func(i int, args []any) error) error {
	type chunk struct {
		args []any // values of up to rowsPerInsert rows
		err  error
	}
	chunks := make(chan chunk, 2)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	// The producer is stopped, and waited for, before returning, so that
	// nothing reads the caller's values after.
	defer wg.Wait()
	defer close(stop)
	wg.Go(func() {
		defer close(chunks)
		for start := 0; start < n; start += rowsPerInsert {
			var c chunk
			c.args = make([]any, min(rowsPerInsert, n-start)*len(columns))
			for i := 0; i*len(columns) < len(c.args) && c.err == nil; i++ {
				c.err = values(start+i, c.args[i*len(columns):(i+1)*len(columns)])
			}
			select {
			case chunks <- c:
			case <-stop:
				return
			}
			if c.err != nil {
				return
			}
		}
	})

	row := "(?" + strings.Repeat(", ?", len(columns)-1) + ")"
	query := func(rows int) string {
		return "INSERT INTO " + table + " (" + strings.Join(columns, ", ") + ") VALUES " +
			row + strings.Repeat(", "+row, rows-1)
	}
	var full *sql.Stmt // for rowsPerInsert rows, prepared once
	defer func() {
		if full != nil {
			full.Close()
		}
	}()
	for c := range chunks {
		if c.err != nil {
			return c.err
		}
		var err error
		if rows := len(c.args) / len(columns); rows < rowsPerInsert {
			// The last chunk, shorter than the others.
			_, err = tx.ExecContext(ctx, query(rows), c.args...)
		} else {
			if full == nil {
				if full, err = tx.PrepareContext(ctx, query(rows)); err != nil {
					return err
				}
			}
			_, err = full.ExecContext(ctx, c.args...)
		}
		if err != nil {
			return err
		}
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
