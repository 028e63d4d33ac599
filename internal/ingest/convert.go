package ingest

import (
	nurl "net/url"
	"strings"
	"time"

	"github.com/storyline/storyline/internal/article"
)

// Document is a record decoded into text, ready for cleaning.
type Document struct {
	Article *article.Article // identity, source, raw bytes and stated metadata
	Body    string           // the page's text before cleaning
	Warning string           // a repair the user should know of, or ""
}

// Convert decodes a record: text to valid UTF-8, HTML to its main content.
func Convert(rec Record) (Document, error) {
	a := &article.Article{
		ID:        rec.ID,
		URL:       rec.URL,
		Site:      rec.Site,
		Title:     rec.Title,
		Source:    rec.Source,
		Raw:       rec.Raw,
		RawFormat: rec.Format,
	}
	doc := Document{Article: a, Warning: rec.Warning}
	published := rec.Published
	if rec.IsHTML {
		page, err := ExtractHTML(rec.Content, rec.URL)
		if err != nil {
			return Document{}, err
		}
		doc.Body = page.Text
		doc.warn(page.Warning)
		if a.Title == "" {
			a.Title = page.Title
		}
		if published.IsZero() {
			published = page.Published
		}
		if a.URL == "" && page.Site != "" {
			a.Site = firstNonEmpty(a.Site, siteName(page.Site))
		}
	} else {
		d, err := DecodeText(rec.Content)
		if err != nil {
			return Document{}, err
		}
		doc.Body = d.Text
		doc.warn(d.Warning())
		if hasMarkup(d.Text) {
			// Crawls often put a page's HTML in a "text" field: read the
			// markup rather than keep tags in the article.
			doc.Body = markupText(d.Text)
			if isWholePage(d.Text) {
				if page, err := ExtractHTML([]byte(d.Text), rec.URL); err == nil {
					doc.Body = page.Text
					doc.warn(page.Warning)
				}
			}
		}
	}
	if a.Site == "" {
		a.Site = siteOf(a.URL)
	}
	if !published.IsZero() {
		a.Published = article.Published{Time: published.UTC(), Precision: precisionOf(published), Exact: true, From: "metadata"}
	}
	return doc, nil
}

// warn adds w, if any, to the document's warning.
func (d *Document) warn(w string) {
	if w != "" {
		d.Warning = strings.TrimPrefix(d.Warning+", "+w, ", ")
	}
}

// precisionOf guesses whether metadata stated a time of day or only a date.
func precisionOf(t time.Time) article.Precision {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return article.PrecisionDay
	}
	return article.PrecisionTime
}

// siteOf is the host of a URL without a leading "www.", the key under which
// pages of one site share their boilerplate.
func siteOf(rawURL string) string {
	if rawURL == "" {
		return ""
	}
	u, err := nurl.Parse(rawURL)
	if err != nil || u.Host == "" {
		return ""
	}
	return siteName(u.Hostname())
}

func siteName(host string) string {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	return strings.TrimPrefix(host, "www.")
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
