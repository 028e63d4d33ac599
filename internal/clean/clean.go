// Package clean removes page furniture from the text of news pages and keeps
// every sentence of the article.
//
// HTML pages arrive here already reduced to their main content by the
// extractor (package ingest), but comment forms, newsletter prompts and
// related-headline lists get through it, and plain-text pages arrive whole.
// This line-level cleaner is storyline's own: no library does it. It uses
// four kinds of evidence:
//
//   - phrases of page furniture in several languages (furniture_*.go);
//   - lines that recur across the pages of one run, counted once per group
//     of copies so that republished articles do not erase each other;
//   - position: lone category words at a page's edges, and the headlines
//     that follow a comment form or "related" marker at its end;
//   - the title: a second copy of it (often without its accents) is dropped.
//
// Every removed line is reported with its reason.
package clean

import (
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/dates"
	"github.com/storyline/storyline/internal/fold"
	"github.com/storyline/storyline/internal/sentences"
)

// Page is one page's text as ingest decoded it.
type Page struct {
	Site  string // the site it came from, "" when unknown
	Title string // the title its metadata states, "" when none
	Text  string // one paragraph per line
}

// Result is a cleaned page.
type Result struct {
	Title     string
	TitleFrom string // "metadata", "heading" or "first sentence"
	Text      string // kept lines, one paragraph per line
	Removed   []article.RemovedLine
}

// Cleaner cleans pages. It is safe for concurrent use.
type Cleaner struct {
	m *matcher
}

var (
	defaultMatcher     *matcher
	defaultMatcherOnce sync.Once
)

// New returns a Cleaner with the furniture phrases of every language.
func New() *Cleaner {
	defaultMatcherOnce.Do(func() { defaultMatcher = newMatcher() })
	return &Cleaner{m: defaultMatcher}
}

// line is one non-empty line of a page during cleaning.
type line struct {
	no       int    // 1-based line number in the page text
	text     string // normalised for display: NFC, spaces collapsed
	folded   string // for matching
	words    int
	indented bool
	removed  string // reason, "" while kept
	kind     Kind   // furniture kind when removed as furniture
}

func (l *line) kept() bool { return l.removed == "" }

// Clean cleans a set of pages together: lines that recur across them are
// evidence of boilerplate, so pages of one run should be cleaned in one call.
// Results are in the order of pages and do not depend on that order.
//
// The pages are read on every core: only gathering the cross-page evidence
// is sequential, and the evidence is read-only once gathered.
func (c *Cleaner) Clean(pages []Page) []Result {
	all := make([][]*line, len(pages))
	onEveryCore(len(pages), func(i int) { all[i] = c.splitAndMatch(pages[i].Text) })
	ev := gatherEvidence(pages, all)
	results := make([]Result, len(pages))
	onEveryCore(len(pages), func(i int) { results[i] = c.cleanPage(pages[i], all[i], ev, i) })
	return results
}

// onEveryCore runs f(0..n-1) on GOMAXPROCS goroutines, in chunks.
func onEveryCore(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n/pagesPerChunk+1)
	if workers <= 1 {
		for i := 0; i < n; i++ {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				start := int(next.Add(pagesPerChunk)) - pagesPerChunk
				if start >= n {
					return
				}
				for i := start; i < min(start+pagesPerChunk, n); i++ {
					f(i)
				}
			}
		}()
	}
	wg.Wait()
}

// pagesPerChunk is how many pages a goroutine takes at a time: enough to
// make handing them out cheap.
const pagesPerChunk = 16

// CleanOne cleans a single page, with no cross-page evidence.
func (c *Cleaner) CleanOne(p Page) Result { return c.Clean([]Page{p})[0] }

// splitAndMatch normalises a page's lines and marks the furniture phrases.
func (c *Cleaner) splitAndMatch(text string) []*line {
	var lines []*line
	for i, raw := range strings.Split(text, "\n") {
		s := normalizeLine(raw)
		if s == "" {
			continue
		}
		l := &line{no: i + 1, text: s, folded: fold.String(s), words: countWords(s), indented: isIndented(raw)}
		if k, ok := c.m.match(l.folded, l.words); ok {
			l.removed, l.kind = string(k), k
		}
		lines = append(lines, l)
	}
	return lines
}

