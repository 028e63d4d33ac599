package language

import (
	"strings"
	"sync"
	"unicode"

	"github.com/storyline/storyline/internal/analysis"
	_ "github.com/storyline/storyline/internal/analysis/lang/all" // the stop words of every language
	"github.com/storyline/storyline/internal/fold"
)

// Articles are long enough that their function words give their language
// away: "the", "of", "and" against "le", "de", "et". Counting them is a
// map lookup a word, where whatlanggo's trigram model costs about 0.8 ms an
// article, the largest cost of ingestion. The count decides when it is
// clear (enough function words, one language well ahead); whatlanggo
// decides the rest: short texts, close calls, scripts without stop lists.

// voters are the languages whose stop words vote, with the code whatlanggo
// gives them (Norwegian stop words are registered as "no"; whatlanggo says
// "nb").
var voters = map[string]string{
	"da": "da", "de": "de", "en": "en", "es": "es", "fi": "fi", "fr": "fr", "hu": "hu", "it": "it",
	"nl": "nl", "no": "nb", "pl": "pl", "pt": "pt", "ro": "ro", "ru": "ru", "sv": "sv", "tr": "tr",
}

// Thresholds of a clear count.
const (
	minVotes    = 8   // function words of the winning language
	clearMargin = 2.0 // how far ahead of the runner-up it must be
)

var (
	votesOnce sync.Once
	voteLangs []string          // index → code
	voteOf    map[string]uint32 // folded stop word → bit set of voteLangs
)

func loadVotes() {
	voteOf = map[string]uint32{}
	for code := range voters {
		voteLangs = append(voteLangs, code)
	}
	// Sorted, so that bit positions and ties do not depend on map order.
	for i := 1; i < len(voteLangs); i++ {
		for j := i; j > 0 && voteLangs[j] < voteLangs[j-1]; j-- {
			voteLangs[j], voteLangs[j-1] = voteLangs[j-1], voteLangs[j]
		}
	}
	for i, code := range voteLangs {
		for _, w := range analysis.StopWords(code) {
			voteOf[w] |= 1 << i
		}
	}
}

// byStopWords returns the language whose stop words the sample is full of,
// with a confidence, or "" when the count is not clear. A word shared by
// several languages gives each a share of one vote.
func byStopWords(sample string) (string, float64) {
	votesOnce.Do(loadVotes)
	var score [32]float64
	var buf []byte
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		word := sample[start:end]
		start = -1
		if len(word) > 12 {
			return // no stop word is that long
		}
		buf = append(buf[:0], strings.ToLower(word)...)
		set, ok := voteOf[string(buf)]
		if !ok {
			set, ok = voteOf[fold.String(string(buf))]
		}
		if !ok {
			return
		}
		n := 0
		for s := set; s != 0; s &= s - 1 {
			n++
		}
		share := 1 / float64(n)
		for i := range voteLangs {
			if set&(1<<i) != 0 {
				score[i] += share
			}
		}
	}
	for i, r := range sample {
		if unicode.IsLetter(r) || r == '\'' && start >= 0 {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(sample))
	best, second := -1, -1
	for i := range voteLangs {
		switch {
		case best < 0 || score[i] > score[best]:
			best, second = i, best
		case second < 0 || score[i] > score[second]:
			second = i
		}
	}
	if best < 0 || score[best] < minVotes || (second >= 0 && score[best] < clearMargin*score[second]) {
		return "", 0
	}
	conf := 1.0
	if second >= 0 {
		conf = 1 - score[second]/score[best]
	}
	return voters[voteLangs[best]], conf
}
