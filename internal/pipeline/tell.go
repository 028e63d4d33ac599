package pipeline

import (
	"context"
	"fmt"

	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/story"
	"github.com/storyline/storyline/internal/tell"
)

// Tell tells the stored story with the given id: an event, or a storyline
// (told from its events). The error wraps store.ErrNotFound when no event
// or storyline has that id.
func Tell(ctx context.Context, st store.Store, id string, opt tell.Options) (tell.Story, error) {
	if sl, err := st.Storyline(ctx, id); err == nil {
		var events []tell.Story
		for _, eid := range sl.Events {
			ev, err := st.Event(ctx, eid)
			if err != nil {
				return tell.Story{}, err
			}
			s, err := TellEvent(ctx, st, ev, opt)
			if err != nil {
				return tell.Story{}, err
			}
			events = append(events, s)
		}
		return tell.Storyline(sl, events), nil
	}
	ev, err := st.Event(ctx, id)
	if err != nil {
		return tell.Story{}, err
	}
	return TellEvent(ctx, st, ev, opt)
}

// TellEvent tells one stored event from its stored articles.
func TellEvent(ctx context.Context, st store.Store, ev story.Event, opt tell.Options) (tell.Story, error) {
	in := tell.Input{Event: ev, CopyOf: map[string]string{}}
	for _, aid := range ev.Articles {
		a, err := st.Get(ctx, aid)
		if err != nil {
			return tell.Story{}, fmt.Errorf("event %s: %w", ev.ID, err)
		}
		a.Raw = nil
		in.Articles = append(in.Articles, a)
		if as, err := st.Assignment(ctx, aid); err == nil && as.Decision.CopyOf != "" {
			in.CopyOf[aid] = as.Decision.CopyOf
		}
	}
	return tell.Event(in, opt), nil
}
