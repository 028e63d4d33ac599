package analysis

import (
	"unicode"
	"unicode/utf8"
)

// Token is one word of a text, as Tokens finds it. Text is always
// text[Start:End] (byte offsets), so a token can be traced back to the
// article; normalising it into a term is the Analyzer's job.
type Token struct {
	Text       string
	Start, End int
}

// Tokens splits text into words without knowing its language. The rules,
// written by hand because they are the product's own matching craft:
//
//   - A word is a run of letters and digits (combining marks and soft
//     hyphens inside it included). Anything else separates words, so
//     hyphenated words split: "pro-Kremlin" → "pro", "Kremlin".
//   - An apostrophe (' ’ ‘ ʼ) between a letter or digit and a letter is
//     resolved within the word: after a French or Italian elided article or
//     pronoun ("l'", "d’", "qu’", "dell’", …) the word starts after it
//     ("l'ouragan" → "ouragan"); a trailing possessive "'s" is dropped
//     ("Putin's" → "Putin"); otherwise the apostrophe stays inside the word
//     ("aujourd’hui", "don't", "O'Brien").
//   - A number keeps its digit-group separators: "78.761", "1,3" and
//     "13 000" are one token each (a space joins only a group of exactly
//     three digits after a group of one to three). The analyzer turns them
//     into plain digits ("78761", "13", "13000"), which makes "78,761",
//     "78.761" and "78 761" alike across languages at the cost of reading
//     "1,3" as "13".
//   - Han, Hiragana and Katakana are written without spaces: each run is
//     emitted as overlapping pairs of characters ("白俄罗斯" → "白俄",
//     "俄罗", "罗斯"), a lone character as itself. Bigrams are the usual
//     dictionary-free approximation of CJK words.
func Tokens(text string) []Token {
	var toks []Token
	s := scanner{text: text}
	for {
		t, ok := s.next()
		if !ok {
			return toks
		}
		toks = append(toks, t)
	}
}

// scanner yields the tokens of text one at a time, without allocating.
type scanner struct {
	text string
	pos  int // where the search for the next token starts
	// Inside a CJK run: the next bigram starts at cjkPos, the run ends at
	// cjkEnd (0 when not inside a run).
	cjkPos, cjkEnd int
}

// next returns the next token, or false at the end of the text.
func (s *scanner) next() (Token, bool) {
	if s.cjkEnd > 0 {
		if t, ok := s.bigram(); ok {
			return t, true
		}
	}
	text := s.text
	i := s.pos
	for i < len(text) {
		c := text[i]
		switch byteClass[c] {
		case digit, letter:
			return s.word(i), true
		case other:
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case isCJK(r):
			return s.cjkRun(i), true
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return s.word(i), true
		}
		i += size
	}
	s.pos = len(text)
	return Token{}, false
}

// word scans the word that starts at start.
func (s *scanner) word(start int) Token {
	text := s.text
	i := start
	numeric := true // so far only ASCII digits and group separators
	group := 0      // digits in the current digit group
	groups := 0     // digit groups so far
	for i < len(text) {
		c := text[i]
		switch byteClass[c] {
		case digit:
			j := i + 1
			for j < len(text) && byteClass[text[j]] == digit {
				j++
			}
			group += j - i
			i = j
			continue
		case letter:
			i++
			for i < len(text) && byteClass[text[i]] == letter {
				i++
			}
			numeric = false
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) && !isCJK(r) {
				numeric = false
				i += size
				continue
			}
		}
		// r ends the word unless it joins two parts of it.
		if numeric && group > 0 {
			if n := groupAfter(text, i, size, r, group, groups); n > 0 {
				groups++
				group = n
				i += size + n
				continue
			}
		}
		if isApostrophe(r) && i > start && startsWithLetter(text[i+size:]) {
			prev, _ := utf8.DecodeLastRuneInString(text[start:i])
			if isWordRune(prev) {
				if isElision(text[start:i]) {
					start = i + size
					i = start
					numeric, group, groups = true, 0, 0
					continue
				}
				if isPossessive(text[i+size:]) {
					s.pos = i + size + 1
					return Token{Text: text[start:i], Start: start, End: i}
				}
				numeric = false
				i += size
				continue
			}
		}
		break
	}
	s.pos = i
	return Token{Text: text[start:i], Start: start, End: i}
}

