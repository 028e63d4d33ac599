package tell

import (
	"cmp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/storyline/storyline/internal/analysis"
	"github.com/storyline/storyline/internal/fold"
)

// number is a figure a sentence states, with the word it counts.
type number struct {
	value string // normalised digits: "78761", "3.5"
	unit  string // stem of the word after it ("cas", "interpel"), or "%"
	text  string // as written, with its unit
}

// findNumbers reads the figures of a sentence, outside the date mentions
// (given as byte ranges) already read as dates.
func findNumbers(text string, dateSpans [][2]int, an *analysis.Analyzer) []number {
	var out []number
	for i := 0; i < len(text); {
		if text[i] < '0' || text[i] > '9' || (i > 0 && isWordByte(text[i-1])) {
			i++
			continue
		}
		j := i
		for j < len(text) {
			c := text[j]
			if c >= '0' && c <= '9' {
				j++
				continue
			}
			// A separator inside a figure: "78.761", "3,5", "1 200".
			if (c == '.' || c == ',' || c == ' ') && j+1 < len(text) && text[j+1] >= '0' && text[j+1] <= '9' {
				j++
				continue
			}
			if strings.HasPrefix(text[j:], "\u202f") || strings.HasPrefix(text[j:], "\u00a0") {
				if k := j + 3 - boolInt(strings.HasPrefix(text[j:], "\u00a0")); k < len(text) && text[k] >= '0' && text[k] <= '9' {
					j = k
					continue
				}
			}
			break
		}
		if inSpans(i, j, dateSpans) || (j < len(text) && isWordByte(text[j])) {
			i = j + 1
			continue
		}
		raw := text[i:j]
		n := number{value: normaliseNumber(raw), text: raw}
		rest := strings.TrimLeft(text[j:], " \u00a0")
		if strings.HasPrefix(rest, "%") || strings.HasPrefix(rest, "pour cent") || strings.HasPrefix(rest, "percent") || strings.HasPrefix(rest, "per cent") {
			n.unit, n.text = "%", raw+" %"
		} else if w := firstWord(rest); w != "" {
			if terms := an.Terms(w); len(terms) == 1 {
				n.unit, n.text = terms[0], raw+" "+w
			}
		}
		out = append(out, n)
		i = j
	}
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c >= utf8.RuneSelf
}

func inSpans(start, end int, spans [][2]int) bool {
	for _, s := range spans {
		if start < s[1] && end > s[0] {
			return true
		}
	}
	return false
}

// normaliseNumber writes a figure without its thousands separators, with
// a point for its decimals: "78.761" and "78 761" are 78761, "3,5" is 3.5.
func normaliseNumber(raw string) string {
	raw = strings.NewReplacer("\u202f", " ", "\u00a0", " ").Replace(raw)
	groups := strings.FieldsFunc(raw, func(r rune) bool { return r == '.' || r == ',' || r == ' ' })
	if len(groups) == 1 {
		return raw
	}
	thousands := true
	for _, g := range groups[1:] {
		thousands = thousands && len(g) == 3
	}
	if thousands {
		return strings.Join(groups, "")
	}
	last := groups[len(groups)-1]
	return strings.Join(groups[:len(groups)-1], "") + "." + last
}

func firstWord(s string) string {
	end := 0
	for end < len(s) {
		r, n := utf8.DecodeRuneInString(s[end:])
		if !unicode.IsLetter(r) {
			break
		}
		end += n
	}
	return s[:end]
}

// findQuote returns the first quotation of three words or more, folded,
// or "".
func findQuote(text string) string {
	for _, q := range [][2]string{{"«", "»"}, {"“", "”"}, {"„", "“"}, {"\"", "\""}} {
		i := strings.Index(text, q[0])
		if i < 0 {
			continue
		}
		rest := text[i+len(q[0]):]
		j := strings.Index(rest, q[1])
		if j < 0 {
			continue
		}
		if quoted := strings.TrimSpace(rest[:j]); len(strings.Fields(quoted)) >= 3 {
			return fold.String(strings.ToLower(quoted))
		}
	}
	return ""
}

// Thresholds of fact matching: how alike two sentences' words must be to
// state one fact (with a value in common) or to compete for one slot.
const (
	sameFactSimilarity = 0.25
	disputeSimilarity  = 0.35
	factArticlesMax    = 40
)

