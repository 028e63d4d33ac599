// Package dates finds the publication date of a news article in its plain
// text: a "date YYYY-MM" prefix left by the crawler, a dateline near the top
// ("May 03, 2013", "Publié le 14/09/2020 à 10h32"), or else the latest full
// date the article mentions. It reads full dates in English, French,
// German, Spanish, Italian, Portuguese and Dutch, whatever the language of
// the article, since pages quote each other. Resolve then reads the dates an
// article states by reference to its publication ("le 9 août", "lundi",
// "yesterday"), in the article's language, to tell when the events it
// reports happened.
package dates

import (
	"slices"
	"sync"
	"time"

	"github.com/storyline/storyline/internal/article"
)

// Where Publication looks, and what it believes.
const (
	// datelineLines is how many non-empty lines from the top may hold the
	// dateline: a title, a byline or a kicker come before it. It finds 402
	// datelines in the 502 ECB+ pages of ecbplus.jsonl; only three pages
	// there and in multilingual.jsonl print theirs on the fifth line, and
	// the text stage still finds those dates, though not as Exact.
	datelineLines = 4
	// datelineMaxLen bounds a dateline in bytes. The longest in ECB+, with
	// both a posted and an updated time, are just over 70.
	datelineMaxLen = 100
	// minYear: the web news we ingest is not older. Older dates in a text are
	// births, wars and founding years, never the publication.
	minYear = 1990
	// maxAhead is how far past the median of the dates an article mentions
	// its publication date may be. Dates beyond are announced ones (a
	// summit, the end of a contract), which would otherwise win as the
	// latest. With one or two dates there is no majority to tell an
	// announced date from the news, and the latest is taken: articles
	// recall past dates far more often than they announce distant ones.
	// It rarely decides: with their dateline removed, 45 of the 402 dated
	// ECB+ pages mention another full date, and on those this rule, the
	// plain latest and the lower median all land within two days of the
	// dateline 26 times.
	maxAhead = 366 * 24 * time.Hour
)

// Mention is a full date found in a text: day, month and year stated, and
// the clock time when one follows it ("14/09/2020 à 10h32").
type Mention struct {
	Start, End int       // byte offsets of the mention in the text
	Time       time.Time // UTC
	Precision  article.Precision
}

// FindAll returns the full dates in text, in order. lang is an ISO 639-1
// hint: month names of every supported language are always read, but in
// English "05/03/2013" is May 3 rather than 5 March. A day and month without
// a year ("9 août") and a year alone ("en 2014") are not dates.
func FindAll(text, lang string) []Mention {
	s := newScanner(text, lang)
	defer s.release()
	return s.all()
}

// Publication infers the publication date of an article from its text, in
// this order of trust:
//
//   - a dateline among the first lines, a line that is only a date with
//     perhaps a weekday, a time and words such as "Published",
//     "Mis à jour le" or "Veröffentlicht am": Exact, From "dateline";
//   - a " date YYYY-MM" or " date YYYY-MM-DD" prefix at the very start:
//     From "prefix". It is crawl metadata, and sometimes wrong, so a
//     dateline overrides it;
//   - the latest full date in the text, from 1990 on and at most a year past
//     the median of the dates mentioned: From "text".
//
// prefixLen > 0 when the text starts with the prefix: the caller strips
// text[:prefixLen], which includes the spaces around it. A clock time is
// kept as printed, in UTC: zone names are ambiguous (IST, CST) and often
// missing, and the day is what matters to a story. The zero Published
// means that no date was found.
func Publication(text, lang string) (p article.Published, prefixLen int) {
	p, prefixLen = prefix(text)
	s := newScanner(text[prefixLen:], lang)
	defer s.release()
	if m, ok := s.dateline(); ok {
		return article.Published{Time: m.Time, Precision: m.Precision, Exact: true, From: "dateline"}, prefixLen
	}
	if prefixLen > 0 {
		return p, prefixLen
	}
	if m, ok := latest(s.all()); ok {
		return article.Published{Time: m.Time, Precision: m.Precision, From: "text"}, 0
	}
	return article.Published{}, 0
}

