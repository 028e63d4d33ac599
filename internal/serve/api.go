package serve

import (
	"context"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/entities"
	"github.com/storyline/storyline/internal/pipeline"
	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/story"
	"github.com/storyline/storyline/internal/tell"
)

//go:embed openapi.json
var openAPI []byte

func (s *Server) getOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(openAPI)
}

// postArticles ingests the articles of the body: JSON (one object, an
// array, or JSON Lines) or one page as HTML or text, with its URL and
// metadata in the query. It answers once they are stored, with each one's
// id and outcome; the stories they join follow with the next detection.
func (s *Server) postArticles(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r) {
		return
	}
	body, ok := readBody(w, r, s.cfg.MaxBody)
	if !ok {
		return
	}
	mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch mediaType {
	// curl -d sends a form type: take it, like none, as JSON.
	case "", "application/json", "application/x-ndjson", "application/ndjson", "application/jsonl",
		"application/x-jsonlines", "application/x-www-form-urlencoded":
		n, err := countJSONArticles(body)
		if err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		if n > s.cfg.MaxBatch {
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("%d articles in one request, over the limit of %d (--max-batch): send them in several", n, s.cfg.MaxBatch))
			return
		}
	case "text/html", "application/xhtml+xml", "text/plain":
		rec, err := pageFromQuery(r.URL.Query(), body, r.Header.Get("Content-Type"), mediaType != "text/plain")
		if err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		if body, err = json.Marshal(rec); err != nil {
			writeError(w, http.StatusInternalServerError, err.Error())
			return
		}
	default:
		writeError(w, http.StatusUnsupportedMediaType, fmt.Sprintf("cannot ingest %s: send application/json (an article, an array of them, or JSON Lines), text/html or text/plain", mediaType))
		return
	}

	job := &ingestJob{from: "api", body: body, done: make(chan ingestResult, 1)}
	if err := s.enqueue(r.Context(), job); err != nil {
		if errors.Is(err, errQueueFull) || errors.Is(err, errShuttingDown) {
			w.Header().Set("Retry-After", "5")
			writeError(w, http.StatusServiceUnavailable, err.Error())
			return
		}
		writeError(w, http.StatusInternalServerError, "store the post in the ingest queue: "+err.Error())
		return
	}
	var res ingestResult
	select {
	case res = <-job.done:
	case <-r.Context().Done():
		return // the client left; what it sent is ingested all the same
	}
	switch {
	case errors.Is(res.err, context.Canceled):
		writeError(w, http.StatusServiceUnavailable, "ingestion stopped by shutdown; nothing of this request was stored")
		return
	case res.err != nil:
		writeError(w, http.StatusInternalServerError, res.err.Error())
		return
	case len(res.Articles) == 0 && len(res.Problems) > 0:
		writeJSON(w, http.StatusUnprocessableEntity, struct {
			Error    string          `json:"error"`
			Problems []ingestProblem `json:"problems"`
		}{"no article could be ingested: " + res.Problems[0].Error, res.Problems})
		return
	}
	detection := "unchanged"
	for _, a := range res.Articles {
		if a.Outcome != store.Unchanged.String() {
			detection = "queued"
		}
	}
	writeJSON(w, http.StatusOK, struct {
		ingestResult
		Detection  string `json:"detection"`
		Generation uint64 `json:"generation"`
	}{res, detection, s.snap.Load().generation})
}

// pageFromQuery makes the record of a page posted as HTML or text: url,
// id, title, published and source come from the query string.
func pageFromQuery(q url.Values, body []byte, contentType string, isHTML bool) (pageRecord, error) {
	pageURL := ""
	if raw := q.Get("url"); raw != "" {
		u, err := httpURL(raw)
		if err != nil {
			return pageRecord{}, fmt.Errorf("url: %v", err)
		}
		pageURL = u.String()
	}
	rec := newPageRecord(body, contentType, pageURL, isHTML)
	if id := strings.TrimSpace(q.Get("id")); id != "" {
		rec.ID = id
	}
	rec.Title = q.Get("title")
	rec.Published = q.Get("published")
	rec.Source = q.Get("source")
	return rec, nil
}