// corroborate groups the factual sentences of independent sources that
// state the same fact, and sets side by side those that fill one slot
// differently.
func corroborate(ts []*told, idf map[string]float64) ([]Fact, []Dispute) {
	var facts []*sentence
	used := 0
	for _, t := range ts {
		if t.copy {
			continue
		}
		if used++; used > factArticlesMax {
			break
		}
		for i := range t.sentences {
			se := &t.sentences[i]
			if len(se.days)+len(se.numbers)+len(se.places) > 0 || se.quote != "" {
				facts = append(facts, se)
			}
		}
	}
	parent := make([]int, len(facts))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	kinds := map[int]map[string]bool{}
	type rival struct {
		slot       string
		a, b       *sentence
		va, vb     string
		similarity float64
	}
	var rivals []rival
	for i, a := range facts {
		for j := i + 1; j < len(facts); j++ {
			b := facts[j]
			if ts[a.art].source == ts[b.art].source {
				continue
			}
			sim := cosine(a.terms, b.terms, idf)
			crossLang := ts[a.art].a.Lang != ts[b.art].a.Lang
			// Two sentences about one thing that fill a slot differently
			// are rivals, whatever else they share.
			if !crossLang && sim >= disputeSimilarity {
				if slot, va, vb := conflict(a, b); slot != "" {
					rivals = append(rivals, rival{slot, a, b, va, vb, sim})
					continue
				}
			}
			shared := sharedSlots(a, b)
			if len(shared) == 0 || !(sim >= sameFactSimilarity || crossLang && len(shared) >= 2 && sharedCount(a.ents, b.ents) >= 2) {
				continue
			}
			ri, rj := find(i), find(j)
			parent[rj] = ri
			if kinds[ri] == nil {
				kinds[ri] = map[string]bool{}
			}
			for _, k := range shared {
				kinds[ri][k] = true
			}
			for k := range kinds[rj] {
				kinds[ri][k] = true
			}
		}
	}

	groups := map[int][]*sentence{}
	var roots []int
	for i, se := range facts {
		r := find(i)
		if groups[r] == nil {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], se)
	}
	var out []Fact
	for _, r := range roots {
		g := groups[r]
		srcs := map[string]bool{}
		for _, se := range g {
			srcs[ts[se.art].source] = true
		}
		if len(srcs) < 2 {
			continue
		}
		best := g[0]
		for _, se := range g[1:] {
			if se.usable && !best.usable || se.usable == best.usable && se.score > best.score {
				best = se
			}
		}
		f := Fact{Statement: best.text, Sources: len(srcs)}
		rootKinds := kinds[find(r)]
		for _, k := range []string{"date", "number", "place", "quote"} {
			if rootKinds[k] {
				f.Kinds = append(f.Kinds, k)
			}
		}
		seen := map[string]bool{}
		for _, se := range g {
			if src := ts[se.art].source; !seen[src] {
				seen[src] = true
				f.Support = append(f.Support, quoteOf(ts, se))
			}
		}
		out = append(out, f)
	}
	slices.SortStableFunc(out, func(a, b Fact) int { return cmp.Compare(b.Sources, a.Sources) })
	if len(out) > factsMax {
		out = out[:factsMax]
	}

	// The strongest rival pairs first; a slot value already disputed is
	// not shown twice.
	slices.SortStableFunc(rivals, func(a, b rival) int { return cmp.Compare(b.similarity, a.similarity) })
	var disputes []Dispute
	shown := map[string]bool{}
	for _, r := range rivals {
		key := r.slot + "\x00" + min(r.va, r.vb) + "\x00" + max(r.va, r.vb)
		if shown[key] || len(disputes) >= disputesMax {
			continue
		}
		shown[key] = true
		disputes = append(disputes, Dispute{Slot: r.slot, Claims: []Claim{
			{Value: r.va, Sentence: quoteOf(ts, r.a), Sources: 1},
			{Value: r.vb, Sentence: quoteOf(ts, r.b), Sources: 1},
		}})
	}
	return out, disputes
}

// sharedSlots are the kinds of value two sentences state alike.
func sharedSlots(a, b *sentence) []string {
	var out []string
	for _, d := range a.days {
		if slices.ContainsFunc(b.days, d.Equal) {
			out = append(out, "date")
			break
		}
	}
	for _, n := range a.numbers {
		if slices.ContainsFunc(b.numbers, func(m number) bool { return m.value == n.value && (m.unit == n.unit || m.unit == "" || n.unit == "") }) {
			out = append(out, "number")
			break
		}
	}
	if sharedCount(a.places, b.places) > 0 {
		out = append(out, "place")
	}
	if a.quote != "" && b.quote != "" && (strings.Contains(a.quote, b.quote) || strings.Contains(b.quote, a.quote)) {
		out = append(out, "quote")
	}
	return out
}

// conflict finds a slot two sentences about one thing fill differently: a
// figure of the same unit, the place where it happens ("in Moscow", "à
// Sotchi"), or a day, given with no value in common.
func conflict(a, b *sentence) (slot, va, vb string) {
	for _, n := range a.numbers {
		if n.unit == "" {
			continue
		}
		for _, m := range b.numbers {
			if m.unit == n.unit && m.value != n.value && !slices.ContainsFunc(a.numbers, func(x number) bool { return x.value == m.value }) {
				return "number", n.text, m.text
			}
		}
	}
	if len(a.settings) > 0 && len(b.settings) > 0 && sharedCount(a.places, b.places) == 0 {
		return "place", a.settingNames[0], b.settingNames[0]
	}
	if len(a.days) > 0 && len(b.days) > 0 && !slices.ContainsFunc(a.days, func(d0 time.Time) bool { return slices.ContainsFunc(b.days, d0.Equal) }) {
		return "date", a.days[0].Format("2 January 2006"), b.days[0].Format("2 January 2006")
	}
	return "", "", ""
}

func sharedCount(a, b []string) int {
	n := 0
	for _, x := range a {
		if slices.Contains(b, x) {
			n++
		}
	}
	return n
}

// locatives are the words that put a place as the setting of what a
// sentence reports ("à Sotchi", "in Moscow", "nach Minsk"), folded.
var locatives = map[string]bool{
	"a": true, "au": true, "aux": true, "en": true, "in": true, "at": true, "im": true, "nach": true,
	"em": true, "no": true, "na": true, "nel": true, "nella": true, "bei": true, "dans": true, "te": true,
}

// isSetting reports a place mention introduced by a locative word.
func isSetting(text string, start int) bool {
	before := strings.TrimRight(text[:start], " ")
	i := strings.LastIndexFunc(before, func(r rune) bool { return !unicode.IsLetter(r) })
	return locatives[fold.String(strings.ToLower(before[i+1:]))]
}
