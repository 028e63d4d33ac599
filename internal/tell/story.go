// Package tell turns a detected event (or storyline) and its articles into
// a story a reader can use: a headline, an extractive summary, a timeline of
// the dated facts, the entities that matter, the sources with their copies,
// and the facts that independent sources state alike or dispute.
package tell

import (
	"time"

	"github.com/storyline/storyline/internal/article"
)

// Story is everything told about one event or one storyline.
type Story struct {
	Kind      string    `json:"kind"` // "event" or "storyline"
	ID        string    `json:"id"`
	Storyline string    `json:"storyline,omitempty"` // of an event that belongs to one
	Headline  string    `json:"headline"`
	Lang      string    `json:"lang"`           // language the headline and summary are in
	Languages []string  `json:"languages"`      // of all its articles
	First     time.Time `json:"first,omitzero"` // earliest publication day known
	Last      time.Time `json:"last,omitzero"`  // latest

	Summary  []Sentence `json:"summary"`
	Timeline []Moment   `json:"timeline"`
	Entities []Entity   `json:"entities"`
	Sources  []Source   `json:"sources"`
	Facts    []Fact     `json:"facts"`    // statements independent sources agree on
	Disputes []Dispute  `json:"disputes"` // one slot, different values
	Articles []Article  `json:"articles"`
	Events   []EventRef `json:"events,omitempty"` // a storyline's events, in time order
}

// Sentence is a sentence quoted from one article.
type Sentence struct {
	Text    string `json:"text"`
	Article string `json:"article"`
	Site    string `json:"site,omitempty"`
}

// Moment is one point of a timeline: a day (or month) and what happened
// then, as a sentence states it (an event's timeline) or as an event's
// headline (a storyline's).
type Moment struct {
	Date      time.Time         `json:"date"`
	Precision article.Precision `json:"precision"` // "day" or "month"
	Text      string            `json:"text"`
	Article   string            `json:"article,omitempty"`
	Event     string            `json:"event,omitempty"`
	Sources   int               `json:"sources"` // independent sources that mention the date
}

// Entity is a person, place or organisation of the story.
type Entity struct {
	Key      string   `json:"key"`
	Name     string   `json:"name"` // the most used spelling
	Kind     string   `json:"kind"`
	Mentions int      `json:"mentions"`
	Articles int      `json:"articles"`
	Variants []string `json:"variants,omitempty"` // other spellings met
}

// Source is one site that reported the story.
type Source struct {
	Site      string    `json:"site"`
	FirstSeen time.Time `json:"first_seen,omitzero"` // earliest publication known
	Articles  []string  `json:"articles"`
	Copies    int       `json:"copies"` // of its articles, how many are copies of another
}

// Article is one article of the story.
type Article struct {
	ID        string            `json:"id"`
	Title     string            `json:"title"`
	URL       string            `json:"url,omitempty"`
	Site      string            `json:"site,omitempty"`
	Lang      string            `json:"lang,omitempty"`
	Published time.Time         `json:"published,omitzero"`
	Precision article.Precision `json:"precision,omitempty"`
	CopyOf    string            `json:"copy_of,omitempty"` // the earlier article it republishes
}

// Fact is a factual statement (with a number, a date, a place or a quote)
// and the sentences that state it; Sources counts independent sources.
type Fact struct {
	Statement string     `json:"statement"`
	Kinds     []string   `json:"kinds"` // "date", "number", "place", "quote"
	Sources   int        `json:"sources"`
	Support   []Sentence `json:"support"`
}

// Dispute is one slot (a date, a place, a figure) that sources fill
// differently, each claim with the sentence that states it.
type Dispute struct {
	Slot   string  `json:"slot"` // "date", "place" or "number"
	Claims []Claim `json:"claims"`
}

// Claim is one value given for a disputed slot.
type Claim struct {
	Value    string   `json:"value"`
	Sentence Sentence `json:"sentence"`
	Sources  int      `json:"sources"`
}

// EventRef is an event of a storyline.
type EventRef struct {
	ID       string    `json:"id"`
	Headline string    `json:"headline"`
	Date     time.Time `json:"date,omitzero"`
	Articles int       `json:"articles"`
	Sources  int       `json:"sources"`
}