// storySummary is a story as lists show it: enough to choose one, and the
// ids of its articles for a client that groups its own items by story.
type storySummary struct {
	ID         string            `json:"id"`
	Headline   string            `json:"headline"`
	Storyline  string            `json:"storyline,omitempty"`
	Articles   int               `json:"articles"`
	ArticleIDs []string          `json:"article_ids"`
	Sources    int               `json:"sources"`
	Languages  []string          `json:"languages"`
	First      time.Time         `json:"first,omitzero"`
	Last       time.Time         `json:"last,omitzero"`
	Entities   []story.EntityRef `json:"entities"`
	Href       string            `json:"href"`
}

func summarize(e story.Event) storySummary {
	return storySummary{
		ID: e.ID, Headline: e.Headline, Storyline: e.Storyline,
		Articles: len(e.Articles), ArticleIDs: orEmpty(e.Articles), Sources: e.Sources,
		Languages: orEmpty(e.Languages), First: e.First, Last: e.Last,
		Entities: orEmpty(e.Entities), Href: "/api/stories/" + url.PathEscape(e.ID),
	}
}

// orEmpty makes a nil list encode as [] rather than null.
func orEmpty[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}

// storyFilter selects stories for the list: the API's and the page's.
type storyFilter struct {
	Since  time.Time // last article published on or after
	Lang   string    // has articles in this language
	Entity string    // names this person, place or organisation, in any spelling
	Query  string    // has articles with all these words
	All    bool      // single-article events outside storylines too
}

func parseStoryFilter(q url.Values) (storyFilter, error) {
	f := storyFilter{
		Lang:   strings.ToLower(strings.TrimSpace(q.Get("lang"))),
		Entity: strings.TrimSpace(q.Get("entity")),
		Query:  strings.TrimSpace(q.Get("q")),
	}
	if v := strings.TrimSpace(q.Get("since")); v != "" {
		t, err := parseSince(v)
		if err != nil {
			return f, err
		}
		f.Since = t
	}
	if v := q.Get("all"); v != "" {
		all, err := strconv.ParseBool(v)
		if err != nil {
			return f, fmt.Errorf("all: %q is not true or false", v)
		}
		f.All = all
	}
	return f, nil
}

func parseSince(v string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("since: %q is neither an RFC 3339 time (2020-09-14T10:00:00Z) nor a date (2020-09-14)", v)
}

var errBadCursor = errors.New("cursor: not a cursor this server gave (pass next_cursor as it came)")

// cursorKey is where a page of the story list ended: the listing key of
// its last story. It stays meaningful across detections, unlike an offset.
type cursorKey struct {
	Last     time.Time `json:"l,omitzero"`
	Sources  int       `json:"s"`
	Articles int       `json:"a"`
	ID       string    `json:"i"`
}

func keyOf(e story.Event) cursorKey {
	return cursorKey{Last: e.Last, Sources: e.Sources, Articles: len(e.Articles), ID: e.ID}
}

