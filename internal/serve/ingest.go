package serve

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/ingest"
	"github.com/storyline/storyline/internal/pipeline"
	"github.com/storyline/storyline/internal/store"
)

// ingestJob is one body to ingest: a request's articles or the new pages
// of one feed poll, as the pipeline reads standard input (JSON, JSON
// Lines, HTML or text).
type ingestJob struct {
	id       int64  // in the database's queue, when the store is shared
	from     string // names the input in the articles' sources: "api", a feed URL
	body     []byte
	enqueued time.Time
	done     chan ingestResult // buffered; told once when the job is over
}

// ingestResult is what became of a job.
type ingestResult struct {
	Articles []ingestedArticle `json:"articles"`
	Problems []ingestProblem   `json:"problems"`
	err      error             // the job could not run (store failure, shutdown)
}

// ingestedArticle is one stored article, as a post's response lists it.
type ingestedArticle struct {
	ID        string    `json:"id"`
	Outcome   string    `json:"outcome"` // added, unchanged or updated
	Title     string    `json:"title"`
	URL       string    `json:"url,omitempty"`
	Lang      string    `json:"lang,omitempty"`
	Published time.Time `json:"published,omitzero"`
}

// ingestProblem is a record that could not be used, or a repair made to
// one, with where it was (line of a JSON Lines body).
type ingestProblem struct {
	Source  string `json:"source"`
	Error   string `json:"error"`
	Warning bool   `json:"warning,omitempty"`
}

var (
	errQueueFull    = errors.New("the ingest queue is full; retry shortly")
	errShuttingDown = errors.New("the server is shutting down")
)

// enqueue hands a job to the worker without waiting: a full queue is the
// caller's to report (503), never a reason to hold a request.
func (s *Server) enqueue(ctx context.Context, job *ingestJob) error {
	if s.cfg.Shared != nil {
		return s.enqueueShared(ctx, job, false)
	}
	s.queueMu.RLock()
	defer s.queueMu.RUnlock()
	if s.queueClosed {
		return errShuttingDown
	}
	job.enqueued = time.Now()
	select {
	case s.queue <- job:
		return nil
	default:
		return errQueueFull
	}
}

