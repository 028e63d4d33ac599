package entities

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const (
	samplesDir = "../../../shared/samples/pages"
	dataDir    = "../../../shared/data"
)

// samplePage returns the text of the sample page whose name starts with
// prefix, skipping the test when the samples are absent.
func samplePage(t testing.TB, prefix string) string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(samplesDir, prefix+"*.txt"))
	if len(files) == 0 {
		t.Skipf("sample page %s* not found in %s", prefix, samplesDir)
	}
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// corpus returns the texts of a JSON Lines corpus by id, skipping the test
// when it is absent.
func corpus(t testing.TB, name string) map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join(dataDir, name))
	if err != nil {
		t.Skipf("corpus %s not found in %s", name, dataDir)
	}
	defer f.Close()
	texts := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<22)
	for sc.Scan() {
		var a struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		texts[a.ID] = a.Text
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return texts
}

// find returns the mentions whose Text is text.
func find(ms []Mention, text string) []Mention {
	var out []Mention
	for _, m := range ms {
		if m.Text == text {
			out = append(out, m)
		}
	}
	return out
}

// mustFind returns the first mention whose Text is text, of the kind given.
func mustFind(t *testing.T, ms []Mention, text string, kind Kind) Mention {
	t.Helper()
	found := find(ms, text)
	if len(found) == 0 {
		t.Fatalf("no mention %q among %v", text, texts(ms))
	}
	for _, m := range found {
		if m.Kind != kind {
			t.Errorf("%q at %d is %s, want %s", text, m.Start, m.Kind, kind)
		}
	}
	return found[0]
}

func texts(ms []Mention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Text)
	}
	return out
}

// checkMentions checks what holds for every mention of every text.
func checkMentions(t *testing.T, name, text string, ms []Mention) {
	t.Helper()
	for _, m := range ms {
		if text[m.Start:m.End] != m.Text {
			t.Errorf("%s: text[%d:%d] = %q, mention says %q", name, m.Start, m.End, text[m.Start:m.End], m.Text)
		}
		if k := Key(m.Text); k != m.Key {
			t.Errorf("%s: Key(%q) = %q, mention key %q", name, m.Text, k, m.Key)
		}
		if m.Key == "" || m.Kind == "" {
			t.Errorf("%s: mention %q has key %q and kind %q", name, m.Text, m.Key, m.Kind)
		}
	}
}

