package render

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"time"
	"unicode"

	"github.com/storyline/storyline/internal/tell"
)

//go:embed templates
var templateFS embed.FS

// pageTemplates are parsed with html/template so that every piece of story
// text is escaped for the context it lands in; no story text is ever passed
// as a trusted template.HTML, CSS or URL value.
var pageTemplates = template.Must(Templates())

// Templates returns a new set of the report's HTML templates, with their
// functions, for pages built around them: the server adds its own layout
// and list page to it and shows a story with "story-sections" (see
// templates/sections.html). Each call parses afresh, so callers may add or
// redefine templates without touching the report's.
func Templates() (*template.Template, error) {
	return template.New("").Funcs(template.FuncMap{
		"title":     title,
		"plural":    plural,
		"iso":       isoDate,
		"span":      dateSpan,
		"moment":    momentDate,
		"published": publishedDate,
		"site":      siteOrDash,
		"source":    sentenceSource,
		"srcname":   sourceName,
		"sources":   distinctSources,
		"httpURL":   httpURL,
		"join":      strings.Join,
	}).ParseFS(templateFS, "templates/*")
}

// Stylesheet is the CSS of the report's pages, for pages that link to a
// stylesheet rather than embed it.
func Stylesheet() []byte {
	b, err := templateFS.ReadFile("templates/style.css")
	if err != nil {
		panic(err) // embedded at build time: cannot be missing
	}
	return b
}

// Sanitize returns a copy of s without control characters and bidi
// embeddings, overrides and isolates in any of its text; see
// withoutControls. Pages that show a story with Templates call it first.
func Sanitize(s tell.Story) tell.Story {
	return withoutControls(reflect.ValueOf(s)).Interface().(tell.Story)
}

type indexPage struct {
	Stories   []indexEntry
	Generated string
}

type indexEntry struct {
	tell.Story
	Href string
}

type storyPage struct {
	tell.Story
	Generated string
	pages     map[string]string // story ID to file name, for the stories in the report
}

// PageOf returns the file name of the page of another story of the report
// (events of a storyline, the storyline of an event), or "" if it has none.
func (p storyPage) PageOf(id string) string { return p.pages[id] }

// Report writes a static HTML report into dir: dir/index.html lists the
// stories, and dir/stories/FileName(id) tells each one. The pages need no
// server and no JavaScript. Two stories with the same ID are an error.
func Report(dir string, stories []tell.Story, generated time.Time) error {
	storiesDir := filepath.Join(dir, "stories")
	if err := os.MkdirAll(storiesDir, 0o755); err != nil {
		return err
	}
	// Pages are named after the IDs as the pages show them and link to
	// them: sanitized. (Named after the IDs as given, a story whose ID
	// has a control character would find no page of its own, and be
	// written over the stories folder, or over another story's page.)
	sanitized := make([]tell.Story, len(stories))
	pages := make(map[string]string, len(stories))
	for i, s := range stories {
		s = Sanitize(s)
		if _, dup := pages[s.ID]; dup {
			return fmt.Errorf("render: two stories with ID %q", s.ID)
		}
		pages[s.ID] = FileName(s.ID)
		sanitized[i] = s
	}
	stamp := ""
	if !generated.IsZero() {
		stamp = generated.UTC().Format("2006-01-02 15:04 UTC")
	}

	index := indexPage{Generated: stamp}
	for _, s := range sanitized {
		page := storyPage{Story: s, Generated: stamp, pages: pages}
		if err := writePage(filepath.Join(storiesDir, pages[s.ID]), "story.html", page); err != nil {
			return err
		}
		index.Stories = append(index.Stories, indexEntry{Story: s, Href: "stories/" + pages[s.ID]})
	}
	// The index comes last so that it never links to a page not yet written.
	return writePage(filepath.Join(dir, "index.html"), "index.html", index)
}

// writePage renders a whole page before touching the disk, then replaces
// the file by renaming, so a failed run never leaves a half-written page.
func writePage(path, templateName string, data any) error {
	var buf bytes.Buffer
	if err := pageTemplates.ExecuteTemplate(&buf, templateName, data); err != nil {
		return fmt.Errorf("render: %s: %w", filepath.Base(path), err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	_, err = tmp.Write(buf.Bytes())
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if closeErr := tmp.Close(); err == nil {
		err = closeErr
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// withoutControls returns a deep copy of v whose strings lack control
// characters and bidi embeddings, overrides and isolates. Escaping leaves
// those intact, and an unterminated right-to-left override in a page's
// sentence would otherwise reverse the text after it, such as the name of
// the site it is attributed to. Reflection keeps new fields of tell.Story
// covered without a list to maintain.
func withoutControls(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.String:
		return reflect.ValueOf(strings.Map(dropControl, v.String())).Convert(v.Type())
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			out.Index(i).Set(withoutControls(v.Index(i)))
		}
		return out
	case reflect.Struct:
		out := reflect.New(v.Type()).Elem()
		out.Set(v)
		for i := range v.NumField() {
			if out.Field(i).CanSet() { // unexported fields (time.Time's) are kept as copied
				out.Field(i).Set(withoutControls(v.Field(i)))
			}
		}
		return out
	}
	return v
}

// SanitizeText is Sanitize for one string of page text shown outside a
// told story, such as an event's headline in a list.
func SanitizeText(s string) string { return strings.Map(dropControl, s) }

func dropControl(r rune) rune {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return ' '
	case unicode.IsControl(r), r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
		return -1
	}
	return r
}
