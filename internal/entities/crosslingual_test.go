package entities

import "testing"

// One key for a name in any language and script: spellings folded by the
// phonetic key, places by the gazetteer (hand-written entries, and CLDR's
// names of every country).
func TestKeyAcrossLanguages(t *testing.T) {
	groups := [][]string{
		{"Loukachenko", "Lukashenko", "Lukaschenko", "Лукашенко", "Лукашэнка", "Łukaszenka"},
		{"Biélorussie", "Weißrussland", "Belarus", "Беларусь", "Białoruś", "Білорусь", "Λευκορωσία", "Bielorrusia"},
		{"Éthiopie", "Äthiopien", "Etiopía", "Ethiopia", "Эфиопия", "Αιθιοπία", "Etiyopya", "إثيوبيا"},
		{"Érythrée", "Eritrea", "Eritreia", "Эритрея", "إريتريا"},
		{"Saint-Martin", "Saint Martin", "St. Martin", "Sint Maarten", "Sint-Maarten", "San Martín"},
		{"Guadeloupe", "Guadalupe", "Guadalupa", "Гваделупа"},
		{"République dominicaine", "Dominican Republic", "República Dominicana", "Dominikanische Republik"},
		{"Caraïbes", "Caribbean", "Karibik", "Caribe", "Caraibi"},
		{"Atlantique", "Atlantic", "Atlantik", "Atlántico", "océan Atlantique"},
		{"Addis-Abeba", "Addis Ababa", "Adís Abeba", "Аддис-Абеба"},
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

// A country's name in one language that is a word in another is no name:
// German "Island" is Iceland, English "Island" an island.
func TestCountryNamesThatAreWords(t *testing.T) {
	for _, m := range Extract("The Island of Qeshm lies in the Persian Gulf.", "en") {
		if m.Key == Key("Islande") {
			t.Errorf("%q read as Iceland", m.Text)
		}
	}
	for _, m := range Extract("Jury Convicts Spiro Man In Shooting Death Of Pregnant Girlfriend", "en") {
		if m.Text == "Spiro Man" {
			t.Errorf("a headline word read as the Isle of Man: %q", m.Text)
		}
	}
}

// Names in real pages of the multilingual corpus. German capitalises
// nouns: the names among them are found where German writes them as no
// noun is written (a gazetteer name inside a compound, a given name and
// what follows, a capital inside, alone between quotation marks); the other
// capitalised words are uncertain, returned by ExtractAll only. Arabic has
// no capitals: the gazetteer finds its names. A storm's kind word is cut.
func TestNamesAcrossLanguages(t *testing.T) {
	docs := corpus(t, "multilingual.jsonl")
	for _, c := range []struct {
		id, lang, name string
		kind           Kind
	}{
		{"ml_5e350702659e", "de", "Denis Mukwege", Person}, // "die Menschenrechtsaktivisten Denis Mukwege"
		{"ml_5e350702659e", "de", "Mukwege", Person},       // "Der kongolesische Arzt Mukwege"
		{"ml_99afc8fc2dc5", "de", "Monsanto", Org},         // "den US-Agrarchemieriesen Monsanto"
		{"ml_1d63e43a84c9", "de", "InSight", Other},        // "Der Nasa-Roboter \"InSight\""
		{"ml_df1c2d4df1ab", "de", "Perseverance", Other},   // "Der Rover \"Perseverance\""
		{"ml_25c7d6530e00", "ar", "إريتريا", Place},        // Arabic: only the gazetteer tells names
		{"ml_7cb6013d12ce", "en", "Irma", Other},           // "Hurricane Irma": the kind word is cut
		{"ml_7cb6013d12ce", "en", "Saint Martin", Place},
		{"ml_a6f86a3f578f", "nl", "Sint Maarten", Place},
		{"ml_18066b45525b", "fr", "Saint-Barthélemy", Place},
	} {
		text := docs[c.id]
		if text == "" {
			t.Errorf("%s not in multilingual.jsonl", c.id)
			continue
		}
		ms := Extract(text, c.lang)
		var got []string
		found := false
		for _, m := range ms {
			got = append(got, m.Text+"/"+string(m.Kind))
			found = found || m.Text == c.name && m.Kind == c.kind
		}
		if !found {
			t.Errorf("%s (%s): %q not found as %s in %q", c.id, c.lang, c.name, c.kind, got)
		}
	}

	// "Breitscheidplatz" in German may be a noun: uncertain, with the
	// nouns; Extract leaves them out.
	text := docs["ml_9b02090c0262"]
	if text == "" {
		t.Fatal("ml_9b02090c0262 not in multilingual.jsonl")
	}
	for _, m := range Extract(text, "de") {
		if m.Text == "Breitscheidplatz" || m.Text == "Lastwagen" || m.Uncertain {
			t.Errorf("Extract: %+v", m)
		}
	}
	uncertain := map[string]bool{}
	for _, m := range ExtractAll(text, "de") {
		if m.Uncertain {
			uncertain[m.Text] = true
			if text[m.Start:m.End] != m.Text {
				t.Errorf("text[%d:%d] = %q, mention says %q", m.Start, m.End, text[m.Start:m.End], m.Text)
			}
		}
	}
	if !uncertain["Breitscheidplatz"] || !uncertain["Lastwagen"] {
		t.Errorf("ExtractAll: uncertain %v, want Breitscheidplatz and Lastwagen among them", uncertain)
	}
}
