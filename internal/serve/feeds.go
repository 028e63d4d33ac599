package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/storyline/storyline/internal/store"
)

// ReadFeedList reads a feeds file: one feed URL per line; blank lines and
// lines starting with # are skipped. Every URL must be http or https.
func ReadFeedList(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("feeds: %w", err)
	}
	defer f.Close()
	var urls []string
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		u, err := httpURL(text)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, line, err)
		}
		urls = append(urls, u.String())
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("feeds: read %s: %w", path, err)
	}
	return urls, nil
}

// feedSet is the feeds the server follows, each polled by its own
// goroutine. Feeds registered over the API last as long as the process;
// the feeds file is what survives a restart.
type feedSet struct {
	s       *Server
	limiter *hostLimiter

	mu      sync.Mutex
	feeds   map[string]*feed
	order   []string
	ctx     context.Context // set by start; feeds added later start at once
	stopped bool            // set by wait: no follower may start after
	wg      sync.WaitGroup
}

// feed is one followed feed and what the follower knows of it.
type feed struct {
	url string

	mu     sync.Mutex
	status FeedStatus
	seen   map[string]bool // item links handled by this process
}

// FeedStatus is what GET /api/feeds tells of a feed.
type FeedStatus struct {
	URL          string    `json:"url"`
	Added        time.Time `json:"added"`
	LastPoll     time.Time `json:"last_poll,omitzero"`
	LastStatus   int       `json:"last_status,omitempty"` // HTTP status of the last poll
	LastError    string    `json:"last_error,omitempty"`
	Title        string    `json:"title,omitempty"`
	Items        int       `json:"items"`    // in the feed at the last poll
	Ingested     int       `json:"ingested"` // pages stored from it by this process
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
}

func newFeedSet(s *Server) *feedSet {
	return &feedSet{s: s, limiter: newHostLimiter(s.cfg.HostDelay), feeds: map[string]*feed{}}
}

// add follows a feed, unless it is followed already (added is then false).
func (fs *feedSet) add(raw string) (f *feed, added bool, err error) {
	u, err := httpURL(raw)
	if err != nil {
		return nil, false, fmt.Errorf("feed: %v", err)
	}
	if !fs.s.cfg.AllowPrivateFeeds {
		if err := checkFeedHost(u.Hostname()); err != nil {
			return nil, false, fmt.Errorf("feed: %v", err)
		}
	}
	key := u.String()
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if f, ok := fs.feeds[key]; ok {
		return f, false, nil
	}
	f = &feed{url: key, status: FeedStatus{URL: key, Added: time.Now().UTC()}, seen: map[string]bool{}}
	fs.feeds[key] = f
	fs.order = append(fs.order, key)
	if fs.ctx != nil && !fs.stopped {
		fs.wg.Go(func() { fs.follow(fs.ctx, f) })
	}
	return f, true, nil
}

// start starts following every feed, until ctx is cancelled.
func (fs *feedSet) start(ctx context.Context) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.ctx = ctx
	for _, key := range fs.order {
		f := fs.feeds[key]
		fs.wg.Go(func() { fs.follow(ctx, f) })
	}
}

// wait returns once every follower has stopped; the context given to
// start must be cancelled first. Feeds added from now on are kept but not
// followed.
func (fs *feedSet) wait() {
	fs.mu.Lock()
	fs.stopped = true
	fs.mu.Unlock()
	fs.wg.Wait()
}

func (fs *feedSet) count() int {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return len(fs.feeds)
}

func (fs *feedSet) statuses() []FeedStatus {
	fs.mu.Lock()
	feeds := make([]*feed, 0, len(fs.order))
	for _, key := range fs.order {
		feeds = append(feeds, fs.feeds[key])
	}
	fs.mu.Unlock()
	out := make([]FeedStatus, 0, len(feeds))
	for _, f := range feeds {
		out = append(out, f.snapshot())
	}
	return out
}

