package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/storyline/storyline/internal/article"
)

// The fuzz targets below cover every parser of outside input in this
// package. Their seeds run as ordinary tests (`go test`); run one for longer
// with, for example,
//
//	go test -run XXX -fuzz FuzzExtractHTML -fuzztime 60s -fuzzminimizetime 10s -parallel 1 ./internal/ingest
//
// and keep what it finds in testdata/fuzz (it writes it there) so that it
// stays a regression test. Seeds stay small (a few KiB): the fuzzer
// minimises every new interesting input by running the target on ever
// smaller copies, which takes minutes on a large one (hence also the short
// -fuzzminimizetime). Huge inputs are tested in hostile_test.go.

// nastyText are inputs that have broken text handling elsewhere: invalid
// UTF-8, NULs, byte-order marks, mojibake, CRLF, lone surrogates as UTF-8,
// overlong encodings, and nothing at all.
var nastyText = []string{
	"",
	" \n\t\r\n",
	"Le président biélorusse à Sotchi.\nLire la suite\n",
	"Le pr\xe9sident bi\xe9lorusse \xe0 Sotchi", // Latin-1 bytes
	"Biélorussie \xff\xfe et \x80\x81 Minsk",
	"\xEF\xBB\xBFLe président\r\nà Sotchi\r\n",          // UTF-8 BOM, CRLF
	"\xFF\xFEL\x00e\x00 \x00p\x00r\x00\xe9\x00",         // UTF-16LE with BOM
	"\xFE\xFF\x00L\x00e\x00 \x00\xd8\x00",               // UTF-16BE, odd length
	"Le prÃ©sident biÃ©lorusse â€™ Ã",                   // double-encoded, truncated at the end
	"\xed\xa0\x80 surrogate \xc0\xaf overlong \xf4\x90", // invalid sequences
	"a\x00b\x00c",
	"\x1b[31mred\x1b[0m \x07\x08\x0b",
	"\u202eevil\u202c \u200b\u200d\ufeff",
	strings.Repeat("Ã", 300),
	strings.Repeat("é", 2000) + "\xe9",
	strings.Repeat("x", 5000) + "\n" + strings.Repeat("y ", 2000),
}

// checkDecoded states what DecodeText promises: valid UTF-8 out, or one of
// its errors and no text.
func checkDecoded(t *testing.T, in []byte, d Decoded, err error) {
	t.Helper()
	if err != nil {
		if d.Text != "" {
			t.Fatalf("DecodeText(%q): error %v with text %q", in, err, d.Text)
		}
		if err.Error() == "" {
			t.Fatalf("DecodeText(%q): empty error message", in)
		}
		return
	}
	if !utf8.ValidString(d.Text) {
		t.Fatalf("DecodeText(%q) = %q: invalid UTF-8", in, d.Text)
	}
	if strings.TrimSpace(d.Text) == "" && len(bytes.TrimSpace(in)) > 0 && d.Charset == "utf-8" && utf8.Valid(in) {
		t.Fatalf("DecodeText(%q): text lost", in)
	}
	if d.Repaired < 0 || d.Mojibake < 0 {
		t.Fatalf("DecodeText(%q): negative counts %+v", in, d)
	}
	if d.Repaired > 0 && d.Warning() == "" {
		t.Fatalf("DecodeText(%q): repaired without a warning", in)
	}
}

func FuzzDecodeText(f *testing.F) {
	for _, s := range nastyText {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := DecodeText(b)
		checkDecoded(t, b, d, err)
	})
}

