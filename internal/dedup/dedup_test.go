package dedup

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/storyline/storyline/internal/fold"
)

// ecbDoc is one article of ECB+ with its gold event.
type ecbDoc struct {
	ID, Event, Topic, Text string
}

// loadECB reads the ECB+ articles, or skips the test when they are absent.
func loadECB(tb testing.TB) []ecbDoc {
	tb.Helper()
	return loadCorpus(tb, "ecbplus")
}

// loadCorpus reads ../../../shared/data/name.jsonl, or skips the test when it
// is absent.
func loadCorpus(tb testing.TB, name string) []ecbDoc {
	tb.Helper()
	f, err := os.Open("../../../shared/data/" + name + ".jsonl")
	if err != nil {
		tb.Skipf("corpus %s not available: %v", name, err)
	}
	defer f.Close()
	var docs []ecbDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var d ecbDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			tb.Fatalf("%s.jsonl line %d: %v", name, len(docs)+1, err)
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return docs
}

// words splits text into folded words as Sign does, by the plain route.
func words(text string) []string {
	return strings.FieldsFunc(fold.String(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
}

func wordCount(text string) int { return len(words(text)) }

// runs returns the set of runs of n consecutive words of text.
func runs(text string, n int) map[string]bool {
	w := words(text)
	m := map[string]bool{}
	for i := 0; i+n <= len(w); i++ {
		m[strings.Join(w[i:i+n], " ")] = true
	}
	return m
}

// jaccard is the exact Jaccard similarity of two sets.
func jaccard(a, b map[string]bool) float64 {
	inter := 0
	for s := range a {
		if b[s] {
			inter++
		}
	}
	if u := len(a) + len(b) - inter; u > 0 {
		return float64(inter) / float64(u)
	}
	return 0
}

// verbatimShare is the share of the 8-word runs of the shorter text that occur
// in the longer one: near 1 when one text copies the other, near 0 for texts
// written independently. It is computed exactly, independently of Sign, and
// serves as the judge of "copy" in these tests.
func verbatimShare(a, b string) float64 {
	ra, rb := runs(a, 8), runs(b, 8)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	if len(ra) == 0 {
		return 0
	}
	n := 0
	for r := range ra {
		if rb[r] {
			n++
		}
	}
	return float64(n) / float64(len(ra))
}

// edit makes the kind of copy a site makes of a wire story: another
// headline, one sentence dropped from the middle, one sentence added after
// the lead, a number changed.
func edit(text, headline, extra string) string {
	lines := strings.Split(text, "\n")
	lines[0] = headline
	if len(lines) > 3 {
		mid := len(lines) / 2
		if rest := sentences(lines[mid])[1:]; len(rest) > 0 {
			lines[mid] = strings.Join(rest, " ")
		} else {
			lines = append(lines[:mid:mid], lines[mid+1:]...)
		}
	}
	at := min(2, len(lines))
	lines = append(lines[:at:at], append([]string{extra}, lines[at:]...)...)
	out := strings.Join(lines, "\n")
	for i := len(headline); i < len(out); i++ {
		if c := out[i]; '0' <= c && c <= '9' {
			return out[:i] + string('0'+(c-'0'+1)%10) + out[i+1:]
		}
	}
	return out
}

// sentences splits a paragraph after each ". " that precedes a capital.
func sentences(p string) []string {
	var out []string
	for {
		i := strings.Index(p, ". ")
		for i >= 0 && (i+2 >= len(p) || !unicode.IsUpper(rune(p[i+2]))) {
			j := strings.Index(p[i+2:], ". ")
			if j < 0 {
				i = -1
				break
			}
			i += 2 + j
		}
		if i < 0 {
			return append(out, p)
		}
		out = append(out, p[:i+1])
		p = p[i+2:]
	}
}

// republish returns an edited copy of docs[i], with its headline and extra
// sentence taken from an article on another topic.
func republish(docs []ecbDoc, i int) string {
	other := docs[(i+len(docs)/2)%len(docs)]
	lines := strings.Split(other.Text, "\n")
	return edit(docs[i].Text, lines[0], sentences(lines[min(2, len(lines)-1)])[0])
}

// TestNearCopyFound republishes every ECB+ article with the edits of edit
// and checks that the Index finds the original. Those edits replace some 60
// to 100 shingles whatever the article's length, so they are small only in
// articles of usual length (the median ECB+ article has about 250 words):
// every article of 250 words or more must be found, and 95% of those of 150
// to 249 words. Shorter texts are covered by TestShortText.
func TestNearCopyFound(t *testing.T) {
	docs := loadECB(t)
	type tally struct{ tried, found int }
	var long, medium tally
	lowest := 1.0
	for i, d := range docs {
		words := wordCount(d.Text)
		if words < 150 {
			continue
		}
		ix := NewIndex()
		ix.Add(d.ID, Sign(d.Text))
		orig, sim := ix.Add("copy", Sign(republish(docs, i)))
		ok := orig == d.ID
		if ok {
			lowest = min(lowest, sim)
		}
		tl := &medium
		if words >= 250 {
			tl = &long
			if !ok {
				t.Errorf("edited copy of %s (%d words) not found", d.ID, words)
			}
		}
		tl.tried++
		if ok {
			tl.found++
		}
	}
	t.Logf("edited copies found: %d of %d articles of ≥250 words, %d of %d of 150–249 words; lowest similarity found %.2f",
		long.found, long.tried, medium.found, medium.tried, lowest)
	if medium.found < medium.tried*95/100 {
		t.Errorf("found %d of %d edited copies of 150–249 words, want ≥95%%", medium.found, medium.tried)
	}
}

// TestExactCopy checks that a copy differing only in case, accents, spacing
// and punctuation has similarity 1 and is found.
func TestExactCopy(t *testing.T) {
	docs := loadECB(t)
	text := docs[0].Text
	copied := strings.ToUpper(strings.NewReplacer("e", "é", ",", " ,", "'", "’", "\n", "\n\n  ").Replace(text))
	a, b := Sign(text), Sign(copied)
	if a != b {
		t.Errorf("signatures of the same folded words differ")
	}
	if s := a.Similarity(b); s != 1 {
		t.Errorf("Similarity = %v, want 1", s)
	}
	ix := NewIndex()
	ix.Add(docs[0].ID, a)
	ix.Add(docs[1].ID, Sign(docs[1].Text))
	if orig, sim := ix.Add("copy", b); orig != docs[0].ID || sim != 1 {
		t.Errorf("Add(copy) = %q, %v; want %q, 1", orig, sim, docs[0].ID)
	}
}

// TestUnrelated checks that no two ECB+ articles on different topics reach
// Threshold.
func TestUnrelated(t *testing.T) {
	docs := loadECB(t)
	sigs := make([]Signature, len(docs))
	for i, d := range docs {
		sigs[i] = Sign(d.Text)
	}
	highest, pairs := 0.0, 0
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			if docs[i].Topic == docs[j].Topic {
				continue
			}
			pairs++
			s := sigs[i].Similarity(sigs[j])
			highest = max(highest, s)
			if s >= Threshold {
				t.Errorf("%s and %s are on different topics but have similarity %.2f", docs[i].ID, docs[j].ID, s)
			}
		}
	}
	t.Logf("%d pairs on different topics; highest similarity %.3f", pairs, highest)
}

