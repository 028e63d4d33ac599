package tell

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/storyline/storyline/internal/analysis"
	_ "github.com/storyline/storyline/internal/analysis/lang/all" // every language's stop words and stemmer
	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/dates"
	"github.com/storyline/storyline/internal/entities"
	"github.com/storyline/storyline/internal/sentences"
	"github.com/storyline/storyline/internal/story"
)

// Input is what an event's story is told from.
type Input struct {
	Event    story.Event
	Articles []*article.Article // the event's articles, as stored (any order)
	CopyOf   map[string]string  // article id → the earlier article it is a near-copy of
}

// Options choose how a story is told.
type Options struct {
	// Lang is the language the reader wants the headline and summary in;
	// it is used when the story has articles in it, else the story's
	// dominant language is.
	Lang string
}

// Limits of what a story shows.
const (
	summaryMax      = 5
	summaryMin      = 3
	timelineMax     = 12
	entitiesMax     = 15
	factsMax        = 8
	disputesMax     = 5
	sentenceMinWord = 6
	sentenceMaxWord = 60
)

// told is one article as the teller reads it.
type told struct {
	a         *article.Article
	source    string // independent source: the site, or the article itself when the site is unknown
	copy      bool
	sentences []sentence
}

// sentence is one sentence of an article with what the teller found in it.
type sentence struct {
	text    string
	art     int // index in the story's articles
	pos     int // position in its article
	terms   map[string]float64
	days    []time.Time // days it mentions, resolved
	months  []time.Time // months it mentions (no day)
	numbers []number
	places  []string // place keys
	// settings are the places named as where something happens ("à
	// Sotchi"), with their names as written.
	settings     []string
	settingNames []string
	ents         []string // entity keys
	quote        string   // a quotation of three words or more, folded
	score        float64  // centrality
	usable       bool     // a whole sentence of prose, fit for a summary
	// dateline: the sentence is little more than its dates ("November
	// 20, 2012"), a page's dateline that tells nothing of the day.
	dateline bool
}

// Event tells the story of one event.
func Event(in Input, opt Options) Story {
	arts := slices.Clone(in.Articles)
	order := map[string]int{}
	for i, id := range in.Event.Articles {
		order[id] = i
	}
	slices.SortStableFunc(arts, func(a, b *article.Article) int { return cmp.Compare(order[a.ID], order[b.ID]) })

	s := Story{
		Kind:      "event",
		ID:        in.Event.ID,
		Storyline: in.Event.Storyline,
		Languages: in.Event.Languages,
		First:     in.Event.First,
		Last:      in.Event.Last,
	}
	s.Lang = chooseLang(arts, opt.Lang)

	ts := make([]*told, len(arts))
	for i, a := range arts {
		t := &told{a: a, source: a.Site, copy: in.CopyOf[a.ID] != ""}
		if t.source == "" {
			t.source = "article:" + a.ID
		}
		ts[i] = t
		s.Articles = append(s.Articles, Article{ID: a.ID, Title: a.Title, URL: a.URL, Site: a.Site, Lang: a.Lang,
			Published: a.Published.Time, Precision: a.Published.Precision, CopyOf: in.CopyOf[a.ID]})
	}
	readSentences(ts)
	idf := sentenceIDF(ts)
	centrality(ts, s.Lang, idf)

	s.Headline = headline(in.Event.Headline, ts, s.Lang, idf)
	s.Summary = summary(ts, s.Lang, idf)
	s.Timeline = timeline(ts, s.Lang)
	s.Entities = storyEntities(ts)
	s.Sources = sources(ts)
	s.Facts, s.Disputes = corroborate(ts, idf)
	s.emptyNotNull()
	return s
}

// emptyNotNull makes empty lists encode as [] rather than null, so a
// program reading the JSON can range over every list.
func (s *Story) emptyNotNull() {
	if s.Summary == nil {
		s.Summary = []Sentence{}
	}
	if s.Timeline == nil {
		s.Timeline = []Moment{}
	}
	if s.Entities == nil {
		s.Entities = []Entity{}
	}
	if s.Sources == nil {
		s.Sources = []Source{}
	}
	if s.Facts == nil {
		s.Facts = []Fact{}
	}
	if s.Disputes == nil {
		s.Disputes = []Dispute{}
	}
	if s.Articles == nil {
		s.Articles = []Article{}
	}
	if s.Languages == nil {
		s.Languages = []string{}
	}
}