// htmlSeeds are pages and fragments of pages, real in shape and hostile.
var htmlSeeds = []string{
	`<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Loukachenko à Sotchi | Le Journal</title>
<meta property="article:published_time" content="2020-09-14T08:30:00+02:00"></head>
<body><nav><a href="/">Accueil</a></nav><article><h1>Loukachenko à Sotchi</h1>
<p>Le président biélorusse Alexandre Loukachenko est en visite aujourd'hui chez Vladimir Poutine, à Sotchi, au bord de la mer Noire.</p>
<p>Le Kremlin a précisé qu'il n'y aurait pas de conférence de presse à l'issue de l'entretien.</p></article></body></html>`,
	`<html><head><meta charset="iso-8859-1"><title>Caf\xe9</title></head><body><p>Le caf\xe9 est ferm\xe9 depuis lundi, a annonc\xe9 la mairie de Paris dans un communiqu\xe9.</p></body></html>`,
	`<html><body><article><p>Text<script>alert(1)</script> and <img src=x onerror=alert(2)> more text that is long enough to be an article paragraph.</p><iframe src="javascript:alert(3)"></iframe><a href="javascript:alert(4)">click</a><style>p{}</style></article></body></html>`,
	"<html><body><p>" + strings.Repeat("<div>", 1100) + "deep" + "</p></body></html>",
	"<html><body><p>" + strings.Repeat("<b>", 900) + "nested bold text in a paragraph of some length" + "</p></body></html>",
	"<table><tr><td><table><tr><td>" + strings.Repeat("<table><tr><td>", 300) + "cell",
	"<html><body>\x00\x01<p>nul</p></body></html>",
	"\xEF\xBB\xBF<html><body><p>BOM then UTF-8: l’été à Sotchi, où le président a été reçu par son homologue.</p></body></html>",
	"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head><body><p>\xcf\xf0\xe5\xe7\xe8\xe4\xe5\xed\xf2</p></body></html>",
	"<html><head><meta charset=\"utf-16\"></head><body><p>says utf-16, is not</p></body></html>",
	"<p>" + strings.Repeat("mot ", 1000) + "</p>",
	"<!-- <p>comment</p> --><p hidden>hidden</p><p style='display: none'>none</p><noscript>no</noscript><template><p>t</p></template>",
	"<svg><script>alert(1)</script><foreignObject><p>x</p></foreignObject></svg><math><mi><p>y",
	"<html><body><p>CR\r\nLF\rmixed\n\n\nlines of an article about a meeting in Minsk.</p></body></html>",
	"<",
	"<html",
	"<p>Ã©tÃ© mojibake in HTML</p>",
	"",
}

func FuzzExtractHTML(f *testing.F) {
	for _, s := range htmlSeeds {
		f.Add([]byte(s), "https://www.journal.example/monde/1")
	}
	f.Add([]byte(htmlSeeds[0]), "javascript:alert(1)")
	f.Add([]byte(htmlSeeds[0]), "http://[::1")
	f.Add([]byte(htmlSeeds[0]), "")
	f.Fuzz(func(t *testing.T, b []byte, pageURL string) {
		start := time.Now()
		p, err := ExtractHTML(b, pageURL)
		// Fuzz inputs are small; a second on one of them means a blow-up
		// (quadratic parsing, a runaway loop), not a slow machine.
		if d := time.Since(start); d > 5*time.Second && len(b) < 1<<20 {
			t.Fatalf("ExtractHTML took %v on %d bytes", d, len(b))
		}
		if err != nil {
			if p != (Page{}) || err.Error() == "" {
				t.Fatalf("ExtractHTML: error %v with page %+v", err, p)
			}
			return
		}
		if strings.TrimSpace(p.Text) == "" {
			t.Fatalf("ExtractHTML(%q): no error and no text", b)
		}
		for _, s := range []string{p.Text, p.Title, p.Site, p.Lang, p.Charset} {
			if !utf8.ValidString(s) {
				t.Fatalf("ExtractHTML(%q): invalid UTF-8 in %q", b, s)
			}
		}
		for _, l := range strings.Split(p.Text, "\n") {
			if l == "" || l != strings.Join(strings.Fields(l), " ") {
				t.Fatalf("ExtractHTML(%q): line %q not trimmed and collapsed", b, l)
			}
		}
	})
}

// FuzzMarkupText covers the HTML found in "text" fields of JSON records,
// which is rendered as lines rather than extracted.
func FuzzMarkupText(f *testing.F) {
	for _, s := range htmlSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // Convert decodes the text first
		}
		out := markupText(s)
		if !utf8.ValidString(out) {
			t.Fatalf("markupText(%q) = %q: invalid UTF-8", s, out)
		}
	})
}

// jsonSeeds are JSON and JSON Lines inputs, well-formed and not.
var jsonSeeds = []string{
	`{"id": "a", "url": "https://example.org/a", "title": "Un", "text": "Un texte.", "published": "2020-09-14T10:00:00Z", "source": "example.org"}`,
	`[{"id": 1, "text": "Un."}, {"id": 2.5e3, "html": "<p>Deux</p>"}, {"text": "Trois", "published": 1600000000}]`,
	"{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\", \"text\": \"y\"}\r\n\n{\"id\": \"c\"}\n{bad json}\n[1,2]\n\"str\"\nnull\n",
	"\xEF\xBB\xBF{\"id\": \"bom\", \"text\": \"BOM first\"}",
	`{"id": "lat", "title": "Caf` + "\xe9" + `", "text": "Le caf` + "\xe9" + ` est ferm` + "\xe9" + `.", "url": "https://ex` + "\xff" + `.org/"}`,
	`{"id": "nul\u0000", "text": "a\u0000b", "title": "\ud800 lone surrogate"}`,
	`{"id": {"nested": true}, "text": "x"}`,
	`{"id": "d", "text": "x", "published": "yesterday"}`,
	`{"id": "d", "text": "x", "published": 1e300}`,
	`{"id": "d", "text": "x", "published": -1e300}`,
	`{"id": "d", "text": "x", "date": "2020-09"}`,
	`{"text": "` + strings.Repeat("é", 1000) + `"}`,
	strings.Repeat("[", 2000) + strings.Repeat("]", 2000),
	strings.Repeat(`{"a":`, 1000) + "1" + strings.Repeat("}", 1000),
	`[{"id": "a", "text": "x"}, `,
	`[`,
	`{`,
	`]`,
	"",
	"   \n\n",
	`{"id":"a","text":"x"}{"id":"b","text":"y"} {"id":"c","text":"z"}`,
	`{"id": "h", "html": "<html><body><script>alert(1)</script><p>Texte de l'article, assez long pour être un paragraphe.</p></body></html>"}`,
	`{"id": "t", "text": "<p>Texte</p><div>suite</div><script>alert(1)</script>"}`,
	"Le président biélorusse à Sotchi.\nSans JSON.",
	"<html><body><p>sniffed as HTML</p></body></html>",
}