// prefix reads " date 2020-09 " or " date 2020-09-15 " at the start of text.
func prefix(text string) (article.Published, int) {
	i := skipSpace(text, 0)
	if len(text) < i+len("date ") || text[i:i+len("date ")] != "date " {
		return article.Published{}, 0
	}
	i = skipSpace(text, i+len("date "))
	year, month, day := digits(text, i, 4), digits(text, i+5, 2), 1
	if year < 0 || month < 0 || text[i+4] != '-' {
		return article.Published{}, 0
	}
	i += len("2020-09")
	precision := article.PrecisionMonth
	if i < len(text) && text[i] == '-' {
		if day = digits(text, i+1, 2); day < 0 {
			return article.Published{}, 0
		}
		i += len("-15")
		precision = article.PrecisionDay
	}
	if i < len(text) && !isSpace(text[i]) {
		return article.Published{}, 0
	}
	d, _, ok := civil(year, month, day, 0)
	if !ok {
		return article.Published{}, 0
	}
	return article.Published{Time: d, Precision: precision, From: "prefix"}, skipSpace(text, i)
}

// digits returns the number written with exactly n ASCII digits at s[i:],
// or -1.
func digits(s string, i, n int) int {
	if i+n > len(s) {
		return -1
	}
	v := 0
	for _, c := range []byte(s[i : i+n]) {
		if c < '0' || c > '9' {
			return -1
		}
		v = v*10 + int(c-'0')
	}
	return v
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func skipSpace(s string, i int) int {
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return i
}

// dateline returns the date of the first of the top lines that holds a date
// and nothing a dateline would not say.
func (s *scanner) dateline() (Mention, bool) {
	for i, lines := 0, 0; i < len(s.toks) && lines < datelineLines; {
		j := i
		for j < len(s.toks) && !s.punct(j, '\n') {
			j++
		}
		if j > i {
			lines++
			if m, ok := s.datelineIn(i, j); ok {
				return m, true
			}
		}
		i = j + 1
	}
	return Mention{}, false
}

// datelineIn reads tokens i to j-1, one line, as a dateline.
func (s *scanner) datelineIn(i, j int) (Mention, bool) {
	if s.toks[j-1].end-s.toks[i].start > datelineMaxLen {
		return Mention{}, false
	}
	var (
		date         Mention
		clock        time.Duration // a time apart from the date: "12:52 p.m. EDT May 2, 2013"
		found, timed bool
	)
	for i < j {
		if m, next, ok := s.date(i); ok {
			if !found {
				date, found = m, true
			}
			i = next
			continue
		}
		if h, mi, sec, next, ok := s.clock(i, true); ok {
			if !timed {
				clock, timed = sinceMidnight(h, mi, sec), true
			}
			i = next
			continue
		}
		if s.toks[i].kind == kWord && s.info(i).flags == 0 {
			return Mention{}, false // prose, a name, a place
		}
		i++
	}
	if !found || date.Time.Year() < minYear {
		return Mention{}, false
	}
	if date.Precision != article.PrecisionTime && timed {
		date.Time = date.Time.Add(clock)
		date.Precision = article.PrecisionTime
	}
	return date, true
}

// latest picks the publication date among the dates of a text; see maxAhead.
func latest(ms []Mention) (Mention, bool) {
	floor := time.Date(minYear, 1, 1, 0, 0, 0, 0, time.UTC)
	ms = slices.DeleteFunc(ms, func(m Mention) bool { return m.Time.Before(floor) })
	if len(ms) == 0 {
		return Mention{}, false
	}
	slices.SortStableFunc(ms, func(a, b Mention) int { return a.Time.Compare(b.Time) })
	ceiling := ms[len(ms)/2].Time.Add(maxAhead) // the upper median
	for _, m := range slices.Backward(ms) {
		if !m.Time.After(ceiling) {
			return m, true
		}
	}
	return Mention{}, false // not reached: the median is below the ceiling
}

// tokenPool recycles token slices: Publication runs on every article.
var tokenPool = sync.Pool{New: func() any { return new([]token) }}

// maxPooled is the capacity above which a token slice, lexed from an
// unusually long text, is left to the garbage collector.
const maxPooled = 1 << 16

func newScanner(text, lang string) *scanner {
	buf := tokenPool.Get().(*[]token)
	return &scanner{text: text, toks: lex(text, (*buf)[:0]), monthFirst: languages[lang].monthFirst, buf: buf}
}

func (s *scanner) release() {
	if cap(s.toks) <= maxPooled {
		*s.buf = s.toks[:0]
		tokenPool.Put(s.buf)
	}
	s.toks, s.buf = nil, nil
}
