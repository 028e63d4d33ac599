package dates

import (
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/storyline/storyline/internal/article"
)

// Resolve, unlike FindAll, reads the dates an article states by reference to
// its own publication: "le 9 août", "lundi 14 septembre", "on Tuesday",
// "gestern". Story detection needs them to tell which events an article
// reports and when they happened; a news article rarely repeats the year of
// a recent event. Like the rest of the package it is written by hand: it
// runs on every article, where go-dateparser's Search takes 7.5 ms an
// article (this, some 15 µs) and finds dates in "sa", "mer" and "226270"
// (see DEPENDENCIES.md). The rules below are each there for a false hit or
// a miss seen in the sample pages, ECB+ or the multilingual corpus.

// Resolved is a date mentioned in a text, resolved against a reference
// (publication) time.
type Resolved struct {
	Start, End int               // byte offsets of the mention in the text
	Time       time.Time         // UTC, the start of the day (or of the month)
	Precision  article.Precision // PrecisionDay or PrecisionMonth
	// Relative is set when the date depends on the reference time: a day
	// and month without a year, a weekday, or a word such as "yesterday".
	// A reference time that is wrong moves these, and only these.
	Relative bool
}

// Parameters of the resolution.
const (
	// futureWeight: a day and month without a year take the year that puts
	// them nearest the reference, a date after it counting futureWeight
	// times its distance. News recalls past days more often than it
	// announces coming ones, which suggests a weight above 1, but on the
	// datelined ECB+ pages the dates that far out are mostly announced
	// hearings and broadcasts: of the five yearless dates there that a
	// weight of 2 resolves otherwise than plain distance (between four and
	// six months from the dateline), plain distance gets four right ("trial
	// date was set for October 28", "airing December 25"), a weight of 2
	// one ("his arrest on June 21"). Dates within four months of the
	// reference do not depend on it.
	futureWeight = 1
	// A weekday with a day of the month but no month ("jeudi 10") is the
	// date with both, from monthsBack months before the reference to
	// monthsAhead after, nearest it as above: an article names the day of
	// the month with the weekday for days close to it.
	monthsBack, monthsAhead = 2, 1
)

