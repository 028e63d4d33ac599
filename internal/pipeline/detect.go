package pipeline

import (
	"context"
	"fmt"
	"runtime"

	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/story"
)

// Detect runs story detection over every stored article, in ingestion
// order, and saves the outcome. Replaying the whole history keeps the
// result independent of how the input was split across runs: the same
// articles in the same order give the same events.
func Detect(ctx context.Context, st store.Store, p story.Params) (story.Result, error) {
	arts, err := st.List(ctx, store.ListOptions{})
	if err != nil {
		return story.Result{}, err
	}
	docs := make([]*story.Doc, len(arts))
	parallel(len(arts), runtime.GOMAXPROCS(0), func(i int) {
		docs[i] = story.NewDoc(arts[i], p)
	})
	det := story.NewDetector(p)
	det.Prime(docs)
	for _, doc := range docs {
		if err := ctx.Err(); err != nil {
			return story.Result{}, err
		}
		det.Add(doc)
	}
	res := det.Finish()
	if err := st.SaveStories(ctx, res); err != nil {
		return story.Result{}, fmt.Errorf("store: %w", err)
	}
	return res, nil
}
