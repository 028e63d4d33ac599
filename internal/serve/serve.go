// Package serve runs storyline as a service: one process that takes
// articles over an HTTP JSON API and from RSS/Atom feeds, keeps story
// detection up to date in the background, and serves the stories to
// programs (the API, described by /openapi.json) and to people (a web page
// with live updates).
//
// Work flows one way: request bodies and feed pages go into a bounded
// ingest queue; one worker runs them through the pipeline into the store;
// each batch that adds or changes articles asks for a detection; one
// detection goroutine replays the stored history and swaps in a new
// snapshot of the stories, which every read is served from.
package serve

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/store/postgres"
	"github.com/storyline/storyline/internal/story"
)

// Defaults for the zero fields of Config.
const (
	DefaultAddr            = "127.0.0.1:8080"
	DefaultMaxBody         = 8 << 20
	DefaultMaxBatch        = 1000
	DefaultQueueSize       = 64
	DefaultFeedInterval    = 5 * time.Minute
	DefaultHostDelay       = 2 * time.Second
	DefaultFetchTimeout    = 30 * time.Second
	DefaultShutdownTimeout = 30 * time.Second
)

// Config is what a server is started with. The zero value of each field
// means its default.
type Config struct {
	// Token is the bearer token that writes (posting articles, adding
	// feeds) must present. Without one, writes are refused: reads are open
	// to anyone who can reach the address, writes never are.
	Token string
	// MaxBody bounds a request body, in bytes; a bigger one gets 413.
	MaxBody int64
	// QueueSize bounds the ingest jobs waiting for the worker; a post that
	// finds the queue full gets 503 and is asked to retry.
	QueueSize int

	// Feeds are followed from the start; more can be added over the API.
	Feeds []string
	// FeedInterval is the time between two polls of one feed.
	FeedInterval time.Duration
	// HostDelay is the least time between two requests to one host, for
	// feeds and the pages they link to: a polite crawler does not hammer a
	// news site.
	HostDelay time.Duration
	// FetchTimeout bounds one request to a feed or a page.
	FetchTimeout time.Duration

	// Params are the story detection parameters; story.DefaultParams when
	// nil.
	Params *story.Params
	// ShutdownTimeout bounds how long shutdown waits for requests and
	// ingestion in progress before it stops them (safely: a batch that is
	// stopped is rolled back whole).
	ShutdownTimeout time.Duration
	// Logger receives the structured logs; slog.Default() when nil.
	Logger *slog.Logger
	// AllowPrivateFeeds lets feeds, and the pages they link to, be
	// fetched from loopback, private, link-local and other non-public
	// addresses. Off, the server connects to public addresses only, so
	// that whoever adds a feed cannot make it reach the host's or its
	// network's private services (see fetch.go).
	AllowPrivateFeeds bool
	// Client fetches feeds and pages; when nil, a client with
	// FetchTimeout, at most five redirects, only http and https, and only
	// public addresses unless AllowPrivateFeeds.
	Client *http.Client
	// MaxBatch bounds the articles of one POST, so that one request cannot
	// hold the ingest worker for long; a bigger batch gets 413.
	MaxBatch int

	// Shared, when set, is the PostgreSQL store this server shares with
	// others (the same as the store given to New): posts go through its
	// ingest queue and detection runs under its lease (see shared.go).
	// Nil for a server alone on its store.
	Shared *postgres.Store
	// Instance names this server among those sharing the store; the host
	// name and a random suffix when empty.
	Instance string
	// LeaseTTL is how long the detection lease lasts unless renewed, and
	// so about how long the other servers wait before taking detection
	// over from one that died; it is renewed every LeaseTTL/3.
	LeaseTTL time.Duration
	// OrphanAge is how long a job waits in the shared queue before any
	// server's sweep takes it: the jobs of a server that died.
	OrphanAge time.Duration

	// timeouts of the HTTP server; the zero value means the defaults
	// (the tests shorten them).
	timeouts serverTimeouts
}

// serverTimeouts bound each connection to the server, so that no client
// holds one, and the goroutine serving it, by going slowly.
type serverTimeouts struct {
	// ReadHeader bounds the request's headers (a slow-headers attack).
	ReadHeader time.Duration
	// Read bounds the whole request, body included: a body of MaxBody
	// over a slow link; longer would let a client trickle bytes.
	Read time.Duration
	// Write bounds the answer: posting waits for ingestion. The event
	// stream lifts it, and bounds each of its writes by StreamWrite.
	Write time.Duration
	// Idle bounds a kept-alive connection between requests.
	Idle time.Duration
	// StreamWrite bounds each write to an event stream: a page that stops
	// reading is let go, and its goroutine with it.
	StreamWrite time.Duration
}