// enqueueWait hands a job to the worker, waiting for room: feed followers
// have nobody to send a 503 to.
func (s *Server) enqueueWait(ctx context.Context, job *ingestJob) error {
	if s.cfg.Shared != nil {
		return s.enqueueShared(ctx, job, true)
	}
	s.queueMu.RLock()
	defer s.queueMu.RUnlock()
	if s.queueClosed {
		return errShuttingDown
	}
	job.enqueued = time.Now()
	select {
	case s.queue <- job:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// closeQueue refuses new jobs; the worker drains those already queued.
// Feed followers must have stopped, or a blocked enqueueWait would hold
// the lock.
func (s *Server) closeQueue() {
	s.queueMu.Lock()
	defer s.queueMu.Unlock()
	if !s.queueClosed {
		s.queueClosed = true
		close(s.queue)
	}
}

// ingestLoop is the one ingest worker. One is enough: the pipeline already
// spreads each batch over every core, and the store takes one writer at a
// time.
func (s *Server) ingestLoop(ctx context.Context) {
	for job := range s.queue {
		res := s.ingest(ctx, job)
		job.done <- res
	}
}

func (s *Server) ingest(ctx context.Context, job *ingestJob) ingestResult {
	start := time.Now()
	res := ingestResult{Articles: []ingestedArticle{}, Problems: []ingestProblem{}}
	changed := 0
	opts := pipeline.Options{
		Reader: ingest.Reader{Stdin: bytes.NewReader(job.body), StdinName: job.from},
		Problem: func(p pipeline.Problem) {
			res.Problems = append(res.Problems, ingestProblem{Source: p.Source.String(), Error: p.Err.Error(), Warning: p.Warning})
		},
		Done: func(arts []*article.Article, outcomes []store.Outcome) {
			for i, a := range arts {
				res.Articles = append(res.Articles, ingestedArticle{
					ID: a.ID, Outcome: outcomes[i].String(), Title: a.Title, URL: a.URL, Lang: a.Lang, Published: a.Published.Time,
				})
				s.dates.set(a.ID, a.Published)
				if outcomes[i] != store.Unchanged {
					changed++
				}
				s.metrics.ingested(outcomes[i])
			}
		},
	}
	sum, err := pipeline.Run(ctx, []string{ingest.StdinPath}, s.st, opts)
	elapsed := time.Since(start)
	s.metrics.ingestSeconds.observe(elapsed.Seconds())
	s.metrics.failed.Add(int64(sum.Failed))
	if err != nil {
		res.err = err
		s.log.Error("ingest failed; the batch was rolled back", "from", job.from, "err", err)
	} else {
		s.log.Info("ingested", "from", job.from, "articles", sum.Articles, "added", sum.Added,
			"updated", sum.Updated, "unchanged", sum.Unchanged, "failed", sum.Failed,
			"waited", start.Sub(job.enqueued).Round(time.Millisecond), "took", elapsed.Round(time.Millisecond))
	}
	if changed > 0 {
		s.requestDetection()
	}
	return res
}

// countJSONArticles accepts what the pipeline reads as JSON articles: one
// object, several objects one after another (JSON Lines), or one array of
// objects, and counts them. Anything else is refused before it reaches the
// queue, with a message that says where it went wrong.
func countJSONArticles(body []byte) (int, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	values, articles := 0, 0
	for {
		var v json.RawMessage
		err := dec.Decode(&v)
		if err == io.EOF {
			break
		}
		if err != nil {
			return 0, jsonError(body, dec.InputOffset(), err)
		}
		start := dec.InputOffset() - int64(len(v))
		switch v[0] {
		case '{':
			articles++
		case '[':
			if values > 0 {
				return 0, fmt.Errorf("malformed JSON at %s: an array must be the whole body", position(body, start))
			}
			var items []json.RawMessage
			if err := json.Unmarshal(v, &items); err != nil {
				return 0, jsonError(body, start, err)
			}
			for i, it := range items {
				if it[0] != '{' {
					return 0, fmt.Errorf("malformed JSON at %s: item %d of the array is %s, not an article object", position(body, start), i+1, kindOf(it))
				}
			}
			articles += len(items)
			if dec.More() {
				return 0, fmt.Errorf("malformed JSON at %s: nothing may follow the array", position(body, dec.InputOffset()))
			}
		default:
			return 0, fmt.Errorf("malformed JSON at %s: %s is not an article object", position(body, start), kindOf(v))
		}
		values++
	}
	if values == 0 {
		return 0, errors.New("empty body: send a JSON article object, an array of them, or JSON Lines")
	}
	return articles, nil
}

// jsonError says what is wrong with a JSON body and where.
func jsonError(body []byte, offset int64, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		offset = se.Offset - 1 // Offset is just past the offending byte
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("malformed JSON: the body ends in the middle of a value (%s)", position(body, int64(len(body))))
	}
	return fmt.Errorf("malformed JSON at %s: %v", position(body, offset), err)
}

// position writes a byte offset as the line and column an editor shows.
func position(body []byte, offset int64) string {
	offset = min(max(offset, 0), int64(len(body)))
	before := body[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	col := utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return fmt.Sprintf("line %d, column %d", line, col)
}

func kindOf(v json.RawMessage) string {
	switch v[0] {
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// pageRecord is the JSON record the server makes of a page that arrives
// without one (a posted HTML or text page, a feed's linked page), so that
// its URL and the feed's metadata reach the pipeline with it.
type pageRecord struct {
	ID        string `json:"id,omitempty"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
	Source    string `json:"source,omitempty"`
	HTML      string `json:"html,omitempty"`
	Text      string `json:"text,omitempty"`
}

// newPageRecord wraps page bytes, converted to UTF-8 since JSON holds
// nothing else (extraction reads UTF-8 bytes as UTF-8 whatever the markup
// declares, so the conversion is not undone). A page
// with a URL is given an id made from it, so that fetching it again
// updates it rather than adding a copy.
func newPageRecord(body []byte, contentType, pageURL string, isHTML bool) pageRecord {
	text := toUTF8(body, contentType)
	r := pageRecord{URL: pageURL}
	if pageURL != "" {
		r.ID = urlID(pageURL)
	}
	if isHTML {
		r.HTML = text
	} else {
		r.Text = text
	}
	return r
}

// toUTF8 follows ingest's rule for pages: bytes that are valid UTF-8 are
// UTF-8 whatever the page declares (Latin-1 text almost never is), else
// the declared charset (Content-Type, then markup) or a guess decides.
func toUTF8(b []byte, contentType string) string {
	if utf8.Valid(b) {
		return string(b)
	}
	enc, _, _ := charset.DetermineEncoding(b, contentType)
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return string(out)
}

// urlID is the id of a page known by its URL: a hash of it, in the form of
// the ids the pipeline gives pages without one.
func urlID(pageURL string) string {
	sum := sha256.Sum256([]byte(pageURL))
	return hex.EncodeToString(sum[:8])
}

// httpURL parses an absolute http or https URL; any other scheme (file:,
// ftp:, javascript:) is refused, since the server fetches what it is given.
func httpURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("not a URL: %q", raw)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("only http and https URLs are accepted, not %q", raw)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("URL %q has no host", raw)
	}
	u.Fragment = ""
	return u, nil
}
