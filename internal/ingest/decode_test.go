package ingest

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func TestDecodeText(t *testing.T) {
	latin1, _ := charmap.ISO8859_1.NewEncoder().String("Le président biélorusse à Sotchi")
	utf16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("Le président à Sotchi")
	tests := []struct {
		name     string
		in       string
		want     string
		repaired int
		mojibake int
		err      error
	}{
		{"utf-8", "Le président", "Le président", 0, 0, nil},
		{"utf-8 bom", "\xEF\xBB\xBFLe président", "Le président", 0, 0, nil},
		{"utf-16 bom", utf16, "Le président à Sotchi", 0, 0, nil},
		{"whole file latin-1", latin1, "Le président biélorusse à Sotchi", 3, 0, nil},
		{"stray latin-1 bytes in utf-8", "Biélorussie et Minsk \xe0 l'est", "Biélorussie et Minsk à l'est", 1, 0, nil},
		{"mojibake", "Le prÃ©sident biÃ©lorusse", "Le président biélorusse", 0, 2, nil},
		{"portuguese Ã stays", "SÃO PAULO e NÃO", "SÃO PAULO e NÃO", 0, 0, nil},
		{"empty", "  \n\t ", "", 0, 0, ErrEmpty},
		{"binary", "\x7fELF\x02\x01\x01\x00\x00\x00", "", 0, 0, ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := DecodeText([]byte(tt.in))
			if !errors.Is(err, tt.err) {
				t.Fatalf("err %v, want %v", err, tt.err)
			}
			if d.Text != tt.want || d.Repaired != tt.repaired || d.Mojibake != tt.mojibake {
				t.Errorf("got %q repaired=%d mojibake=%d, want %q %d %d", d.Text, d.Repaired, d.Mojibake, tt.want, tt.repaired, tt.mojibake)
			}
		})
	}
}

func TestExtractHTMLCharsetAndMetadata(t *testing.T) {
	page := `<!DOCTYPE html><html lang="fr"><head><meta charset="iso-8859-1">
<title>Loukachenko à Sotchi | Le Journal</title>
<meta property="og:title" content="Loukachenko à Sotchi">
<meta property="article:published_time" content="2020-09-14T08:30:00+02:00">
</head><body><nav><ul><li><a href="/">Accueil</a></li><li><a href="/monde">Monde</a></li></ul></nav>
<article><h1>Loukachenko à Sotchi</h1>
<p>Le président biélorusse Alexandre Loukachenko est en visite aujourd'hui chez Vladimir Poutine. Les deux dirigeants se rencontrent à Sotchi, au bord de la mer Noire.</p>
<p>Le président biélorusse vient chercher du soutien auprès de son grand voisin, alors qu'il ne parvient pas à venir à bout d'un mouvement de contestation inédit.</p>
<p>Le Kremlin a précisé qu'il n'y aurait pas de conférence de presse à l'issue de l'entretien, ni de document signé.</p>
</article><footer>© Le Journal 2020</footer></body></html>`
	b, _ := charmap.ISO8859_1.NewEncoder().String(page)
	p, err := ExtractHTML([]byte(b), "https://www.journal.example/monde/sotchi")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Text, "Le président biélorusse Alexandre Loukachenko") {
		t.Errorf("charset not converted or text lost: %q", p.Text)
	}
	if strings.Count(p.Text, "\n") < 2 {
		t.Errorf("paragraphs not kept apart: %q", p.Text)
	}
	if strings.Contains(p.Text, "Accueil") {
		t.Errorf("navigation kept: %q", p.Text)
	}
	if !strings.HasPrefix(p.Title, "Loukachenko à Sotchi") {
		t.Errorf("title %q", p.Title)
	}
	if p.Published.IsZero() || p.Published.UTC().Format("2006-01-02") != "2020-09-14" {
		t.Errorf("published %v", p.Published)
	}
}

func TestExtractHTMLFailures(t *testing.T) {
	for name, in := range map[string]string{
		"empty":    "   ",
		"no text":  "<html><body><script>var x = 1;</script></body></html>",
		"binary":   "\x00\x01\x02<html>",
		"nesting":  strings.Repeat("<div>", 300_000) + "text",
		"unclosed": "<html><body><p>Just",
	} {
		if _, err := ExtractHTML([]byte(in), ""); err == nil && name != "unclosed" {
			t.Errorf("%s: no error", name)
		}
	}
}