// Default server timeouts.
const (
	DefaultReadHeaderTimeout  = 10 * time.Second
	DefaultReadTimeout        = 60 * time.Second
	DefaultWriteTimeout       = 2 * time.Minute
	DefaultIdleTimeout        = 2 * time.Minute
	DefaultStreamWriteTimeout = 30 * time.Second
)

func (t serverTimeouts) withDefaults() serverTimeouts {
	for _, f := range []struct {
		v   *time.Duration
		def time.Duration
	}{
		{&t.ReadHeader, DefaultReadHeaderTimeout}, {&t.Read, DefaultReadTimeout}, {&t.Write, DefaultWriteTimeout},
		{&t.Idle, DefaultIdleTimeout}, {&t.StreamWrite, DefaultStreamWriteTimeout},
	} {
		if *f.v <= 0 {
			*f.v = f.def
		}
	}
	return t
}

func (c Config) withDefaults() Config {
	if c.MaxBody <= 0 {
		c.MaxBody = DefaultMaxBody
	}
	if c.QueueSize <= 0 {
		c.QueueSize = DefaultQueueSize
	}
	if c.FeedInterval <= 0 {
		c.FeedInterval = DefaultFeedInterval
	}
	if c.HostDelay < 0 {
		c.HostDelay = 0
	} else if c.HostDelay == 0 {
		c.HostDelay = DefaultHostDelay
	}
	if c.FetchTimeout <= 0 {
		c.FetchTimeout = DefaultFetchTimeout
	}
	if c.ShutdownTimeout <= 0 {
		c.ShutdownTimeout = DefaultShutdownTimeout
	}
	if c.Params == nil {
		p := story.DefaultParams
		c.Params = &p
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	if c.Client == nil {
		c.Client = newFetchClient(c.FetchTimeout, c.AllowPrivateFeeds)
	}
	if c.MaxBatch <= 0 {
		c.MaxBatch = DefaultMaxBatch
	}
	c.timeouts = c.timeouts.withDefaults()
	if c.Shared != nil {
		if c.Instance == "" {
			c.Instance = instanceName()
		}
		if c.LeaseTTL <= 0 {
			c.LeaseTTL = DefaultLeaseTTL
		}
		if c.OrphanAge <= 0 {
			c.OrphanAge = DefaultOrphanAge
		}
	}
	return c
}

// Server is storyline as a service over one store. Create it with New and
// run it with Serve.
type Server struct {
	cfg     Config
	st      store.Store
	log     *slog.Logger
	metrics *metrics
	pages   *template.Template
	handler http.Handler

	queueMu     sync.RWMutex // guards queueClosed against sends on a closed queue
	queue       chan *ingestJob
	queueClosed bool

	detectRequests chan struct{} // holds at most one pending request: requests coalesce
	detecting      atomic.Bool
	lease          atomic.Pointer[postgres.Lease] // the detection lease, when the store is shared
	snap           atomic.Pointer[snapshot]
	dates          articleDates // publication day of each article, for sparklines
	told           tellCache
	updates        *broadcaster // tells the live pages of each new snapshot

	feeds *feedSet
}

// New returns a server over st, which the caller keeps open until Serve
// has returned and then closes.
func New(st store.Store, cfg Config) (*Server, error) {
	cfg = cfg.withDefaults()
	s := &Server{
		cfg:            cfg,
		st:             st,
		log:            cfg.Logger,
		metrics:        newMetrics(),
		queue:          make(chan *ingestJob, cfg.QueueSize),
		detectRequests: make(chan struct{}, 1),
		updates:        newBroadcaster(),
	}
	s.snap.Store(emptySnapshot())
	pages, err := parsePages()
	if err != nil {
		return nil, err
	}
	s.pages = pages
	s.feeds = newFeedSet(s)
	for _, u := range cfg.Feeds {
		if _, _, err := s.feeds.add(u); err != nil {
			return nil, err
		}
	}
	s.handler = s.routes()
	return s, nil
}

// holdsLease reports whether this server holds the detection lease of a
// shared store.
func (s *Server) holdsLease() bool {
	l := s.lease.Load()
	return l != nil && l.Held()
}

// Handler is the server's HTTP handler. It needs Serve running: posted
// articles wait for the ingest worker that Serve starts.
func (s *Server) Handler() http.Handler { return s.handler }

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	// API.
	mux.HandleFunc("POST /api/articles", s.postArticles)
	mux.HandleFunc("GET /api/articles/{id}", s.getArticle)
	mux.HandleFunc("GET /api/articles/{id}/raw", s.getArticleRaw)
	mux.HandleFunc("GET /api/stories", s.getStories)
	mux.HandleFunc("GET /api/stories/{id}", s.getStory)
	mux.HandleFunc("GET /api/search", s.getSearch)
	mux.HandleFunc("GET /api/feeds", s.getFeeds)
	mux.HandleFunc("POST /api/feeds", s.postFeed)
	mux.HandleFunc("GET /api/events", s.getEvents)
	mux.HandleFunc("GET /openapi.json", s.getOpenAPI)
	mux.HandleFunc("GET /healthz", s.getHealth)
	mux.HandleFunc("GET /metrics", s.getMetrics)
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such API endpoint: "+r.Method+" "+r.URL.Path+" (see /openapi.json)")
	})
	// Web page.
	mux.HandleFunc("GET /{$}", s.pageList)
	mux.HandleFunc("GET /stories/{id}", s.pageStory)
	mux.HandleFunc("GET /static/{file}", s.static)
	// Browsers ask for it whatever the page says.
	mux.Handle("GET /favicon.ico", http.RedirectHandler("/static/icon.svg", http.StatusMovedPermanently))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.pageError(w, http.StatusNotFound, "No page here.")
	})
	return s.observe(mux)
}

