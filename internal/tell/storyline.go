package tell

import (
	"cmp"
	"slices"
	"time"

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/story"
)

// Storyline tells a storyline from the told stories of its events: its
// events in time order, the lead sentence of each, and the names and
// sources they share.
func Storyline(sl story.Storyline, events []Story) Story {
	s := Story{Kind: "storyline", ID: sl.ID}
	evs := slices.Clone(events)
	slices.SortStableFunc(evs, func(a, b Story) int {
		da, db := EventDate(a), EventDate(b)
		switch {
		case da.IsZero() && db.IsZero():
			return 0
		case da.IsZero():
			return 1
		case db.IsZero():
			return -1
		}
		return da.Compare(db)
	})

	// The headline is that of the event most sources reported.
	lead := -1
	for i, e := range evs {
		if lead < 0 || len(e.Sources) > len(evs[lead].Sources) ||
			len(e.Sources) == len(evs[lead].Sources) && len(e.Articles) > len(evs[lead].Articles) {
			lead = i
		}
	}
	langs := map[string]bool{}
	entByKey := map[string]*Entity{}
	var entKeys []string
	srcBy := map[string]*Source{}
	var srcKeys []string
	for i, e := range evs {
		if i == lead {
			s.Headline, s.Lang = e.Headline, e.Lang
		}
		for _, l := range e.Languages {
			langs[l] = true
		}
		if !e.First.IsZero() && (s.First.IsZero() || e.First.Before(s.First)) {
			s.First = e.First
		}
		if e.Last.After(s.Last) {
			s.Last = e.Last
		}
		date := EventDate(e)
		precision := article.PrecisionDay
		if date.IsZero() {
			precision = ""
		}
		s.Events = append(s.Events, EventRef{ID: e.ID, Headline: e.Headline, Date: date, Articles: len(e.Articles), Sources: len(e.Sources)})
		s.Timeline = append(s.Timeline, Moment{Date: date, Precision: precision, Text: e.Headline, Event: e.ID, Sources: len(e.Sources)})
		if len(e.Summary) > 0 && len(s.Summary) < summaryMax {
			s.Summary = append(s.Summary, e.Summary[0])
		}
		s.Articles = append(s.Articles, e.Articles...)
		s.Facts = append(s.Facts, e.Facts...)
		s.Disputes = append(s.Disputes, e.Disputes...)
		for _, en := range e.Entities {
			m := entByKey[en.Key]
			if m == nil {
				c := en
				c.Variants = slices.Clone(en.Variants)
				entByKey[en.Key] = &c
				entKeys = append(entKeys, en.Key)
				continue
			}
			m.Mentions += en.Mentions
			m.Articles += en.Articles
			for _, v := range append([]string{en.Name}, en.Variants...) {
				if v != m.Name && !slices.Contains(m.Variants, v) {
					m.Variants = append(m.Variants, v)
				}
			}
		}
		for _, src := range e.Sources {
			key := src.Site
			if key == "" {
				key = "article:" + src.Articles[0]
			}
			m := srcBy[key]
			if m == nil {
				c := src
				c.Articles = slices.Clone(src.Articles)
				srcBy[key] = &c
				srcKeys = append(srcKeys, key)
				continue
			}
			m.Articles = append(m.Articles, src.Articles...)
			m.Copies += src.Copies
			if !src.FirstSeen.IsZero() && (m.FirstSeen.IsZero() || src.FirstSeen.Before(m.FirstSeen)) {
				m.FirstSeen = src.FirstSeen
			}
		}
	}
	for l := range langs {
		s.Languages = append(s.Languages, l)
	}
	slices.Sort(s.Languages)
	for _, k := range entKeys {
		s.Entities = append(s.Entities, *entByKey[k])
	}
	slices.SortStableFunc(s.Entities, func(a, b Entity) int {
		if c := cmp.Compare(b.Articles, a.Articles); c != 0 {
			return c
		}
		return cmp.Compare(b.Mentions, a.Mentions)
	})
	if len(s.Entities) > entitiesMax {
		s.Entities = s.Entities[:entitiesMax]
	}
	for _, k := range srcKeys {
		s.Sources = append(s.Sources, *srcBy[k])
	}
	slices.SortStableFunc(s.Facts, func(a, b Fact) int { return cmp.Compare(b.Sources, a.Sources) })
	if len(s.Facts) > factsMax {
		s.Facts = s.Facts[:factsMax]
	}
	if len(s.Disputes) > disputesMax {
		s.Disputes = s.Disputes[:disputesMax]
	}
	s.emptyNotNull()
	return s
}

// EventDate is when an event happened, as far as its story tells: its
// first publication day when known; else the latest day among those its
// sources mention most (at least half as many sources as the most
// mentioned day), since reports of a meeting all recall the election before
// it but the meeting is what they are about; zero when nothing is dated.
func EventDate(s Story) time.Time {
	if !s.First.IsZero() {
		return s.First
	}
	most := 0
	for _, m := range s.Timeline {
		if m.Precision == article.PrecisionDay {
			most = max(most, m.Sources)
		}
	}
	var date time.Time
	for _, m := range s.Timeline {
		if m.Precision == article.PrecisionDay && 2*m.Sources >= most && m.Date.After(date) {
			date = m.Date
		}
	}
	return date
}