// chooseLang is the reader's language when some article is in it, else
// the language most articles are in (the earliest such on a tie).
func chooseLang(arts []*article.Article, want string) string {
	count := map[string]int{}
	best := ""
	for _, a := range arts {
		if a.Lang == "" {
			continue
		}
		count[a.Lang]++
		if best == "" || count[a.Lang] > count[best] {
			best = a.Lang
		}
	}
	if want != "" && count[want] > 0 {
		return want
	}
	return best
}

// readSentences splits every article and reads the dates, numbers, places,
// names and quotes of each sentence.
func readSentences(ts []*told) {
	for ai, t := range ts {
		a := t.a
		an := analysis.For(a.Lang)
		resolved := resolveDates(a)
		ments := entities.Extract(a.Text, a.Lang)
		for pos, sp := range sentences.Split(a.Text) {
			text := a.Text[sp.Start:sp.End]
			se := sentence{text: text, art: ai, pos: pos, terms: map[string]float64{}}
			for _, term := range an.Terms(text) {
				se.terms[term]++
			}
			var dateSpans [][2]int
			for _, r := range resolved {
				if r.Start < sp.Start || r.End > sp.End {
					continue
				}
				dateSpans = append(dateSpans, [2]int{r.Start - sp.Start, r.End - sp.Start})
				if r.Precision == article.PrecisionDay {
					se.days = appendUnique(se.days, r.Time)
				} else {
					se.months = appendUnique(se.months, r.Time)
				}
			}
			for _, m := range ments {
				if m.Start < sp.Start || m.End > sp.End || m.Key == "" {
					continue
				}
				key := entityKey(m)
				se.ents = appendUniqueString(se.ents, key)
				if m.Kind == entities.Place {
					se.places = appendUniqueString(se.places, key)
					if isSetting(a.Text, m.Start) && !slices.Contains(se.settings, key) {
						se.settings = append(se.settings, key)
						se.settingNames = append(se.settingNames, m.Text)
					}
				}
			}
			se.numbers = findNumbers(text, dateSpans, an)
			rest := text
			for i := len(dateSpans) - 1; i >= 0; i-- {
				rest = rest[:dateSpans[i][0]] + " " + rest[dateSpans[i][1]:]
			}
			se.dateline = len(dateSpans) > 0 && wordsOfLetters(rest) < 4
			se.quote = findQuote(text)
			se.usable = usable(text)
			t.sentences = append(t.sentences, se)
		}
	}
}

// resolveDates reads the dates an article mentions against its publication
// date. Against a month, or a date inferred from the text itself, a bare
// weekday ("lundi") could be any of several days and is left out.
func resolveDates(a *article.Article) []dates.Resolved {
	ref := time.Time{}
	if a.Published.Known() && a.Published.Precision != article.PrecisionYear {
		ref = a.Published.Time
	}
	loose := a.Published.Precision == article.PrecisionMonth || a.Published.From == "text"
	var out []dates.Resolved
	for _, r := range dates.Resolve(a.Text, a.Lang, ref) {
		if loose && r.Relative && !strings.ContainsAny(a.Text[r.Start:r.End], "0123456789") {
			continue
		}
		out = append(out, r)
	}
	return out
}

// entityKey is the key a name counts under: a person's surname, since an
// article names a person in full once and by surname after.
func entityKey(m entities.Mention) string {
	if m.Kind == entities.Person {
		if k := entities.SurnameKey(m.Key); k != "" {
			return k
		}
	}
	return m.Key
}

