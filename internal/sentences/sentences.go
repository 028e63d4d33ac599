// Package sentences cuts news text into sentences, for the stages that
// quote or shorten it (titles derived from a first sentence, summaries,
// timelines). It knows the abbreviations and initials after which a full
// stop ends nothing ("M. Poutine", "Gov. Brown", "U.S. officials", "am 5.
// Mai") in the languages storyline reads.
package sentences

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is one sentence of a text, by byte offsets.
type Span struct {
	Start, End int
	Para       int // paragraph number, from 0
}

// Closers may follow a sentence's final punctuation.
const Closers = "\"'”’»)]›"

// Split cuts a text into sentences: paragraphs (lines) first, then
// at . ! ? … followed by a space and a capital, a digit or an opening quote —
// except after an initial or an abbreviation ("M. Poutine", "Gov. Brown",
// "U.S. officials"), where no sentence ends.
func Split(text string) []Span {
	var out []Span
	para, start := 0, 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if strings.TrimSpace(text[start:end]) != "" {
			out = splitParagraph(text, start, end, para, out)
			para++
		}
		start = end + 1
	}
	return out
}

func splitParagraph(text string, start, end, para int, out []Span) []Span {
	s := start
	for i := start; i < end; {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if r != '.' && r != '!' && r != '?' && r != '…' {
			continue
		}
		j := i
		for j < end {
			c, n := utf8.DecodeRuneInString(text[j:])
			if !strings.ContainsRune(Closers, c) {
				break
			}
			j += n
		}
		if r == '.' && j < end && text[j] != ' ' && glued(text[s:i-1], text[j:end]) {
			// "…l’Empire tsariste russe.Un témoignage": a page that lost
			// the space between two sentences.
			out = appendSpan(out, text, s, j, para)
			s = j
			continue
		}
		if j >= end || text[j] != ' ' {
			continue
		}
		k := j
		for k < end && text[k] == ' ' {
			k++
		}
		if k >= end {
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[k:])
		if !unicode.IsUpper(next) && !unicode.IsDigit(next) && !strings.ContainsRune("\"'“«‘¿¡(", next) {
			continue
		}
		if r == '.' && (Abbreviation(text[s:i-1]) || ordinalDay(text[s:i-1], text[k:end])) {
			continue
		}
		out = appendSpan(out, text, s, j, para)
		s = k
		i = k
	}
	return appendSpan(out, text, s, end, para)
}

// appendSpan adds text[start:end] without its surrounding spaces, read as
// runes: a byte such as 0xA0, the end of "à", is no space.
func appendSpan(out []Span, text string, start, end, para int) []Span {
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	if start < end {
		out = append(out, Span{start, end, para})
	}
	return out
}

// abbreviations are words after which a full stop rarely ends a sentence,
// in the languages storyline reads (folded to lower case).
var abbreviations = map[string]bool{
	// English
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gov": true, "sen": true,
	"rep": true, "gen": true, "col": true, "lt": true, "sgt": true, "capt": true, "st": true,
	"jr": true, "sr": true, "inc": true, "corp": true, "co": true, "ltd": true, "no": true,
	"vs": true, "jan": true, "feb": true, "aug": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"rev": true, "mt": true, "ft": true, "ave": true, "approx": true, "dept": true, "est": true,
	// French
	"mme": true, "mlle": true, "mm": true, "me": true, "pr": true, "cf": true, "env": true,
	// German, Dutch
	"hr": true, "fr": true, "nr": true, "bzw": true, "ca": true, "dhr": true, "mevr": true,
	// Spanish, Italian, Portuguese
	"sra": true, "srta": true, "dra": true, "ud": true, "sig": true, "dott": true, "avv": true,
}

// Abbreviation reports whether the text before a full stop ends with an
// initial, a run of capitals ("U.S", "ST") or a known abbreviation ("Gov",
// "Mme").
func Abbreviation(before string) bool {
	j := len(before)
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(before[:j])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' {
			break
		}
		j -= n
	}
	w := before[j:]
	if w == "" {
		return false
	}
	if strings.Contains(w, ".") {
		return true // "U.S", "z.B", "a.m"
	}
	if abbreviations[strings.ToLower(w)] {
		return true
	}
	n, upper := 0, true
	for _, r := range w {
		n++
		upper = upper && unicode.IsUpper(r)
	}
	return upper && n <= 3
}

// germanMonths follow an ordinal day number ("am 5. Mai").
var germanMonths = []string{"Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli",
	"August", "September", "Oktober", "November", "Dezember"}

// ordinalDay reports a day number written as an ordinal before a month.
func ordinalDay(before, after string) bool {
	j := len(before)
	for j > 0 && before[j-1] >= '0' && before[j-1] <= '9' {
		j--
	}
	if n := len(before) - j; n == 0 || n > 2 {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(before[:j]); j > 0 && unicode.IsLetter(r) {
		return false
	}
	for _, m := range germanMonths {
		if strings.HasPrefix(after, m) {
			return true
		}
	}
	return false
}

// glued reports two sentences joined without a space: a lower-case word of
// three letters or more before the stop, a capitalised word of lower-case
// letters after it (not "U.S.", "e.g.", "3.5" or "example.Com").
func glued(before, after string) bool {
	j := len(before)
	n := 0
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(before[:j])
		if !unicode.IsLower(r) {
			break
		}
		j -= size
		n++
	}
	if n < 3 || (j > 0 && !unicode.IsSpace(rune(before[j-1])) && before[j-1] < utf8.RuneSelf) {
		return false
	}
	first, size := utf8.DecodeRuneInString(after)
	if !unicode.IsUpper(first) {
		return false
	}
	lower := 0
	for _, r := range after[size:] {
		if !unicode.IsLower(r) {
			break
		}
		lower++
	}
	return lower >= 1 && !strings.HasPrefix(strings.ToLower(after), "com")
}
