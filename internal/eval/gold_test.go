package eval

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// dataDir holds the gold corpora, next to the repository.
var dataDir = filepath.Join("..", "..", "..", "shared", "data")

func readGoldFile(t *testing.T, name string) []Item {
	t.Helper()
	f, err := os.Open(filepath.Join(dataDir, name))
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("%s not found in %s", name, dataDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	items, err := ReadGold(f)
	if err != nil {
		t.Fatalf("ReadGold(%s): %v", name, err)
	}
	return items
}

func TestReadGoldSeeds(t *testing.T) {
	items := readGoldFile(t, "seeds.jsonl")
	if len(items) != 5 {
		t.Fatalf("read %d items, want 5", len(items))
	}
	// The README's account: 000, 002 and 003 report the Sochi meeting; 001
	// an earlier event of the same storyline; 004 another storyline.
	byPrefix := make(map[string]Item)
	for _, it := range items {
		byPrefix[it.ID[:3]] = it
		if it.Lang != "fr" || it.Text == "" || it.Storyline == "" {
			t.Errorf("%s: lang %q, %d bytes of text, storyline %q", it.ID, it.Lang, len(it.Text), it.Storyline)
		}
	}
	sochi := byPrefix["000"]
	for _, p := range []string{"002", "003"} {
		if byPrefix[p].Event != sochi.Event {
			t.Errorf("%s: event %q, want %q like 000", p, byPrefix[p].Event, sochi.Event)
		}
	}
	if byPrefix["001"].Event == sochi.Event || byPrefix["004"].Event == sochi.Event ||
		byPrefix["001"].Event == byPrefix["004"].Event {
		t.Errorf("001 and 004 should each report their own event: %q, %q", byPrefix["001"].Event, byPrefix["004"].Event)
	}
	if byPrefix["001"].Storyline != sochi.Storyline || byPrefix["004"].Storyline == sochi.Storyline {
		t.Errorf("storylines: 000 %q, 001 %q, 004 %q; want 001 with 000, 004 apart",
			sochi.Storyline, byPrefix["001"].Storyline, byPrefix["004"].Storyline)
	}

	// Taking storylines for events merges 001 into the Sochi event:
	// B-cubed P = (3·3/4 + 1·1/4 + 1)/5 = 7/10, R = 1, F1 = 14/17.
	events := Labels(items, func(it Item) string { return it.Event })
	storylines := Labels(items, func(it Item) string { return it.Storyline })
	s := Score(events, storylines)
	if !nearPRF(s.BCubed, PRF{7.0 / 10, 1, 14.0 / 17}) || s.GoldClusters != 3 || s.PredictedClusters != 2 {
		t.Errorf("storylines scored as events: %+v", s)
	}
}

func TestReadGoldCorpora(t *testing.T) {
	for _, tt := range []struct {
		file          string
		items, events int
	}{
		{"ecbplus.jsonl", 982, 86},
		{"multilingual.jsonl", 157, 16},
	} {
		t.Run(tt.file, func(t *testing.T) {
			items := readGoldFile(t, tt.file)
			events := Labels(items, func(it Item) string { return it.Event })
			s := Score(events, events)
			if len(items) != tt.items || s.GoldClusters != tt.events || s.ARI != 1 {
				t.Errorf("%d items in %d events (ARI against itself %g), want %d in %d",
					len(items), s.GoldClusters, s.ARI, tt.items, tt.events)
			}
		})
	}
}

func TestReadGoldErrors(t *testing.T) {
	const good = `{"id": "a", "text": "Un texte.", "event": "e1"}`
	tests := []struct {
		name, input string
		want        []string // in the error
	}{
		{"bad JSON", good + "\n\n" + `{"id": "b", "text": "x", "event": ` + "\n", []string{"line 3"}},
		{"not an object", good + "\n[1, 2]\n", []string{"line 2"}},
		{"wrong type", `{"id": 7, "text": "x", "event": "e"}`, []string{"line 1", "id"}},
		{"no id", good + "\n" + `{"text": "x", "event": "e"}`, []string{"line 2", `missing "id"`}},
		{"no event", good + "\n" + `{"id": "b", "text": "x", "event": ""}`, []string{"line 2", `"b"`, `missing "event"`}},
		{"no text", `{"id": "b", "event": "e"}`, []string{"line 1", `missing "text"`}},
		{"duplicate id", good + "\n" + good, []string{"line 2", `duplicate id "a"`, "line 1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadGold(strings.NewReader(tt.input))
			if err == nil {
				t.Fatalf("no error, want one mentioning %q", tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

func TestReadGoldLayout(t *testing.T) {
	// A byte-order mark, CRLF line ends, blank lines, unknown fields and no
	// final newline are all accepted.
	input := "\xef\xbb\xbf" + `{"id": "a", "text": "x", "event": "e", "topic": "1"}` + "\r\n\r\n" +
		`{"id": "b", "url": "https://example.org/b", "lang": "en", "text": "y", "event": "e", "storyline": "s"}`
	items, err := ReadGold(strings.NewReader(input))
	if err != nil {
		t.Fatal(err)
	}
	want := []Item{
		{ID: "a", Text: "x", Event: "e"},
		{ID: "b", URL: "https://example.org/b", Lang: "en", Text: "y", Event: "e", Storyline: "s"},
	}
	if len(items) != len(want) || items[0] != want[0] || items[1] != want[1] {
		t.Errorf("ReadGold = %+v, want %+v", items, want)
	}
	// Labels leaves out items without the label.
	if l := Labels(items, func(it Item) string { return it.Storyline }); len(l) != 1 || l["b"] != "s" {
		t.Errorf("storyline labels %v, want only b", l)
	}
}