func (f *feed) snapshot() FeedStatus {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.status
}

// follow polls a feed now and then every FeedInterval.
func (fs *feedSet) follow(ctx context.Context, f *feed) {
	for {
		fs.poll(ctx, f)
		select {
		case <-ctx.Done():
			return
		case <-time.After(fs.s.cfg.FeedInterval):
		}
	}
}

// maxItemsPerJob bounds the pages of one ingest job, so that a huge feed
// is stored in several transactions rather than one long one.
const maxItemsPerJob = 50

// maxItemsPerPoll bounds the items of a feed handled at each poll: the
// first ones it lists, its newest. News feeds list 10 to 100; a feed of
// thousands would have the server fetch thousands of pages (from as many
// hosts, so the per-host delay would not slow it) and remember them all.
const maxItemsPerPoll = 200

// poll fetches the feed if it changed (conditional GET), then each new
// item's page, and ingests the pages, oldest item first.
func (fs *feedSet) poll(ctx context.Context, f *feed) {
	s := fs.s
	log := s.log.With("feed", f.url)
	f.mu.Lock()
	etag, modified := f.status.ETag, f.status.LastModified
	f.mu.Unlock()

	resp, body, err := fs.fetch(ctx, f.url, "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5",
		func(h http.Header) {
			if etag != "" {
				h.Set("If-None-Match", etag)
			}
			if modified != "" {
				h.Set("If-Modified-Since", modified)
			}
		})
	record := func(status int, err error) {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.status.LastPoll, f.status.LastStatus = time.Now().UTC(), status
		f.status.LastError = ""
		if err != nil {
			f.status.LastError = err.Error()
		}
	}
	switch {
	case ctx.Err() != nil:
		return
	case err != nil:
		log.Warn("feed fetch failed", "err", err)
		record(0, err)
		return
	case resp.StatusCode == http.StatusNotModified:
		log.Debug("feed not modified")
		record(resp.StatusCode, nil)
		return
	case resp.StatusCode != http.StatusOK:
		err := fmt.Errorf("feed answered %s", resp.Status)
		log.Warn("feed fetch failed", "status", resp.StatusCode)
		record(resp.StatusCode, err)
		return
	}
	parsed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		log.Warn("feed does not parse", "err", err)
		record(resp.StatusCode, fmt.Errorf("not an RSS or Atom feed: %v", err))
		return
	}
	record(resp.StatusCode, nil)
	f.mu.Lock()
	f.status.Title, f.status.Items = parsed.Title, len(parsed.Items)
	f.mu.Unlock()

	// Feeds list their newest items first; ingesting oldest first keeps
	// the store's arrival order close to the news's.
	items := slices.Clone(parsed.Items[:min(len(parsed.Items), maxItemsPerPoll)])
	slices.Reverse(items)
	var batch []pageRecord
	flush := func() {
		if len(batch) == 0 {
			return
		}
		n := fs.ingest(ctx, f, batch)
		f.mu.Lock()
		f.status.Ingested += n
		f.mu.Unlock()
		batch = batch[:0]
	}
	f.forgetAllBut(items, resp.Request.URL.String())
	complete := true
	for _, it := range items {
		if ctx.Err() != nil {
			return
		}
		rec, outcome := fs.itemPage(ctx, f, it, resp.Request.URL.String())
		switch outcome {
		case pageFetched:
			batch = append(batch, rec)
		case pageRetry:
			complete = false
		}
		if len(batch) >= maxItemsPerJob {
			flush()
		}
	}
	flush()
	if complete && ctx.Err() == nil {
		// The validators are kept only once every item is handled: a feed
		// with a page to retry must not answer "not modified" next time.
		f.mu.Lock()
		f.status.ETag, f.status.LastModified = resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
		f.mu.Unlock()
	}
}

// pageOutcome is what became of an item's page.
type pageOutcome int

