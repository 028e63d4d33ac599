// Package entities finds the names of people, places and organisations in
// news text, and gives every spelling of one name the same key: accents,
// case, transliteration (Лукашенко, Lukashenko, Loukachenko) and the
// languages' own names for a place (Biélorussie, Weißrussland, Belarus).
//
// It is storyline's own craft, written by hand: named-entity recognisers
// tag one language each and know nothing of folding variants together,
// which is what story detection needs. Detection reads capitalisation, a
// small gazetteer (gazetteer.go) and per-language word lists
// (languages.go); keys are described in key.go.
//
// # Detection rules
//
// A name is a run of capitalised words on one line, with no punctuation
// between them but hyphens ("Jean-Pierre", "Covid-19") and the period of
// an initial or a title ("Dirk A. Kempthorne", "Mr. Felt"), and with the
// particles of names inside ("Charles de Gaulle", "Ursula von der Leyen",
// "Bank of England"). Acronyms of two to six capitals, digits allowed
// (NATO, OTAN, FBI, G7), are names too. Elided articles (l', d', qu',
// dell') and possessive 's are cut off: "l'OTAN" gives "OTAN".
//
// A run is trimmed of leading function words, titles, calendar words and
// the kind words some languages write into a name ("La Biélorussie" →
// "Biélorussie", "President Obama" → "Obama", the title making it a
// person; "Hurricane Irma" → "Irma", as "l'ouragan Irma" gives). The gazetteer is tried first, so "Le Caire" and
// "Los Angeles" keep their article.
//
// The first word of a sentence is capitalised whatever it is. A
// sentence-initial run of one word is taken only if the word is in the
// gazetteer, is an acronym, or appears capitalised somewhere in the text
// not at the start of a sentence; a run of several capitalised words is
// taken (function words at its head were trimmed already).
//
// Headlines in title case ("Lindsay Lohan Checks Into Betty Ford Center")
// and lines in capitals capitalise every word. A line is title case when
// at least 80% of its content words (not function words, two letters or
// more; at least two of them) are capitalised, and in capitals when 80%
// of its words are. On such lines only known words make names: words the
// rest of the text capitalises mid-sentence, gazetteer names, acronyms
// (not on lines in capitals), and a given name with the word after it; a
// word alone must also stand alone in the text ("Fire" is no name for
// knowing "Palmer Fire Department").
// "Checks" and "Into" are known nowhere, so the headline yields "Lindsay
// Lohan" and "Betty Ford Center" when the article says them. A headline
// alone yields gazetteer names, acronyms and given-name pairs.
//
// # Kinds
//
// A gazetteer name has the entry's kind. Otherwise a word of the run
// decides (Center, Party → org; Street, Beach → place; Act, Prize → other),
// then a person is a run of two to five words that starts with a known
// given name, follows or contains a title ("le président russe Vladimir
// Poutine"), or ends with a surname the text also uses alone. A single
// word is a person when a title stands before it or when it is the surname
// of a person named in full in the same text ("Poutine" after "Vladimir
// Poutine"). Everything else is "other".
//
// In a script without capitals (Arabic), a name is what the gazetteer
// knows: "إريتريا" is Eritrea.
//
// German capitalises every noun, so with lang "de" a capitalised word is
// not evidence of a name. A run of capitalised words is cut around the
// gazetteer names and the people (a given name and what follows) inside it:
// "US-Agrarchemieriesen Monsanto" gives "US" and "Monsanto",
// "Menschenrechtsaktivisten Denis Mukwege" gives "Denis Mukwege". Other
// runs are names only when written as no noun is: with a capital inside
// ("InSight") or alone between quotation marks ("Perseverance", „Irma“).
// The rest are uncertain: Extract drops them, ExtractAll returns them
// marked, with each of their words, for a caller that can confirm them
// otherwise (story detection confirms those that articles in other
// languages name).
package entities

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// Kind is what a name names.
type Kind string

// The kinds of names.
const (
	Person Kind = "person"
	Place  Kind = "place"
	Org    Kind = "org"
	Other  Kind = "other"
)

// Mention is one occurrence of a name in a text.
type Mention struct {
	Text       string // as written, without elided article or possessive: "OTAN" in "l'OTAN"
	Key        string // identity key shared by the spellings of the entity
	Kind       Kind
	Start, End int // byte offsets of Text in the text given
	// Uncertain marks, in ExtractAll only, a German capitalised word or
	// run that may be a common noun.
	Uncertain bool
}

// Line kinds.
const (
	lineNormal = iota
	lineTitle  // title case: most words capitalised
	lineCaps   // capitals
)

// Thresholds of the line kinds, as fractions n/5 of the words. Of the 961
// first lines of ECB+ with two content words or more, 237 have all of them
// capitalised; 22 have 80-89%, half of them title case and half sentence
// case dense with names ("Peter Capaldi to replace Matt Smith on 'Doctor
// Who'"), which title mode still reads through the names the article
// knows; the 78 at 60-79% are all sentence case ("Lake County earthquake
// shakes Napa"). Two-word lines count: a heading such as "Breaking
// Watergate" is title case too.
const (
	titleMinWords = 2
	titleFifths   = 4
)

// ment is a mention while the document is read.
type ment struct {
	i, j       int32 // tokens
	kind       Kind
	key        string
	personLike bool // two to five plain words: may turn out a person
	tentative  bool // kept only if it turns out a person
}

// doc is the working state of one text; docs are pooled.
type doc struct {
	text     string
	toks     []token
	norm     []byte
	nlines   int
	lineKind []uint8
	langMask uint8
	nounCase bool // German: nouns are capitalised
	adjAfter bool // adjectives follow the noun: "le président russe"
	ments    []ment
	buf      []byte
	capMid   map[uint64]uint8  // words capitalised mid-sentence, on normal lines
	keys     map[uint64]string // keys of the runs seen so far
	set1     map[string]struct{}
	set2     map[string]struct{}
}

var docs = sync.Pool{New: func() any {
	return &doc{
		capMid: map[uint64]uint8{},
		keys:   map[uint64]string{},
		set1:   map[string]struct{}{},
		set2:   map[string]struct{}{},
	}
}}

func getDoc(lang string) *doc {
	d := docs.Get().(*doc)
	d.reset(lang)
	return d
}

func putDoc(d *doc) {
	d.text = ""
	if cap(d.toks) > 1<<16 {
		return // a huge page: let its buffers go
	}
	docs.Put(d)
}

func (d *doc) reset(lang string) {
	d.text = ""
	d.toks = d.toks[:0]
	d.norm = d.norm[:0]
	d.ments = d.ments[:0]
	d.nlines = 0
	clear(d.capMid)
	clear(d.keys)
	d.langMask = allLangs
	if b, ok := langBits[lang]; ok {
		// English too: boilerplate and quotations are often English.
		d.langMask = b | langBits["en"]
	}
	d.nounCase = lang == "de"
	d.adjAfter = lang == "" || lang == "fr" || lang == "es" || lang == "it" || lang == "pt"
}

// Extract finds the mentions of names in text, an article title or body
// with one paragraph per line, in the order they appear. lang is the ISO
// 639-1 code of the text's language if known; it chooses the function
// words and titles, and "de" turns on the German rule above.
func Extract(text, lang string) []Mention { return extract(text, lang, false) }

// ExtractAll is Extract with the uncertain mentions kept, marked
// Uncertain: German runs of capitalised words that may be nouns, and each
// of their words. They may overlap each other, never a certain mention.
func ExtractAll(text, lang string) []Mention { return extract(text, lang, true) }

func extract(text, lang string, uncertain bool) []Mention {
	d := getDoc(lang)
	defer putDoc(d)
	d.scan(text)
	if len(d.toks) == 0 {
		return nil
	}
	d.classifyLines()
	d.collectCapMid()
	d.find()
	d.resolve()
	n := 0
	for k := range d.ments {
		if !d.ments[k].tentative || uncertain {
			n++
		}
	}
	out := make([]Mention, 0, n)
	for _, m := range d.ments {
		if m.tentative && !uncertain {
			continue
		}
		s, e := int(d.toks[m.i].start), int(d.toks[m.j-1].end)
		out = append(out, Mention{Text: text[s:e], Key: m.key, Kind: m.kind, Start: s, End: e, Uncertain: m.tentative})
	}
	return out
}

// Key returns the identity key of a name: the same for the spelling
// variants of one entity, in any of the languages and scripts above. A
// leading article is ignored when it is in lower case ("the Kremlin") or
// stands before a gazetteer name ("La Russie"), unless the gazetteer knows
// the name with it ("The Hague"). For a Mention m, Key(m.Text) == m.Key
// except on lines in capitals, where acronyms are not told apart, and for
// German genitives ("Barcelonas"), which only Extract with lang "de" reads.
func Key(name string) string {
	d := getDoc("")
	defer putDoc(d)
	d.scan(name)
	i, j := 0, len(d.toks)
	if j == 0 {
		return ""
	}
	if _, ok := gazetteerPhrase(d.toks[i:j]); !ok && j-i > 1 && lexicon[d.toks[i].hash].flags&lxArticle != 0 {
		if _, ok := gazetteerPhrase(d.toks[i+1 : j]); ok || d.toks[i].flags&tCap == 0 {
			i++ // "the Kremlin", "La Russie"; not "Le Figaro"
		}
	}
	exact := true
	if j-i > 1 {
		exact = false
		for k := i; k < j; k++ {
			if d.toks[k].flags&tAllCaps == 0 {
				exact = true
			}
		}
	}
	return string(d.appendKey(nil, i, j, exact))
}

func (d *doc) classifyLines() {
	if cap(d.lineKind) < d.nlines {
		d.lineKind = make([]uint8, d.nlines)
	}
	d.lineKind = d.lineKind[:d.nlines]
	clear(d.lineKind)
	for a := 0; a < len(d.toks); {
		line := d.toks[a].line
		b := a
		words, caps, allCaps := 0, 0, 0
		for ; b < len(d.toks) && d.toks[b].line == line; b++ {
			t := &d.toks[b]
			if t.letters < 2 {
				continue
			}
			words++
			if t.flags&(tCap|tAllCaps|tCamel) != 0 {
				caps++
			}
			if t.flags&tAllCaps != 0 {
				allCaps++
			}
		}
		switch {
		case words >= 2 && allCaps*5 >= words*titleFifths:
			d.lineKind[line] = lineCaps
		case words >= titleMinWords && caps*2 >= words:
			content, capContent := 0, 0
			for k := a; k < b; k++ {
				t := &d.toks[k]
				if t.letters < 2 || lexicon[t.hash].stop&d.langMask != 0 {
					continue
				}
				content++
				if t.flags&(tCap|tAllCaps|tCamel) != 0 {
					capContent++
				}
			}
			if content >= titleMinWords && capContent*5 >= content*titleFifths {
				d.lineKind[line] = lineTitle
			}
		}
		a = b
	}
}

// What collectCapMid records of a word.
const (
	capMid   = 1 << iota // capitalised mid-sentence
	capAlone             // and once as a name of its own, not inside a longer one
)

func (d *doc) collectCapMid() {
	for k := range d.toks {
		t := &d.toks[k]
		if t.flags&(tCap|tAllCaps|tCamel) == 0 || t.flags&tSentStart != 0 || t.letters < 2 || d.lineKind[t.line] != lineNormal {
			continue
		}
		v := d.capMid[t.hash] | capMid
		if (t.flags&tBreak != 0 || !d.capitalised(k-1)) && (k+1 == len(d.toks) || d.toks[k+1].flags&tBreak != 0 || !d.capitalised(k+1)) {
			v |= capAlone
		}
		d.capMid[t.hash] = v
	}
}

func (d *doc) capitalised(k int) bool {
	return k >= 0 && d.toks[k].flags&(tCap|tAllCaps) != 0
}

func (d *doc) isCapMid(h uint64) bool {
	return d.capMid[h] != 0
}

// find reads the names of every line.
func (d *doc) find() {
	for a := 0; a < len(d.toks); {
		line := d.toks[a].line
		b := a + 1
		for b < len(d.toks) && d.toks[b].line == line {
			b++
		}
		lk := d.lineKind[line]
		for i := a; i < b; {
			t := &d.toks[i]
			if !d.startable(i, b) || (lk != lineNormal && !d.known(i, b, lk)) {
				// A gazetteer name that starts in lower case ("mer Noire"),
				// or in a script without capitals, where only the
				// gazetteer tells names: "إريتريا" (Eritrea).
				if t.flags&tCaseless != 0 {
					if m, e := d.gazMatch(i, b); m > 0 {
						d.addGaz(i, i+m, e)
						i += m
						continue
					}
				}
				if t.flags&(tCap|tAllCaps) == 0 && mayStartLower(t.hash) {
					if m, e := d.gazMatch(i, b); m > 1 {
						d.addGaz(i, i+m, e)
						i += m
						continue
					}
				}
				i++
				continue
			}
			j := d.extend(i, b, lk)
			i = d.span(i, j, b, lk)
		}
		a = b
	}
}

// startable reports whether token i may open a name.
func (d *doc) startable(i, end int) bool {
	t := &d.toks[i]
	switch {
	case t.flags&(tAllCaps|tDotted) != 0:
		return true
	case t.flags&tCamel != 0:
		return t.letters >= 2
	case t.flags&tCap != 0:
		if t.letters >= 2 {
			return true
		}
		// An initial opens a name only before another capitalised word.
		return t.flags&tInitial != 0 && i+1 < end && d.toks[i+1].flags&tCap != 0 && d.toks[i+1].flags&tBreak == 0
	}
	// al-Assad
	return i+1 < end && d.toks[i+1].flags&tHyphen != 0 && d.toks[i+1].flags&tCap != 0 &&
		isArabicArticle(d.norm[t.ns:t.ne])
}

// nameWord reports whether token j may continue a name.
func (d *doc) nameWord(j, end int, lk uint8) bool {
	t := &d.toks[j]
	if t.flags&(tAllCaps|tDotted|tCamel) == 0 && (t.flags&tCap == 0 || (t.letters < 2 && t.flags&tInitial == 0)) {
		return false
	}
	return lk == lineNormal || d.known(j, end, lk)
}

// known reports whether token j, on a title-case or capitals line, is a
// word that makes names.
func (d *doc) known(j, end int, lk uint8) bool {
	t := &d.toks[j]
	if t.letters >= 2 && d.isCapMid(t.hash) {
		return true
	}
	if _, ok := gazIndex[t.hash]; ok {
		if m, _ := d.gazMatch(j, end); m > 0 {
			return true // a gazetteer name starts here, not only a word of one
		}
	}
	if j > 0 && lexicon[t.hash].flags&(lxOrg|lxPlace) != 0 && d.toks[j-1].flags&(tCap|tAllCaps) != 0 {
		return true // "Betty Ford Center"; alone it makes nothing
	}
	if isAcronym(t) {
		if _, ok := acrIndex[t.hash]; ok {
			return true
		}
		if lk == lineTitle && lexicon[t.hash].flags&lxNotAcronym == 0 && lexicon[t.hash].stop&d.langMask == 0 {
			return true
		}
	}
	return lexicon[t.hash].flags&lxGiven != 0 && j+1 < end && d.toks[j+1].flags&(tCap|tAllCaps) != 0 &&
		d.toks[j+1].flags&tBreak == 0
}

// isAcronym reports whether t is written as an acronym: two to six
// capitals, digits allowed (NATO, G7, U.S.); longer words in capitals are
// shouted words.
func isAcronym(t *token) bool {
	return t.flags&(tAllCaps|tDotted) != 0 && t.letters <= 6
}

// extend returns the end of the name that starts at token i.
func (d *doc) extend(i, end int, lk uint8) int {
	j := i + 1
	for j < end {
		t := &d.toks[j]
		if d.toks[j-1].flags&tPoss != 0 {
			break
		}
		if t.flags&tHyphen != 0 {
			// Jean-Pierre, Covid-19, Rhénanie-du-Nord; not Kremlin-backed.
			if t.flags&(tCap|tAllCaps|tDigit) != 0 {
				j++
				continue
			}
			if j+1 < end && d.toks[j+1].flags&tHyphen != 0 && d.toks[j+1].flags&tCap != 0 {
				j += 2
				continue
			}
			break
		}
		if t.flags&tBreak != 0 {
			break
		}
		if d.nameWord(j, end, lk) {
			j++
			continue
		}
		if lk != lineNormal && j == i+1 && lexicon[d.toks[i].hash].flags&lxGiven != 0 && t.flags&tCap != 0 {
			j++ // a given name takes the word after it: "Lindsay Lohan"
			continue
		}
		if n := d.particles(i, j, end, lk); n > 0 {
			j += n
			continue
		}
		break
	}
	return j
}

// particles returns how many tokens from j are particles followed by the
// next word of the name, or 0.
func (d *doc) particles(i, j, end int, lk uint8) int {
	t := &d.toks[j]
	if t.flags&(tCap|tAllCaps) != 0 {
		return 0
	}
	lx := lexicon[t.hash]
	if lx.flags&lxLead == 0 {
		return 0
	}
	k := j + 1
	if k < end && d.toks[k].flags&(tBreak|tCap|tAllCaps) == 0 && lexicon[d.toks[k].hash].flags&lxInner != 0 {
		k++
	}
	if k >= end || d.toks[k].flags&tBreak != 0 || !d.nameWord(k, end, lk) ||
		lexicon[d.toks[k].hash].stop&d.langMask != 0 {
		return 0 // not "of The Washington Post"
	}
	if d.nounCase && !d.givenAt(i, j) {
		return 0 // German "Stadtzentrum von Barcelona"; "Ursula von der Leyen" is one
	}
	if lx.flags&lxWeak != 0 {
		// "la Russie de Poutine" is two names.
		if _, ok := gazetteerPhrase(d.toks[i:j]); ok {
			return 0
		}
		// "Bob Woodward of the Post" too; "Charles de Gaulle" is one.
		if lx.flags&lxNotPerson != 0 && d.givenAt(i, j) {
			return 0
		}
	}
	return k - j + 1
}

// span reads the run of tokens [i, j) and adds the name it holds, if any;
// it returns where reading goes on.
func (d *doc) span(i, j, end int, lk uint8) int {
	for j-i > 1 && lexicon[d.toks[j-1].hash].flags&lxWeekday != 0 {
		j-- // "Puerto Rico Wednesday"
	}
	if next, ok := d.tryGaz(i, j, end); ok {
		return next
	}
	if next, ok := d.splitGaz(i, j, end, lk); ok {
		return next
	}
	if d.nounCase && j-i > 1 {
		if next, ok := d.splitNouns(i, j, end, lk); ok {
			return next
		}
	}
	cue := d.titleBefore(i)
	stripped := false
	for i < j && d.strippable(i, j) {
		if lexicon[d.toks[i].hash].title&d.langMask != 0 {
			cue = true
		}
		i++
		stripped = true
		if i < j {
			if next, ok := d.tryGaz(i, j, end); ok {
				return next
			}
		}
	}
	if i >= j {
		return j
	}
	// A title inside the run: "Interior Secretary Dirk A. Kempthorne",
	// "Minister of Foreign Affairs Sergey Lavrov".
	for p := j - 2; p > i; p-- {
		if lexicon[d.toks[p].hash].title&d.langMask == 0 || d.toks[p+1].flags&tHyphen != 0 {
			continue
		}
		i, cue, stripped = p+1, true, true
		for i < j-1 && d.toks[i].flags&tCap == 0 && lexicon[d.toks[i].hash].flags&(lxLead|lxInner) != 0 {
			i++
		}
		if lexicon[d.toks[i].hash].flags&lxGiven == 0 {
			for q := i + 1; q < j-1; q++ {
				if lexicon[d.toks[q].hash].flags&lxGiven != 0 {
					i = q
					break
				}
			}
		}
		break
	}
	first := &d.toks[i]
	if j-i == 1 {
		lx := lexicon[first.hash]
		acronym := isAcronym(first)
		switch {
		case acronym && lx.flags&lxNotAcronym != 0, d.isRoman(first), lx.title&d.langMask != 0:
			return j
		case first.letters < 2 && !acronym:
			return j
		case lk != lineNormal && !acronym && d.capMid[first.hash]&capAlone == 0:
			return j // "Fire" known only from "Palmer Fire Department"
		case lk == lineNormal && !stripped && first.flags&tSentStart != 0 && !acronym && !d.isCapMid(first.hash):
			// A capitalised first word, seen nowhere else capitalised.
			return j
		}
	}
	d.add(i, j, cue, lk)
	return j
}

// tryGaz adds the gazetteer name that starts at token i if it covers the
// run [i, j), or if a given name follows it ("du Kremlin Dmitri Peskov").
func (d *doc) tryGaz(i, j, end int) (int, bool) {
	m, e := d.gazMatch(i, end)
	if m == 0 {
		return 0, false
	}
	if i+m < j && lexicon[d.toks[i+m].hash].flags&lxGiven == 0 {
		return 0, false // a longer name: "New York Times", "Paris Hilton"
	}
	d.addGaz(i, i+m, e)
	return i + m, true
}

// splitGaz splits a run that a weak particle joins onto a gazetteer name
// into two names, unless a word of its head makes it an institution:
// "État de la République du Bélarus" is "État" and "République du
// Bélarus", but "Université de Moscou" stays one.
func (d *doc) splitGaz(i, j, end int, lk uint8) (int, bool) {
	var flags uint16
	for p := i + 1; p < j-1; p++ {
		flags |= lexicon[d.toks[p-1].hash].flags
		t := &d.toks[p]
		if t.flags&(tCap|tAllCaps|tHyphen) != 0 || lexicon[t.hash].flags&lxWeak == 0 {
			continue
		}
		if wordKind(flags) != "" {
			return 0, false
		}
		q := p + 1
		if d.toks[q].flags&(tCap|tAllCaps) == 0 && lexicon[d.toks[q].hash].flags&lxInner != 0 {
			q++
		}
		if q >= j {
			return 0, false
		}
		if m, _ := d.gazMatch(q, end); m > 0 && q+m == j {
			d.span(i, p, end, lk)
			return d.span(q, j, end, lk), true
		}
	}
	return 0, false
}

// splitNouns reads a German run of capitalised words that holds a
// gazetteer name or a person after its first word: the other words are
// nouns ("Bayer-Konzern", "US-Agrarchemieriesen Monsanto",
// "Menschenrechtsaktivisten Denis Mukwege"), kept as uncertain words.
func (d *doc) splitNouns(i, j, end int, lk uint8) (int, bool) {
	type part struct {
		p, m int
		e    int32 // gazetteer entry, or -1 for a person from p to j
	}
	var parts []part
	for p := i; p < j; p++ {
		if m, e := d.gazMatch(p, j); m > 0 && m < j-i {
			parts = append(parts, part{p, m, e})
			p += m - 1
			continue
		}
		if p > i && p+1 < j && lexicon[d.toks[p].hash].flags&lxGiven != 0 &&
			d.toks[p].flags&tHyphen == 0 && d.toks[p+1].flags&(tHyphen|tCap) == tCap {
			parts = append(parts, part{p, j - p, -1})
			break
		}
	}
	if len(parts) == 0 {
		return 0, false
	}
	at := i
	for _, pt := range parts {
		d.addWords(at, pt.p)
		if pt.e >= 0 {
			d.addGaz(pt.p, pt.p+pt.m, pt.e)
		} else {
			d.add(pt.p, pt.p+pt.m, false, lk)
		}
		at = pt.p + pt.m
	}
	d.addWords(at, j)
	return j, true
}

// addWords adds the capitalised words of [i, j), German nouns or names,
// as uncertain mentions of their own.
func (d *doc) addWords(i, j int) {
	for k := i; k < j; k++ {
		t := &d.toks[k]
		if t.flags&(tCap|tInnerCap) == 0 || t.letters < 3 || t.flags&tDigit != 0 ||
			lexicon[t.hash].stop&d.langMask != 0 || lexicon[t.hash].calendar&d.langMask != 0 {
			continue
		}
		d.ments = append(d.ments, ment{i: int32(k), j: int32(k + 1), kind: Other, key: d.key(k, k+1, true), tentative: true})
	}
}

// quoted reports whether the run [i, j) is all that stands between two
// quotation marks: "Perseverance", „Irma“, «Curiosity».
func (d *doc) quoted(i, j int) bool {
	s, e := int(d.toks[i].start), int(d.toks[j-1].end)
	if s == 0 || e >= len(d.text) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(d.text[:s])
	after, _ := utf8.DecodeRuneInString(d.text[e:])
	return strings.ContainsRune(quoteMarks, before) && strings.ContainsRune(quoteMarks, after)
}

const quoteMarks = "\"„“”«»‚‘’‹›"

// strippable reports whether token i, at the head of the run [i, j), is a
// function word, a title, a particle or a calendar word.
func (d *doc) strippable(i, j int) bool {
	t := &d.toks[i]
	lx := lexicon[t.hash]
	switch {
	case lx.stop&d.langMask != 0 && t.flags&tHyphen == 0:
		return true
	case lx.flags&lxArticle != 0 && i+1 < j:
		// An article of another language before a known name.
		m, _ := d.gazMatch(i+1, j)
		return m == j-i-1
	case lx.title&d.langMask != 0, lx.flags&lxHead != 0:
		return i+1 < j
	case lx.flags&(lxLead|lxInner) != 0 && t.flags&(tCap|tAllCaps) == 0:
		return true
	case lx.calendar&d.langMask != 0:
		return true
	case t.letters == 1 && t.flags&(tDigit|tDotted) == 0:
		return t.flags&tInitial == 0 || i+1 >= j
	}
	return false
}

// titleBefore reports whether a title stands just before token i, maybe
// with an adjective between in languages that put adjectives after the
// noun: "président Loukachenko", "le président russe Vladimir Poutine",
// "le président biélorusse, Alexandre Loukachenko".
func (d *doc) titleBefore(i int) bool {
	line := d.toks[i].line
	for back := 1; back <= 2 && i-back >= 0; back++ {
		t := &d.toks[i-back]
		if t.line != line || d.toks[i-back+1].flags&tSentStart != 0 || t.flags&tPoss != 0 {
			return false // not "the President's Men"
		}
		lx := lexicon[t.hash]
		if lx.title&d.langMask != 0 {
			return true
		}
		if !d.adjAfter {
			return false
		}
		if t.flags&(tCap|tAllCaps|tDigit) != 0 || lx.stop&d.langMask != 0 || lx.flags&(lxLead|lxInner) != 0 {
			return false
		}
	}
	return false
}

// isRoman reports whether t is a Roman numeral, with an ordinal ending:
// "XIXe", "II", "XXIst".
func (d *doc) isRoman(t *token) bool {
	s := d.text[t.start:t.end]
	n := 0
	for n < len(s) && (s[n] == 'I' || s[n] == 'V' || s[n] == 'X' || s[n] == 'L' || s[n] == 'C') {
		n++
	}
	if n == 0 {
		return false
	}
	switch s[n:] {
	case "", "e", "er", "ème", "eme", "th", "st", "nd", "rd":
		return n > 1 || s[n:] != ""
	}
	return false
}

func (d *doc) addGaz(i, j int, e int32) {
	d.ments = append(d.ments, ment{i: int32(i), j: int32(j), kind: entries[e].kind, key: entries[e].key})
}

// add adds the name [i, j); cue tells that a title stood before it.
func (d *doc) add(i, j int, cue bool, lk uint8) {
	kind, personLike := d.kindOf(i, j, cue)
	m := ment{i: int32(i), j: int32(j), kind: kind, key: d.key(i, j, lk != lineCaps), personLike: personLike}
	if d.nounCase && kind != Person && (kind == Other || j-i == 1) && d.toks[i].flags&(tAllCaps|tDotted) == 0 &&
		!d.innerCap(i, j) && !d.quoted(i, j) {
		m.tentative = true
	}
	d.ments = append(d.ments, m)
	if m.tentative && j-i > 1 {
		d.addWords(i, j)
	}
}

// innerCap reports whether a word of [i, j) has a capital inside, as no
// German noun has: InSight.
func (d *doc) innerCap(i, j int) bool {
	for k := i; k < j; k++ {
		if d.toks[k].flags&tInnerCap != 0 {
			return true
		}
	}
	return false
}

// key returns the key of the run [i, j), computing it once per text.
func (d *doc) key(i, j int, exact bool) string {
	h := d.toks[i].hash
	var caps uint64
	for k := i; k < j; k++ {
		if k > i {
			h = mix(h, d.toks[k].hash)
		}
		caps <<= 1
		if d.toks[k].flags&(tAllCaps|tDotted) != 0 {
			caps |= 1
		}
	}
	if exact {
		h ^= caps*0x9E3779B97F4A7C15 + 1
	}
	if s, ok := d.keys[h]; ok {
		return s
	}
	d.buf = d.appendKey(d.buf[:0], i, j, exact)
	s := string(d.buf)
	d.keys[h] = s
	return s
}

func (d *doc) kindOf(i, j int, cue bool) (Kind, bool) {
	if k := wordKind(lexicon[d.toks[j-1].hash].flags); k != "" {
		return k, false
	}
	var flags uint16
	plain := true
	for k := i; k < j; k++ {
		t := &d.toks[k]
		flags |= lexicon[t.hash].flags
		if t.flags&(tDigit|tAllCaps|tDotted|tCamel) != 0 {
			plain = false
		}
	}
	if k := wordKind(flags); k != "" {
		return k, false
	}
	if j-i == 1 {
		if cue && plain {
			return Person, false
		}
		return Other, false
	}
	// Not "U. S. Marshals", not "Washington Nationals".
	personLike := plain && j-i <= 5 && flags&lxNotPerson == 0 && d.givenOrNameAt(i, j)
	_, surname := surnames[d.toks[j-1].hash]
	if personLike && (cue || surname || d.givenAt(i, j)) {
		return Person, true
	}
	return Other, personLike
}

// givenOrNameAt reports whether the run [i, j) has two words besides
// initials, the first of which is not a place the gazetteer knows.
func (d *doc) givenOrNameAt(i, j int) bool {
	for i < j-1 && d.toks[i].flags&tInitial != 0 {
		i++
	}
	if j-i < 2 {
		return false
	}
	m, e := d.gazMatch(i, j)
	return m == 0 || entries[e].kind == Person
}

// givenAt reports whether the run [i, j) starts with a given name, maybe
// after initials: "Tara Reid", "L. Patrick Gray".
func (d *doc) givenAt(i, j int) bool {
	for i < j-1 && d.toks[i].flags&tInitial != 0 {
		i++
	}
	return lexicon[d.toks[i].hash].flags&lxGiven != 0
}

func wordKind(flags uint16) Kind {
	switch {
	case flags&lxOrg != 0:
		return Org
	case flags&lxPlace != 0:
		return Place
	case flags&lxOther != 0:
		return Other
	}
	return ""
}

// resolve settles people within the text: a run that ends with a surname
// the text uses alone is a person ("Jack Ketsoyan" and "Ketsoyan"), and a
// single word that is the surname of a person is a person ("Poutine").
func (d *doc) resolve() {
	clear(d.set1)
	clear(d.set2)
	// From the end: set1 holds the words used alone further on (news
	// names a person in full first, then by surname); set2 the full names
	// of people.
	for k := range d.ments {
		if m := &d.ments[k]; m.kind == Person && m.j-m.i > 1 {
			d.set2[m.key] = struct{}{}
		}
	}
	for k := len(d.ments) - 1; k >= 0; k-- {
		m := &d.ments[k]
		if m.j-m.i == 1 {
			if !m.tentative {
				d.set1[m.key] = struct{}{}
			}
			continue
		}
		if m.kind == Other && m.personLike {
			_, alone := d.set1[SurnameKey(m.key)]
			_, named := d.set2[m.key]
			if alone || named {
				m.kind, m.tentative = Person, false
			}
		}
	}
	// set2 now: surnames of people named in full.
	clear(d.set2)
	for k := range d.ments {
		if m := &d.ments[k]; m.kind == Person && m.j-m.i > 1 {
			d.set2[SurnameKey(m.key)] = struct{}{}
		}
	}
	for k := range d.ments {
		m := &d.ments[k]
		if m.j-m.i == 1 && m.kind == Other {
			if _, ok := d.set2[m.key]; ok {
				m.kind, m.tentative = Person, false
			}
		}
	}
}
