package analysis

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Figures returns the language-neutral keys of the figures text states, in
// order: the value of each number, times the scale word after it, written
// as its significant digits and a power of ten ("66 milliards", "$66
// billion", "66.000 millones" and "66 Milliarden" are all "66e9"; "127,50"
// and "127.50" are "1275e-1"). Numbers of fewer than two significant
// digits are left out: round figures ("100", "2 millions") say little about
// which event an article reports. A figure is evidence in any language,
// where words are evidence only within one.
//
// A separator followed by exactly three digits groups thousands ("66.000",
// "1,500", "13 000"); any other is a decimal point ("55,2", "1.5"), which
// reads the two conventions of Europe's languages alike.
func Figures(text string) []string {
	var out []string
	s := scanner{text: text}
	for {
		// Only numbers matter: jump to the next digit that opens a word.
		i := s.pos
		for i < len(text) && (text[i] < '0' || text[i] > '9') {
			i++
		}
		if i >= len(text) {
			return out
		}
		if r, _ := utf8.DecodeLastRuneInString(text[:i]); i > 0 && isWordRune(r) {
			// Digits inside a word: "G7", "M87".
			for i < len(text) {
				r, size := utf8.DecodeRuneInString(text[i:])
				if !isWordRune(r) {
					break
				}
				i += size
			}
			s.pos = i
			continue
		}
		s.pos, s.cjkEnd = i, 0
		t, ok := s.next()
		if !ok {
			return out
		}
		num, suffix := splitSuffix(t.Text)
		scale := 0
		if suffix != "" {
			if scale, ok = suffixes[strings.ToLower(suffix)]; !ok {
				continue // "5km", "3D"
			}
		} else if next, ok := s.peek(); ok {
			if scale = scaleOf(next.Text); scale > 0 {
				s.next()
				if next, ok := s.peek(); ok && scale == 3 && scaleOf(next.Text) == 6 {
					// Spanish and Portuguese "mil millones": a thousand million.
					s.next()
					scale = 9
				}
			}
		}
		if k := figureKey(num, scale); k != "" {
			out = append(out, k)
		}
	}
}

// peek returns the next token without consuming it.
func (s *scanner) peek() (Token, bool) {
	saved := *s
	t, ok := s.next()
	*s = saved
	return t, ok
}

// splitSuffix splits "62B" into "62" and "B". A token that mixes digits
// and letters has no separators (the tokenizer joins groups of digits
// only), so its number is its leading digits; a number alone has no
// suffix.
func splitSuffix(w string) (num, suffix string) {
	i := 0
	for i < len(w) && w[i] >= '0' && w[i] <= '9' {
		i++
	}
	if i < len(w) && w[i] >= 'A' && w[i] <= 'z' {
		return w[:i], w[i:]
	}
	return w, ""
}

// suffixes are the scales written onto a figure: "$62B", "€3bn", "5m".
var suffixes = map[string]int{"b": 9, "bn": 9, "m": 6, "mn": 6, "k": 3}

// scales are the scale words of the languages we read, by prefix of the
// lower-cased word: "milliard" reads "milliards", "Milliarden".
var scales = []struct {
	prefix string
	exp    int
}{
	{"billion", 9}, {"milliard", 9}, {"miliard", 9}, {"miljard", 9}, {"mrd", 9}, {"bilh", 9}, {"bn", 9},
	{"млрд", 9}, {"миллиард", 9},
	{"million", 6}, {"millón", 6}, {"millon", 6}, {"milion", 6}, {"miljoen", 6}, {"milh", 6}, {"mio", 6}, {"mln", 6},
	{"млн", 6}, {"миллион", 6},
	{"thousand", 3}, {"tausend", 3}, {"mille", 3}, {"mila", 3}, {"mil", 3}, {"duizend", 3}, {"тыс", 3},
}

// scaleOf is the power of ten a scale word stands for, 0 for another word.
func scaleOf(w string) int {
	w = strings.ToLower(w)
	for _, s := range scales {
		if strings.HasPrefix(w, s.prefix) {
			// "mil" and "mila" exactly: "military", "milano" are no scales.
			if (s.prefix == "mil" || s.prefix == "mila" || s.prefix == "mille") && w != s.prefix {
				continue
			}
			return s.exp
		}
	}
	return 0
}

// figureKey is the key of the number num (digits and separators) times
// 10^scale, "" when it has fewer than two significant digits.
func figureKey(num string, scale int) string {
	var buf [32]byte
	digits := buf[:0]
	decimals, groups, group := 0, 0, 0
	for i := 0; i <= len(num); i++ {
		if i < len(num) && num[i] >= '0' && num[i] <= '9' {
			digits = append(digits, num[i])
			group++
			continue
		}
		// The end of a group of digits: after the first, one of exactly
		// three digits groups thousands, any other follows a decimal point.
		if group > 0 {
			if groups > 0 && (group != 3 || decimals > 0) {
				decimals += group
			}
			groups++
			group = 0
		}
	}
	exp := scale - decimals
	start, end := 0, len(digits)
	for start < end && digits[start] == '0' {
		start++
	}
	for end > start && digits[end-1] == '0' {
		end--
		exp++
	}
	if end-start < 2 {
		return ""
	}
	sig := string(digits[start:end])
	if exp == 0 {
		return sig
	}
	return sig + "e" + strconv.Itoa(exp)
}