const (
	pageSkipped pageOutcome = iota // seen before, stored before, or refused for good
	pageFetched                    // to be ingested
	pageRetry                      // failed for now; tried again at the next poll
)

// itemPage fetches the page an item links to, unless it was handled
// before, and makes its record.
func (fs *feedSet) itemPage(ctx context.Context, f *feed, it *gofeed.Item, feedURL string) (pageRecord, pageOutcome) {
	s := fs.s
	pageURL, err := resolveLink(feedURL, it.Link)
	if err != nil {
		s.log.Warn("feed item skipped", "feed", f.url, "link", it.Link, "err", err)
		return pageRecord{}, pageSkipped
	}
	if f.wasSeen(pageURL) {
		return pageRecord{}, pageSkipped
	}
	// A page stored by an earlier run is not fetched again: its id is made
	// from its URL.
	if _, err := s.st.Get(ctx, urlID(pageURL)); err == nil {
		f.markSeen(pageURL)
		return pageRecord{}, pageSkipped
	} else if !errors.Is(err, store.ErrNotFound) {
		s.log.Warn("store lookup failed", "err", err)
		return pageRecord{}, pageRetry
	}
	resp, body, err := fs.fetch(ctx, pageURL, "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.5", nil)
	switch {
	case ctx.Err() != nil:
		return pageRecord{}, pageRetry
	case errors.Is(err, errNotPublic):
		s.log.Warn("page refused: not a public address; not retried", "feed", f.url, "url", pageURL, "err", err)
		f.markSeen(pageURL)
		return pageRecord{}, pageSkipped
	case err != nil:
		s.log.Warn("page fetch failed; retried at the next poll", "feed", f.url, "url", pageURL, "err", err)
		return pageRecord{}, pageRetry
	case resp.StatusCode >= 500 || resp.StatusCode == http.StatusTooManyRequests:
		s.log.Warn("page fetch failed; retried at the next poll", "feed", f.url, "url", pageURL, "status", resp.StatusCode)
		return pageRecord{}, pageRetry
	case resp.StatusCode != http.StatusOK:
		s.log.Warn("page fetch refused; not retried", "feed", f.url, "url", pageURL, "status", resp.StatusCode)
		f.markSeen(pageURL)
		return pageRecord{}, pageSkipped
	}
	f.markSeen(pageURL)
	ctype := resp.Header.Get("Content-Type")
	mediaType, _, _ := mime.ParseMediaType(ctype)
	rec := newPageRecord(body, ctype, pageURL, mediaType != "text/plain")
	if it.PublishedParsed != nil {
		rec.Published = it.PublishedParsed.UTC().Format(time.RFC3339)
	}
	return rec, pageFetched
}

