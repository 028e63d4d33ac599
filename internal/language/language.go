// Package language identifies the language of an article's text.
//
// Identification is whatlanggo's (trigram profiles for 84 languages, a few
// MiB of memory, no start-up cost): lingua-go is more accurate on short
// strings but adds 131 MB to the binary and up to 1.4 GiB of memory, which a
// command-line tool cannot carry. Whole articles are long enough for
// whatlanggo; ../shared/docs/DEPENDENCIES.md has the measurements.
package language

import (
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// sampleBytes is how much of an article is read: beyond a few paragraphs
// more text does not change the answer, only the cost.
const sampleBytes = 3000

// Detect returns the ISO 639-1 code of the language of title and text, and
// the detector's confidence in [0, 1]. It returns "" when the text is too
// short or in a language without an ISO 639-1 code.
func Detect(title, text string) (string, float64) {
	sample := title + "\n" + text
	if len(sample) > sampleBytes {
		cut := sampleBytes
		for cut > 0 && !utf8.RuneStart(sample[cut]) {
			cut--
		}
		sample = sample[:cut]
	}
	if letters(sample) < 10 {
		return "", 0
	}
	info := whatlanggo.Detect(sample)
	return info.Lang.Iso6391(), info.Confidence
}

// letters counts letters, stopping once enough are seen to be worth a guess.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if r > ' ' && r != utf8.RuneError && !isASCIIPunctOrDigit(r) {
			n++
			if n >= 10 {
				break
			}
		}
	}
	return n
}

func isASCIIPunctOrDigit(r rune) bool {
	return r < 0x80 && !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
}