// usable reports a sentence fit to quote in a summary: prose of a sensible
// length that ends as a sentence does, with no link or handle in it.
func usable(text string) bool {
	words := len(strings.Fields(text))
	if words < sentenceMinWord || words > sentenceMaxWord {
		return false
	}
	if strings.Contains(text, "://") || strings.Contains(text, "www.") || strings.Contains(text, "pic.twitter") || strings.ContainsAny(text, "@#") {
		return false
	}
	trimmed := strings.TrimRight(text, sentences.Closers)
	if !strings.HasSuffix(trimmed, ".") && !strings.HasSuffix(trimmed, "!") && !strings.HasSuffix(trimmed, "?") && !strings.HasSuffix(trimmed, "…") {
		return false
	}
	if strings.HasSuffix(trimmed, "...") || strings.HasSuffix(trimmed, "…") {
		return false // cut short by the page
	}
	first := []rune(strings.TrimLeft(text, "\"'“«‘(— -"))
	if len(first) == 0 || unicode.IsLower(first[0]) {
		return false // a fragment
	}
	letters, upper := 0, 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters > 0 && upper*2 < letters
}

// sentenceIDF weighs terms by rarity across the story's sentences.
func sentenceIDF(ts []*told) map[string]float64 {
	df := map[string]int{}
	n := 0
	for _, t := range ts {
		if t.copy {
			continue
		}
		for _, se := range t.sentences {
			n++
			for term := range se.terms {
				df[term]++
			}
		}
	}
	idf := make(map[string]float64, len(df))
	for term, f := range df {
		idf[term] = math.Log(float64(n+1)/float64(f)) + 1
	}
	return idf
}

// centrality scores each sentence by its cosine with the story's centroid
// in its language (the sum of its articles' term vectors, copies left out),
// raised for the lead, where a report says what happened.
func centrality(ts []*told, lang string, idf map[string]float64) {
	centroids := map[string]map[string]float64{}
	for _, t := range ts {
		if t.copy {
			continue
		}
		c := centroids[t.a.Lang]
		if c == nil {
			c = map[string]float64{}
			centroids[t.a.Lang] = c
		}
		for _, se := range t.sentences {
			for term, w := range se.terms {
				c[term] += w
			}
		}
	}
	for _, t := range ts {
		c := centroids[t.a.Lang]
		for i := range t.sentences {
			se := &t.sentences[i]
			se.score = cosine(se.terms, c, idf)
			switch se.pos {
			case 0:
				se.score *= 1.3
			case 1:
				se.score *= 1.15
			}
		}
	}
}

// headline keeps the detector's headline (the title of the article most
// central to the event) when it is in the story's language and reads as a
// headline; otherwise it takes the most central, informative title in that
// language.
func headline(given string, ts []*told, lang string, idf map[string]float64) string {
	best, bestScore := "", -1.0
	centroid := map[string]float64{}
	for _, t := range ts {
		if t.copy || t.a.Lang != lang {
			continue
		}
		for _, se := range t.sentences {
			for term, w := range se.terms {
				centroid[term] += w
			}
		}
	}
	for _, t := range ts {
		title := strings.TrimSpace(t.a.Title)
		if title == "" || t.a.Lang != lang {
			continue
		}
		if title == given && story.HeadlineQuality(title) >= 1 {
			return given
		}
		terms := map[string]float64{}
		for _, term := range analysis.For(t.a.Lang).Terms(title) {
			terms[term]++
		}
		if sc := cosine(terms, centroid, idf) * story.HeadlineQuality(title); sc > bestScore+1e-9 { // within rounding, the earlier title
			best, bestScore = title, sc
		}
	}
	if best == "" {
		return given
	}
	return best
}

// summary picks 3 to 5 central sentences in the story's language, most
// central first, leaving out any that repeats one already taken.
func summary(ts []*told, lang string, idf map[string]float64) []Sentence {
	var cands []*sentence
	for _, t := range ts {
		if t.copy || t.a.Lang != lang {
			continue
		}
		for i := range t.sentences {
			if t.sentences[i].usable {
				cands = append(cands, &t.sentences[i])
			}
		}
	}
	if len(cands) == 0 {
		// A story of short items (a wire brief, a caption) still gets a
		// summary: its lead sentences, whole as the page gives them.
		for _, t := range ts {
			if !t.copy && t.a.Lang == lang {
				for i := range t.sentences {
					if len(strings.Fields(t.sentences[i].text)) >= 3 {
						cands = append(cands, &t.sentences[i])
					}
				}
			}
		}
	}
	slices.SortStableFunc(cands, func(a, b *sentence) int { return cmp.Compare(b.score, a.score) })
	var chosen []*sentence
	for _, c := range cands {
		if len(chosen) >= summaryMax {
			break
		}
		if len(chosen) >= summaryMin && c.score < 0.5*chosen[0].score {
			break
		}
		if slices.ContainsFunc(chosen, func(o *sentence) bool { return redundant(c, o, idf) }) {
			continue
		}
		chosen = append(chosen, c)
	}
	out := make([]Sentence, 0, len(chosen))
	for _, c := range chosen {
		out = append(out, quoteOf(ts, c))
	}
	return out
}

