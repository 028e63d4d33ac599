package analysis_test

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/storyline/storyline/internal/analysis"
	"github.com/storyline/storyline/internal/analysis/analysistest"
)

func texts(toks []analysis.Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"words", "Poutine a invité son homologue.", []string{"Poutine", "a", "invité", "son", "homologue"}},
		{"elision", "l'ouragan d’anniversaire L’Union qu’aujourd’hui jusqu'à", []string{"ouragan", "anniversaire", "Union", "aujourd’hui", "à"}},
		{"italian elision", "dell’Event Horizon nell'universo un'altra", []string{"Event", "Horizon", "universo", "altra"}},
		{"possessive", "Putin's ally, Reid’s rep, the 1980's", []string{"Putin", "ally", "Reid", "rep", "the", "1980"}},
		{"apostrophe kept", "don't O'Brien rock'n'roll Soçi'de", []string{"don't", "O'Brien", "rock'n'roll", "Soçi'de"}},
		{"quotes are not apostrophes", "'quoted' d' l’ 'tis", []string{"quoted", "d", "l", "tis"}},
		{"hyphens split", "pro-Kremlin Saint-Martin Covid-19 2019-2020", []string{"pro", "Kremlin", "Saint", "Martin", "Covid", "19", "2019", "2020"}},
		{"numbers", "78.761 cas, 1,3 km, 13 000 morts, 13\u00a0000, 100 000 000", []string{"78.761", "cas", "1,3", "km", "13 000", "morts", "13\u00a0000", "100 000 000"}},
		{"numbers apart", "en 2014 100 morts; September 9, 2020. 17:00 12 3456", []string{"en", "2014", "100", "morts", "September", "9", "2020", "17", "00", "12", "3456"}},
		{"alphanumeric", "G7 MH17 iPhone 14 5G", []string{"G7", "MH17", "iPhone", "14", "5G"}},
		{"cyrillic", "Лукашенко встретился с Путиным", []string{"Лукашенко", "встретился", "с", "Путиным"}},
		{"han bigrams", "白俄罗斯总统", []string{"白俄", "俄罗", "罗斯", "斯总", "总统"}},
		{"han lone and mixed", "iPhone手机，京。2020年", []string{"iPhone", "手机", "京", "2020", "年"}},
		{"marks and soft hyphen", "cafe\u0301 infor\u00admation", []string{"cafe\u0301", "infor\u00admation"}},
		{"empty", " — !! ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := texts(analysis.Tokens(tt.in)); !slices.Equal(got, tt.want) {
				t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// checkOffsets verifies the Token contract on one text.
func checkOffsets(t *testing.T, text string) {
	t.Helper()
	last := 0
	for _, tok := range analysis.Tokens(text) {
		if tok.Start < 0 || tok.End > len(text) || tok.Start >= tok.End || text[tok.Start:tok.End] != tok.Text {
			t.Fatalf("token %+v does not match text[%d:%d]", tok, tok.Start, tok.End)
		}
		if tok.Start < last {
			t.Fatalf("token %+v starts before the previous token's start %d", tok, last)
		}
		last = tok.Start
	}
}

func TestTokensOffsetsOnRealPages(t *testing.T) {
	for _, text := range analysistest.FrenchPages(t) {
		checkOffsets(t, text)
	}
	for _, text := range analysistest.Articles(t, "multilingual.jsonl", "", 0) {
		checkOffsets(t, text)
	}
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{"l'ouragan", "13 000 000", "白俄罗斯", "Putin's", "a'", "'s", "1,", "\xff'a", "qu’aujourd’hui", "1 000 2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkOffsets(t, s)
		for _, term := range analysis.For("").Terms(s) {
			if term == "" || strings.ContainsAny(term, " -") || utf8.RuneCountInString(term) < 2 && term[0] < utf8.RuneSelf {
				t.Fatalf("bad term %q from %q", term, s)
			}
		}
	})
}