func TestSamplePages(t *testing.T) {
	p000 := samplePage(t, "000")
	ms := Extract(p000, "fr")
	checkMentions(t, "000", p000, ms)

	// The two spellings of one name in one article share a key.
	loukachenko := mustFind(t, ms, "Loukachenko", Person)
	loukachenka := mustFind(t, ms, "Loukachenka", Person)
	if loukachenko.Key != loukachenka.Key {
		t.Errorf("Loukachenko %q and Loukachenka %q differ", loukachenko.Key, loukachenka.Key)
	}
	full := mustFind(t, ms, "Alexandre Loukachenko", Person)
	if SurnameKey(full.Key) != loukachenko.Key {
		t.Errorf("SurnameKey(%q) = %q, want %q", full.Key, SurnameKey(full.Key), loukachenko.Key)
	}
	poutine := mustFind(t, ms, "Poutine", Person)
	vp := mustFind(t, ms, "Vladimir Poutine", Person)
	if SurnameKey(vp.Key) != poutine.Key {
		t.Errorf("SurnameKey(%q) = %q, want Poutine's %q", vp.Key, SurnameKey(vp.Key), poutine.Key)
	}
	sotchi := mustFind(t, ms, "Sotchi", Place)
	if sotchi.Key != Key("Sochi") {
		t.Errorf("Sotchi %q and Sochi %q differ", sotchi.Key, Key("Sochi"))
	}
	mustFind(t, ms, "Minsk", Place)
	mustFind(t, ms, "Kremlin", Org)
	mustFind(t, ms, "Moscou", Place)
	bielorussie := mustFind(t, ms, "Biélorussie", Place)
	mustFind(t, ms, "Union européenne", Org)
	mustFind(t, ms, "États-Unis", Place)

	// The elided article is cut off: "L'Union européenne".
	for _, m := range find(ms, "Union européenne") {
		if a := strings.ToLower(p000[m.Start-2 : m.Start]); a != "l'" {
			t.Errorf("before Union européenne: %q, want l'", a)
		}
	}
	// Capitalised sentence openers are no names.
	for _, w := range []string{"Une", "Des", "Les", "Malgré", "Par", "Cela", "Il", "Puis", "Selon", "Dans", "En", "La", "Le", "Ce"} {
		if len(find(ms, w)) > 0 {
			t.Errorf("000: %q taken for a name", w)
		}
	}
	for _, m := range ms {
		if strings.HasPrefix(m.Text, "Le ") || strings.HasPrefix(m.Text, "La ") || strings.HasPrefix(m.Text, "L'") {
			t.Errorf("000: %q keeps its article", m.Text)
		}
	}

	p002 := samplePage(t, "002")
	ms = Extract(p002, "fr")
	checkMentions(t, "002", p002, ms)
	if belarus := mustFind(t, ms, "Bélarus", Place); belarus.Key != bielorussie.Key {
		t.Errorf("Bélarus %q and Biélorussie %q differ", belarus.Key, bielorussie.Key)
	}
	if k := mustFind(t, ms, "Loukachenko", Person).Key; k != loukachenko.Key {
		t.Errorf("Loukachenko in 002: %q, in 000: %q", k, loukachenko.Key)
	}

	p003 := samplePage(t, "003")
	ms = Extract(p003, "fr")
	checkMentions(t, "003", p003, ms)
	mustFind(t, ms, "Sotchi", Place)
	mustFind(t, ms, "mer Noire", Place)
	mustFind(t, ms, "Svetlana Tikhanovskaïa", Person)

	p004 := samplePage(t, "004")
	ms = Extract(p004, "fr")
	checkMentions(t, "004", p004, ms)
	choigou := mustFind(t, ms, "Sergueï Choïgou", Person)
	if SurnameKey(choigou.Key) != Key("Shoigu") {
		t.Errorf("Choïgou %q, Shoigu %q", SurnameKey(choigou.Key), Key("Shoigu"))
	}
	if f := mustFind(t, ms, "Fédération de Russie", Place); f.Key != Key("Russie") {
		t.Errorf("Fédération de Russie %q, Russie %q", f.Key, Key("Russie"))
	}

	p001 := samplePage(t, "001")
	ms = Extract(p001, "fr")
	checkMentions(t, "001", p001, ms)
	mustFind(t, ms, "Moscou", Place)
}

