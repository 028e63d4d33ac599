// Package fold maps text to the form used for matching across spellings:
// lower case, accents removed from Latin letters, typographic quotes,
// apostrophes and dashes unified, runs of spaces collapsed. "Biélorussie"
// and "BIELORUSSIE" fold alike; Cyrillic and Greek letters keep their marks,
// because removing them changes the letter (Russian й is not и).
package fold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// String folds s. It is meant for keys and comparisons, never for display.
func String(s string) string {
	var sb strings.Builder
	sb.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = sb.Len() > 0
			continue
		}
		if space {
			sb.WriteByte(' ')
			space = false
		}
		appendFolded(&sb, r)
	}
	return sb.String()
}

// appendFolded writes the folded form of one rune.
func appendFolded(sb *strings.Builder, r rune) {
	if r < utf8.RuneSelf {
		sb.WriteByte(byte(unicode.ToLower(r)))
		return
	}
	if s, ok := special[r]; ok {
		sb.WriteString(s)
		return
	}
	if isLatin(r) {
		// Decompose and drop the combining marks: é → e, ç → c.
		for _, d := range norm.NFD.String(string(r)) {
			if !unicode.Is(unicode.Mn, d) {
				sb.WriteRune(unicode.ToLower(d))
			}
		}
		return
	}
	sb.WriteRune(unicode.ToLower(r))
}

// isLatin covers the Latin-1 Supplement and Latin Extended blocks, where a
// mark on a letter is an accent rather than part of the letter's identity.
func isLatin(r rune) bool {
	return (r >= 0x00C0 && r <= 0x024F) || (r >= 0x1E00 && r <= 0x1EFF)
}

// special holds letters and punctuation that decomposition does not fold.
var special = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ø': "o", 'Ø': "o",
	'đ': "d", 'Đ': "d", 'ł': "l", 'Ł': "l", 'ı': "i", 'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th",
	'’': "'", '‘': "'", 'ʼ': "'", '′': "'", '`': "'", '´': "'",
	'“': "\"", '”': "\"", '„': "\"", '«': "\"", '»': "\"", '‹': "\"", '›': "\"",
	'–': "-", '—': "-", '‐': "-", '‑': "-", '−': "-",
	'\u00A0': " ", '\u202F': " ", '\u2009': " ", '…': "...",
}
