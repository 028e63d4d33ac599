package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind names a sort of page furniture; it is the reason a user sees.
type Kind string

// Kinds of furniture. Tail kinds (see isTailMarker) mark the end of an
// article: what follows them is the page's, not the article's.
const (
	KindComment    Kind = "comment form"
	KindAd         Kind = "advertisement"
	KindReadMore   Kind = "read-more prompt"
	KindRelated    Kind = "related-articles link"
	KindNewsletter Kind = "newsletter prompt"
	KindCookie     Kind = "cookie notice"
	KindShare      Kind = "share prompt"
	KindFollow     Kind = "follow prompt"
	KindTags       Kind = "tag list"
	KindCredit     Kind = "photo credit"
	KindRights     Kind = "copyright line"
	KindLogin      Kind = "login or paywall prompt"
	KindEmbed      Kind = "embed placeholder"
)

// isTailMarker reports whether furniture of this kind ends the article.
func isTailMarker(k Kind) bool {
	switch k {
	case KindComment, KindRelated, KindNewsletter, KindShare, KindFollow, KindTags, KindRights, KindEmbed:
		return true
	}
	return false
}

// Phrases is one language's furniture, written folded (lower case, no
// accents, straight apostrophes). Each language file adds its own.
type Phrases struct {
	// Line: the whole line is the phrase (edge punctuation and symbols
	// ignored), or a sequence of such phrases ("Publicité Lire la suite").
	Line map[Kind][]string
	// Lead: the line starts with the phrase, followed by a colon or dash and
	// a link text ("À lire aussi : …"), or the line is short.
	Lead map[Kind][]string
	// Within: the phrase appears anywhere in a line of at most
	// maxWithinWords words ("Votre adresse e-mail ne sera pas publiée.").
	Within map[Kind][]string
}

// maxWithinWords keeps Within phrases from firing inside article prose: a
// comment-form or newsletter line is short, a paragraph that mentions a
// newsletter is not.
const maxWithinWords = 40

// maxLeadWordsBare is how long a line starting with a related-articles or
// read-more phrase may be when no colon or dash follows the phrase
// ("Related coverage on the vote").
const maxLeadWordsBare = 5

// maxSingleWordWithin is how long a line may be for a one-word Within
// phrase ("newsletter") to mark it: such a word inside real prose is news.
const maxSingleWordWithin = 6

var languages = map[string]Phrases{}

// register adds a language's phrases; called from each language file.
func register(code string, p Phrases) { languages[code] = p }

// matcher holds every language's phrases, indexed for line lookups. Pages
// are matched against all languages: a page's language is detected after
// cleaning (furniture misleads detection), and sites mix languages in their
// furniture.
type matcher struct {
	line   map[string]Kind
	lead   map[string][]leadPhrase // by first word
	within []withinPhrase
}

type leadPhrase struct {
	text string
	kind Kind
}

type withinPhrase struct {
	text string
	kind Kind
}

func newMatcher() *matcher {
	m := &matcher{line: map[string]Kind{}, lead: map[string][]leadPhrase{}}
	for _, p := range languages {
		for k, list := range p.Line {
			for _, s := range list {
				m.line[trimEdges(s)] = k // "schon abonnent?" is matched without its "?"
			}
		}
		for k, list := range p.Lead {
			for _, s := range list {
				m.lead[firstWord(s)] = append(m.lead[firstWord(s)], leadPhrase{s, k})
			}
		}
		for k, list := range p.Within {
			for _, s := range list {
				m.within = append(m.within, withinPhrase{s, k})
			}
		}
	}
	return m
}

