package serve

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/pipeline"
	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/story"
	"github.com/storyline/storyline/internal/tell"
)

// snapshot is the outcome of the last completed detection, as reads see
// it. It is never changed once published: a new detection makes a new one.
type snapshot struct {
	generation uint64    // 0 for the stories loaded at start, +1 per detection
	at         time.Time // when it was published
	events     []story.Event
	index      map[string]int    // event id → position in events
	eventOf    map[string]string // article id → event id
	storylines map[string]bool
	articles   int // articles placed
	stories    int // events worth listing (see listable)
}

func emptySnapshot() *snapshot { return newSnapshot(0, nil) }

// newSnapshot sorts the events in listing order: latest news first, then
// more sources, more articles, and the id to settle the rest, so that a
// cursor (the key of the last story seen) finds its place again.
func newSnapshot(generation uint64, events []story.Event) *snapshot {
	events = slices.Clone(events)
	slices.SortFunc(events, compareListing)
	sn := &snapshot{
		generation: generation,
		at:         time.Now(),
		events:     events,
		index:      make(map[string]int, len(events)),
		eventOf:    map[string]string{},
		storylines: map[string]bool{},
	}
	for i, e := range events {
		sn.index[e.ID] = i
		for _, a := range e.Articles {
			sn.eventOf[a] = e.ID
		}
		sn.articles += len(e.Articles)
		if e.Storyline != "" {
			sn.storylines[e.Storyline] = true
		}
		if listable(e) {
			sn.stories++
		}
	}
	return sn
}

// listable is what storyline calls a story, as `storyline stories` lists
// them: an event of several articles, or one in a storyline.
func listable(e story.Event) bool { return len(e.Articles) > 1 || e.Storyline != "" }

// compareListing orders events for listing; undated events come last.
func compareListing(a, b story.Event) int {
	if a.Last.IsZero() != b.Last.IsZero() {
		if a.Last.IsZero() {
			return 1
		}
		return -1
	}
	if c := b.Last.Compare(a.Last); c != 0 {
		return c
	}
	if c := cmp.Compare(b.Sources, a.Sources); c != 0 {
		return c
	}
	if c := cmp.Compare(len(b.Articles), len(a.Articles)); c != 0 {
		return c
	}
	return cmp.Compare(a.ID, b.ID)
}

// event returns the event with this id in the snapshot.
func (sn *snapshot) event(id string) (story.Event, bool) {
	i, ok := sn.index[id]
	if !ok {
		return story.Event{}, false
	}
	return sn.events[i], true
}

// load reads the stories the store holds from the last detection, and
// the publication days of its articles, before the server takes requests.
func (s *Server) load(ctx context.Context) error {
	events, err := s.st.Events(ctx)
	if err != nil {
		return fmt.Errorf("load stories: %w", err)
	}
	var generation uint64
	if s.cfg.Shared != nil {
		// Servers sharing a store number their stories as the store
		// does, so that all of them give one story list one generation.
		state, err := s.cfg.Shared.State(ctx)
		if err != nil {
			return fmt.Errorf("load stories: %w", err)
		}
		generation = uint64(state.Generation)
	}
	s.snap.Store(newSnapshot(generation, events))
	return s.loadDates(ctx)
}

// loadDates reads the publication day of every stored article.
func (s *Server) loadDates(ctx context.Context) error {
	const page = 1000
	for offset := 0; ; offset += page {
		arts, err := s.st.List(ctx, store.ListOptions{Limit: page, Offset: offset})
		if err != nil {
			return fmt.Errorf("load articles: %w", err)
		}
		for _, a := range arts {
			s.dates.set(a.ID, a.Published)
		}
		if len(arts) < page {
			return nil
		}
	}
}

// needsDetection reports whether stored articles are missing from the
// stored stories: a previous run stopped before detecting them.
func (s *Server) needsDetection(ctx context.Context) bool {
	n, err := s.st.Count(ctx)
	return err == nil && n != s.snap.Load().articles
}

// requestDetection asks for a detection after the current one, if any.
// Requests made while one is pending coalesce into it: detection replays
// every stored article, so one run covers them all.
func (s *Server) requestDetection() {
	select {
	case s.detectRequests <- struct{}{}:
	default:
	}
}

// detectLoop runs detections one at a time, as requested.
func (s *Server) detectLoop(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.detectRequests:
		}
		s.detecting.Store(true)
		start := time.Now()
		res, err := pipeline.Detect(ctx, s.st, *s.cfg.Params)
		s.detecting.Store(false)
		elapsed := time.Since(start)
		if err != nil {
			if ctx.Err() == nil {
				s.log.Error("story detection failed; the previous stories stay", "err", err)
				s.metrics.detectFailures.Add(1)
			}
			continue
		}
		s.metrics.detectSeconds.observe(elapsed.Seconds())
		s.publish(newSnapshot(s.snap.Load().generation+1, res.Events), "stories detected", elapsed)
	}
}

// publish makes sn the stories served and tells the live pages.
func (s *Server) publish(sn *snapshot, what string, took time.Duration) {
	s.snap.Store(sn)
	s.log.Info(what, "generation", sn.generation, "articles", sn.articles,
		"events", len(sn.events), "stories", sn.stories, "storylines", len(sn.storylines), "took", took.Round(time.Millisecond))
	s.updates.publish(sn.generation)
}

// articleDates keeps the publication day of every article, the one thing
// of an article the story list needs (for its sparklines) and the store's
// events do not carry.
type articleDates struct {
	mu   sync.RWMutex
	days map[string]int32 // days since 1970-01-01
	seen map[string]bool  // every article set, dated or not
}

func (d *articleDates) set(id string, p article.Published) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.days == nil {
		d.days = map[string]int32{}
		d.seen = map[string]bool{}
	}
	d.seen[id] = true
	if !p.Known() {
		delete(d.days, id)
		return
	}
	d.days[id] = int32(p.Time.UTC().Unix() / 86400)
}

// knowsAll reports whether every article of events has been seen (with a
// day or without).
func (d *articleDates) knowsAll(events []story.Event) bool {
	d.mu.RLock()
	defer d.mu.RUnlock()
	for _, e := range events {
		for _, id := range e.Articles {
			if !d.seen[id] {
				return false
			}
		}
	}
	return true
}

// of returns the days of the articles that have one.
func (d *articleDates) of(ids []string) []int32 {
	d.mu.RLock()
	defer d.mu.RUnlock()
	var days []int32
	for _, id := range ids {
		if day, ok := d.days[id]; ok {
			days = append(days, day)
		}
	}
	return days
}

// tellCache keeps told stories until the next detection: telling reads
// every article of a story from the store, and a popular story is asked
// for far more often than detection runs.
type tellCache struct {
	mu         sync.Mutex
	generation uint64
	stories    map[string]tell.Story
}

// maxTold bounds the cache; when full it starts over, which is enough for
// a cache that a detection empties anyway.
const maxTold = 512

func (c *tellCache) get(generation uint64, key string) (tell.Story, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.generation != generation {
		return tell.Story{}, false
	}
	s, ok := c.stories[key]
	return s, ok
}

// put keeps a story told under the given generation, unless a newer one
// has been seen since: the story may have been told from older data.
func (c *tellCache) put(generation uint64, key string, s tell.Story) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if generation < c.generation {
		return
	}
	if generation > c.generation || c.stories == nil || len(c.stories) >= maxTold {
		c.generation = generation
		c.stories = map[string]tell.Story{}
	}
	c.stories[key] = s
}
