package sentences

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzSplit checks that sentences are non-empty, trimmed, increasing,
// non-overlapping spans within the text that never cut a character or
// cross a line, with paragraph numbers that count up by one.
func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"M. Poutine a reçu Mme Dupont. Ils ont parlé.",
		"Gov. Jerry Brown signed it. U.S. officials agreed.",
		"« Nous irons », a-t-il dit. Puis il est parti !  Vraiment ?",
		"Er kam am 5. Mai an. Dann ging er.",
		"l’Empire tsariste russe.Un témoignage historique.",
		"First line\r\nSecond. Third.\r\n\r\n",
		"...\n!!!\n?.?.\n… …",
		"Fin.\xff\xfe Début. \x00 Suite.",
		"Ã©tÃ©. Ã‰tÃ©.",
		"\u00a0\u2003Espaces. Insécables.\u00a0",
		strings.Repeat("a. ", 3000),
		strings.Repeat("A.", 3000),
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		last, para := 0, -1
		for _, sp := range Split(text) {
			if sp.Start < last || sp.End <= sp.Start || sp.End > len(text) {
				t.Fatalf("Split(%q): span %+v after offset %d", text, sp, last)
			}
			s := text[sp.Start:sp.End]
			if utf8.ValidString(text) && !utf8.ValidString(s) {
				t.Fatalf("Split(%q): span %q cuts a character", text, s)
			}
			if strings.Contains(s, "\n") {
				t.Fatalf("Split(%q): span %q crosses a line", text, s)
			}
			first, _ := utf8.DecodeRuneInString(s)
			end, _ := utf8.DecodeLastRuneInString(s)
			if unicode.IsSpace(first) || unicode.IsSpace(end) {
				t.Fatalf("Split(%q): span %q not trimmed", text, s)
			}
			if sp.Para < para || sp.Para > para+1 {
				t.Fatalf("Split(%q): paragraph %d after %d", text, sp.Para, para)
			}
			// A new paragraph starts on a new line.
			if sp.Para == para+1 && para >= 0 && !strings.Contains(text[last:sp.Start], "\n") {
				t.Fatalf("Split(%q): paragraph %d starts on the line of the previous one", text, sp.Para)
			}
			last, para = sp.End, sp.Para
		}
	})
}
