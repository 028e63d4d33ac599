package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// closers may follow a sentence's final punctuation.
const closers = "\"'”’»)]›"

// endsSentence reports whether a line ends as prose does: with . ! ? or …,
// possibly followed by closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \t")
	s = strings.TrimRight(s, closers+" ")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// countWords counts runs of letters or digits.
func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// countSentences counts sentence ends: . ! ? … followed by a space or the
// end of the line. Abbreviations make it an estimate, which is all its
// callers need (one sentence or several).
func countSentences(s string) int {
	n := 0
	rs := []rune(strings.TrimRight(s, " "+closers))
	for i, r := range rs {
		if r != '.' && r != '!' && r != '?' && r != '…' {
			continue
		}
		if i == len(rs)-1 {
			n++
			continue
		}
		next := rs[i+1]
		if next == ' ' || strings.ContainsRune(closers, next) {
			// "M. Poutine", "U.S. officials": a single capital before the
			// dot is an initial, not the end of a sentence.
			if i >= 1 && unicode.IsUpper(rs[i-1]) && (i == 1 || !unicode.IsLetter(rs[i-2])) {
				continue
			}
			n++
		}
	}
	if n == 0 && countWords(s) > 0 {
		n = 1 // a line without final punctuation still says one thing
	}
	return n
}

// isSubstantial reports whether a line is a paragraph of article prose,
// which no page furniture is: several sentences, or one long one.
func isSubstantial(s string, words int) bool {
	if !endsSentence(s) {
		return words >= 40
	}
	return words >= 25 || countSentences(s) >= 2
}

// isStrayTag reports whether a line is a lone category word left at a page's
// edge ("in", "information"): one or two lower-case words, no punctuation.
func isStrayTag(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > 24 {
		return false
	}
	words := 0
	in := false
	for _, r := range s {
		switch {
		case unicode.IsLower(r):
			if !in {
				words++
			}
			in = true
		case r == ' ':
			in = false
		default:
			return false
		}
	}
	return words >= 1 && words <= 2
}

// isIndented reports whether a raw line starts with two spaces or a tab: in
// plain-text pages, lists of links are indented, article paragraphs are not.
func isIndented(raw string) bool {
	return strings.HasPrefix(raw, "  ") || strings.HasPrefix(raw, "\t")
}
