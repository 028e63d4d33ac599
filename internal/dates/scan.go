package dates

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/storyline/storyline/internal/article"
)

// The scanner is written by hand rather than with regexp or a date-parsing
// library: it runs on every article, must know month names in seven
// languages at once, and must refuse what such libraries happily complete (a
// bare "9 août" or "en 2014" is no date). One pass cuts the text into
// tokens; patterns then look at the few tokens after a number or a month.

type kind uint8

const (
	kEnd    kind = iota // past the last token
	kNumber             // a run of ASCII digits
	kWord               // a run of letters
	kPunct              // any other character; '\n' ends a line
)

type token struct {
	start, end int // byte offsets in the text
	kind       kind
	ndig       int  // digits of a number
	val        int  // value of a number of up to 4 digits, else -1
	r          rune // a punctuation character
	info       info // what a word can be in a date, once looked
	looked     bool
}

// noToken stands for the tokens before the first and after the last.
var noToken = &token{val: -1}

// lex appends the tokens of s to toks. Spaces separate tokens and are
// dropped, except '\n'.
func lex(s string, toks []token) []token {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\n':
			toks = append(toks, token{start: i, end: i + 1, kind: kPunct, r: '\n', val: -1})
			i++
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			i++
		case '0' <= c && c <= '9':
			j, v := i, 0
			for j < len(s) && '0' <= s[j] && s[j] <= '9' {
				v = v*10 + int(s[j]-'0')
				j++
				if j-i > 4 {
					v = -1
					for j < len(s) && '0' <= s[j] && s[j] <= '9' {
						j++
					}
				}
			}
			toks = append(toks, token{start: i, end: j, kind: kNumber, ndig: j - i, val: v})
			i = j
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			var t token
			t, i = lexWord(s, i)
			toks = append(toks, t)
		case c < 0x80:
			toks = append(toks, token{start: i, end: i + 1, kind: kPunct, r: rune(c), val: -1})
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			switch {
			case unicode.IsLetter(r):
				var t token
				t, i = lexWord(s, i)
				toks = append(toks, t)
			case unicode.IsSpace(r):
				i += size
			default:
				toks = append(toks, token{start: i, end: i + size, kind: kPunct, r: r, val: -1})
				i += size
			}
		}
	}
	return toks
}

// lexWord reads the word starting at s[i]: letters, and the combining
// accents of text in decomposed form. What the word means is looked up
// later, and only for the few words next to a number.
func lexWord(s string, i int) (token, int) {
	j := i
	for j < len(s) {
		if c := s[j]; c < 0x80 {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
				j++
				continue
			}
			break
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			break
		}
		j += size
	}
	return token{start: i, end: j, kind: kWord, val: -1}, j
}

// scanner finds dates in the tokens of a text.
type scanner struct {
	text       string
	toks       []token
	monthFirst bool // read "05/03/2013" as May 3
	buf        *[]token
}

func (s *scanner) tok(i int) *token {
	if i < 0 || i >= len(s.toks) {
		return noToken
	}
	return &s.toks[i]
}

func (s *scanner) punct(i int, r rune) bool {
	t := s.tok(i)
	return t.kind == kPunct && t.r == r
}

// info returns what word token i can be in a date.
func (s *scanner) info(i int) info {
	t := s.tok(i)
	if t.kind != kWord {
		return info{}
	}
	if !t.looked {
		t.info, t.looked = lookup(s.text[t.start:t.end]), true
	}
	return t.info
}

func (s *scanner) month(i int) int { return int(s.info(i).month) }

func (s *scanner) word(i int, flag uint8) bool { return s.info(i).flags&flag != 0 }

// adjacent reports whether token i follows token i-1 with no space.
func (s *scanner) adjacent(i int) bool {
	return i > 0 && i < len(s.toks) && s.toks[i].start == s.toks[i-1].end
}

func (s *scanner) day(i int) int {
	if t := s.tok(i); t.kind == kNumber && t.ndig <= 2 {
		return t.val
	}
	return 0
}

func (s *scanner) year(i int) int {
	if t := s.tok(i); t.kind == kNumber && t.ndig == 4 && t.val >= 1000 {
		return t.val
	}
	return 0
}