func (k cursorKey) encode() string {
	b, _ := json.Marshal(k)
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(c string) (cursorKey, error) {
	var k cursorKey
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err == nil {
		err = json.Unmarshal(b, &k)
	}
	if err != nil || k.ID == "" {
		return k, errBadCursor
	}
	return k, nil
}

// findStories pages through the stories of sn that pass f, after the
// cursor (when not empty), at most limit of them; next is the cursor of the
// following page, or "".
func (s *Server) findStories(ctx context.Context, sn *snapshot, f storyFilter, cursor string, limit int) (found []story.Event, next string, err error) {
	start := 0
	if cursor != "" {
		k, err := decodeCursor(cursor)
		if err != nil {
			return nil, "", err
		}
		start = sort.Search(len(sn.events), func(i int) bool { return compareKeys(keyOf(sn.events[i]), k) > 0 })
	}
	var withWords map[string]bool
	if f.Query != "" {
		if withWords, err = s.storiesWithWords(ctx, sn, f.Query); err != nil {
			return nil, "", err
		}
	}
	entityKey := ""
	if f.Entity != "" {
		entityKey = entities.Key(f.Entity)
	}
	for _, e := range sn.events[start:] {
		switch {
		case !f.All && !listable(e):
		case !f.Since.IsZero() && (e.Last.IsZero() || e.Last.Before(f.Since)):
		case f.Lang != "" && !slices.Contains(e.Languages, f.Lang):
		case entityKey != "" && !namesEntity(e, entityKey):
		case withWords != nil && !withWords[e.ID]:
		default:
			if len(found) == limit {
				return found, keyOf(found[len(found)-1]).encode(), nil
			}
			found = append(found, e)
		}
	}
	return found, "", nil
}

// compareKeys is compareListing on cursor keys.
func compareKeys(a, b cursorKey) int {
	return compareListing(story.Event{ID: a.ID, Last: a.Last, Sources: a.Sources, Articles: make([]string, a.Articles)},
		story.Event{ID: b.ID, Last: b.Last, Sources: b.Sources, Articles: make([]string, b.Articles)})
}

// namesEntity reports whether one of the event's main entities has the
// key, or, for a person, has it as surname ("Poutine" finds "Vladimir
// Poutine").
func namesEntity(e story.Event, key string) bool {
	for _, en := range e.Entities {
		if en.Key == key || (en.Kind == entities.Person && entities.SurnameKey(en.Key) == key) {
			return true
		}
	}
	return false
}

// searchDepth bounds the articles a word query reads to select stories.
const searchDepth = 1000

func (s *Server) storiesWithWords(ctx context.Context, sn *snapshot, query string) (map[string]bool, error) {
	hits, err := s.st.Search(ctx, query, searchDepth)
	if err != nil {
		return nil, err
	}
	ids := map[string]bool{}
	for _, h := range hits {
		if e, ok := sn.eventOf[h.ID]; ok {
			ids[e] = true
		}
	}
	return ids, nil
}

// listLimit reads the limit parameter: def when absent, at most most.
func listLimit(q url.Values, def, most int) (int, error) {
	v := q.Get("limit")
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > most {
		return 0, fmt.Errorf("limit: %q is not a number from 1 to %d", v, most)
	}
	return n, nil
}

func (s *Server) getStories(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := parseStoryFilter(q)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	limit, err := listLimit(q, 20, 100)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	sn := s.snap.Load()
	events, next, err := s.findStories(r.Context(), sn, f, q.Get("cursor"), limit)
	if err != nil {
		writeStoreError(w, err)
		return
	}
	list := make([]storySummary, len(events))
	for i, e := range events {
		list[i] = summarize(e)
	}
	writeJSON(w, http.StatusOK, struct {
		Stories    []storySummary `json:"stories"`
		NextCursor string         `json:"next_cursor,omitempty"`
		Generation uint64         `json:"generation"`
	}{list, next, sn.generation})
}

// writeStoreError answers a failed read: the caller's fault (a bad query,
// a bad cursor) or the store's.
func writeStoreError(w http.ResponseWriter, err error) {
	switch {
	case errors.Is(err, store.ErrBadQuery), errors.Is(err, errBadCursor):
		writeError(w, http.StatusBadRequest, err.Error())
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, err.Error())
	default:
		writeError(w, http.StatusInternalServerError, err.Error())
	}
}

// tellStory tells a story of the current snapshot, from the cache when it
// was told since the last detection.
func (s *Server) tellStory(ctx context.Context, id, lang string) (tell.Story, error) {
	generation := s.snap.Load().generation
	key := id + "\x00" + lang
	if st, ok := s.told.get(generation, key); ok {
		return st, nil
	}
	st, err := pipeline.Tell(ctx, s.st, id, tell.Options{Lang: lang})
	if err != nil {
		return st, err
	}
	s.told.put(generation, key, st)
	return st, nil
}

// parseLang reads a lang parameter: an ISO 639-1 code, or nothing.
func parseLang(v string) (string, error) {
	v = strings.ToLower(strings.TrimSpace(v))
	if v == "" {
		return "", nil
	}
	if len(v) < 2 || len(v) > 3 || strings.IndexFunc(v, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
		return "", fmt.Errorf("lang: %q is not a language code such as fr or en", v)
	}
	return v, nil
}