// checkRecord states what every record promises, whatever the input.
func checkRecord(t *testing.T, in []byte, rec Record, maxBytes int64) {
	t.Helper()
	if rec.Source.Path == "" || rec.ID == "" {
		t.Fatalf("input %q: incomplete record %+v", in, rec)
	}
	// A text or HTML input is one record whatever it holds (Convert says
	// when it is empty); a JSON record is refused without content.
	if rec.Format == FormatJSON && (len(rec.Raw) == 0 || len(bytes.TrimSpace(rec.Content)) == 0) ||
		rec.Format != FormatJSON && !bytes.Equal(rec.Raw, rec.Content) {
		t.Fatalf("input %q: incomplete record %+v", in, rec)
	}
	if int64(len(rec.Raw)) > maxBytes && rec.Format == FormatJSON {
		t.Fatalf("input %q: record of %d bytes over the %d limit", in, len(rec.Raw), maxBytes)
	}
	if rec.Format == FormatJSON {
		if !json.Valid(bytes.TrimPrefix(rec.Raw, []byte("\xEF\xBB\xBF"))) {
			t.Fatalf("input %q: raw JSON record %q is not JSON", in, rec.Raw)
		}
		for _, s := range []string{rec.ID, rec.URL, rec.Title, rec.Site} {
			if !utf8.ValidString(s) {
				t.Fatalf("input %q: invalid UTF-8 in record field %q", in, s)
			}
		}
	}
	doc, err := Convert(rec)
	if err != nil {
		if err.Error() == "" {
			t.Fatalf("input %q: Convert: empty error", in)
		}
		return
	}
	a := doc.Article
	for _, s := range []string{doc.Body, a.ID, a.URL, a.Site, a.Title} {
		if !utf8.ValidString(s) {
			t.Fatalf("input %q: Convert gave invalid UTF-8 %q", in, s)
		}
	}
}

func checkError(t *testing.T, in []byte, e *Error) {
	t.Helper()
	if e == nil || e.Source.Path == "" || e.Err == nil || e.Err.Error() == "" {
		t.Fatalf("input %q: unclear error %#v", in, e)
	}
}

func FuzzReader(f *testing.F) {
	for _, s := range jsonSeeds {
		for mode := range uint8(3) {
			f.Add([]byte(s), mode, uint16(0))
		}
		f.Add([]byte(s), uint8(1), uint16(40))
	}
	for _, s := range nastyText[:12] {
		f.Add([]byte(s), uint8(0), uint16(0))
	}
	f.Fuzz(func(t *testing.T, b []byte, mode uint8, limit uint16) {
		r := Reader{Stdin: bytes.NewReader(b), MaxBytes: int64(limit)}
		max := r.maxBytes()
		emit := func(rec Record) { checkRecord(t, b, rec, max) }
		fail := func(e *Error) { checkError(t, b, e) }
		var err error
		src := article.Source{Path: "input.jsonl"}
		switch mode % 3 {
		case 0: // standard input: the format is sniffed
			err = r.Read(Input{Path: StdinPath}, emit, fail)
		case 1: // a .jsonl file
			err = r.readJSONLines(src, bufio.NewReaderSize(bytes.NewReader(b), 64<<10), emit, fail)
		case 2: // a .json file
			err = r.readJSON(src, bufio.NewReaderSize(bytes.NewReader(b), 64<<10), emit, fail)
		}
		if err != nil {
			e, ok := err.(*Error)
			if !ok {
				t.Fatalf("input %q: error %v is not an *Error", b, err)
			}
			checkError(t, b, e)
		}
	})
}