// redundant reports two sentences that say the same thing: many of their
// words, or of their rare words, in common. Two reports of one fact in
// other words ("the Indian navy captured 23 pirates" and "the Indian Navy
// took 23 pirates into custody") share about half their words.
func redundant(a, b *sentence, idf map[string]float64) bool {
	both := 0
	for t := range a.terms {
		if _, ok := b.terms[t]; ok {
			both++
		}
	}
	union := len(a.terms) + len(b.terms) - both
	return cosine(a.terms, b.terms, idf) >= 0.4 || union > 0 && float64(both) >= 0.35*float64(union)
}

func quoteOf(ts []*told, se *sentence) Sentence {
	a := ts[se.art].a
	return Sentence{Text: se.text, Article: a.ID, Site: a.Site}
}

// timeline places the days (and months) the articles mention, each with
// the most central sentence that states it, keeping the dates most sources
// mention when there are many.
func timeline(ts []*told, lang string) []Moment {
	type at struct {
		date      time.Time
		precision article.Precision
	}
	type entry struct {
		best    *sentence
		sources map[string]bool
	}
	byDate := map[at]*entry{}
	var keys []at
	for _, t := range ts {
		if t.copy {
			continue
		}
		for i := range t.sentences {
			se := &t.sentences[i]
			if se.dateline {
				continue
			}
			add := func(d time.Time, p article.Precision) {
				k := at{d, p}
				e := byDate[k]
				if e == nil {
					e = &entry{sources: map[string]bool{}}
					byDate[k] = e
					keys = append(keys, k)
				}
				e.sources[t.source] = true
				if e.best == nil || better(se, e.best, ts, lang) {
					e.best = se
				}
			}
			for _, d := range se.days {
				add(d, article.PrecisionDay)
			}
			for _, m := range se.months {
				add(m, article.PrecisionMonth)
			}
		}
	}
	// A month is shown only when no day of it is.
	days := map[time.Time]bool{}
	for _, k := range keys {
		if k.precision == article.PrecisionDay {
			days[time.Date(k.date.Year(), k.date.Month(), 1, 0, 0, 0, 0, time.UTC)] = true
		}
	}
	keys = slices.DeleteFunc(keys, func(k at) bool { return k.precision == article.PrecisionMonth && days[k.date] })
	slices.SortStableFunc(keys, func(a, b at) int {
		if c := cmp.Compare(len(byDate[b].sources), len(byDate[a].sources)); c != 0 {
			return c
		}
		return cmp.Compare(byDate[b].best.score, byDate[a].best.score)
	})
	if len(keys) > timelineMax {
		keys = keys[:timelineMax]
	}
	slices.SortStableFunc(keys, func(a, b at) int { return a.date.Compare(b.date) })
	out := make([]Moment, 0, len(keys))
	for _, k := range keys {
		e := byDate[k]
		a := ts[e.best.art].a
		out = append(out, Moment{Date: k.date, Precision: k.precision, Text: e.best.text, Article: a.ID, Sources: len(e.sources)})
	}
	return out
}

// better prefers a sentence in the story's language, then a whole one,
// then one that dates fewer things (it is about that day), then the more
// central.
func better(a, b *sentence, ts []*told, lang string) bool {
	al, bl := ts[a.art].a.Lang == lang, ts[b.art].a.Lang == lang
	if al != bl {
		return al
	}
	if a.usable != b.usable {
		return a.usable
	}
	if na, nb := len(a.days)+len(a.months), len(b.days)+len(b.months); na != nb {
		return na < nb
	}
	return a.score > b.score
}

