package dates

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// dayWord is what a word of one language can be to Resolve. Months are also
// in the shared vocabulary (languages.go), which reads full dates in every
// language at once; a date without a year is weaker evidence, so Resolve
// reads it in the article's own language only: "mai" is Italian for never,
// "mar" Spanish for the sea, "hier" German and Dutch for here.
type dayWord struct {
	weekday int8 // time.Weekday+1, or 0
	month   int8 // 1 to 12, or 0
	// full is set for a full weekday or month name, unset for an
	// abbreviation ("mer", "Tue", "sept"), which is too often another word
	// ("mer" the sea, "Sun" the paper, "sept" seven): see resolver.weekday
	// and resolver.monthName.
	full bool
	// fullWith is the word that makes a weekday full: "feira" after
	// "segunda", since "na segunda" alone is as often "in the second".
	fullWith string
	// nameIfCapital: a capitalised weekday or month inside a sentence is a
	// name; set for languages that write them in lower case.
	nameIfCapital bool
	// capitalOnly: a month only when capitalised ("May", not "may").
	capitalOnly bool

	day bool // a word for a day next to the publication ("hier")
	// before and after: -1 for a last word, +1 for a next word, standing
	// before or after the date (see language.last).
	before, after int8
	indefinite    bool // see language
	article       bool // see language.dayArticle

	// phrases read around this word, longest first; the word alone, when
	// it is a day word, is the last.
	phrases []phrase
}

// phrase is a run of words around an anchor word (a day word or a weekday),
// naming a day at offset days from the publication, or no day when notDate.
type phrase struct {
	pre, post []string // folded words before and after the anchor
	offset    int
	notDate   bool
	name      bool // the anchor alone, a day word: a capitalised one inside a sentence is a name ("USA Today")
}

func (p phrase) words() int { return len(p.pre) + 1 + len(p.post) }

// dayVocab is Resolve's vocabulary for one language.
type dayVocab struct {
	words map[string]*dayWord
	// triggers holds, for the first two folded letters of each word that
	// can start something alone (a weekday, a day word), a mask of the byte
	// lengths such a word can have in a text. Most words of a text fail it,
	// and are never folded or looked up: Resolve runs on every article.
	triggers     [26 * 26]uint32
	weekdayParts map[string]bool // see language.weekdayParts
	fullDays     []string        // full weekday names, for words like "Montagabend"
	english      bool            // reads "April 9", month first
}

// dayVocabs holds a vocabulary per language; anyLanguage, used when the
// language is unknown, has only the months of all languages, since weekdays
// and day words of one language are ordinary words in another.
var (
	dayVocabs   = map[string]*dayVocab{}
	anyLanguage = &dayVocab{words: map[string]*dayWord{}}
)

func init() {
	for code, l := range languages {
		v := newDayVocab(l)
		v.english = code == "en"
		dayVocabs[code] = v
		for k, w := range v.words {
			if w.month == 0 {
				continue
			}
			// A word is a full name if it is one in some language ("mai"
			// in French), and may be capitalised if some language writes it
			// so ("Mai" in German); it must be if English says so ("May").
			a := anyLanguage.word(k)
			if a.month == 0 {
				a.month, a.full, a.nameIfCapital = w.month, w.full, w.nameIfCapital
			} else {
				a.full = a.full || w.full
				a.nameIfCapital = a.nameIfCapital && w.nameIfCapital
			}
			a.capitalOnly = a.capitalOnly || w.capitalOnly
		}
	}
}

// word returns the entry for folded word k, adding it.
func (v *dayVocab) word(k string) *dayWord {
	w := v.words[k]
	if w == nil {
		w = &dayWord{}
		v.words[k] = w
	}
	return w
}

// fold returns w folded as the vocabularies are keyed.
func fold(w string) string {
	var key [maxKey]byte
	n, ok := foldKey(&key, w)
	if !ok {
		panic("dates: cannot fold " + w)
	}
	return string(key[:n])
}