func TestECBPlus(t *testing.T) {
	docs := corpus(t, "ecbplus.jsonl")

	text := docs["1_10ecb"]
	ms := Extract(text, "en")
	checkMentions(t, "1_10ecb", text, ms)
	reid := mustFind(t, ms, "Tara Reid", Person)
	mustFind(t, ms, "Promises Treatment Center", Org)
	mustFind(t, ms, "Jack Ketsoyan", Person)
	mustFind(t, ms, "Ketsoyan", Person) // the surname alone, at a sentence start
	if r := mustFind(t, ms, "Reid", Person); r.Key != SurnameKey(reid.Key) {
		t.Errorf("Reid %q, SurnameKey(Tara Reid) %q", r.Key, SurnameKey(reid.Key))
	}
	for _, w := range []string{"Perennial", "December", "We"} {
		if len(find(ms, w)) > 0 {
			t.Errorf("1_10ecb: %q taken for a name", w)
		}
	}

	text = docs["1_10ecbplus"]
	ms = Extract(text, "en")
	checkMentions(t, "1_10ecbplus", text, ms)
	lohan := mustFind(t, ms, "Lindsay Lohan", Person)
	mustFind(t, ms, "Betty Ford Center", Org)
	mustFind(t, ms, "Newport Beach", Place)
	mustFind(t, ms, "Pacific Coast Highway", Place)
	if l := mustFind(t, ms, "Lohan", Person); l.Key != SurnameKey(lohan.Key) {
		t.Errorf("Lohan %q, SurnameKey(Lindsay Lohan) %q", l.Key, SurnameKey(lohan.Key))
	}
	if len(find(ms, "May")) > 0 {
		t.Error(`1_10ecbplus: the date line "May 03, 2013" gave a name`)
	}

	// Possessives: "North Carolina's career", "AMD's ATI acquisition".
	ms = Extract(docs["31_6ecb"], "en")
	mustFind(t, ms, "North Carolina", Place)
	mustFind(t, ms, "Tyler Hansbrough", Person)
	ms = Extract(docs["43_8ecb"], "en")
	mustFind(t, ms, "AMD", Other)
	mustFind(t, ms, "India", Place)

	// Particles inside names.
	mustFind(t, Extract(docs["31_9ecb"], "en"), "Pieter van Tongeren", Person)
	mustFind(t, Extract(docs["24_1ecbplus"], "en"), "Rue de Castiglione", Place)
	mustFind(t, Extract(docs["7_1ecbplus"], "en"), "Stade de Suisse", Place)

	// Initials and titles: "President Richard M. Nixon", "W. Mark Felt".
	ms = Extract(docs["28_7ecb"], "en")
	nixon := mustFind(t, ms, "Richard M. Nixon", Person)
	if n := mustFind(t, ms, "Nixon", Person); n.Key != SurnameKey(nixon.Key) {
		t.Errorf("Nixon %q, SurnameKey(Richard M. Nixon) %q", n.Key, SurnameKey(nixon.Key))
	}
	mustFind(t, ms, "W. Mark Felt", Person)
	mustFind(t, ms, "FBI", Org)
	mustFind(t, ms, "Washington Post", Org) // not "Bob Woodward of The Washington Post"
	mustFind(t, ms, "Bob Woodward", Person)
}

// Title-case headlines capitalise every word; only words the article
// knows as names make names there.
func TestTitleCaseHeadlines(t *testing.T) {
	docs := corpus(t, "ecbplus.jsonl")

	text := docs["1_6ecbplus"]
	headline, _, _ := strings.Cut(text, "\n")
	if headline != "Lindsay Lohan Checks Into Rehab at Betty Ford Center" {
		t.Fatalf("1_6ecbplus starts %q", headline)
	}
	var got []string
	for _, m := range Extract(text, "en") {
		if m.End <= len(headline) {
			got = append(got, m.Text)
		}
	}
	if want := []string{"Lindsay Lohan", "Betty Ford Center"}; !slices.Equal(got, want) {
		t.Errorf("headline of 1_6ecbplus: %q, want %q", got, want)
	}

	// A headline alone: given names and the gazetteer still find names.
	got = texts(Extract("Lindsay Lohan Checks Into Betty Ford Center", "en"))
	if want := []string{"Lindsay Lohan", "Betty Ford Center"}; !slices.Equal(got, want) {
		t.Errorf("headline alone: %q, want %q", got, want)
	}
	got = texts(Extract("Putin Hosts Lukashenko In Sochi As Protests Grip Belarus", "en"))
	if want := []string{"Putin", "Lukashenko", "Sochi", "Belarus"}; !slices.Equal(got, want) {
		t.Errorf("gazetteer headline: %q, want %q", got, want)
	}

	// Over all 219 title-case first lines of ECB+, verbs and common words
	// of headlines never become names.
	common := map[string]bool{}
	for _, w := range strings.Fields(`Checks Check Into Out Dies Dead Kills Killed Host Returns Leaves Escapes
		Finally Reasons Undisclosed Hire Fired Overturns Reverses Calls Destroys Burns Charged Shot Shooting Quake
		Earthquake Woman Man Arrested Sentenced Wins Says Strikes Announces Launches Acquires Buys Set Named After
		Over Is Was Be Of In On At For To The And A An With From By`) {
		common[w] = true
	}
	common1 := map[string]bool{"Fire": true, "Rehab": true} // parts of names, never names alone
	titles, names := 0, 0
	for id, text := range docs {
		first, _, _ := strings.Cut(text, "\n")
		d := getDoc("en")
		d.scan(text)
		d.classifyLines()
		isTitle := len(d.toks) > 0 && d.toks[0].line == 0 && d.lineKind[0] == lineTitle
		putDoc(d)
		if !isTitle {
			continue
		}
		titles++
		for _, m := range Extract(text, "en") {
			if m.End > len(first) {
				break
			}
			names++
			if common1[m.Text] {
				t.Errorf("%s: %q in headline %q", id, m.Text, first)
			}
			for _, w := range strings.FieldsFunc(m.Text, func(r rune) bool { return r == ' ' || r == '-' }) {
				if common[w] {
					t.Errorf("%s: %q in headline %q", id, m.Text, first)
				}
			}
		}
	}
	if titles < 200 || names < titles {
		t.Errorf("%d title-case headlines with %d names; want over 200, with about a name each", titles, names)
	}
}

