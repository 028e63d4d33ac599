package clean

import (
	"fmt"
	"strings"
	"unicode"
)

// Recurrence limits. Furniture is short; prose that recurs is copied text.
const (
	maxRecurringWords = 20 // longer lines are never removed for recurring
	minCopyWords      = 12 // lines this long link pages as copies of each other
	maxCopyFanout     = 64 // a long line on more pages than this is not evidence of copying
	minGroupsLine     = 2  // copy groups a non-sentence line must recur in
	minGroupsSentence = 3  // copy groups a sentence must recur in
	minGroupsBanner   = 3  // copy groups of one site that make a top line its banner
)

// evidence is what the pages of one Clean call say about each other's lines.
//
// A line that recurs across pages is boilerplate only if the pages are not
// copies of one another: a republished wire story shares every line with
// its original. Pages that share long lines are joined into copy groups,
// and recurrence is counted in groups, not pages.
type evidence struct {
	pagesOf map[string][]int32 // folded short line → pages holding it
	group   []int32            // copy group of each page
	site    []string
}

func gatherEvidence(pages []Page, all [][]*line) *evidence {
	ev := &evidence{
		pagesOf: map[string][]int32{},
		group:   make([]int32, len(pages)),
		site:    make([]string, len(pages)),
	}
	for i := range ev.group {
		ev.group[i] = int32(i)
		ev.site[i] = pages[i].Site
	}
	if len(pages) < 2 {
		return ev
	}
	long := map[string][]int32{}
	longCount := make([]int, len(pages))
	sameText := map[string]int32{} // the same page given twice is one copy group
	for i, lines := range all {
		var whole strings.Builder
		for _, l := range lines {
			whole.WriteString(l.folded)
			whole.WriteByte('\n')
		}
		if j, ok := sameText[whole.String()]; ok {
			ev.union(j, int32(i))
		} else {
			sameText[whole.String()] = int32(i)
		}
		seen := map[string]bool{}
		for _, l := range lines {
			if !l.kept() || seen[l.folded] {
				continue
			}
			seen[l.folded] = true
			if l.words >= minCopyWords {
				long[l.folded] = append(long[l.folded], int32(i))
				longCount[i]++
			}
			if l.words <= maxRecurringWords && !looksLikeDateLine(l) {
				ev.pagesOf[l.folded] = append(ev.pagesOf[l.folded], int32(i))
			}
		}
	}
	// Count long lines shared by each pair of pages.
	shared := map[[2]int32]int{}
	for _, ps := range long {
		if len(ps) < 2 || len(ps) > maxCopyFanout {
			continue
		}
		for a := 0; a < len(ps); a++ {
			for b := a + 1; b < len(ps); b++ {
				shared[[2]int32{ps[a], ps[b]}]++
			}
		}
	}
	for pair, n := range shared {
		a, b := pair[0], pair[1]
		// Two shared paragraphs make copies; one does when a page has
		// hardly any other (a short wire item).
		if n >= 2 || min(longCount[a], longCount[b]) <= 2 {
			ev.union(a, b)
		}
	}
	for i := range ev.group {
		ev.group[i] = ev.find(int32(i))
	}
	return ev
}

func (ev *evidence) find(i int32) int32 {
	for ev.group[i] != i {
		ev.group[i] = ev.group[ev.group[i]]
		i = ev.group[i]
	}
	return i
}

func (ev *evidence) union(a, b int32) {
	ra, rb := ev.find(a), ev.find(b)
	if ra == rb {
		return
	}
	if ra > rb {
		ra, rb = rb, ra
	}
	ev.group[rb] = ra // the smaller index is root: independent of map order
}

// markRecurring removes the short lines of page that recur on other pages:
// on pages of the same site when the site is known, since a headline shared
// by two sites is the same story reported twice, not furniture; on any page
// when it is not.
func (ev *evidence) markRecurring(page int, site string, lines []*line, title *line) {
	for _, l := range lines {
		if !l.kept() || l == title || l.words > maxRecurringWords {
			continue
		}
		need := minGroupsLine
		if endsSentence(l.text) {
			// Pages from unknown sites share sentences when they report
			// one story ("He was 75."); only a site repeating its own
			// sentence on unrelated pages makes it furniture.
			if site == "" {
				continue
			}
			need = minGroupsSentence
		}
		groups, pages := ev.recurrence(l.folded, site)
		if groups < need {
			continue
		}
		if site != "" {
			l.removed = fmt.Sprintf("recurs on %d pages of %s", pages, site)
		} else {
			l.removed = fmt.Sprintf("recurs on %d pages of this run", pages)
		}
	}
}

// recurrence counts the copy groups and the pages holding a folded line,
// among the pages of site (all pages when site is "").
func (ev *evidence) recurrence(folded, site string) (groups, pages int) {
	ps := ev.pagesOf[folded]
	if len(ps) < 2 {
		return len(ps), len(ps)
	}
	seen := map[int32]bool{}
	for _, p := range ps {
		if site != "" && ev.site[p] != site {
			continue
		}
		pages++
		if !seen[ev.group[p]] {
			seen[ev.group[p]] = true
			groups++
		}
	}
	return groups, pages
}

// isBanner reports whether a line recurs on enough pages of a known site to
// be the site's banner rather than a page's headline.
func (ev *evidence) isBanner(l *line, site string) bool {
	if site == "" {
		return false
	}
	groups, _ := ev.recurrence(l.folded, site)
	return groups >= minGroupsBanner
}

// looksLikeDateLine spares datelines ("July 13, 2009") from recurrence: pages
// published on one day share them, and they carry the publication date.
func looksLikeDateLine(l *line) bool {
	if l.words > 8 {
		return false
	}
	run := 0
	for _, r := range l.text {
		if !unicode.IsDigit(r) {
			run = 0
			continue
		}
		if run++; run == 4 {
			return true // a year
		}
	}
	return false
}