// normalizeLine puts a line in Unicode NFC, drops control and zero-width
// characters, and collapses runs of spaces.
func normalizeLine(raw string) string {
	raw = strings.TrimSuffix(raw, "\r")
	if raw == "" {
		return ""
	}
	var sb strings.Builder
	space := false
	for _, r := range norm.NFC.String(raw) {
		switch {
		case r == '\u200B' || r == '\u200C' || r == '\u200D' || r == '\uFEFF' || r == '\u00AD':
			continue
		case unicode.IsSpace(r) || (unicode.IsControl(r) && r != '\n'):
			space = sb.Len() > 0
			continue
		}
		if space {
			sb.WriteByte(' ')
			space = false
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

func (c *Cleaner) cleanPage(p Page, lines []*line, ev *evidence, page int) Result {
	markStrayTags(lines)
	markNavigation(lines)
	markTrailing(lines)
	markStrayTags(lines)
	title, from, titleLine := chooseTitle(p, lines, func(l *line) bool { return ev.isBanner(l, p.Site) })
	ev.markRecurring(page, p.Site, lines, titleLine)
	markStrayTags(lines)
	markRepeatedTitle(title, lines, titleLine)

	var res Result
	res.Title, res.TitleFrom = title, from
	var kept []string
	for _, l := range lines {
		switch {
		case l.removed == reasonTitle:
			// the heading moved into Title: neither body nor removed
		case l.kept():
			kept = append(kept, l.text)
		default:
			res.Removed = append(res.Removed, article.RemovedLine{Line: l.no, Text: l.text, Reason: l.removed})
		}
	}
	res.Text = strings.Join(kept, "\n")
	return res
}

// reasonTitle marks the heading line that became the title.
const reasonTitle = "title"

// markStrayTags removes lone category words at the top and bottom of a page.
func markStrayTags(lines []*line) {
	for _, l := range lines {
		if !l.kept() {
			continue
		}
		if !isStrayTag(l.text) {
			break
		}
		l.removed = "stray category tag"
	}
	for i := len(lines) - 1; i >= 0; i-- {
		l := lines[i]
		if !l.kept() {
			continue
		}
		if !isStrayTag(l.text) {
			break
		}
		l.removed = "stray category tag"
	}
}

// minMenuRun is how many very short lines in a row make a navigation menu.
const minMenuRun = 4

// markNavigation removes menus: runs of very short lines (one to three
// words, no sentence punctuation) such as "• Home", "• Latest", "• Tech".
// Articles do not stack four such lines; site navigation does.
func markNavigation(lines []*line) {
	isItem := func(l *line) bool {
		return l.kept() && l.words >= 1 && l.words <= 3 && !endsSentence(l.text)
	}
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines) && (isItem(lines[j]) || (!lines[j].kept() && j > i)) {
			j++
		}
		items := 0
		for _, l := range lines[i:j] {
			if isItem(l) {
				items++
			}
		}
		if items >= minMenuRun {
			for _, l := range lines[i:j] {
				if l.kept() {
					l.removed = "navigation menu"
				}
			}
		}
		i = max(j, i+1)
	}
}

// markTrailing removes the list of unrelated headlines that pages put after
// the article: everything short that follows a comment form, a "related"
// marker or similar at the end of the page, or a trailing indented list.
func markTrailing(lines []*line) {
	// The tail is what follows the last paragraph of prose.
	start := 0
	for i := len(lines) - 1; i >= 0; i-- {
		if lines[i].kept() && isSubstantial(lines[i].text, lines[i].words) {
			start = i + 1
			break
		}
	}
	tail := lines[start:]
	marker := -1
	for i, l := range tail {
		if !l.kept() && isTailMarker(l.kind) {
			marker = i
			break
		}
	}
	if marker >= 0 && closesPage(lines, start+marker) {
		for _, l := range tail[marker+1:] {
			if l.kept() {
				l.removed = "trailing headline after «" + clip(tail[marker].text, 40) + "»"
			}
		}
		return
	}
	// No marker: an indented run of two or more lines closing a page whose
	// paragraphs are not indented is a list of links.
	run := 0
	for i := len(tail) - 1; i >= 0 && tail[i].kept() && tail[i].indented; i-- {
		run++
	}
	if run < 2 {
		return
	}
	body := 0
	for _, l := range lines[:len(lines)-run] {
		if l.kept() && l.indented {
			return
		}
		if l.kept() {
			body++
		}
	}
	if body == 0 {
		return // the whole page is indented: that is its layout, not a list
	}
	for _, l := range lines[len(lines)-run:] {
		l.removed = "trailing indented list of headlines"
	}
}

// closesPage reports whether a marker at index m sits at the end of the
// article: what follows it is much shorter than what precedes it. A share
// prompt after an article's first line is no end of the article.
func closesPage(lines []*line, m int) bool {
	before, after := 0, 0
	for i, l := range lines {
		if !l.kept() {
			continue
		}
		if i < m {
			before += l.words
		} else {
			after += l.words
		}
	}
	return after*2 < before
}

// clip shortens s to at most n runes for quoting in a reason.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n])) + "…"
}

// Heading and title limits.
const (
	maxHeadingWords  = 30
	maxHeadingRunes  = 300
	maxDerivedTitle  = 160 // runes of a title taken from the first sentence
	minRepeatedWords = 3   // a repeated-title line must be at least this long
)