// groupAfter reports how many digits follow the separator r (of size bytes
// at i) when it continues a number, 0 when it does not. Points and commas
// join any digits; a space joins thousands only: a group of exactly three
// digits, after a first group of at most three, so that "2020 100" stays
// two numbers. A group followed by a letter is not joined: the separators
// of a number never end up inside a word.
func groupAfter(text string, i, size int, r rune, group, groups int) int {
	j := i + size
	n := 0
	for j+n < len(text) && text[j+n] >= '0' && text[j+n] <= '9' {
		n++
	}
	if n == 0 {
		return 0
	}
	if rest := text[j+n:]; rest != "" {
		if next, _ := utf8.DecodeRuneInString(rest); isWordRune(next) {
			return 0 // "1.5km" is not one number
		}
	}
	switch r {
	case '.', ',':
		return n
	case ' ', '\u00A0', '\u202F', '\u2009':
		if n != 3 || (groups == 0 && group > 3) || (groups > 0 && group != 3) {
			return 0
		}
		return n
	}
	return 0
}

// cjkRun emits the first token of the CJK run that starts at start.
func (s *scanner) cjkRun(start int) Token {
	text := s.text
	end := start
	runes := 0
	for end < len(text) {
		r, size := utf8.DecodeRuneInString(text[end:])
		if !isCJK(r) {
			break
		}
		end += size
		runes++
	}
	if runes == 1 {
		s.pos = end
		return Token{Text: text[start:end], Start: start, End: end}
	}
	s.cjkPos, s.cjkEnd = start, end
	t, _ := s.bigram()
	return t
}

// bigram emits the next pair of characters of the current CJK run.
func (s *scanner) bigram() (Token, bool) {
	text := s.text
	_, a := utf8.DecodeRuneInString(text[s.cjkPos:])
	second := s.cjkPos + a
	if second >= s.cjkEnd {
		s.pos, s.cjkEnd = s.cjkEnd, 0
		return Token{}, false
	}
	_, b := utf8.DecodeRuneInString(text[second:])
	t := Token{Text: text[s.cjkPos : second+b], Start: s.cjkPos, End: second + b}
	s.cjkPos = second
	return t, true
}

// Byte classes, for the tokenizer's fast path over ASCII.
const (
	other  = iota // ASCII punctuation, space and controls
	digit         // 0-9
	letter        // a-z, A-Z
	multi         // a byte of a multi-byte UTF-8 sequence
)

var byteClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= '0' && c <= '9':
			t[c] = digit
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			t[c] = letter
		case c >= utf8.RuneSelf:
			t[c] = multi
		}
	}
	return t
}()

// isWordRune reports whether r continues a word: letters, digits, combining
// marks, and the invisible characters that sit inside words (soft hyphen,
// zero-width joiner and non-joiner).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return byteClass[r] == digit || byteClass[r] == letter
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) ||
		r == '\u00AD' || r == '\u200C' || r == '\u200D'
}

func isCJK(r rune) bool {
	return r >= 0x3040 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r))
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == '‘' || r == 'ʼ'
}

func startsWithLetter(s string) bool {
	if s == "" {
		return false
	}
	if s[0] < utf8.RuneSelf {
		c := s[0] | 0x20
		return c >= 'a' && c <= 'z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) && !isCJK(r)
}

// isPossessive reports whether s, the text after an apostrophe, is a
// possessive "s" ending the word.
func isPossessive(s string) bool {
	if s == "" || s[0]|0x20 != 's' {
		return false
	}
	if len(s) == 1 {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[1:])
	return !isWordRune(r)
}

// isElision reports whether prefix, the part of a word before an
// apostrophe, is an elided French or Italian article, pronoun or
// conjunction, which carries no meaning of its own.
func isElision(prefix string) bool {
	if len(prefix) > 7 {
		return false
	}
	var b [7]byte
	for i := 0; i < len(prefix); i++ {
		c := prefix[i]
		if c >= utf8.RuneSelf {
			return false
		}
		b[i] = c | 0x20
	}
	_, ok := elisions[string(b[:len(prefix)])]
	return ok
}

var elisions = map[string]struct{}{
	// French
	"l": {}, "d": {}, "j": {}, "m": {}, "n": {}, "s": {}, "t": {}, "c": {},
	"qu": {}, "jusqu": {}, "lorsqu": {}, "puisqu": {}, "quoiqu": {}, "presqu": {}, "quelqu": {},
	// Italian
	"dell": {}, "dall": {}, "nell": {}, "sull": {}, "all": {}, "coll": {}, "un": {},
	"quest": {}, "quell": {}, "sant": {}, "anch": {}, "tutt": {}, "bell": {}, "buon": {},
}