// forgetAllBut keeps in the seen set only the pages the feed still links
// to: one that left the feed will not come back, and the set stays the
// feed's size however long the server runs.
func (f *feed) forgetAllBut(items []*gofeed.Item, feedURL string) {
	current := map[string]bool{}
	for _, it := range items {
		if u, err := resolveLink(feedURL, it.Link); err == nil {
			current[u] = true
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for link := range f.seen {
		if !current[link] {
			delete(f.seen, link)
		}
	}
}

// resolveLink makes an item's link absolute (links may be relative to the
// feed) and refuses any scheme but http and https.
func resolveLink(feedURL, link string) (string, error) {
	link = strings.TrimSpace(link)
	if link == "" {
		return "", errors.New("no link")
	}
	base, err := httpURL(feedURL)
	if err != nil {
		return "", err
	}
	ref, err := base.Parse(link)
	if err != nil {
		return "", fmt.Errorf("unreadable link %q", link)
	}
	u, err := httpURL(ref.String())
	if err != nil {
		return "", err
	}
	return u.String(), nil
}

func (f *feed) wasSeen(link string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.seen[link]
}

func (f *feed) markSeen(link string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.seen[link] = true
}

// ingest queues the pages of a poll as one job and waits for it; it
// returns how many pages were stored.
func (fs *feedSet) ingest(ctx context.Context, f *feed, recs []pageRecord) int {
	var body bytes.Buffer
	enc := json.NewEncoder(&body) // one record per line: JSON Lines
	for _, r := range recs {
		if err := enc.Encode(r); err != nil {
			fs.s.log.Error("encode feed page", "err", err)
			return 0
		}
	}
	job := &ingestJob{from: f.url, body: body.Bytes(), done: make(chan ingestResult, 1)}
	if err := fs.s.enqueueWait(ctx, job); err != nil {
		return 0
	}
	// The job runs even if ctx ends now; waiting for it keeps one poll's
	// pages from overtaking another's.
	res := <-job.done
	for _, p := range res.Problems {
		fs.s.log.Warn("feed page not ingested", "feed", f.url, "source", p.Source, "err", p.Error)
	}
	return len(res.Articles)
}

// fetch GETs a URL politely (waiting its turn for the host) and reads the
// body, up to MaxBody.
func (fs *feedSet) fetch(ctx context.Context, rawURL, accept string, header func(http.Header)) (*http.Response, []byte, error) {
	s := fs.s
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, nil, err
	}
	if err := fs.limiter.wait(ctx, req.URL.Host); err != nil {
		return nil, nil, err
	}
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("Accept", accept)
	if header != nil {
		header(req.Header)
	}
	resp, err := s.cfg.Client.Do(req)
	if err != nil {
		s.metrics.fetched("error")
		return nil, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, s.cfg.MaxBody+1))
	if err != nil {
		s.metrics.fetched("error")
		return nil, nil, fmt.Errorf("read %s: %w", rawURL, err)
	}
	if int64(len(body)) > s.cfg.MaxBody {
		s.metrics.fetched("too_large")
		return nil, nil, fmt.Errorf("%s is over the limit of %d bytes (--max-body)", rawURL, s.cfg.MaxBody)
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		s.metrics.fetched("not_modified")
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		s.metrics.fetched("ok")
	default:
		s.metrics.fetched("http_" + fmt.Sprint(resp.StatusCode/100) + "xx")
	}
	return resp, body, nil
}

// userAgent says who is fetching, as polite crawlers do.
const userAgent = "storyline/1 (news story engine; +https://github.com/storyline/storyline)"

// hostLimiter spaces requests to one host by at least delay. Each caller
// reserves the next free slot, so concurrent followers of one site queue
// up instead of all going at once.
type hostLimiter struct {
	delay time.Duration
	mu    sync.Mutex
	next  map[string]time.Time
}

func newHostLimiter(delay time.Duration) *hostLimiter {
	return &hostLimiter{delay: delay, next: map[string]time.Time{}}
}

func (l *hostLimiter) wait(ctx context.Context, host string) error {
	host = strings.ToLower(host)
	l.mu.Lock()
	now := time.Now()
	at := now
	if next := l.next[host]; next.After(now) {
		at = next
	}
	l.next[host] = at.Add(l.delay)
	l.mu.Unlock()
	if d := at.Sub(now); d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

func (s *Server) getFeeds(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, struct {
		Feeds []FeedStatus `json:"feeds"`
	}{s.feeds.statuses()})
}

// postFeed follows one more feed: {"url": "https://…"}.
func (s *Server) postFeed(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r) {
		return
	}
	body, ok := readBody(w, r, 64<<10)
	if !ok {
		return
	}
	var req struct {
		URL string `json:"url"`
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, `malformed JSON: send {"url": "https://…"}: `+err.Error())
		return
	}
	if req.URL == "" {
		writeError(w, http.StatusBadRequest, `url is required: send {"url": "https://…"}`)
		return
	}
	f, added, err := s.feeds.add(req.URL)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	status := http.StatusOK
	if added {
		status = http.StatusCreated
		s.log.Info("feed added", "url", f.url)
	}
	writeJSON(w, status, f.snapshot())
}