// isHeading reports whether a line reads as a heading: short, and not a
// sentence of prose (a statement ending in a full stop).
func isHeading(l *line) bool {
	if l.words == 0 || l.words > maxHeadingWords || len([]rune(l.text)) > maxHeadingRunes {
		return false
	}
	if !endsSentence(l.text) {
		return true
	}
	t := strings.TrimRight(l.text, closers+" ")
	return strings.HasSuffix(t, "?") || strings.HasSuffix(t, "!")
}

// chooseTitle takes the title from metadata, else from the first line when
// it is a heading (moving it out of the body), else from the first sentence
// (which stays in the body). It returns the line the title came from, if
// any. Lines for which banner is true are skipped: a site's name atop every
// page is no headline.
func chooseTitle(p Page, lines []*line, banner func(*line) bool) (string, string, *line) {
	var kept []*line
	for _, l := range lines {
		if l.kept() {
			kept = append(kept, l)
		}
	}
	if p.Title == "" && len(kept) > 1 && banner(kept[0]) {
		kept[0].removed = "site banner (recurs atop pages of the site)"
		kept = kept[1:]
	}
	// A dateline or a two-word kicker ("a year ago") above the headline is
	// no title: look past up to two of them.
	start := 0
	for start < len(kept)-1 && start < 2 && isKicker(kept[start]) {
		start++
	}
	var first *line
	if start < len(kept) {
		first = kept[start]
	}
	if t := normalizeLine(p.Title); t != "" {
		return trimSiteSuffix(t, p.Site, first), "metadata", nil
	}
	if first == nil {
		return "", "", nil
	}
	if len(kept)-start > 1 && isHeading(first) {
		first.removed = reasonTitle
		return first.text, "heading", first
	}
	return firstSentence(first.text), "first sentence", first
}

// trimSiteSuffix drops a " | Site name" or " - Site" tail from a metadata
// title when the body's own heading confirms the shorter title, or when the
// tail names the site.
func trimSiteSuffix(title, site string, first *line) string {
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: "} {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		head, tail := strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+len(sep):])
		if countWords(tail) > 5 {
			continue
		}
		ft := fold.String(tail)
		siteWord := strings.Split(strings.TrimPrefix(site, "www."), ".")[0]
		if (first != nil && fold.String(head) == trimEdges(first.folded)) ||
			(siteWord != "" && strings.Contains(strings.ReplaceAll(ft, " ", ""), siteWord)) {
			return head
		}
	}
	return title
}

// firstSentence is the first sentence of a paragraph, shortened at a word
// boundary when it is too long to serve as a title.
func firstSentence(s string) string {
	if spans := sentences.Split(s); len(spans) > 0 {
		s = s[spans[0].Start:spans[0].End]
	}
	rs := []rune(s)
	if len(rs) <= maxDerivedTitle {
		return s
	}
	cut := maxDerivedTitle
	for cut > maxDerivedTitle/2 && rs[cut] != ' ' {
		cut--
	}
	return strings.TrimRight(string(rs[:cut]), " ,;:") + "…"
}

// isKicker reports a line that sits above a headline without being one: a
// dateline, a time ("a year ago", lower case), a one- or two-word label.
func isKicker(l *line) bool {
	if l.words <= 2 {
		return true
	}
	if r, _ := utf8.DecodeRuneInString(l.text); unicode.IsLower(r) {
		return true
	}
	rest := l.text
	for _, m := range dates.FindAll(l.text, "") {
		rest = strings.Replace(rest, l.text[m.Start:m.End], " ", 1)
	}
	return rest != l.text && countWords(rest) <= 3
}

// markRepeatedTitle removes, near the top of the page, a line that repeats
// the title — whole, cut short, or stripped of its accents.
func markRepeatedTitle(title string, lines []*line, source *line) {
	if title == "" {
		return
	}
	ft := wordKey(fold.String(title))
	seen := 0
	for _, l := range lines {
		if !l.kept() || l == source {
			continue
		}
		if seen++; seen > 3 {
			return
		}
		fl := wordKey(l.folded)
		if fl == "" || !strings.HasPrefix(ft+" ", fl+" ") {
			continue
		}
		if fl != ft && (l.words < minRepeatedWords || len(fl)*5 < len(ft)*2) {
			continue // too short a prefix to be sure it is the title
		}
		if l.text == title {
			l.removed = "repeats the title"
		} else if fl == ft || !hasAccents(l.text) && hasAccents(title) {
			l.removed = "repeats the title without its accents"
		} else {
			l.removed = "repeats the title, cut short"
		}
	}
}

// wordKey keeps only the words of a folded line, one space apart, so that
// quotes and punctuation do not hide a repeat.
func wordKey(folded string) string {
	return strings.Join(strings.FieldsFunc(folded, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

func hasAccents(s string) bool {
	for _, r := range s {
		if isLatinAccented(r) {
			return true
		}
	}
	return false
}

func isLatinAccented(r rune) bool {
	return r >= 0xC0 && r <= 0x24F && r != 0xD7 && r != 0xF7
}
