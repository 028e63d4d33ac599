package entities

import "strings"

// Identity keys. A key is built from the normalised tokens of a name (see
// scan.go: folded, transliterated), in this order:
//
//  1. The whole name is a gazetteer alias: the entry's key ("Biélorussie",
//     "Weißrussland", "Беларусь" → "belarus").
//  2. Otherwise token by token, joined by spaces:
//     - a surname the gazetteer knows in several spellings takes the
//       entry's surname key (Selenskyj → zelensk);
//     - an Arabic article before a name is dropped (al-Assad → asad);
//     - tokens of three letters or fewer, acronyms written in capitals and
//       tokens with digits stay exact: Li, Wu, UE, FBI, G7;
//     - longer tokens take the phonetic form below.
//
// The phonetic form, one pass over the transliterated word:
//
//	sch tsch tch sh ch sz cz zh → sh   (Loukachenko, Lukaschenko, Łukaszenka,
//	                                   Sotchi, Sotschi, Choïgou, Zhukov)
//	kh → h            ph → f           th → t
//	ou oo → u         w → v            y j → i
//	c q qu ck k → k   x → ks           gu before e/i → g (Sergueï)
//	then double letters collapse and a final vowel is dropped, when four
//	letters remain (Loukachenka = Loukachenko, Poutine = Putin).
//
// What it deliberately does not merge: vowels stay distinct apart from the
// rules above, and so do consonants of different places (b/s: Obama and
// Osama; g/h: Lohan and Logan, which only Ukrainian transliteration swaps);
// order matters (Paris and Parsi). German "ch" is heard as sh, which loses
// Tichanowskaja = Tikhanovskaya but keeps every French and English spelling
// of Russian names, the ones news in our languages uses.

// appendKey appends the key of the tokens toks[i:j] to dst. exactCaps keeps
// acronyms (two to six capitals) exact; it is false in all-capitals lines,
// where capitals say nothing.
func (d *doc) appendKey(dst []byte, i, j int, exactCaps bool) []byte {
	if e, ok := gazetteerPhrase(d.toks[i:j]); ok {
		return append(dst, entries[e].key...)
	}
	if d.allInitials(i, j) {
		// U. S. written with spaces: the letters are the acronym.
		start := len(dst)
		for k := i; k < j; k++ {
			dst = append(dst, d.norm[d.toks[k].ns:d.toks[k].ne]...)
		}
		if e, ok := acrIndex[hashWord(dst[start:])]; ok {
			return append(dst[:start], entries[e].key...)
		}
		return dst
	}
	start := len(dst)
	for k := i; k < j; k++ {
		t := &d.toks[k]
		w := d.norm[t.ns:t.ne]
		if len(w) == 0 {
			continue
		}
		if k+1 < j && isArabicArticle(w) {
			continue
		}
		if len(dst) > start {
			dst = append(dst, ' ')
		}
		if s, ok := surnames[t.hash]; ok {
			dst = append(dst, s...)
			continue
		}
		if len(w) <= 3 || t.flags&tDigit != 0 || (exactCaps && t.flags&(tAllCaps|tDotted) != 0 && t.letters <= 6) {
			dst = append(dst, w...)
			continue
		}
		dst = appendPhonetic(dst, w)
	}
	return dst
}

func isArabicArticle(w []byte) bool {
	s := string(w)
	return s == "al" || s == "el" || s == "ad" || s == "as" || s == "ash" || s == "ul"
}

func (d *doc) allInitials(i, j int) bool {
	if j-i < 2 {
		return false
	}
	for k := i; k < j; k++ {
		if d.toks[k].letters != 1 || d.toks[k].flags&tCap == 0 {
			return false
		}
	}
	return true
}

// Symbols the phonetic form works with; X is the sh class, written "sh".
const shClass = 'X'

// appendPhonetic appends the phonetic form of one normalised word.
func appendPhonetic(dst []byte, w []byte) []byte {
	start := len(dst)
	var last byte
	for i := 0; i < len(w); {
		c := w[i]
		sym, adv := c, 1
		switch c {
		case 's':
			if has(w, i, "sch") {
				sym, adv = shClass, 3
			} else if has(w, i, "sh") || has(w, i, "sz") {
				sym, adv = shClass, 2
			}
		case 't':
			if has(w, i, "tsch") {
				sym, adv = shClass, 4
			} else if has(w, i, "tch") {
				sym, adv = shClass, 3
			} else if has(w, i, "th") {
				adv = 2
			}
		case 'c':
			switch {
			case has(w, i, "ch") || has(w, i, "cz"):
				sym, adv = shClass, 2
			case has(w, i, "ck"):
				sym, adv = 'k', 2
			default:
				sym = 'k'
			}
		case 'z':
			if has(w, i, "zh") {
				sym, adv = shClass, 2
			}
		case 'k':
			if has(w, i, "kh") {
				sym, adv = 'h', 2
			}
		case 'q':
			sym = 'k'
			if has(w, i, "qu") {
				adv = 2
			}
		case 'p':
			if has(w, i, "ph") {
				sym, adv = 'f', 2
			}
		case 'o':
			if has(w, i, "ou") || has(w, i, "oo") {
				sym, adv = 'u', 2
			}
		case 'g':
			if i+2 < len(w) && w[i+1] == 'u' && (w[i+2] == 'e' || w[i+2] == 'i' || w[i+2] == 'y') {
				adv = 2
			}
		case 'w':
			sym = 'v'
		case 'y', 'j':
			sym = 'i'
		case 'x':
			if last != 'k' {
				dst = append(dst, 'k')
			}
			sym, last = 's', 'k'
		}
		i += adv
		if sym == last {
			continue
		}
		last = sym
		if sym == shClass {
			dst = append(dst, 's', 'h')
		} else {
			dst = append(dst, sym)
		}
	}
	if n := len(dst) - start; n > 4 && isVowel(dst[len(dst)-1]) {
		dst = dst[:len(dst)-1]
	}
	return dst
}

func has(w []byte, i int, s string) bool {
	return len(w)-i >= len(s) && string(w[i:i+len(s)]) == s
}

func isVowel(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'
}

// SurnameKey returns the last token of a person's key: the key of the
// surname alone. Within one document, a mention whose Key equals the
// SurnameKey of a person mention ("Poutine" and "Vladimir Poutine") names
// the same person. For places and organisations it means nothing.
func SurnameKey(key string) string {
	if i := strings.LastIndexByte(key, ' '); i >= 0 {
		return key[i+1:]
	}
	return key
}
