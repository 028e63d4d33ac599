package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/story"
)

// CopySummary counts what Copy did.
type CopySummary struct {
	Articles    int // articles read from the source
	Added       int
	Unchanged   int // already in the destination, as a resumed copy finds them
	Updated     int
	Events      int
	Storylines  int
	Assignments int
}

// copyPage is how many articles Copy reads and writes at a time: one Put
// transaction each, and the memory of one page of raw bytes.
const copyPage = 500

// Copy copies every article of src into dst — raw bytes included, in
// ingestion order, so that detection replays them in the same order there —
// then the stored stories (events, storylines, assignments) as they are.
//
// dst must be empty, or hold the start of src in the same order (a copy
// that was interrupted): anything else would interleave two histories.
// Articles already there are recognised (Unchanged) and the copy goes on.
// Writers should be stopped while it runs: what they add meanwhile may or
// may not be copied. progress, when not nil, is told of the articles
// copied so far.
func Copy(ctx context.Context, dst, src Store, progress func(articles int)) (CopySummary, error) {
	var sum CopySummary
	if err := checkPrefix(ctx, dst, src); err != nil {
		return sum, err
	}
	var ids []string
	for offset := 0; ; offset += copyPage {
		page, err := src.List(ctx, ListOptions{Limit: copyPage, Offset: offset})
		if err != nil {
			return sum, fmt.Errorf("read the source: %w", err)
		}
		batch := make([]*article.Article, len(page))
		for i, a := range page {
			// List leaves the raw bytes out; Get has them.
			if batch[i], err = src.Get(ctx, a.ID); err != nil {
				return sum, fmt.Errorf("read the source: %w", err)
			}
			ids = append(ids, a.ID)
		}
		if len(batch) > 0 {
			out, err := dst.Put(ctx, batch)
			if err != nil {
				return sum, fmt.Errorf("write the destination: %w", err)
			}
			for _, o := range out {
				switch o {
				case Added:
					sum.Added++
				case Unchanged:
					sum.Unchanged++
				case Updated:
					sum.Updated++
				}
			}
			sum.Articles += len(batch)
			if progress != nil {
				progress(sum.Articles)
			}
		}
		if len(page) < copyPage {
			break
		}
	}

	res, err := readStories(ctx, src, ids)
	if err != nil {
		return sum, fmt.Errorf("read the source's stories: %w", err)
	}
	if err := dst.SaveStories(ctx, res); err != nil {
		return sum, fmt.Errorf("write the destination: %w", err)
	}
	sum.Events, sum.Storylines, sum.Assignments = len(res.Events), len(res.Storylines), len(res.Assignments)
	return sum, nil
}

// checkPrefix refuses a destination that holds anything but the first
// articles of the source, in the source's order.
func checkPrefix(ctx context.Context, dst, src Store) error {
	n, err := dst.Count(ctx)
	if err != nil {
		return fmt.Errorf("read the destination: %w", err)
	}
	for offset := 0; offset < n; offset += copyPage {
		have, err := dst.List(ctx, ListOptions{Limit: copyPage, Offset: offset})
		if err != nil {
			return fmt.Errorf("read the destination: %w", err)
		}
		want, err := src.List(ctx, ListOptions{Limit: copyPage, Offset: offset})
		if err != nil {
			return fmt.Errorf("read the source: %w", err)
		}
		for i, a := range have {
			if i >= len(want) || want[i].ID != a.ID {
				return fmt.Errorf("the destination already holds %d articles that are not the start of the source's (article %d is %q): copy into an empty store", n, offset+i+1, a.ID)
			}
		}
	}
	return nil
}

// readStories reads back the outcome of detection as SaveStories was given
// it: events in detection order, storylines in the order of their first
// event (as detection lists them), one assignment per article in ingestion
// order.
func readStories(ctx context.Context, src Store, ids []string) (story.Result, error) {
	var res story.Result
	events, err := src.Events(ctx)
	if err != nil {
		return res, err
	}
	res.Events = events
	seen := map[string]bool{}
	for _, e := range events {
		if e.Storyline == "" || seen[e.Storyline] {
			continue
		}
		seen[e.Storyline] = true
		sl, err := src.Storyline(ctx, e.Storyline)
		if err != nil {
			return res, err
		}
		res.Storylines = append(res.Storylines, sl)
	}
	for _, id := range ids {
		a, err := src.Assignment(ctx, id)
		if errors.Is(err, ErrNotFound) {
			continue // stored after the last detection
		}
		if err != nil {
			return res, err
		}
		res.Assignments = append(res.Assignments, a)
	}
	return res, nil
}