// storyEntities ranks the story's names by how many articles name them,
// then how often, each with the spellings met.
func storyEntities(ts []*told) []Entity {
	type acc struct {
		kind     entities.Kind
		mentions int
		articles map[int]bool
		forms    map[string]int
		order    []string
	}
	byKey := map[string]*acc{}
	var keys []string
	for ai, t := range ts {
		if t.copy {
			continue
		}
		text := t.a.Title + "\n" + t.a.Text
		for _, m := range entities.Extract(text, t.a.Lang) {
			if m.Key == "" {
				continue
			}
			key := entityKey(m)
			e := byKey[key]
			if e == nil {
				e = &acc{articles: map[int]bool{}, forms: map[string]int{}}
				byKey[key] = e
				keys = append(keys, key)
			}
			if e.kind == "" || e.kind == entities.Other {
				e.kind = m.Kind
			}
			e.mentions++
			e.articles[ai] = true
			if e.forms[m.Text] == 0 {
				e.order = append(e.order, m.Text)
			}
			e.forms[m.Text]++
		}
	}
	weight := func(k string) float64 {
		e := byKey[k]
		return float64(len(e.articles)) * (1 + math.Log(float64(e.mentions)))
	}
	slices.SortStableFunc(keys, func(a, b string) int { return cmp.Compare(weight(b), weight(a)) })
	var out []Entity
	for _, k := range keys {
		if len(out) >= entitiesMax {
			break
		}
		e := byKey[k]
		if e.mentions < 2 && len(out) >= entitiesMax*2/3 {
			continue // named once in passing, and the list is long enough
		}
		name := ""
		for _, f := range e.order {
			if name == "" || e.forms[f] > e.forms[name] {
				name = f
			}
		}
		var variants []string
		for _, f := range e.order {
			if f != name && !slices.ContainsFunc(variants, func(v string) bool { return strings.EqualFold(v, f) }) && !strings.EqualFold(f, name) {
				variants = append(variants, f)
			}
		}
		out = append(out, Entity{Key: k, Name: name, Kind: string(e.kind), Mentions: e.mentions, Articles: len(e.articles), Variants: variants})
	}
	return out
}

// sources groups the articles by site, each with the earliest publication
// it is known for and how many of its articles are copies.
func sources(ts []*told) []Source {
	bySite := map[string]*Source{}
	var order []string
	for _, t := range ts {
		s := bySite[t.source]
		if s == nil {
			s = &Source{Site: t.a.Site}
			bySite[t.source] = s
			order = append(order, t.source)
		}
		s.Articles = append(s.Articles, t.a.ID)
		if t.copy {
			s.Copies++
		}
		if p := t.a.Published; p.Known() && (s.FirstSeen.IsZero() || p.Time.Before(s.FirstSeen)) {
			s.FirstSeen = p.Time
		}
	}
	out := make([]Source, 0, len(order))
	for _, k := range order {
		out = append(out, *bySite[k])
	}
	slices.SortStableFunc(out, func(a, b Source) int {
		switch {
		case a.FirstSeen.IsZero() && b.FirstSeen.IsZero():
			return 0
		case a.FirstSeen.IsZero():
			return 1
		case b.FirstSeen.IsZero():
			return -1
		}
		return a.FirstSeen.Compare(b.FirstSeen)
	})
	return out
}

// cosine is the IDF-weighted cosine of two term vectors.
func cosine(a, b map[string]float64, idf map[string]float64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	var dot, na, nb float64
	for k, wa := range a {
		i := idf[k]
		na += wa * i * wa * i
		if wb, ok := b[k]; ok {
			dot += wa * wb * i * i
		}
	}
	for k, wb := range b {
		i := idf[k]
		nb += wb * i * wb * i
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}

func appendUnique(list []time.Time, t time.Time) []time.Time {
	if slices.ContainsFunc(list, t.Equal) {
		return list
	}
	return append(list, t)
}

func appendUniqueString(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// wordsOfLetters counts the words of two letters or more: "10: 55 P. M."
// has none.
func wordsOfLetters(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		letters := 0
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		if letters >= 2 {
			n++
		}
	}
	return n
}