// TestShortText pins down how one-sentence texts behave. A sentence of n ≥ 5
// words has n-4 shingles and changing one word in its middle replaces five
// of them, so the similarity is about (n-9)/(n+1): a sentence of 20 words
// with one word changed is still a copy (0.52), one of 12 words is not
// (0.23). Texts of fewer than five words are a single shingle and are
// copies only of the same words; a text without words is never a copy.
func TestShortText(t *testing.T) {
	docs := loadECB(t)
	type sentence struct {
		text, topic string
		sig         Signature
	}
	var sents []sentence // the first sentence of the body of each article
	for _, d := range docs {
		lines := strings.Split(d.Text, "\n")
		if len(lines) > 2 {
			text := sentences(lines[2])[0]
			sents = append(sents, sentence{text, d.Topic, Sign(text)})
		}
	}

	changed, tried := 0, 0
	for _, s := range sents {
		w := strings.Fields(s.text)
		if len(w) < 20 || len(w) > 40 {
			continue
		}
		w[len(w)/2] = "whatever"
		tried++
		if s.sig.Similarity(Sign(strings.Join(w, " "))) >= Threshold {
			changed++
		}
	}
	t.Logf("sentences of 20–40 words with one word changed: %d of %d still copies", changed, tried)
	if changed < tried*9/10 {
		t.Errorf("only %d of %d sentences with one word changed are copies, want ≥90%%", changed, tried)
	}

	for i, a := range sents {
		for _, b := range sents[i+1:] {
			if s := a.sig.Similarity(b.sig); a.topic != b.topic && s >= Threshold {
				t.Errorf("sentences on different topics have similarity %.2f:\n%s\n%s", s, a.text, b.text)
			}
		}
	}

	tests := []struct {
		a, b string
		want float64
	}{
		{"Hugh Jackman to host Oscars", "HUGH JACKMAN TO HOST OSCARS!", 1},
		{"Jackman to host", "Jackman to host", 1},
		{"Jackman to host", "Jackman will host", 0},
		{"Jackman to host", "Hugh Jackman to host the Oscars", 0}, // containment is not similarity
		{"", "", 0},
		{"…", "— ", 0},
	}
	for _, tt := range tests {
		if got := Sign(tt.a).Similarity(Sign(tt.b)); got != tt.want {
			t.Errorf("Similarity(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
	ix := NewIndex()
	ix.Add("empty", Sign(""))
	if orig, _ := ix.Add("empty again", Sign("  ")); orig != "" {
		t.Errorf("a text without words was reported as a copy of %q", orig)
	}
}

// TestManyCopies adds one wire story and then hundreds of copies of it, many
// more than bucketCap, each with another headline and added sentence: every
// copy must still be reported as a copy of the first, since buckets keep
// their earliest documents.
func TestManyCopies(t *testing.T) {
	docs := loadECB(t)
	var d ecbDoc
	for _, d = range docs {
		if wordCount(d.Text) >= 300 {
			break
		}
	}
	ix := NewIndex()
	ix.Add(d.ID, Sign(d.Text))
	for i := range 10 * bucketCap {
		other := strings.Split(docs[i].Text, "\n")
		copied := edit(d.Text, other[0], other[len(other)-1])
		if orig, _ := ix.Add(fmt.Sprint("copy", i), Sign(copied)); orig != d.ID {
			t.Fatalf("copy %d reported as a copy of %q, want %q", i, orig, d.ID)
		}
	}
}

// TestDeterministic checks that the same Adds in the same order give the
// same answers.
func TestDeterministic(t *testing.T) {
	docs := loadECB(t)
	run := func() []string {
		ix := NewIndex()
		var out []string
		for i, d := range docs {
			orig, sim := ix.Add(d.ID, Sign(d.Text))
			out = append(out, fmt.Sprint(orig, sim))
			if i%7 == 0 { // and a copy now and then
				orig, sim = ix.Add(d.ID+"/copy", Sign(republish(docs, i)))
				out = append(out, fmt.Sprint(orig, sim))
			}
		}
		return out
	}
	a, b := run(), run()
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("answer %d differs between runs: %q, %q", i, a[i], b[i])
		}
	}
}

func TestMarshalBinary(t *testing.T) {
	s := Sign("Wladimir Klitschko stopped Tony Thompson in the sixth round to retain his heavyweight titles.")
	b, err := s.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var got Signature
	if err := got.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	if got != s {
		t.Errorf("round trip changed the signature")
	}
	b[0]++
	if err := got.UnmarshalBinary(b); err == nil {
		t.Errorf("UnmarshalBinary accepted another version")
	}
	if err := got.UnmarshalBinary(b[:10]); err == nil {
		t.Errorf("UnmarshalBinary accepted a short input")
	}
}

// TestPrecision adds all of ECB+, then all of the multilingual corpus (page
// openings with their boilerplate), to an Index in file order. Every
// document it reports as a copy must report the same gold event, and must be
// a copy by an independent judge: verbatimShare at least 30% (the pairs
// flagged share 45% to 100% of their 8-word runs; a spelling or a currency
// changed in every sentence breaks many runs). The Index must also give the
// answer that comparing all pairs of signatures gives.
func TestPrecision(t *testing.T) {
	for _, corpus := range []string{"ecbplus", "multilingual"} {
		t.Run(corpus, func(t *testing.T) {
			docs := loadCorpus(t, corpus)
			sigs := make([]Signature, len(docs))
			pos := map[string]int{}
			for i, d := range docs {
				sigs[i] = Sign(d.Text)
				pos[d.ID] = i
			}

			ix := NewIndex()
			flagged, sameEvent := 0, 0
			for i, d := range docs {
				orig, sim := ix.Add(d.ID, sigs[i])
				want := "" // the earliest document at or above Threshold
				for j := range i {
					if sigs[j].Similarity(sigs[i]) >= Threshold {
						want = docs[j].ID
						break
					}
				}
				if orig != want {
					t.Errorf("%s: Index says %q, all-pairs comparison says %q", d.ID, orig, want)
				}
				if orig == "" {
					continue
				}
				flagged++
				o := docs[pos[orig]]
				if o.Event == d.Event {
					sameEvent++
				} else {
					t.Errorf("%s (event %s) flagged as copy of %s (event %s), similarity %.2f", d.ID, d.Event, o.ID, o.Event, sim)
				}
				if v := verbatimShare(o.Text, d.Text); v < 0.3 {
					t.Errorf("%s flagged as copy of %s (similarity %.2f) but shares only %.0f%% of its 8-word runs", d.ID, orig, sim, 100*v)
				}
			}
			fmt.Printf("%s: %d of %d articles flagged as near-copies of an earlier one; %d of them within the same gold event\n",
				corpus, flagged, len(docs), sameEvent)
			if corpus == "ecbplus" && flagged < 40 {
				t.Errorf("only %d copies found in ECB+, want ≥40", flagged)
			}
		})
	}
}

// TestSignFolds checks that Sign sees only folded words: its fast path for
// ASCII words must agree with fold.String on real text in eight languages.
func TestSignFolds(t *testing.T) {
	for _, d := range loadCorpus(t, "multilingual") {
		if Sign(d.Text) != Sign(fold.String(d.Text)) {
			t.Errorf("%s: Sign(text) differs from Sign(fold.String(text))", d.ID)
		}
	}
}

// TestSignParts checks that texts signed together are signed as one text
// with a line break between them, whatever the break falls on: NewDoc
// signs a title and a body without copying them into one string.
func TestSignParts(t *testing.T) {
	for _, d := range loadCorpus(t, "multilingual") {
		title, body, _ := strings.Cut(d.Text, "\n")
		if Sign(title, body) != Sign(title+"\n"+body) {
			t.Errorf("%s: Sign(title, body) differs from Sign(title+newline+body)", d.ID)
		}
		// A cut inside a word still separates two words.
		if cut := len(d.Text) / 2; Sign(d.Text[:cut], d.Text[cut:]) != Sign(d.Text[:cut]+"\n"+d.Text[cut:]) {
			t.Errorf("%s: a cut inside the text signs differently from a line break there", d.ID)
		}
	}
	if Sign() != (Signature{}) || Sign("", "") != (Signature{}) {
		t.Error("no words should give the zero signature")
	}
}

// TestThresholdEvidence prints, for thresholds around the chosen one, how
// many pairs of ECB+ articles on the same topic reach it, by the exact
// Jaccard similarity of their shingle sets and by the estimate from their
// signatures; how many of those share the gold event; and how many are
// copies or rewrites by verbatimShare. It is the evidence for Threshold. It
// fails if the estimate admits at Threshold a pair from different events or
// a pair sharing less than 30% of its 8-word runs. (Pairs on different
// topics never come near: see TestUnrelated.)
func TestThresholdEvidence(t *testing.T) {
	docs := loadECB(t)
	sigs := make([]Signature, len(docs))
	sets := make([]map[string]bool, len(docs))
	for i, d := range docs {
		sigs[i], sets[i] = Sign(d.Text), runs(d.Text, ShingleWords)
	}
	type pair struct {
		i, j                int
		exact, est, verbatm float64
	}
	var pairs []pair
	highestRewrite := pair{}
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			if docs[i].Topic != docs[j].Topic {
				continue
			}
			p := pair{i, j, jaccard(sets[i], sets[j]), sigs[i].Similarity(sigs[j]), 0}
			if p.exact < 0.2 && p.est < 0.2 {
				continue
			}
			p.verbatm = verbatimShare(docs[i].Text, docs[j].Text)
			pairs = append(pairs, p)
			if p.verbatm < 0.3 && p.exact > highestRewrite.exact {
				highestRewrite = p
			}
		}
	}
	t.Logf("threshold | by exact Jaccard: pairs same-event copies rewrites | by estimate: pairs same-event copies rewrites")
	t.Logf("(copies: verbatim share ≥ 50%%; rewrites: < 30%%)")
	for _, th := range []float64{0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7} {
		var c [2][4]int
		for _, p := range pairs {
			for k, sim := range []float64{p.exact, p.est} {
				if sim < th {
					continue
				}
				c[k][0]++
				if docs[p.i].Event == docs[p.j].Event {
					c[k][1]++
				}
				if p.verbatm >= 0.5 {
					c[k][2]++
				}
				if p.verbatm < 0.3 {
					c[k][3]++
				}
			}
		}
		t.Logf("%9.2f | %5d %5d %5d %5d | %5d %5d %5d %5d", th, c[0][0], c[0][1], c[0][2], c[0][3], c[1][0], c[1][1], c[1][2], c[1][3])
	}
	t.Logf("most similar pair written apart: %s ~ %s, exact Jaccard %.3f, verbatim share %.2f",
		docs[highestRewrite.i].ID, docs[highestRewrite.j].ID, highestRewrite.exact, highestRewrite.verbatm)
	for _, p := range pairs {
		if p.est >= Threshold && (docs[p.i].Event != docs[p.j].Event || p.verbatm < 0.3) {
			t.Errorf("%s ~ %s: similarity %.2f, events %s and %s, verbatim share %.2f",
				docs[p.i].ID, docs[p.j].ID, p.est, docs[p.i].Event, docs[p.j].Event, p.verbatm)
		}
	}
}

// TestSimilarityEstimatesJaccard compares Similarity with the exact Jaccard
// similarity of the shingle sets on all pairs of ECB+ articles on the same
// topic: the error must stay within four standard errors of the estimate.
func TestSimilarityEstimatesJaccard(t *testing.T) {
	docs := loadECB(t)
	sets := make([]map[string]bool, len(docs))
	sigs := make([]Signature, len(docs))
	for i, d := range docs {
		sets[i], sigs[i] = runs(d.Text, ShingleWords), Sign(d.Text)
	}
	var n int
	var sumErr float64
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			if docs[i].Topic != docs[j].Topic || len(sets[i]) == 0 || len(sets[j]) == 0 {
				continue
			}
			exact := jaccard(sets[i], sets[j])
			est := sigs[i].Similarity(sigs[j])
			err := math.Abs(est - exact)
			n++
			sumErr += err
			if err > 4*math.Sqrt(exact*(1-exact)/Size)+1.0/Size {
				t.Errorf("%s ~ %s: estimate %.3f, exact Jaccard %.3f", docs[i].ID, docs[j].ID, est, exact)
			}
		}
	}
	t.Logf("%d pairs; mean absolute error %.4f", n, sumErr/float64(n))
}
