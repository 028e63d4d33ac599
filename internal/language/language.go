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
const sampleBytes = 1000

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
	if lang, conf := byStopWords(sample); lang != "" {
		return lang, conf
	}
	info := whatlanggo.Detect(sample)
	if len(sample) < shortSample || info.Confidence < lowConfidence {
		// On a few lines trigram profiles of close languages collide
		// (English read as Nynorsk, Romanian, Dutch): choose among the
		// languages news is mostly written in.
		info = whatlanggo.DetectWithOptions(sample, whatlanggo.Options{Whitelist: major})
	}
	return info.Lang.Iso6391(), info.Confidence
}

// Below shortSample bytes or lowConfidence, detection is restricted to the
// major languages.
const (
	shortSample   = 400
	lowConfidence = 0.3
)

// major are the languages of most news on the web, and all those the
// product names (fr, en, de, es, it, pt, nl, ru, pl, tr, ar, zh).
var major = func() map[whatlanggo.Lang]bool {
	want := map[string]bool{}
	for _, code := range []string{"en", "fr", "de", "es", "it", "pt", "nl", "ru", "pl", "tr", "ar", "zh",
		"ja", "ko", "uk", "sv", "da", "nb", "fi", "cs", "ro", "hu", "el", "he", "fa", "hi", "id", "vi", "th", "bg", "hr", "sr", "sk"} {
		want[code] = true
	}
	m := map[whatlanggo.Lang]bool{}
	for l := range whatlanggo.Langs {
		if want[l.Iso6391()] {
			m[l] = true
		}
	}
	return m
}()

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