func (s *Server) getStory(w http.ResponseWriter, r *http.Request) {
	lang, err := parseLang(r.URL.Query().Get("lang"))
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	id := r.PathValue("id")
	st, err := s.tellStory(r.Context(), id, lang)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no story %q (GET /api/stories lists them)", id))
		return
	}
	if err != nil {
		writeStoreError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

// articleResponse is an article and where detection put it.
type articleResponse struct {
	Article *article.Article `json:"article"`
	// Story is the story the article is in, null until a detection has
	// placed it (Detection "pending").
	Story *storySummary `json:"story"`
	// Assignment holds the event and storyline, and the decision with its
	// reasons: the candidates and the parts of their scores, or the
	// article it copies.
	Assignment *story.Assignment `json:"assignment"`
	Detection  string            `json:"detection"`
}

func (s *Server) getArticle(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	a, err := s.st.Get(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no article %q", id))
		return
	}
	if err != nil {
		writeStoreError(w, err)
		return
	}
	resp := articleResponse{Article: a, Detection: "pending"}
	as, err := s.st.Assignment(r.Context(), id)
	switch {
	case err == nil:
		resp.Assignment, resp.Detection = &as, "done"
		if e, ok := s.snap.Load().event(as.Event); ok {
			sum := summarize(e)
			resp.Story = &sum
		} else if e, err := s.st.Event(r.Context(), as.Event); err == nil {
			sum := summarize(e) // stored by a detection not yet published
			resp.Story = &sum
		}
	case !errors.Is(err, store.ErrNotFound):
		writeStoreError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

// getArticleRaw sends an article's input byte for byte. HTML goes out as
// plain text in a sandbox: a crawled page never runs in our origin.
func (s *Server) getArticleRaw(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	a, err := s.st.Get(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no article %q", id))
		return
	}
	if err != nil {
		writeStoreError(w, err)
		return
	}
	ctype := "text/plain; charset=utf-8"
	if a.RawFormat == "json" {
		ctype = "application/json; charset=utf-8"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Security-Policy", "sandbox; default-src 'none'")
	w.Write(a.Raw)
}

// searchHit is an article found by a search, with the story it is in.
type searchHit struct {
	store.SearchHit
	Story string `json:"story,omitempty"`
}

func (s *Server) getSearch(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	query := strings.TrimSpace(q.Get("q"))
	if query == "" {
		writeError(w, http.StatusBadRequest, "q: say what to search for, e.g. /api/search?q=Loukachenko+Sotchi")
		return
	}
	limit, err := listLimit(q, 20, 100)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	hits, err := s.st.Search(r.Context(), query, limit)
	if err != nil {
		writeStoreError(w, err)
		return
	}
	sn := s.snap.Load()
	articles := make([]searchHit, len(hits))
	stories := []storySummary{}
	seen := map[string]bool{}
	// Stories rank by their best article.
	for i, h := range hits {
		articles[i] = searchHit{SearchHit: h, Story: sn.eventOf[h.ID]}
		if e, ok := sn.event(articles[i].Story); ok && !seen[e.ID] {
			seen[e.ID] = true
			stories = append(stories, summarize(e))
		}
	}
	writeJSON(w, http.StatusOK, struct {
		Query    string         `json:"query"`
		Articles []searchHit    `json:"articles"`
		Stories  []storySummary `json:"stories"`
	}{query, articles, stories})
}

func (s *Server) getHealth(w http.ResponseWriter, r *http.Request) {
	sn := s.snap.Load()
	n, err := s.st.Count(r.Context())
	if err != nil {
		writeError(w, http.StatusServiceUnavailable, "store: "+err.Error())
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Status     string    `json:"status"`
		Articles   int       `json:"articles"` // stored
		Placed     int       `json:"placed"`   // in the stories served
		Stories    int       `json:"stories"`
		Events     int       `json:"events"`
		Generation uint64    `json:"generation"`
		DetectedAt time.Time `json:"detected_at,omitzero"`
		Detecting  bool      `json:"detecting"`
		Queue      int       `json:"queue"`
		Feeds      int       `json:"feeds"`
		Instance   string    `json:"instance,omitempty"` // when the store is shared
		Detector   bool      `json:"detector,omitempty"` // holds the detection lease
	}{"ok", n, sn.articles, sn.stories, len(sn.events), sn.generation, detectedAt(sn), s.detecting.Load(), len(s.queue), s.feeds.count(),
		s.cfg.Instance, s.holdsLease()})
}

func detectedAt(sn *snapshot) time.Time {
	if sn.generation == 0 {
		return time.Time{}
	}
	return sn.at
}