// splitWords cuts a phrase into folded words at spaces, apostrophes and
// hyphens, as the scanner does.
func splitWords(p string) []string {
	var ws []string
	for _, w := range strings.FieldsFunc(p, func(r rune) bool { return r == ' ' || r == '\'' || r == '’' || r == '-' }) {
		ws = append(ws, fold(w))
	}
	return ws
}

// abbreviation reports whether folded variant is an abbreviation of folded
// name: a prefix of it ("sept", "févr", "Tues") or three letters at most
// ("Mrz"). Variants such as "setiembre", "Jänner" and "Sonnabend" are full.
func abbreviation(variant, name string) bool {
	return variant != name && (strings.HasPrefix(name, variant) || len(variant) <= 3)
}

func newDayVocab(l language) *dayVocab {
	v := &dayVocab{words: map[string]*dayWord{}, weekdayParts: map[string]bool{}}
	for i, names := range l.months {
		words := strings.Fields(names)
		first := fold(words[0])
		for _, n := range words {
			k := fold(n)
			w := v.word(k)
			w.month = int8(i + 1)
			w.full = !abbreviation(k, first)
			w.nameIfCapital = l.lowerCaseNames
		}
	}
	for _, n := range strings.Fields(l.capitalMonths) {
		v.word(fold(n)).capitalOnly = true
	}
	for _, n := range strings.Fields(l.weekdayParts) {
		v.weekdayParts[fold(n)] = true
	}
	for i, names := range l.weekdays {
		weekday := int8((i+1)%7) + 1 // Monday first; time.Sunday is 0
		words := strings.Fields(names)
		parts := splitWords(words[0])
		for _, n := range words {
			ws := splitWords(n)
			w := v.word(ws[0])
			full := false
			switch {
			case len(ws) == 2: // "segunda-feira"
				w.fullWith = ws[1]
			case !abbreviation(ws[0], parts[0]) && w.fullWith == "":
				full = true
				v.fullDays = append(v.fullDays, ws[0])
			}
			if w.month != 0 && w.full != full {
				panic("dates: " + n + " is a full name and an abbreviation")
			}
			w.weekday, w.full, w.nameIfCapital = weekday, full, l.lowerCaseNames
			v.trigger(n)
		}
	}
	// Day words first: they are the anchors of the longer phrases.
	for _, e := range strings.Split(l.days, ",") {
		p, anchor := v.parsePhrase(e, nil)
		p.name = len(p.pre)+len(p.post) == 0
		w := v.word(anchor)
		w.day = true
		w.phrases = append(w.phrases, p)
		v.trigger(strings.TrimSpace(e))
	}
	for _, e := range strings.Split(l.dayPhrases, ",") {
		if strings.TrimSpace(e) == "" {
			continue
		}
		p, anchor := v.parsePhrase(e, func(k string) bool { w := v.words[k]; return w != nil && (w.day || w.weekday != 0) })
		w := v.words[anchor]
		w.phrases = append(w.phrases, p)
	}
	for _, w := range v.words {
		// Longest first; stable, so that a day word alone stays last.
		slices.SortStableFunc(w.phrases, func(a, b phrase) int { return b.words() - a.words() })
	}
	for _, f := range []struct {
		words string
		set   func(*dayWord)
	}{
		{l.indefinite, func(w *dayWord) { w.indefinite = true }},
		{l.dayArticle, func(w *dayWord) { w.article = true }},
	} {
		for _, n := range strings.Fields(f.words) {
			f.set(v.word(fold(n)))
		}
	}
	for _, f := range []struct {
		words string
		dir   int8
	}{{l.last, -1}, {l.next, +1}} {
		for _, e := range strings.Split(f.words, ",") {
			switch ws := strings.Fields(e); {
			case len(ws) == 2 && ws[0] == "_":
				v.word(fold(ws[1])).after = f.dir
			case len(ws) == 2 && ws[1] == "_":
				v.word(fold(ws[0])).before = f.dir
			default:
				panic("dates: bad last or next word " + e)
			}
		}
	}
	return v
}