// Resolve returns the dates mentioned in text, in order, resolved against
// ref, the publication time of the article:
//
//   - full dates, as FindAll finds them, cut to the day;
//   - a month and year ("septembre 2020", "September of 2020"), with month
//     precision; a year alone ("en 2014") is not a date;
//   - a day and month without a year ("le 9 août", "am 5. April", "on April
//     9") in the year that puts it nearest ref (see futureWeight), or the
//     last one before or the next one after ref when a word says so ("le 5
//     avril dernier", "el próximo 5 de abril");
//   - a weekday before a date ("lundi 14 septembre") is part of it, and
//     chooses the year when the year is not stated; with only a day number
//     ("jeudi 10") it chooses the month;
//   - a weekday alone ("dimanche", "on Tuesday", "am Montag") is the most
//     recent such day on or before ref, since news reports past days; the
//     first one after ref when a word says so ("mardi prochain", "next
//     Tuesday"), and the one before ref when a word says that ("mardi
//     dernier", "last Tuesday");
//   - "yesterday", "today", "tomorrow" and their like are ref-1, ref and
//     ref+1; "the day before yesterday" and its like ref-2 or ref+2.
//
// Month names of every language are read in full dates and with a year;
// without a year, and for weekdays and words like "yesterday", only those
// of lang are, since they are ordinary words in other languages ("hier" is
// "here" in German, "mai" is "never" in Italian). With an unknown lang, no
// weekdays or such words are read.
//
// When ref is zero (publication unknown), only dates that state their year
// are returned. ref is read as a calendar day, in its own location.
func Resolve(text, lang string, ref time.Time) []Resolved {
	s := newScanner(text, lang)
	defer s.release()
	v := dayVocabs[lang]
	if v == nil {
		v = anyLanguage
	}
	r := &resolver{scanner: s, v: v, full: s.all()}
	if !ref.IsZero() {
		y, m, d := ref.Date()
		r.ref = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	for i := 0; i < len(s.toks); {
		i = r.at(i)
	}
	return r.out
}

// resolver walks the tokens of a text once, left to right.
type resolver struct {
	*scanner
	v    *dayVocab
	ref  time.Time // the reference day, or zero
	full []Mention // the full dates, from scanner.all
	k    int       // the next of full
	from int       // the first token not yet part of a result
	out  []Resolved
}

// at reads what starts at token i and returns the index of the token after
// it.
func (r *resolver) at(i int) int {
	t := &r.toks[i]
	if t.kind == kPunct { // no date starts with one
		return i + 1
	}
	for r.k < len(r.full) && r.full[r.k].Start < t.start {
		r.k++
	}
	if r.fullAt(i) {
		return r.takeFull(i, i)
	}
	switch t.kind {
	case kNumber:
		if next, ok := r.monthYear(i); ok {
			return next
		}
		if r.ref.IsZero() {
			break
		}
		// "April 9", "Sept. 7": the month came first.
		m := i - 1
		if r.punct(m, '.') {
			m--
		}
		if m >= r.from && r.tok(m).kind == kWord {
			if next, ok := r.dateAt(m, 0, m); ok {
				return next
			}
		}
		if next, ok := r.dateAt(i, 0, i); ok {
			return next
		}
	case kWord:
		if r.ref.IsZero() || !r.v.maybe(r.text[t.start:t.end]) {
			break
		}
		w := r.v.lookup(r.text[t.start:t.end])
		if w == nil {
			break
		}
		if next, ok := r.phrase(i, w); ok {
			return next
		}
		if w.weekday != 0 {
			if next, ok := r.weekday(i, w); ok {
				return next
			}
		}
	}
	return i + 1
}

// emit adds the date of tokens start to next-1 and returns next.
func (r *resolver) emit(start, next int, t time.Time, p article.Precision, relative bool) int {
	r.out = append(r.out, Resolved{Start: r.toks[start].start, End: r.toks[next-1].end, Time: t, Precision: p, Relative: relative})
	r.from = next
	return next
}

// fullAt reports whether a full date starts at token j.
func (r *resolver) fullAt(j int) bool {
	return r.k < len(r.full) && j < len(r.toks) && r.full[r.k].Start == r.toks[j].start
}

// takeFull adds the full date at token j, starting the result at token
// start (a weekday before it).
func (r *resolver) takeFull(start, j int) int {
	m := r.full[r.k]
	r.k++
	next := j
	for next < len(r.toks) && r.toks[next].start < m.End {
		next++
	}
	y, mo, d := m.Time.Date()
	return r.emit(start, next, time.Date(y, mo, d, 0, 0, 0, 0, time.UTC), article.PrecisionDay, false)
}

// monthYear reads "septembre 2020", "Sept. 2020", "septiembre de 2020"
// backwards from the year at token i.
func (r *resolver) monthYear(i int) (int, bool) {
	y := r.year(i)
	if y == 0 {
		return 0, false
	}
	j := i - 1
	if r.word(j, fOf) {
		j--
	}
	dotted := r.punct(j, '.')
	if dotted {
		j--
	}
	w := r.wordAt(j, r.v)
	if j < r.from || w == nil || w.month == 0 || w.capitalOnly && !r.capitalised(j) ||
		w.nameIfCapital && r.capitalised(j) && !r.sentenceStart(j) {
		return 0, false
	}
	if !r.monthName(j, w, dotted) {
		return 0, false
	}
	// With a day before it, it is a full date, which FindAll has read or
	// refused ("31 février 2021").
	if r.dayBefore(j) {
		return 0, false
	}
	return r.emit(j, i+1, time.Date(y, time.Month(w.month), 1, 0, 0, 0, 0, time.UTC), article.PrecisionMonth, false), true
}

// dayBefore reports whether a day number stands before the month at token
// j: "14 septembre", "14. September", "1er août", "14 de septiembre".
func (r *resolver) dayBefore(j int) bool {
	if r.day(j-1) != 0 {
		return true
	}
	return (r.punct(j-1, '.') || r.punct(j-1, '°') || r.word(j-1, fOf) || r.word(j-1, fOrdinal)) && r.day(j-2) != 0
}

// dateAt reads a date whose first token is j: a full date, or a day and
// month without a year. The result starts at token start, a weekday before
// the date or j; wd is that weekday, or 0.
func (r *resolver) dateAt(j int, wd int8, start int) (int, bool) {
	if r.fullAt(j) {
		return r.takeFull(start, j), true
	}
	var month, day, next int
	var ok bool
	switch r.tok(j).kind {
	case kNumber:
		month, day, next, ok = r.dayMonth(j)
	case kWord:
		month, day, next, ok = r.monthDay(j)
	}
	if !ok {
		return 0, false
	}
	dir, start, next := r.direction(start, next)
	t, ok := r.nearest(month, day, wd, dir)
	if !ok {
		return 0, false
	}
	return r.emit(start, next, t, article.PrecisionDay, true), true
}

// dayMonth reads a day and month without a year at token i: "9 août", "5.
// April", "1er mai", "14 de septiembre", "3 févr.". The month is read in
// the article's language only (see monthName), and not before a year (see
// yearAt).
func (r *resolver) dayMonth(i int) (month, day, next int, ok bool) {
	day = r.day(i)
	if day < 1 || day > 31 || r.decimal(i) {
		return 0, 0, 0, false
	}
	j := i + 1
	if r.word(j, fOrdinal) && r.adjacent(j) {
		j++
	}
	if r.punct(j, '.') || r.punct(j, '°') {
		j++
	}
	if r.word(j, fOf) {
		j++
	}
	w := r.wordAt(j, r.v)
	if w == nil || w.month == 0 || w.capitalOnly && !r.capitalised(j) {
		return 0, 0, 0, false
	}
	dotted := r.punct(j+1, '.') && r.adjacent(j+1)
	if !r.monthName(j, w, dotted) {
		return 0, 0, 0, false
	}
	j++
	if !w.full && dotted {
		j++
	}
	if r.yearAt(j) {
		return 0, 0, 0, false
	}
	if r.v.english && r.day(j) != 0 && !r.clockAt(j) {
		return 0, 0, 0, false // see monthDay
	}
	return int(w.month), day, j, true
}

// monthName reports whether the month word w at token j, followed by a dot
// when dotted, is a month. An abbreviation needs its dot ("7 sept." but
// not "7 sept", seven in French; "set", "out", "ago" and "mar" are Italian,
// Portuguese and Spanish months), unless it is capitalised in a language
// that writes months so ("Oct 11", "Jun 1").
func (r *resolver) monthName(j int, w *dayWord, dotted bool) bool {
	return w.full || dotted || !w.nameIfCapital && r.capitalised(j)
}

// monthDay reads an English month and day without a year at token m:
// "April 9", "Sept. 7", "June 8th". Only English puts the month first, and
// writes it capitalised: "the 3 may have fled", "thousands march 5 miles".
func (r *resolver) monthDay(m int) (month, day, next int, ok bool) {
	if !r.v.english && r.v != anyLanguage || !r.capitalised(m) {
		return 0, 0, 0, false
	}
	w := r.wordAt(m, dayVocabs["en"])
	if w == nil || w.month == 0 {
		return 0, 0, 0, false
	}
	// A number on either side is ambiguous: "30-7 Oct. 19 loss" (a score),
	// "on 10 Nov 11" (a year of two digits).
	if r.day(m-1) != 0 || r.word(m-1, fOrdinal) && r.day(m-2) != 0 {
		return 0, 0, 0, false
	}
	j := m + 1
	if !w.full && r.punct(j, '.') {
		j++
	}
	day = r.day(j)
	if day < 1 || day > 31 {
		return 0, 0, 0, false
	}
	j++
	if r.word(j, fOrdinal) && r.adjacent(j) {
		j++
	}
	if r.yearAt(j) || r.quantity(j) {
		return 0, 0, 0, false
	}
	return int(w.month), day, j, true
}

// yearAt reports whether a year follows a day and month at token j:
// "2020", ", 2020", "de 2020", "-2005". The date is then a full one, which
// FindAll has read, or refused because it does not exist ("31 février
// 2021"), or written in a form it does not read.
func (r *resolver) yearAt(j int) bool {
	return r.year(j) != 0 || (r.punct(j, ',') || r.punct(j, '-') || r.word(j, fOf)) && r.year(j+1) != 0
}

// clockAt reports whether a time of day starts at token j.
func (r *resolver) clockAt(j int) bool {
	_, _, _, _, ok := r.clock(j, false)
	return ok
}

// decimal reports whether the number at token i ends a decimal or a
// thousands group ("1,5 mars", "78.761"), or the minutes of a time.
func (r *resolver) decimal(i int) bool {
	p := r.tok(i - 1)
	return p.kind == kPunct && (p.r == ',' || p.r == '.' || p.r == ':') && r.adjacent(i) && r.adjacent(i-1) && r.tok(i-2).kind == kNumber
}

// quantity reports whether token j, after a number, makes it something
// other than a day: "5:30", "5%", "5,5", "5.5".
func (r *resolver) quantity(j int) bool {
	t := r.tok(j)
	if t.kind != kPunct || !r.adjacent(j) {
		return false
	}
	switch t.r {
	case ':', '%':
		return true
	case ',', '.':
		return r.tok(j+1).kind == kNumber && r.adjacent(j+1)
	}
	return false
}

// direction reads a word before token start or at token next that puts a
// date before or after the reference ("last", "dernier", "prochain"), and
// returns -1, 1 or 0 with the span widened to the word. Portuguese puts an
// article between: "no passado dia 5 de abril".
func (r *resolver) direction(start, next int) (dir, newStart, newNext int) {
	p := start - 1
	if w := r.wordAt(p, r.v); w != nil && w.article && p-1 >= r.from {
		p--
	}
	if w := r.wordAt(p, r.v); w != nil && p >= r.from && w.before != 0 {
		return int(w.before), p, next
	}
	if w := r.wordAt(next, r.v); w != nil && w.after != 0 {
		return int(w.after), start, next + 1
	}
	return 0, start, next
}

// nearest returns the date of month and day nearest the reference (see
// futureWeight) among the years around it, on or before it when dir < 0,
// on or after it when dir > 0. With a weekday (time.Weekday+1), the years
// where the date falls on it come first.
func (r *resolver) nearest(month, day int, wd int8, dir int) (time.Time, bool) {
	var best time.Time
	var bestCost time.Duration
	for _, matchWeekday := range []bool{wd != 0, false} {
		for y := r.ref.Year() - 1; y <= r.ref.Year()+1; y++ {
			d, _, ok := civil(y, month, day, 0)
			switch {
			case !ok,
				matchWeekday && int8(d.Weekday())+1 != wd,
				dir < 0 && d.After(r.ref),
				dir > 0 && d.Before(r.ref):
				continue
			}
			if c := r.cost(d); best.IsZero() || c < bestCost {
				best, bestCost = d, c
			}
		}
		if !best.IsZero() {
			return best, true
		}
	}
	return time.Time{}, false
}

// cost is the distance of d from the reference, a date after it weighing
// futureWeight times.
func (r *resolver) cost(d time.Time) time.Duration {
	if c := r.ref.Sub(d); c >= 0 {
		return c
	}
	return futureWeight * d.Sub(r.ref)
}

// weekday reads what starts with the weekday at token i: a date, a day of
// the month, or the weekday alone. An abbreviation ("mer", "Sun", "Sa") is
// read only before a date: alone it is most often a word ("mer" the sea,
// "sa" and "so" in German, "Sun" the paper).
func (r *resolver) weekday(i int, w *dayWord) (int, bool) {
	end, full := i+1, w.full
	if w.fullWith != "" { // "segunda-feira", "segunda feira"
		j := end
		if r.punct(j, '-') && r.adjacent(j) {
			j++
		}
		if r.isWord(j, w.fullWith) {
			end, full = j+1, true
		}
	}
	// "lundi 14 septembre", "Tue March 3, 2009", "Sa., 5. Mai",
	// "Montag, den 14. September", "Tuesday the 5th".
	j := end
	for n := 0; n < 2 && (r.punct(j, ',') || r.punct(j, '.')); n++ {
		j++
	}
	if a := r.wordAt(j, r.v); a != nil && a.article {
		j++
	}
	if next, ok := r.dateAt(j, w.weekday, i); ok {
		return next, true
	}
	if !full {
		return 0, false
	}
	if next, ok := r.weekdayDay(i, j, w.weekday); ok {
		return next, true
	}
	// Alone. In languages that write weekdays in lower case, a capitalised
	// one inside a sentence is a name: "Santo Domingo", "Plácido Domingo".
	if w.nameIfCapital && r.capitalised(i) && !r.sentenceStart(i) {
		return 0, false
	}
	// "le dimanche", "every Sunday", "a Sunday walk", "the second Tuesday
	// of each month": any such day, not one.
	if p := r.wordAt(i-1, r.v); p != nil && i-1 >= r.from && p.indefinite {
		return 0, false
	}
	dir, start, next := r.direction(i, end)
	var back int // days from the reference back to the weekday
	target := int(w.weekday - 1)
	switch wd := int(r.ref.Weekday()); dir {
	case 0:
		back = (wd - target + 7) % 7
	case -1:
		back = (wd-target+6)%7 + 1
	default:
		back = -((target-wd+6)%7 + 1)
	}
	return r.emit(start, next, r.ref.AddDate(0, 0, -back), article.PrecisionDay, true), true
}

// weekdayDay reads a weekday and a day of the month without a month at
// token j after the weekday at token i: "jeudi 10", "Thursday the 10th"
// (English wants the ordinal: "on Sunday 5 people died").
func (r *resolver) weekdayDay(i, j int, wd int8) (int, bool) {
	day := r.day(j)
	if day < 1 || day > 31 {
		return 0, false
	}
	next := j + 1
	ordinal := r.word(next, fOrdinal) && r.adjacent(next)
	if ordinal {
		next++
	}
	if r.v.english && !ordinal || r.quantity(next) {
		return 0, false
	}
	if r.clockAt(j) { // "jeudi 10h30", "Donnerstag 10 Uhr"
		return 0, false
	}
	var best time.Time
	var bestCost time.Duration
	for m := -monthsBack; m <= monthsAhead; m++ {
		first := time.Date(r.ref.Year(), r.ref.Month()+time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		d, _, ok := civil(first.Year(), int(first.Month()), day, 0)
		if !ok || int8(d.Weekday())+1 != wd {
			continue
		}
		if c := r.cost(d); best.IsZero() || c < bestCost {
			best, bestCost = d, c
		}
	}
	if best.IsZero() {
		return 0, false
	}
	return r.emit(i, next, best, article.PrecisionDay, true), true
}

// phrase reads the phrases around the day word or weekday at token i,
// longest first: "avant-hier", "hoy en día", "Sunday Times".
func (r *resolver) phrase(i int, w *dayWord) (int, bool) {
	for _, p := range w.phrases {
		start, next, ok := r.match(i, p)
		if !ok {
			continue
		}
		switch {
		case p.name && r.capitalised(i) && !r.sentenceStart(i):
			// "USA Today", NBC's "Today", der "Morgen" (the morning).
			return i + 1, true
		case p.notDate:
			r.from = next
			return next, true
		}
		return r.emit(start, next, r.ref.AddDate(0, 0, p.offset), article.PrecisionDay, true), true
	}
	return 0, false
}

// match matches phrase p around its anchor at token i and returns its
// tokens. An apostrophe or a hyphen may join two words: "aujourd’hui",
// "avant-hier", "l'altro ieri".
func (r *resolver) match(i int, p phrase) (start, next int, ok bool) {
	start = i
	for k := len(p.pre) - 1; k >= 0; k-- {
		q := start - 1
		if r.joiner(q) && r.adjacent(start) && r.adjacent(q) {
			q--
		}
		if q < r.from || !r.isWord(q, p.pre[k]) {
			return 0, 0, false
		}
		start = q
	}
	next = i + 1
	for _, w := range p.post {
		q := next
		if r.joiner(q) && r.adjacent(q) && r.adjacent(q+1) {
			q++
		}
		if !r.isWord(q, w) {
			return 0, 0, false
		}
		next = q + 1
	}
	return start, next, true
}

func (r *resolver) joiner(i int) bool {
	t := r.tok(i)
	return t.kind == kPunct && (t.r == '\'' || t.r == '’' || t.r == '-' || t.r == '‐')
}

// wordAt returns what token j is in vocabulary v, or nil.
func (r *resolver) wordAt(j int, v *dayVocab) *dayWord {
	t := r.tok(j)
	if t.kind != kWord {
		return nil
	}
	return v.lookup(r.text[t.start:t.end])
}

// isWord reports whether token j is the folded word w.
func (r *resolver) isWord(j int, w string) bool {
	t := r.tok(j)
	if t.kind != kWord {
		return false
	}
	var key [maxKey]byte
	n, ok := foldKey(&key, r.text[t.start:t.end])
	return ok && string(key[:n]) == w
}

func (r *resolver) capitalised(j int) bool {
	t := r.tok(j)
	c, _ := utf8.DecodeRuneInString(r.text[t.start:t.end])
	return unicode.IsUpper(c)
}

// sentenceStart reports whether token j starts a sentence, a line, a quote
// or a heading, where any word may be capitalised. A number before it is a
// date or a crawler's prefix ("2017-09 Woensdag raasde…").
func (r *resolver) sentenceStart(j int) bool {
	t := r.tok(j - 1)
	switch t.kind {
	case kEnd, kNumber:
		return true
	case kPunct:
		switch t.r {
		case '.', '!', '?', ':', ';', '\n', '"', '«', '»', '“', '”', '„', '(', '[', '—', '–', '-', '•', '|', '*', '#':
			return true
		}
	}
	return false
}
