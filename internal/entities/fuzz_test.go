package entities

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzExtract checks what callers rely on from Extract: mentions in order,
// within the text, their Text the bytes they span, and a key for each.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Le président biélorusse Alexandre Loukachenko rencontre Vladimir Poutine à Sotchi.",
		"Лукашенко и Путин встретились в Сочи.",
		"BREAKING: PUTIN MEETS LUKASHENKO IN SOCHI",
		"Die Kanzlerin Angela Merkel sprach mit Barcelonas Trainer.",
		"l'OTAN, d’Emmanuel Macron, the Kremlin's man, O'Brien",
		"白俄罗斯总统卢卡申科 في سوتشي",
		"Loukachenko\xff\xfe Sotchi \x00 Minsk\r\nPoutine",
		"Ã©lysÃ©e Macron \u202eevil\u202c",
		strings.Repeat("Jean-Pierre ", 500),
		strings.Repeat("A ", 2000),
		"\n\n\n",
		"",
	} {
		f.Add(s, "fr")
		f.Add(s, "de")
		f.Add(s, "")
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		last := 0
		for _, m := range Extract(text, lang) {
			if m.Start < last || m.End <= m.Start || m.End > len(text) || m.Text != text[m.Start:m.End] {
				t.Fatalf("Extract(%q): bad mention %+v after offset %d", text, m, last)
			}
			if m.Key == "" || m.Kind == "" {
				t.Fatalf("Extract(%q): mention %+v without key or kind", text, m)
			}
			if utf8.ValidString(text) && !utf8.ValidString(m.Key) {
				t.Fatalf("Extract(%q): key %q is not UTF-8", text, m.Key)
			}
			last = m.End
		}
		Key(text) // must not panic
	})
}