// Serve loads the stories of the store, starts the ingest worker, the
// detection goroutine and the feed followers, and serves HTTP on ln until
// ctx is cancelled. Then it shuts down in order: feeds stop polling, the
// listener stops accepting, requests in flight finish (their ingestion
// included) for up to ShutdownTimeout, the queue is drained, and a
// detection in progress is abandoned (the next start runs it again).
// Ingestion stopped by the timeout is safe: each batch is one transaction.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	if err := s.load(ctx); err != nil {
		ln.Close()
		return err
	}
	// The workers outlive ctx: they must finish what was accepted.
	work, stopWork := context.WithCancel(context.WithoutCancel(ctx))
	defer stopWork()
	detect, stopDetect := context.WithCancel(context.WithoutCancel(ctx))
	defer stopDetect()
	var ingesting, detecting sync.WaitGroup
	if s.cfg.Shared != nil {
		ingesting.Go(func() { s.ingestLoopShared(work) })
		detecting.Go(func() { s.detectLoopShared(detect) })
		s.requestDetection() // try for the lease at once
	} else {
		ingesting.Go(func() { s.ingestLoop(work) })
		detecting.Go(func() { s.detectLoop(detect) })
		if s.needsDetection(ctx) {
			s.requestDetection()
		}
	}
	feeds, stopFeeds := context.WithCancel(ctx)
	defer stopFeeds()
	s.feeds.start(feeds)

	srv := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: s.cfg.timeouts.ReadHeader,
		ReadTimeout:       s.cfg.timeouts.Read,
		WriteTimeout:      s.cfg.timeouts.Write,
		IdleTimeout:       s.cfg.timeouts.Idle,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	srv.RegisterOnShutdown(s.updates.close)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	s.log.Info("serving", "addr", ln.Addr().String(), "writes", s.cfg.Token != "", "feeds", len(s.cfg.Feeds))

	var serveErr error
	select {
	case <-ctx.Done():
	case serveErr = <-served:
	}
	s.log.Info("shutting down")
	stopFeeds()
	s.feeds.wait()
	deadline, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(deadline); err != nil {
		s.log.Warn("requests still running at the shutdown deadline were cut", "err", err)
		srv.Close()
	}
	s.closeQueue()
	drained := make(chan struct{})
	go func() { ingesting.Wait(); close(drained) }()
	select {
	case <-drained:
	case <-deadline.Done():
		s.log.Warn("ingestion stopped at the shutdown deadline; the batch in progress was rolled back")
		stopWork()
		<-drained
	}
	stopDetect()
	detecting.Wait()
	s.log.Info("stopped")
	if serveErr != nil && !errors.Is(serveErr, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", serveErr)
	}
	return nil
}