// match tells whether a line is furniture, and of which kind. folded is the
// line passed through fold.String.
func (m *matcher) match(folded string, words int) (Kind, bool) {
	if (strings.HasPrefix(folded, "©") || strings.HasPrefix(folded, "(c) ")) && words <= 20 {
		return KindRights, true
	}
	core := trimEdges(folded)
	if core == "" {
		return "", false
	}
	if k, ok := m.countedLine(core); ok {
		return k, true
	}
	if k, ok := m.lineSequence(core); ok {
		return k, true
	}
	for _, lp := range m.lead[firstWord(core)] {
		if !strings.HasPrefix(core, lp.text) {
			continue
		}
		rest := core[len(lp.text):]
		if rest == "" {
			return lp.kind, true
		}
		r := []rune(rest)[0]
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			continue // "related" is not "relatedly"
		}
		rest = strings.TrimLeft(rest, " ")
		if strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "|") || strings.HasPrefix(rest, ">") {
			return lp.kind, true
		}
		// "More from GlobalPost: …": a source name, then the colon.
		if c := strings.IndexByte(rest, ':'); c > 0 && c <= 25 && countWords(rest[:c]) <= 2 && (lp.kind == KindRelated || lp.kind == KindReadMore) {
			return lp.kind, true
		}
		if (lp.kind == KindRelated || lp.kind == KindReadMore) && words <= maxLeadWordsBare && !endsSentence(folded) {
			return lp.kind, true
		}
	}
	if words <= maxWithinWords {
		for _, wp := range m.within {
			if !containsPhrase(core, wp.text) {
				continue
			}
			if !strings.Contains(wp.text, " ") && (words > maxSingleWordWithin || endsSentence(folded)) {
				continue
			}
			return wp.kind, true
		}
	}
	return "", false
}

// firstWord is the leading run of a line that indexes Lead phrases: up to
// the first space or colon, so "tags: a, b" is found under "tags".
func firstWord(s string) string {
	if i := strings.IndexAny(s, " :"); i >= 0 {
		return s[:i]
	}
	return s
}

// countedLine matches a count before a furniture word: "0 Comments",
// "12 commentaires", "3 Kommentare".
func (m *matcher) countedLine(core string) (Kind, bool) {
	num, rest, ok := strings.Cut(core, " ")
	if !ok || strings.TrimFunc(num, unicode.IsDigit) != "" {
		return "", false
	}
	k, ok := m.line[rest]
	return k, ok && (k == KindComment || k == KindShare)
}

// lineSequence matches a line made only of Line phrases, one after another
// ("publicite lire la suite", "facebook twitter linkedin e-mail").
func (m *matcher) lineSequence(core string) (Kind, bool) {
	if k, ok := m.line[core]; ok {
		return k, true
	}
	var kind Kind
	rest := core
	for step := 0; step < 6 && rest != ""; step++ {
		found := false
		// Try the longest leading phrase first: up to six words.
		words := strings.Fields(rest)
		for n := min(6, len(words)); n >= 1; n-- {
			head := strings.Join(words[:n], " ")
			if k, ok := m.line[trimEdges(head)]; ok {
				if kind == "" {
					kind = k
				}
				rest = trimEdges(strings.Join(words[n:], " "))
				found = true
				break
			}
		}
		if !found {
			return "", false
		}
	}
	return kind, rest == ""
}

// containsPhrase reports whether phrase occurs in s starting and ending at
// word boundaries ("ap photo" is not in "an ap photographer").
func containsPhrase(s, phrase string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], phrase)
		if i < 0 {
			return false
		}
		start, end := off+i, off+i+len(phrase)
		if isWordEdge(s, start, end, phrase) {
			return true
		}
		off = start + 1
	}
}

func isWordEdge(s string, start, end int, phrase string) bool {
	first, _ := utf8.DecodeRuneInString(phrase)
	last, _ := utf8.DecodeLastRuneInString(phrase)
	if start > 0 && isWordRune(first) {
		if r, _ := utf8.DecodeLastRuneInString(s[:start]); isWordRune(r) {
			return false
		}
	}
	if end < len(s) && isWordRune(last) {
		if r, _ := utf8.DecodeRuneInString(s[end:]); isWordRune(r) {
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// trimEdges drops the punctuation and symbols around a line's words:
// bullets (► • ·), arrows, pipes, quotes, colons.
func trimEdges(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}
