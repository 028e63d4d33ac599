package serve

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/storyline/storyline/internal/entities"
	"github.com/storyline/storyline/internal/render"
	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/story"
	"github.com/storyline/storyline/internal/tell"
)

// web holds the pages' templates, script and stylesheet, built into the
// binary. Story sections come from internal/render, shared with the static
// report.
//
//go:embed web
var web embed.FS

func parsePages() (*template.Template, error) {
	t, err := render.Templates()
	if err != nil {
		return nil, err
	}
	t = t.Funcs(template.FuncMap{
		"headline": func(e story.Event) string {
			if strings.TrimSpace(e.Headline) != "" {
				return e.Headline
			}
			return e.ID
		},
		// names lists the first n people, places and organisations; the
		// days an event's entities include are for matching, not reading.
		"names": func(refs []story.EntityRef, n int) []string {
			var names []string
			for _, r := range refs {
				if len(names) < n && r.Kind != entities.Kind("date") {
					names = append(names, r.Name)
				}
			}
			return names
		},
	})
	return t.ParseFS(web, "web/*.html")
}

// page renders a whole page before sending it, so that a template error
// becomes a clean 500 rather than half a page.
func (s *Server) page(w http.ResponseWriter, status int, name string, data any) {
	var buf bytes.Buffer
	if err := s.pages.ExecuteTemplate(&buf, name, data); err != nil {
		s.log.Error("render page", "page", name, "err", err)
		http.Error(w, "internal error: the page could not be rendered", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

type errorView struct {
	Status  int
	Message string
}

func (s *Server) pageError(w http.ResponseWriter, status int, message string) {
	s.page(w, status, "page-error.html", errorView{status, message})
}

// listView is the story list page.
type listView struct {
	Query      url.Values // the filters as typed, to refill the form
	Filtered   bool
	Stories    []listEntry
	Next       string // address of the next page, or ""
	Generation uint64
	Total      int // stories in the snapshot
	Articles   int
}

type listEntry struct {
	story.Event
	Href  string
	Lang  string // of the headline, when the story has one language
	Spark *sparkline
}

// pageListSize is the stories one page of the list shows.
const pageListSize = 30

func (s *Server) pageList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := parseStoryFilter(q)
	if err != nil {
		s.pageError(w, http.StatusBadRequest, err.Error())
		return
	}
	sn := s.snap.Load()
	events, next, err := s.findStories(r.Context(), sn, f, q.Get("cursor"), pageListSize)
	switch {
	case errors.Is(err, store.ErrBadQuery), errors.Is(err, errBadCursor):
		s.pageError(w, http.StatusBadRequest, err.Error())
		return
	case err != nil:
		s.log.Error("list stories", "err", err)
		s.pageError(w, http.StatusInternalServerError, "The stories could not be read.")
		return
	}
	v := listView{Query: q, Generation: sn.generation, Total: sn.stories, Articles: sn.articles,
		Filtered: f != (storyFilter{})}
	for _, e := range events {
		e.Headline = render.SanitizeText(e.Headline)
		e.Entities = slices.Clone(e.Entities) // the snapshot's own stay as they are
		for i := range e.Entities {
			e.Entities[i].Name = render.SanitizeText(e.Entities[i].Name)
		}
		entry := listEntry{Event: e, Href: "/stories/" + url.PathEscape(e.ID), Spark: newSparkline(s.dates.of(e.Articles))}
		if len(e.Languages) == 1 {
			entry.Lang = e.Languages[0]
		}
		v.Stories = append(v.Stories, entry)
	}
	if next != "" {
		nq := url.Values{}
		for k, vs := range q {
			nq[k] = vs
		}
		nq.Set("cursor", next)
		v.Next = "/?" + nq.Encode()
	}
	s.page(w, http.StatusOK, "page-list.html", v)
}

// storyView is the story page: a told story, with the links render's
// sections ask for through PageOf.
type storyView struct {
	tell.Story
	Generation uint64
	Langs      []langLink
	known      func(id string) bool
}

type langLink struct {
	Lang, Href string
	Current    bool
}

// PageOf gives the address of another story's page (a storyline's event,
// an event's storyline), or "" for one the server does not have.
func (v storyView) PageOf(id string) string {
	if !v.known(id) {
		return ""
	}
	return "/stories/" + url.PathEscape(id)
}

func (s *Server) pageStory(w http.ResponseWriter, r *http.Request) {
	lang, err := parseLang(r.URL.Query().Get("lang"))
	if err != nil {
		s.pageError(w, http.StatusBadRequest, err.Error())
		return
	}
	id := r.PathValue("id")
	sn := s.snap.Load()
	told, err := s.tellStory(r.Context(), id, lang)
	if errors.Is(err, store.ErrNotFound) {
		s.pageError(w, http.StatusNotFound, "No story has this id. It may have merged into another since the page that linked here was shown.")
		return
	}
	if err != nil {
		s.log.Error("tell story", "id", id, "err", err)
		s.pageError(w, http.StatusInternalServerError, "The story could not be told.")
		return
	}
	v := storyView{Story: render.Sanitize(told), Generation: sn.generation, known: func(id string) bool {
		_, isEvent := sn.index[id]
		return isEvent || sn.storylines[id]
	}}
	if len(told.Languages) > 1 {
		for _, l := range told.Languages {
			v.Langs = append(v.Langs, langLink{Lang: l, Href: "/stories/" + url.PathEscape(id) + "?lang=" + url.QueryEscape(l), Current: l == told.Lang})
		}
	}
	s.page(w, http.StatusOK, "page-story.html", v)
}

// static serves the page's script and stylesheet. The stylesheet is the
// report's with the server's additions, so both read alike.
func (s *Server) static(w http.ResponseWriter, r *http.Request) {
	var body []byte
	var ctype string
	switch r.PathValue("file") {
	case "live.js":
		body, _ = web.ReadFile("web/live.js")
		ctype = "text/javascript; charset=utf-8"
	case "icon.svg":
		body, _ = web.ReadFile("web/icon.svg")
		ctype = "image/svg+xml"
	case "style.css":
		extra, _ := web.ReadFile("web/serve.css")
		body = append(append(render.Stylesheet(), '\n'), extra...)
		ctype = "text/css; charset=utf-8"
	default:
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "public, max-age=300")
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

// sparkline is a small bar chart of a story's articles by publication day,
// drawn as inline SVG (no script, nothing fetched).
type sparkline struct {
	Width, Height int
	BaseY         int // top of the one-pixel baseline the bars stand on
	Bars          []sparkBar
	Label         string
}

type sparkBar struct{ X, Y, W, H string }

const (
	sparkWidth  = 120
	sparkHeight = 24
	sparkBins   = 30
	// sparkMinDays keeps a story of one day from filling the whole chart:
	// its bar stands at the right end of a week.
	sparkMinDays = 7
)

func newSparkline(days []int32) *sparkline {
	if len(days) == 0 {
		return nil
	}
	first, last := days[0], days[0]
	for _, d := range days {
		first, last = min(first, d), max(last, d)
	}
	from := min(first, last-sparkMinDays+1)
	span := int(last-from) + 1
	bins := min(span, sparkBins)
	daysPerBin := (span + bins - 1) / bins
	bins = (span + daysPerBin - 1) / daysPerBin
	counts := make([]int, bins)
	most := 0
	for _, d := range days {
		i := int(d-from) / daysPerBin
		counts[i]++
		most = max(most, counts[i])
	}
	sp := &sparkline{Width: sparkWidth, Height: sparkHeight, BaseY: sparkHeight - 1}
	w := float64(sparkWidth) / float64(bins)
	for i, c := range counts {
		if c == 0 {
			continue
		}
		h := max(2, float64(sparkHeight)*float64(c)/float64(most))
		sp.Bars = append(sp.Bars, sparkBar{X: num(float64(i) * w), Y: num(sparkHeight - h), W: num(max(1, w-1)), H: num(h)})
	}
	day := func(d int32) string { return time.Unix(int64(d)*86400, 0).UTC().Format("2 Jan 2006") }
	sp.Label = fmt.Sprintf("%d dated article(s), %s", len(days), day(first))
	if last != first {
		sp.Label += " to " + day(last)
	}
	return sp
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }
