package entities

import (
	"encoding/binary"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/storyline/storyline/internal/fold"
)

// The scanner cuts a text into word tokens and writes, for each, its
// normalised form: lower case, Latin accents removed as fold.String removes
// them, Cyrillic and Greek transliterated to Latin. Gazetteer aliases, the
// lexicon and Key go through the same scanner, so a name and its aliases
// always meet on the same bytes. It is written by hand, one pass over the
// bytes with table look-ups, because it runs on every article.

// Character classes.
const (
	cLetter = 1 << iota
	cUpper
	cLower
	cDigit
	cMark   // combining mark: part of the word, writes nothing
	cSpace  // white space, not a line break
	cApos   // apostrophe: elision, possessive, or inside a name (O'Brien)
	cHyphen // joins two words into one name (Jean-Pierre, Covid-19)
	cStop   // ends a sentence: . ! ? … :
	cSlash  // '/' and '@' inside a chunk: a URL, a handle, an address
)

// Token flags.
const (
	tCap       = 1 << iota // first letter upper case
	tAllCaps               // no lower case, and two capitals or a digit: NATO, G7
	tDigit                 // has a digit
	tAlpha                 // has a letter
	tSentStart             // first word of a sentence or of a line
	tBreak                 // punctuation (or a line start) before it
	tHyphen                // joined to the previous token by a hyphen
	tPoss                  // a possessive 's was cut off: a name ends here
	tInitial               // one upper-case letter followed by a period
	tDotted                // dotted acronym, U.S.
	tCamel                 // lower-case first letter, upper case later (iPhone)
	tSoftDot               // followed by an abbreviation's period
	tInnerCap              // capitalised, with a capital inside: InSight, McCain
	tCaseless              // letters of a script without case: Arabic, Hebrew
)

type token struct {
	start, end int32 // bytes of the text
	ns, ne     int32 // bytes of the normalised form in doc.norm
	hash       uint64
	line       int32
	flags      uint16
	letters    uint16
}

// mix extends a phrase hash by one more token; phrase hashes of aliases and
// of token runs are built alike, token by token.
func mix(h, t uint64) uint64 { return (h^0x20)*0x100000001B3 ^ t*0x9E3779B97F4A7C15 }

// runeInfo is the class and normalised form of one rune below tableSize.
type runeInfo struct {
	cls uint16
	n   uint8   // bytes of the normalised form
	s   [6]byte // normalised form
}

const tableSize = 0x2000

var runes = func() *[tableSize]runeInfo {
	var t [tableSize]runeInfo
	for r := rune(0); r < tableSize; r++ {
		t[r] = makeRuneInfo(r)
	}
	return &t
}()

// marked holds Latin letters whose mark makes another sound that the
// phonetic key must hear: Lukašenko is Lukashenko, not Lukasenko.
var marked = map[rune]string{
	'š': "sh", 'Š': "sh", 'ž': "zh", 'Ž': "zh", 'č': "ch", 'Č': "ch", 'ć': "ch", 'Ć': "ch",
}

// cyrillic and greek transliterate lower-case letters, in the English
// convention; the phonetic key then folds the other conventions onto it.
var cyrillic = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh", 'з': "z",
	'и': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r",
	'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh",
	'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	'і': "i", 'ї': "yi", 'є': "ye", 'ў': "u", 'ґ': "g", 'ј': "j", 'љ': "lj", 'њ': "nj",
	'ћ': "c", 'ђ': "dj", 'џ': "dz", 'ѕ': "dz", 'ќ': "k", 'ѓ': "g",
}

var greek = map[rune]string{
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i", 'θ': "th", 'ι': "i",
	'κ': "k", 'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x", 'ο': "o", 'π': "p", 'ρ': "r", 'σ': "s",
	'ς': "s", 'τ': "t", 'υ': "y", 'φ': "f", 'χ': "ch", 'ψ': "ps", 'ω': "o",
}

func makeRuneInfo(r rune) runeInfo {
	var ri runeInfo
	set := func(s string) { ri.n = uint8(copy(ri.s[:], s)) }
	switch {
	case r == '\'' || r == 'ʼ':
		ri.cls = cApos
		return ri
	case r == '-':
		ri.cls = cHyphen
		return ri
	case r == '.' || r == '!' || r == '?' || r == ':':
		ri.cls = cStop
		return ri
	case r == '/' || r == '@':
		ri.cls = cSlash
		return ri
	case r == '\n':
		return ri // handled by the scanner
	case unicode.IsSpace(r):
		ri.cls = cSpace
		return ri
	case r >= '0' && r <= '9':
		ri.cls = cDigit
		set(string(r))
		return ri
	case unicode.Is(unicode.Mn, r):
		ri.cls = cMark
		return ri
	case !unicode.IsLetter(r):
		return ri // punctuation: a break
	}
	ri.cls = cLetter
	if unicode.IsUpper(r) || unicode.IsTitle(r) {
		ri.cls |= cUpper
	} else if unicode.IsLower(r) {
		ri.cls |= cLower
	}
	lower := unicode.ToLower(r)
	if s, ok := marked[r]; ok {
		set(s)
	} else if s, ok := cyrillic[lower]; ok {
		set(s)
	} else if unicode.Is(unicode.Greek, r) {
		// Strip the tonos and dialytika, then transliterate.
		var b []byte
		for _, d := range norm.NFD.String(string(lower)) {
			if s, ok := greek[d]; ok {
				b = append(b, s...)
			}
		}
		set(string(b))
	} else {
		// Latin and the rest: exactly what fold.String does.
		set(fold.String(string(r)))
	}
	return ri
}

// classOf returns the class and normalised form of a rune beyond the
// table.
func classOf(r rune) runeInfo {
	var ri runeInfo
	switch r {
	case '’', '‘', '′':
		ri.cls = cApos
		return ri
	case '‐', '‑':
		ri.cls = cHyphen
		return ri
	case '…', '‼', '⁉':
		ri.cls = cStop
		return ri
	}
	switch {
	case unicode.IsSpace(r):
		ri.cls = cSpace
	case unicode.IsLetter(r):
		ri.cls = cLetter
		if unicode.IsUpper(r) {
			ri.cls |= cUpper
		} else if unicode.IsLower(r) {
			ri.cls |= cLower
		}
		ri.n = uint8(utf8.EncodeRune(ri.s[:], unicode.ToLower(r)))
	case unicode.Is(unicode.Mn, r):
		ri.cls = cMark
	}
	return ri
}

// decode returns the class and normalised form of the rune at text[i], and
// its size.
func decode(text string, i int) (runeInfo, int) {
	c := text[i]
	if c < utf8.RuneSelf {
		return runes[c], 1
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	if r < tableSize {
		return runes[r], size
	}
	return classOf(r), size
}

// elisions are the articles and conjunctions that French and Italian glue
// to the next word with an apostrophe: l'OTAN, d'Ukraine, dell'Unione.
var elisions = map[string]bool{
	"l": true, "d": true, "j": true, "n": true, "s": true, "m": true, "t": true, "c": true,
	"qu": true, "jusqu": true, "lorsqu": true, "puisqu": true, "quoiqu": true,
	"dell": true, "dall": true, "nell": true, "sull": true, "all": true, "coll": true,
	"un": true, "quell": true, "quest": true,
}

// scan reads text into the tokens of d, which reset has emptied.
func (d *doc) scan(text string) {
	d.text = text
	line := int32(0)
	sentStart, brk, hyphen := true, true, false
	// The current white-space-delimited chunk: its first token and byte.
	chunk, chunkAt := 0, 0
	for i := 0; i < len(text); {
		c := text[i]
		if c == ' ' {
			chunk, chunkAt = len(d.toks), i+1
			if hyphen {
				hyphen, brk = false, true
			}
			i++
			continue
		}
		if c == '\n' {
			line++
			sentStart, brk, hyphen = true, true, false
			chunk, chunkAt = len(d.toks), i+1
			i++
			continue
		}
		var cls uint16
		size := 1
		if c < utf8.RuneSelf {
			cls = runes[c].cls
		} else {
			var ri runeInfo
			ri, size = decode(text, i)
			cls = ri.cls
		}
		switch {
		case cls&(cLetter|cDigit) != 0:
			var f uint16
			if sentStart {
				f |= tSentStart
			}
			if brk {
				f |= tBreak
			}
			if hyphen {
				f |= tHyphen
			}
			i = d.word(i, line, f)
			sentStart, brk, hyphen = false, false, false
			continue
		case cls&cSpace != 0:
			chunk, chunkAt = len(d.toks), i+size
			if hyphen { // "Jean- Pierre", a dash between spaces
				hyphen, brk = false, true
			}
		case cls&cHyphen != 0:
			if n := len(d.toks); n > 0 && int(d.toks[n-1].end) == i && i+1 < len(text) && d.toks[n-1].line == line {
				if ri, _ := decode(text, i+1); ri.cls&(cLetter|cDigit) != 0 {
					hyphen = true
					break
				}
			}
			brk = true
		case cls&cStop != 0:
			if c == '.' {
				if n := len(d.toks); n > 0 && int(d.toks[n-1].end) == i && d.toks[n-1].line == line {
					t := &d.toks[n-1]
					switch d.abbreviation(t) {
					case abbrSoft:
						t.flags |= tSoftDot
						i++
						continue
					case abbrBreak:
						brk = true
						i++
						continue
					}
				}
			}
			sentStart, brk = true, true
		case cls&cSlash != 0:
			// A URL, a handle or an address: drop the whole chunk. A slash
			// between words ("Aoraki/Mount Cook") only breaks.
			if i+1 < len(text) && text[i+1] != ' ' && text[i+1] != '\n' &&
				(c == '@' || strings.ContainsAny(text[chunkAt:i], ".:")) {
				if chunk < len(d.toks) {
					d.norm = d.norm[:d.toks[chunk].ns]
					d.toks = d.toks[:chunk]
				}
				for i < len(text) && text[i] != ' ' && text[i] != '\n' && text[i] != '\t' {
					i++
				}
				brk = true
				continue
			}
			brk = true
		default:
			brk = true
		}
		i += size
	}
	d.nlines = int(line) + 1
}

// Abbreviation kinds: a period after them neither ends the sentence nor, for
// soft ones (initials, titles), breaks a name: "Dirk A. Kempthorne",
// "Mr. Felt", "St. Louis".
const (
	abbrNone = iota
	abbrSoft
	abbrBreak
)

func (d *doc) abbreviation(t *token) int {
	if t.flags&tInitial != 0 || (t.letters == 1 && t.flags&tCap != 0 && t.flags&tDigit == 0) {
		t.flags |= tInitial
		return abbrSoft
	}
	if t.flags&tDotted != 0 {
		return abbrBreak
	}
	if t.letters > 5 {
		return abbrNone
	}
	switch lexicon[t.hash].abbr {
	case abbrSoft:
		return abbrSoft
	case abbrBreak:
		return abbrBreak
	}
	return abbrNone
}

// asciiWord maps ASCII letters and digits to their normalised byte, and
// everything else to 0: the scanner's fast path.
var asciiWord = func() (t [256]byte) {
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c)
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = byte(c)
		t[c-'a'+'A'] = byte(c)
	}
	return t
}()

// asciiCount holds, for an ASCII letter or digit, one in the field that
// counts its class: lower case in bits 0-20, upper case 21-41, digits 42-62.
var asciiCount = func() (t [256]uint64) {
	for c := '0'; c <= '9'; c++ {
		t[c] = 1 << 42
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = 1
		t[c-'a'+'A'] = 1 << 21
	}
	return t
}()

const countMask = 1<<21 - 1

// word reads one word starting at text[i] and appends its token; it returns
// the index after the word. It cuts elided articles (l'OTAN → OTAN) and
// possessives (Reid's → Reid), and reads dotted acronyms (U.S.) as one word.
func (d *doc) word(i int, line int32, f uint16) int {
	text := d.text
	norm := d.norm
	t := token{start: int32(i), ns: int32(len(norm)), line: line, flags: f}
	uppers, lowers, others, digits := 0, 0, 0, 0
	first := true // no letter read yet
	for i < len(text) {
		if asciiWord[text[i]] != 0 {
			// ASCII letters and digits, the common case, in a tight loop
			// that counts lower case, upper case and digits in one sum.
			if first {
				first = false
				if c := text[i]; c >= 'A' && c <= 'Z' {
					t.flags |= tCap
				}
			}
			var counts uint64
			for i < len(text) {
				c := text[i]
				b := asciiWord[c]
				if b == 0 {
					break
				}
				counts += asciiCount[c]
				norm = append(norm, b)
				i++
			}
			lowers += int(counts & countMask)
			uppers += int(counts >> 21 & countMask)
			digits += int(counts >> 42 & countMask)
			if i < len(text) {
				if c := text[i]; c < utf8.RuneSelf && c != '\'' && c != '.' {
					break // space or punctuation: the word ends
				}
			}
			continue
		}
		c := text[i]
		ri, size := decode(text, i)
		switch {
		case ri.cls&(cLetter|cDigit) != 0:
			switch {
			case ri.cls&cDigit != 0:
				digits++
			case ri.cls&cUpper != 0:
				uppers++
				if first {
					t.flags |= tCap
				}
			case ri.cls&cLower != 0:
				lowers++
			default:
				others++
			}
			first = false
			norm = append(norm, ri.s[:ri.n]...)
			i += size
			continue
		case ri.cls&cMark != 0:
			i += size
			continue
		case ri.cls&cApos != 0:
			j := i + size
			if j >= len(text) || !isLetterAt(text, j) {
				// Trailing apostrophe: "Awards'" is a plural possessive.
				if (text[i-1] == 's' || text[i-1] == 'S') && uppers+lowers > 1 {
					t.flags |= tPoss
				}
				break
			}
			if elisions[string(norm[t.ns:])] {
				// Start again after the elided article.
				t.start = int32(j)
				norm = norm[:t.ns]
				uppers, lowers, others, digits = 0, 0, 0, 0
				t.flags &^= tCap
				first = true
				i = j
				continue
			}
			if (text[j] == 's' || text[j] == 'S') && (j+1 >= len(text) || !isWordByte(text, j+1)) {
				t.end = int32(i)
				t.flags |= tPoss
				d.norm = norm
				d.push(&t, uppers, lowers, others, digits)
				return j + 1
			}
			i = j // inside a name: O'Brien
			continue
		case c == '.' && uppers == 1 && lowers+others+digits == 0:
			// Dotted acronym: U.S., U.N.; the period after the last letter
			// belongs to it.
			j := i
			for j+2 < len(text) && text[j] == '.' && text[j+1] >= 'A' && text[j+1] <= 'Z' && text[j+2] == '.' {
				b := text[j+1] + 'a' - 'A'
				norm = append(norm, b)
				uppers++
				j += 2
			}
			if j > i {
				t.flags |= tDotted
				t.end = int32(j + 1)
				d.norm = norm
				d.push(&t, uppers, lowers, others, digits)
				return j + 1
			}
		}
		break
	}
	t.end = int32(i)
	d.norm = norm
	d.push(&t, uppers, lowers, others, digits)
	return i
}

func (d *doc) push(t *token, uppers, lowers, others, digits int) {
	letters := uppers + lowers + others
	if t.end <= t.start || letters+digits == 0 {
		return
	}
	t.ne = int32(len(d.norm))
	t.hash = hashWord(d.norm[t.ns:t.ne])
	t.letters = uint16(min(letters, 0xFFFF))
	if letters > 0 {
		t.flags |= tAlpha
	}
	if digits > 0 {
		t.flags |= tDigit
	}
	if lowers == 0 && (uppers >= 2 || uppers == 1 && digits > 0) {
		t.flags |= tAllCaps
	}
	if t.flags&tCap == 0 && uppers > 0 && lowers > 0 {
		t.flags |= tCamel
	}
	if t.flags&tCap != 0 && uppers > 1 && lowers > 0 {
		t.flags |= tInnerCap
	}
	if others > 0 && uppers+lowers == 0 {
		t.flags |= tCaseless
	}
	d.toks = append(d.toks, *t)
}

func isLetterAt(text string, i int) bool {
	ri, _ := decode(text, i)
	return ri.cls&cLetter != 0
}

func isWordByte(text string, i int) bool {
	ri, _ := decode(text, i)
	return ri.cls&(cLetter|cDigit|cMark) != 0
}

// hashWord returns the hash of a normalised word: eight bytes at a time,
// multiplied and folded, which costs a fraction of a per-byte hash.
func hashWord(w []byte) uint64 {
	h := uint64(len(w)) * 0x9E3779B97F4A7C15
	for len(w) >= 8 {
		h = (h ^ binary.LittleEndian.Uint64(w)) * 0xFF51AFD7ED558CCD
		h ^= h >> 32
		w = w[8:]
	}
	var tail uint64
	for k := len(w) - 1; k >= 0; k-- {
		tail = tail<<8 | uint64(w[k])
	}
	h = (h ^ tail) * 0xC4CEB9FE1A85EC53
	return h ^ h>>29
}
