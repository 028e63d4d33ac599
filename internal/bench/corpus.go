// Package bench measures storyline at scale: it grows a corpus of any size
// from a gold seed corpus, runs the whole pipeline over it into the
// embedded store, and reports throughput per stage, placement latency,
// memory and store size against a reference measured in the same run.
package bench

import (
	"bufio"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/storyline/storyline/internal/dates"
	"github.com/storyline/storyline/internal/entities"
	"github.com/storyline/storyline/internal/eval"
)

// Record is one article of a scale corpus, in the JSONL form storyline
// ingests; Event is the seed's event label with the copy number, so a
// scale corpus can be scored too.
type Record struct {
	ID    string `json:"id"`
	URL   string `json:"url,omitempty"`
	Text  string `json:"text"`
	Event string `json:"event"`
}

// seedDoc is a seed article with what the variations need, found once.
type seedDoc struct {
	item  eval.Item
	names []span // entity mentions, in order
	dates []dateSpan
}

type span struct{ start, end int }

type dateSpan struct {
	start, end int
	t          time.Time
}

// Grow writes n articles built from the seed corpus to w as JSON Lines and
// returns how many distinct events they report. Copy k of the corpus (k =
// 0, 1, …) makes every seed event a new event: the names of people,
// places and organisations are replaced by names made up for that copy
// (consistently within it, so one person keeps one name), full dates move
// k weeks later, figures change, paragraphs after the first are shuffled,
// and ids and URLs get the copy number. So the number of events grows with
// n as in a real stream, and no two copies are near-duplicates.
func Grow(seed []eval.Item, n int, w io.Writer) (events int, err error) {
	if len(seed) == 0 {
		return 0, fmt.Errorf("empty seed corpus")
	}
	docs := make([]seedDoc, len(seed))
	for i, it := range seed {
		d := seedDoc{item: it}
		for _, m := range entities.Extract(it.Text, it.Lang) {
			d.names = append(d.names, span{m.Start, m.End})
		}
		for _, m := range dates.FindAll(it.Text, it.Lang) {
			d.dates = append(d.dates, dateSpan{m.Start, m.End, m.Time})
		}
		docs[i] = d
	}
	seen := map[string]bool{}
	bw := bufio.NewWriterSize(w, 1<<20)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := 0; i < n; i++ {
		k, d := i/len(docs), docs[i%len(docs)]
		rec := vary(d, k)
		if !seen[rec.Event] {
			seen[rec.Event] = true
			events++
		}
		if err := enc.Encode(rec); err != nil {
			return events, err
		}
	}
	return events, bw.Flush()
}

// vary makes copy k of one seed article. Copy 0 is the seed itself.
func vary(d seedDoc, k int) Record {
	it := d.item
	rec := Record{ID: it.ID, URL: it.URL, Text: it.Text, Event: it.Event}
	if k == 0 {
		return rec
	}
	suffix := "-" + strconv.Itoa(k)
	rec.ID += suffix
	rec.Event += suffix
	if rec.URL != "" {
		rec.URL += suffix
	}

	// Replace names and dates from the end, so offsets stay valid.
	type edit struct {
		start, end int
		text       string
	}
	var edits []edit
	for _, s := range d.names {
		edits = append(edits, edit{s.start, s.end, madeUpName(it.Text[s.start:s.end], k)})
	}
	for _, ds := range d.dates {
		shifted := ds.t.AddDate(0, 0, 7*k)
		edits = append(edits, edit{ds.start, ds.end, shifted.Format("January 2, 2006")})
	}
	// Apply the edits that do not overlap, in order; figures change only
	// between them (a moved date keeps its day).
	slices.SortStableFunc(edits, func(a, b edit) int { return a.start - b.start })
	var b strings.Builder
	at := 0
	for _, e := range edits {
		if e.start < at {
			continue
		}
		b.WriteString(changeFigures(it.Text[at:e.start], k))
		b.WriteString(e.text)
		at = e.end
	}
	b.WriteString(changeFigures(it.Text[at:], k))
	text := b.String()

	// Shuffle the paragraphs after the first (the headline and lead stay).
	paras := strings.Split(text, "\n")
	if len(paras) > 2 {
		r := rand.New(rand.NewPCG(uint64(k), hash64(it.ID)))
		rest := paras[1:]
		r.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
	}
	rec.Text = strings.Join(paras, "\n")
	return rec
}

// syllables make up names that read as names in most languages.
var syllables = []string{"ka", "lo", "mi", "ra", "ven", "dor", "sa", "tel", "bri", "no", "zan", "qui",
	"el", "mar", "tu", "gan", "ri", "bes", "ol", "wen", "fa", "dro", "li", "pas"}

// madeUpName replaces each capitalised word of a name by a word made up
// from the word and the copy number, so that "Sarah Palin" and "Palin"
// keep one surname within a copy.
func madeUpName(name string, k int) string {
	words := strings.Fields(name)
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			continue
		}
		h := hash64(strconv.Itoa(k) + "/" + w)
		var b strings.Builder
		for j := 0; j < 2+int(h%2); j++ {
			b.WriteString(syllables[(h>>(8*j+1))%uint64(len(syllables))])
		}
		made := []rune(b.String())
		made[0] = unicode.ToUpper(made[0])
		if strings.ToUpper(w) == w && len(w) > 1 {
			words[i] = strings.ToUpper(string(made)) // an acronym stays in capitals
		} else {
			words[i] = string(made)
		}
	}
	return strings.Join(words, " ")
}

// changeFigures adds k to every figure of one to three digits that stands
// alone (not a year, not part of a date already moved).
func changeFigures(text string, k int) string {
	var b strings.Builder
	b.Grow(len(text))
	for i := 0; i < len(text); {
		if text[i] < '0' || text[i] > '9' || (i > 0 && isAlnum(text[i-1])) {
			b.WriteByte(text[i])
			i++
			continue
		}
		j := i
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		if j-i <= 3 && (j == len(text) || !isAlnum(text[j])) {
			v, _ := strconv.Atoi(text[i:j])
			b.WriteString(strconv.Itoa(v + k%9 + 1))
		} else {
			b.WriteString(text[i:j])
		}
		i = j
	}
	return b.String()
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func hash64(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}
