package serve

import (
	"fmt"
	"net/http"
	"sync"
	"time"
)

// broadcaster tells every connected page of each new snapshot. A slow
// page misses intermediate generations, never the latest: each subscriber
// holds one pending generation, replaced by a newer one.
type broadcaster struct {
	mu     sync.Mutex
	subs   map[chan uint64]struct{}
	done   chan struct{} // closed at shutdown: streams end so shutdown need not wait for them
	closed bool
}

func newBroadcaster() *broadcaster {
	return &broadcaster{subs: map[chan uint64]struct{}{}, done: make(chan struct{})}
}

// maxLiveClients bounds the open event streams, each a goroutine and a
// connection.
const maxLiveClients = 1000

func (b *broadcaster) subscribe() (ch chan uint64, ok bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed || len(b.subs) >= maxLiveClients {
		return nil, false
	}
	ch = make(chan uint64, 1)
	b.subs[ch] = struct{}{}
	return ch, true
}

func (b *broadcaster) unsubscribe(ch chan uint64) {
	b.mu.Lock()
	delete(b.subs, ch)
	b.mu.Unlock()
}

func (b *broadcaster) publish(generation uint64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.subs {
		select {
		case <-ch: // drop the older generation not yet sent
		default:
		}
		ch <- generation
	}
}

func (b *broadcaster) clients() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.subs)
}

func (b *broadcaster) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.closed {
		b.closed = true
		close(b.done)
	}
}

// keepAlive is how often an idle stream sends a comment, so that proxies
// and browsers do not take it for dead.
const keepAlive = 25 * time.Second

// getEvents streams Server-Sent Events: one "detection" event when the
// stream opens and one after each detection, with the generation and
// counts. The pages refetch themselves on a generation they have not shown.
func (s *Server) getEvents(w http.ResponseWriter, r *http.Request) {
	ch, ok := s.updates.subscribe()
	if !ok {
		w.Header().Set("Retry-After", "30")
		writeError(w, http.StatusServiceUnavailable, "too many live connections, or shutting down")
		return
	}
	defer s.updates.unsubscribe(ch)
	rc := http.NewResponseController(w)
	// The server's write timeout is meant for ordinary responses; a stream
	// is open for as long as the page is. Each write is bounded instead,
	// so that a page that stops reading is let go, and its goroutine with
	// it. (The read timeout does not apply: once a request without a body
	// is read, the server waits for the client's next bytes, or its
	// hanging up, without a deadline.)
	streamWrite := s.cfg.timeouts.StreamWrite
	if err := rc.SetWriteDeadline(time.Now().Add(streamWrite)); err != nil {
		writeError(w, http.StatusInternalServerError, "event streams are not supported here: "+err.Error())
		return
	}
	write := func(format string, args ...any) error {
		if err := rc.SetWriteDeadline(time.Now().Add(streamWrite)); err != nil {
			return err
		}
		if _, err := fmt.Fprintf(w, format, args...); err != nil {
			return err
		}
		return rc.Flush()
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no") // nginx would hold the events back
	w.WriteHeader(http.StatusOK)
	send := func(generation uint64) error {
		sn := s.snap.Load()
		if sn.generation > generation {
			generation = sn.generation
		}
		return write("event: detection\nid: %d\ndata: {\"generation\":%d,\"stories\":%d,\"articles\":%d}\n\n",
			generation, generation, sn.stories, sn.articles)
	}
	if write("retry: 5000\n\n") != nil || send(s.snap.Load().generation) != nil {
		return
	}
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.updates.done:
			return
		case generation := <-ch:
			if send(generation) != nil {
				return
			}
		case <-tick.C:
			if write(": keep-alive\n\n") != nil {
				return
			}
		}
	}
}