func TestGermanNouns(t *testing.T) {
	docs := corpus(t, "multilingual.jsonl")
	text := docs["ml_8da13054304c"] // the Barcelona van attack, in German
	if text == "" {
		t.Skip("ml_8da13054304c not in multilingual.jsonl")
	}
	ms := Extract(text, "de")
	for _, m := range ms {
		if text[m.Start:m.End] != m.Text {
			t.Errorf("text[%d:%d] = %q, mention says %q", m.Start, m.End, text[m.Start:m.End], m.Text)
		}
	}
	barcelona := mustFind(t, ms, "Barcelona", Place)
	if g := mustFind(t, ms, "Barcelonas", Place); g.Key != barcelona.Key {
		t.Errorf("genitive Barcelonas %q, Barcelona %q", g.Key, barcelona.Key)
	}
	for _, w := range []string{"Paris", "Berlin", "London"} {
		mustFind(t, ms, w, Place)
	}
	// "von" is a preposition in German: "Tore von Gareth Bale".
	if ms := Extract(docs["ml_3678d66b58fc"], "de"); docs["ml_3678d66b58fc"] != "" {
		mustFind(t, ms, "Gareth Bale", Person)
	}
	for _, w := range []string{"Lieferwagen", "Menschenmengen", "Donnerstag", "Verletzte", "Polizei", "Flaniermeile"} {
		for _, m := range ms {
			if strings.Contains(m.Text, w) {
				t.Errorf("German noun taken for a name: %q", m.Text)
			}
		}
	}
}

func TestKeyEquivalent(t *testing.T) {
	groups := [][]string{
		{"Loukachenko", "Loukachenka", "Lukashenko", "Lukaschenko", "Лукашенко", "Łukaszenka", "Lukašenko", "Lukashenka", "Лукашэнка", "LOUKACHENKO"},
		{"Biélorussie", "Bélarus", "Belarus", "Bielorrusia", "Weißrussland", "Белоруссия", "Беларусь", "BIÉLORUSSIE", "la Biélorussie", "République du Bélarus"},
		{"Russie", "Russia", "Russland", "Rusia", "Россия", "Fédération de Russie"},
		{"Moscou", "Moscow", "Moskau", "Москва"},
		{"Sotchi", "Sochi", "Sotschi", "Сочи"},
		{"Kremlin", "Kreml", "Кремль", "the Kremlin"},
		{"Poutine", "Putin", "Путин", "POUTINE"},
		{"Vladimir Poutine", "Vladimir Putin", "Wladimir Putin", "Владимир Путин"},
		{"Choïgou", "Shoigu", "Schoigu", "Шойгу"},
		{"OTAN", "NATO", "l'OTAN", "НАТО", "Nato"},
		{"UE", "EU", "Union européenne", "European Union", "Europäische Union"},
		{"ONU", "UN", "Nations unies", "ООН"},
		{"Tikhanovskaïa", "Tikhanovskaya", "Тихановская"},
		{"Sergueï", "Sergei", "Sergey", "Sergej", "Сергей"},
		{"Kyiv", "Kiev", "Київ", "Киев"},
		{"Zelensky", "Zelenskyy", "Selenskyj", "Зеленский"},
		{"Tchernobyl", "Chernobyl", "Tschernobyl", "Чернобыль"},
		{"Khrouchtchev", "Khrushchev", "Хрущёв"},
		{"Tchaïkovski", "Tchaikovsky", "Tschaikowski", "Чайковский"},
		{"Medvedev", "Medwedew", "Медведев"},
		{"Τσίπρας", "Tsipras"},
		{"Jean-Pierre", "Jean Pierre"},
		{"Reid's", "Reid"},
		{"U.S.", "US", "United States", "États-Unis", "США"},
	}
	for _, g := range groups {
		want := Key(g[0])
		for _, name := range g[1:] {
			if got := Key(name); got != want {
				t.Errorf("Key(%q) = %q, Key(%q) = %q", name, got, g[0], want)
			}
		}
	}
}