// parsePhrase reads "avant-hier -2" or "hoy en día -". Its anchor is the
// first word for which isAnchor holds, or the first word when isAnchor is
// nil.
func (v *dayVocab) parsePhrase(e string, isAnchor func(string) bool) (phrase, string) {
	e = strings.TrimSpace(e)
	cut := strings.LastIndexByte(e, ' ')
	if cut < 0 {
		panic("dates: phrase without an offset: " + e)
	}
	var p phrase
	if off := e[cut+1:]; off == "-" {
		p.notDate = true
	} else {
		n, err := strconv.Atoi(off)
		if err != nil {
			panic("dates: bad offset in " + e)
		}
		p.offset = n
	}
	ws := splitWords(e[:cut])
	a := 0
	if isAnchor != nil {
		for a < len(ws) && !isAnchor(ws[a]) {
			a++
		}
		if a == len(ws) {
			panic("dates: no day word or weekday in " + e)
		}
	}
	p.pre, p.post = ws[:a], ws[a+1:]
	return p, ws[a]
}

// trigger marks the first word of phrase n as able to start something.
func (v *dayVocab) trigger(n string) {
	first := strings.FieldsFunc(n, func(r rune) bool { return r == ' ' || r == '\'' || r == '’' || r == '-' })[0]
	k := fold(first)
	if len(k) < 2 || k[0] < 'a' || k[0] > 'z' || k[1] < 'a' || k[1] > 'z' {
		panic("dates: cannot index " + n)
	}
	// In a text, each accented letter may take one more byte (é), or two
	// when written with a combining accent (e + U+0301).
	extra := 0
	for _, r := range first {
		if r >= 0x80 {
			extra += 2
		}
	}
	var mask uint32
	for n := len(k); n <= len(k)+extra && n < 32; n++ {
		mask |= 1 << n
	}
	if w := v.words[k]; w != nil && w.full && w.weekday != 0 && len(v.weekdayParts) > 0 {
		mask |= ^uint32(0) << len(k) // "Montagabend"
	}
	v.triggers[int(k[0]-'a')*26+int(k[1]-'a')] |= mask
}

// maybe reports whether word w of a text may be a trigger; see triggers.
func (v *dayVocab) maybe(w string) bool {
	if len(w) < 2 {
		return false
	}
	a, b, ok := w[0]|0x20, w[1]|0x20, true // lower case, when ASCII letters
	if w[0] >= 0x80 || w[1] >= 0x80 {
		a, b, ok = firstLetters(w)
	} else if a < 'a' || a > 'z' || b < 'a' || b > 'z' {
		return false
	}
	return ok && v.triggers[int(a-'a')*26+int(b-'a')]&(1<<min(len(w), 31)) != 0
}

// firstLetters returns the first two letters of w folded to lower-case
// ASCII, as foldKey would, without folding the rest.
func firstLetters(w string) (a, b byte, ok bool) {
	var two [2]byte
	n := 0
	for i := 0; i < len(w) && n < 2; {
		c := w[i]
		if c < 0x80 {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c < 'a' || c > 'z' {
				return 0, 0, false
			}
			two[n], n, i = c, n+1, i+1
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		i += size
		switch {
		case r >= foldFirst && r <= foldLast && folds[r-foldFirst] != "":
			for _, c := range []byte(folds[r-foldFirst]) {
				if n < 2 {
					two[n], n = c, n+1
				}
			}
		case unicode.Is(unicode.Mn, r):
		default:
			return 0, 0, false
		}
	}
	return two[0], two[1], n == 2
}

// lookup returns what word w of a text is, or nil.
func (v *dayVocab) lookup(w string) *dayWord {
	var key [maxKey]byte
	n, ok := foldKey(&key, w)
	if !ok {
		return nil
	}
	if d := v.words[string(key[:n])]; d != nil {
		return d
	}
	if len(v.weekdayParts) == 0 {
		return nil
	}
	k := key[:n]
	for _, name := range v.fullDays {
		if len(k) > len(name) && string(k[:len(name)]) == name && v.weekdayParts[string(k[len(name):])] {
			return v.words[name]
		}
	}
	return nil
}