// all returns every date in the text, in order. Every date holds a
// number, so only numbers are looked at, and the month name before one.
func (s *scanner) all() []Mention {
	var ms []Mention
	for i, from := 0, 0; i < len(s.toks); i++ {
		if s.toks[i].kind != kNumber {
			continue
		}
		start := i
		switch {
		case i-1 >= from && s.month(i-1) != 0:
			start = i - 1 // "September 9, 2020"
		case i-2 >= from && s.punct(i-1, '.') && s.month(i-2) != 0:
			start = i - 2 // "Sept. 7, 2017"
		}
		m, next, ok := s.date(start)
		if !ok && start != i {
			m, next, ok = s.date(i)
		}
		if ok {
			ms = append(ms, m)
			i, from = next-1, next
		}
	}
	return ms
}

// date matches a full date starting at token i, with the clock time that
// follows it if any, and returns the index of the token after it.
func (s *scanner) date(i int) (Mention, int, bool) {
	t := s.tok(i)
	var (
		d    time.Time
		next int
		ok   bool
	)
	switch {
	case s.month(i) != 0:
		d, next, ok = s.monthDayYear(i)
	case t.kind == kNumber && t.ndig == 4:
		d, next, ok = s.numeric(i)
	case t.kind == kNumber && t.ndig <= 2:
		d, next, ok = s.dayMonthYear(i)
		if !ok {
			d, next, ok = s.numeric(i)
		}
	}
	if !ok {
		return Mention{}, i, false
	}
	m := Mention{Start: t.start, End: s.toks[next-1].end, Time: d, Precision: article.PrecisionDay}
	if h, mi, sec, after, ok := s.clock(s.skipToClock(next), false); ok {
		m.Time = d.Add(sinceMidnight(h, mi, sec))
		m.Precision = article.PrecisionTime
		m.End = s.toks[after-1].end
		next = after
	}
	return m, next, true
}

// monthDayYear: "September 9, 2020", "Sept. 7, 2017", "June 11th 2012".
func (s *scanner) monthDayYear(i int) (time.Time, int, bool) {
	month := s.month(i)
	j := i + 1
	if s.punct(j, '.') {
		j++
	}
	day := s.day(j)
	j++
	if s.word(j, fOrdinal) && s.adjacent(j) {
		j++
	}
	if s.punct(j, ',') {
		j++
	}
	return civil(s.year(j), month, day, j+1)
}

// dayMonthYear: "14 septembre 2020", "14. September 2020", "1er août 2020",
// "14 de septiembre de 2020", "14th of September 2020", "3 févr. 2021".
func (s *scanner) dayMonthYear(i int) (time.Time, int, bool) {
	day := s.day(i)
	j := i + 1
	if s.word(j, fOrdinal) && s.adjacent(j) {
		j++
	}
	if s.punct(j, '.') || s.punct(j, '°') {
		j++
	}
	if s.word(j, fOf) {
		j++
	}
	month := s.month(j)
	if month == 0 {
		return time.Time{}, 0, false
	}
	j++
	if s.punct(j, '.') {
		j++
	}
	if s.punct(j, ',') || s.word(j, fOf) {
		j++
	}
	return civil(s.year(j), month, day, j+1)
}

// numeric: "2020-09-15", "15.09.2020", "14/09/2020", "5 / 5 / 2010".
func (s *scanner) numeric(i int) (time.Time, int, bool) {
	sep := s.tok(i + 1)
	if sep.kind != kPunct || (sep.r != '/' && sep.r != '.' && sep.r != '-') || !s.punct(i+3, sep.r) {
		return time.Time{}, 0, false
	}
	// A longer chain of numbers is a version, a phone number or an ID.
	if s.punct(i-1, sep.r) && s.tok(i-2).kind == kNumber || s.punct(i+5, sep.r) && s.tok(i+6).kind == kNumber {
		return time.Time{}, 0, false
	}
	a, b, c := s.tok(i), s.tok(i+2), s.tok(i+4)
	if b.kind != kNumber || b.ndig > 2 || c.kind != kNumber {
		return time.Time{}, 0, false
	}
	if a.ndig == 4 {
		if c.ndig > 2 {
			return time.Time{}, 0, false
		}
		return civil(s.year(i), b.val, c.val, i+5)
	}
	y := s.year(i + 4)
	first, second := a.val, b.val // day, month
	if s.monthFirst && sep.r != '.' {
		first, second = second, first
	}
	if d, next, ok := civil(y, second, first, i+5); ok {
		return d, next, true
	}
	return civil(y, first, second, i+5)
}