// Names that must stay apart, and why.
func TestKeyDistinct(t *testing.T) {
	pairs := [][2]string{
		{"Paris", "Parsi"},          // order of letters counts
		{"Obama", "Osama"},          // b and s are not one class
		{"Lohan", "Logan"},          // g/h only swap in Ukrainian transliteration: kept apart
		{"Minsk", "Pinsk"},          // two Belarusian cities
		{"Austria", "Australia"},    // two countries
		{"Iran", "Iraq"},            // two countries
		{"Li", "Lee"},               // short names stay exact
		{"UN", "UE"},                // short names stay exact
		{"US", "us"},                // the acronym, not the pronoun
		{"Serge", "Sergueï"},        // a French name and a Russian one
		{"Sergueï", "Sergueïev"},    // a name and a patronymic surname
		{"Georgia", "George"},       // a country and a name
		{"Ukraine", "Ukrainian"},    // a place and its adjective
		{"Vladimir Putin", "Putin"}, // a full name keeps its given name; see SurnameKey
	}
	for _, p := range pairs {
		if a, b := Key(p[0]), Key(p[1]); a == b {
			t.Errorf("Key(%q) = Key(%q) = %q", p[0], p[1], a)
		}
	}
}

func TestSurnameKey(t *testing.T) {
	for _, full := range []string{"Vladimir Poutine", "Wladimir Putin", "Владимир Путин", "President Putin"} {
		if got, want := SurnameKey(Key(full)), Key("Poutine"); got != want {
			t.Errorf("SurnameKey(Key(%q)) = %q, want %q", full, got, want)
		}
	}
	if got := SurnameKey("putin"); got != "putin" {
		t.Errorf("SurnameKey of one word = %q", got)
	}
}

// Every alias of the gazetteer resolves to its own entry: no two entries
// claim one name.
func TestGazetteerAliases(t *testing.T) {
	var d doc
	for e, en := range entries {
		if en.names == "" {
			continue
		}
		for _, n := range strings.Split(en.names, "|") {
			d.reset("")
			d.scan(n)
			got, ok := gazetteerPhrase(d.toks)
			if !ok {
				t.Errorf("alias %q of %q not found", n, en.key)
			} else if entries[got].key != en.key {
				t.Errorf("alias %q of %q resolves to %q", n, entries[e].key, entries[got].key)
			}
		}
	}
}

func TestBadInput(t *testing.T) {
	for _, text := range []string{"", "\n\n", "\xff\xfe Poutine \xc3", "l'", "'s", "U.", "-", "A. B. C.", strings.Repeat("Я", 5000)} {
		ms := Extract(text, "fr")
		checkMentions(t, "bad input", text, ms)
	}
	if Key("") != "" {
		t.Error(`Key("") is not empty`)
	}
}

// Extract is safe for concurrent use: pooled state must not leak between
// callers.
func TestConcurrent(t *testing.T) {
	p000, p004 := samplePage(t, "000"), samplePage(t, "004")
	want000, want004 := Extract(p000, "fr"), Extract(p004, "fr")
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			ok := true
			for k := 0; k < 50; k++ {
				ok = ok && slices.Equal(Extract(p000, "fr"), want000) && slices.Equal(Extract(p004, "fr"), want004)
			}
			done <- ok
		}()
	}
	for g := 0; g < 4; g++ {
		if !<-done {
			t.Error("concurrent Extract gave other mentions")
		}
	}
}
