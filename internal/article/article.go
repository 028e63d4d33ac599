// Package article defines the record that flows through the storyline
// pipeline: one news page, from its raw bytes to its cleaned text.
package article

import (
	"strconv"
	"time"
)

// Article is one ingested news page. Ingest fills the source fields and Raw;
// clean fills Title, Text and Removed; the language and date stages fill Lang
// and Published. Raw is kept so that nothing of the input is ever lost.
type Article struct {
	ID        string    `json:"id"` // given by the input, or a hash of Raw
	URL       string    `json:"url,omitempty"`
	Site      string    `json:"site,omitempty"` // host of URL without "www.", or the input's source field
	Title     string    `json:"title"`
	Text      string    `json:"text"` // cleaned body, paragraphs separated by "\n"
	Lang      string    `json:"lang"` // ISO 639-1, "" when undetermined
	Published Published `json:"published"`

	Source    Source        `json:"source"`            // where the record came from
	Removed   []RemovedLine `json:"removed,omitempty"` // what the cleaner dropped, and why
	Raw       []byte        `json:"-"`                 // the input exactly as read
	RawFormat string        `json:"raw_format"`        // "text", "html" or "json"
}

// Published is the publication time of an article and how sure we are of it.
type Published struct {
	Time      time.Time `json:"time,omitzero"`
	Precision Precision `json:"precision,omitempty"` // day, month or year
	Exact     bool      `json:"exact"`               // stated as the publication date, not inferred
	From      string    `json:"from,omitempty"`      // metadata, prefix, dateline or text
}

// Known reports whether a publication time was found at all.
func (p Published) Known() bool { return !p.Time.IsZero() }

// Precision says which part of a publication time is meaningful.
type Precision string

// Precisions, from finest to coarsest.
const (
	PrecisionTime  Precision = "time"
	PrecisionDay   Precision = "day"
	PrecisionMonth Precision = "month"
	PrecisionYear  Precision = "year"
)

// Source locates the input an article was read from, for messages and for
// going back to the original.
type Source struct {
	Path string `json:"path"`           // file path, or "-" for standard input
	Line int    `json:"line,omitempty"` // line number within a JSON Lines file
}

// String renders the source as path or path:line, the form used in messages.
func (s Source) String() string {
	if s.Line > 0 {
		return s.Path + ":" + strconv.Itoa(s.Line)
	}
	return s.Path
}

// RemovedLine is a line the cleaner dropped, kept so a user can see and trust
// what was removed.
type RemovedLine struct {
	Line   int    `json:"line"` // 1-based line number in the text before cleaning
	Text   string `json:"text"`
	Reason string `json:"reason"`
}