// civil returns the date if it exists, and next unchanged.
func civil(year, month, day, next int) (time.Time, int, bool) {
	if year == 0 || month < 1 || month > 12 || day < 1 {
		return time.Time{}, 0, false
	}
	d := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if d.Day() != day { // normalised: 31 February became 3 March
		return time.Time{}, 0, false
	}
	return d, next, true
}

// skipToClock skips what may stand between a date and its time: "May 2,
// 2013, 1:12 PM", "14/09/2020 à 10h32", "2020-09-15T14:32".
func (s *scanner) skipToClock(i int) int {
	for range 2 {
		t := s.tok(i)
		switch {
		case t.kind == kPunct && strings.ContainsRune(",|@-–—/(", t.r),
			s.word(i, fAt),
			t.kind == kWord && s.text[t.start:t.end] == "T" && s.adjacent(i):
			i++
		default:
			return i
		}
	}
	return i
}

// clock matches a time of day at token i: "14:32", "10h32", "1: 41 PM",
// "2 a. m.", "14 Uhr", "0947 GMT"; with dots, "08. 33 BST" too, which only
// a dateline can tell from a number. It returns the index after the time.
func (s *scanner) clock(i int, dots bool) (hour, minute, second, next int, ok bool) {
	t := s.tok(i)
	if t.kind != kNumber {
		return
	}
	if t.ndig == 4 {
		hour, minute = t.val/100, t.val%100
		if hour <= 23 && minute <= 59 && s.word(i+1, fZone) {
			return hour, minute, 0, i + 1, true
		}
		return 0, 0, 0, 0, false
	}
	if t.ndig > 2 || t.val > 23 {
		return
	}
	hour, j, stated := t.val, i+1, false
	sep := s.tok(j)
	if sep.kind == kPunct && (sep.r == ':' || dots && sep.r == '.') || sep.end-sep.start == 1 && s.word(j, fHour) {
		if m := s.tok(j + 1); m.kind == kNumber && m.ndig == 2 && m.val <= 59 {
			minute, j, stated = m.val, j+2, true
			if sc := s.tok(j + 1); s.punct(j, ':') && sc.kind == kNumber && sc.ndig == 2 && sc.val <= 59 {
				second, j = sc.val, j+2
			}
		}
	}
	if s.word(j, fHour) {
		j, stated = j+1, true
	}
	if pm, after, ok := s.meridiem(j); ok && hour >= 1 && hour <= 12 {
		switch {
		case pm && hour < 12:
			hour += 12
		case !pm && hour == 12:
			hour = 0
		}
		j, stated = after, true
	}
	if !stated {
		return 0, 0, 0, 0, false
	}
	return hour, minute, second, j, true
}

// meridiem matches "am", "PM", "a. m.", "p.m." or an "a"/"p" glued to the
// minutes ("6:11p"), and not the French "à".
func (s *scanner) meridiem(i int) (pm bool, next int, ok bool) {
	t := s.tok(i)
	if t.kind != kWord {
		return false, 0, false
	}
	w := s.text[t.start:t.end]
	switch {
	case strings.EqualFold(w, "am") || strings.EqualFold(w, "pm"):
		return w[0] == 'p' || w[0] == 'P', i + 1, true
	case w != "a" && w != "A" && w != "p" && w != "P":
		return false, 0, false
	}
	pm = w == "p" || w == "P"
	if m := s.tok(i + 2); s.punct(i+1, '.') && m.kind == kWord && m.end-m.start == 1 && (s.text[m.start] == 'm' || s.text[m.start] == 'M') {
		next = i + 3
		if s.punct(next, '.') {
			next++
		}
		return pm, next, true
	}
	if s.adjacent(i) {
		return pm, i + 1, true
	}
	return false, 0, false
}

func sinceMidnight(hour, minute, second int) time.Duration {
	return time.Duration(hour)*time.Hour + time.Duration(minute)*time.Minute + time.Duration(second)*time.Second
}
