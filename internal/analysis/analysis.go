// Package analysis turns article text into the terms that story detection
// matches on: words found by a language-neutral tokenizer (Tokens), folded
// (lower case, Latin accents removed, see package fold), stripped of the
// language's stop words and reduced to their stem.
//
// Languages are plugged in the way bleve's analysis chain does it: each
// lives in its own package under lang/ (lang/fr, lang/de, …) holding its
// stop words and stemmer, and registers itself from init with Register.
// Adding a language is adding a folder and a line in lang/all. Callers
// import lang/all and ask For(code).
//
// Two choices shape the terms:
//
//   - Words are stemmed before they are folded, and the stem is folded
//     after: Snowball stemmers are written for the accented spelling
//     ("huracán" and "huracanes" meet; "huracan" read without its accent
//     looks like a verb and does not). Folding the stem then lets
//     "président", "présidents" and "présidente" meet "president".
//   - Terms are cached per language (see termCache): stemming costs a
//     microsecond a word, a cached term a map lookup, and news vocabulary
//     repeats, so the steady cost of an article is its tokenization and
//     one lookup per token.
package analysis

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/storyline/storyline/internal/fold"
)

// Analyzer turns text into matching terms for one language. It is safe for
// concurrent use.
type Analyzer struct {
	lang  string
	stop  map[string]struct{}      // folded stop words
	stem  func(word string) string // nil: no stemming
	cache termCache
}

var (
	registryMu sync.RWMutex
	registry   = map[string]*Analyzer{}
	neutral    = &Analyzer{}
)

// Register makes an analyzer available as For(lang). It is meant to be
// called from the init function of a language package. stop lists the
// language's stop words in their usual spelling (they are folded here);
// stem, which may be nil, receives a lower-cased word with its accents and
// returns its stem, and must be safe for concurrent use. Register panics if
// lang is empty or already registered.
func Register(lang string, stop []string, stem func(word string) string) {
	lang = strings.ToLower(lang)
	if lang == "" {
		panic("analysis: Register with an empty language code")
	}
	a := &Analyzer{lang: lang, stop: make(map[string]struct{}, len(stop)), stem: stem}
	for _, w := range stop {
		a.stop[fold.String(normalizeWord(w))] = struct{}{}
	}
	registryMu.Lock()
	defer registryMu.Unlock()
	if _, dup := registry[lang]; dup {
		panic("analysis: Register called twice for " + lang)
	}
	registry[lang] = a
}

// For returns the analyzer registered for lang, an ISO 639-1 code ("fr";
// case and a region suffix as in "fr-CA" are ignored). For unknown or empty
// codes it returns the neutral analyzer, which tokenizes and folds but
// neither drops stop words nor stems. It never returns nil.
func For(lang string) *Analyzer {
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	registryMu.RLock()
	a, ok := registry[lang]
	if !ok {
		a, ok = registry[strings.ToLower(strings.TrimSpace(lang))]
	}
	registryMu.RUnlock()
	if !ok {
		return neutral
	}
	return a
}

// StopWords returns the stop words registered for lang, folded (lower
// case, Latin accents removed), sorted; nil for a language not registered.
func StopWords(lang string) []string {
	a := For(lang)
	if a == neutral {
		return nil
	}
	words := make([]string, 0, len(a.stop))
	for w := range a.stop {
		words = append(words, w)
	}
	slices.Sort(words)
	return words
}

// Languages returns the registered language codes, sorted.
func Languages() []string {
	registryMu.RLock()
	defer registryMu.RUnlock()
	langs := make([]string, 0, len(registry))
	for l := range registry {
		langs = append(langs, l)
	}
	slices.Sort(langs)
	return langs
}

// Lang returns the analyzer's language code, "" for the neutral analyzer.
func (a *Analyzer) Lang() string { return a.lang }

// Terms returns the terms of text in order, duplicates kept: each token of
// Tokens, folded; stop words, one-letter words and one-digit numbers
// dropped; numbers kept as plain digits (years and figures are strong
// evidence of an event); words stemmed. The terms never share memory with
// text.
func (a *Analyzer) Terms(text string) []string {
	// About one term per eight bytes of news text: one allocation.
	return a.AppendTerms(make([]string, 0, len(text)/8+1), text)
}

// AppendTerms appends the terms of text to dst and returns the extended
// slice; with a reused dst, analysing an article allocates only for words
// the analyzer has not seen before.
func (a *Analyzer) AppendTerms(dst []string, text string) []string {
	s := scanner{text: text}
	for {
		t, ok := s.next()
		if !ok {
			return dst
		}
		if term := a.term(t.Text); term != "" {
			dst = append(dst, term)
		}
	}
}

// term returns the term of one token, "" when the token is dropped.
func (a *Analyzer) term(tok string) string {
	if term, ok := a.cache.get(tok); ok {
		return term
	}
	term := a.analyze(tok)
	a.cache.put(strings.Clone(tok), term)
	return term
}

// analyze computes the term of one token, "" when the token is dropped.
func (a *Analyzer) analyze(tok string) string {
	if digits, ok := number(tok); ok {
		if len(digits) < 2 {
			return ""
		}
		return digits
	}
	word := normalizeWord(tok)
	folded := foldWord(word)
	if r, size := utf8.DecodeRuneInString(folded); size == len(folded) && !isCJK(r) {
		return "" // one letter
	}
	if _, ok := a.stop[folded]; ok {
		return ""
	}
	if a.stem == nil {
		return folded
	}
	// Stemmers are written for the language's spelling ("présidente"):
	// stem first, then fold the stem so that spellings without accents
	// meet it.
	stem := foldWord(a.stem(word))
	if r, size := utf8.DecodeRuneInString(stem); size == len(stem) && !isCJK(r) {
		// A one-letter stem ("günü" → "g" in Turkish) is over-stemming,
		// a known Snowball weakness: it would match unrelated words.
		return folded
	}
	return stem
}

// number returns the digits of tok when it is a number, with its group
// separators removed.
func number(tok string) (string, bool) {
	if tok == "" || tok[0] < '0' || tok[0] > '9' {
		return "", false
	}
	sep := false
	for _, r := range tok {
		switch {
		case r >= '0' && r <= '9':
		case r == '.' || r == ',' || r == ' ' || r == '\u00A0' || r == '\u202F' || r == '\u2009':
			sep = true
		default:
			return "", false
		}
	}
	if !sep {
		return strings.Clone(tok), true
	}
	b := make([]byte, 0, len(tok))
	for i := 0; i < len(tok); i++ {
		if c := tok[i]; c >= '0' && c <= '9' {
			b = append(b, c)
		}
	}
	return string(b), true
}

// foldWord folds a lower-cased word. Words of lower-case ASCII letters,
// digits and apostrophes are their own folded form; skipping fold.String
// for them saves an allocation per new English word.
func foldWord(w string) string {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf || w[i] == '`' || byteClass[w[i]] == letter && w[i] < 'a' {
			return fold.String(w)
		}
	}
	return w
}

// normalizeWord lower-cases a word and unifies what typography varies
// inside it: apostrophes become ', soft hyphens disappear. Accents stay:
// stemmers need them.
func normalizeWord(w string) string {
	w = strings.ToLower(w)
	if !strings.ContainsAny(w, "’‘ʼ\u00AD") {
		return w
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '’', '‘', 'ʼ':
			return '\''
		case '\u00AD':
			return -1
		}
		return r
	}, w)
}
