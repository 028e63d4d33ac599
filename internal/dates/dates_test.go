package dates

import (
	"bufio"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline/internal/article"
)

const (
	pagesDir = "../../../shared/samples/pages"
	dataDir  = "../../../shared/data"
)

// samplePages returns the shared sample pages by number ("000" to "004").
func samplePages(tb testing.TB) map[string]string {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join(pagesDir, "*.txt"))
	if err != nil || len(paths) == 0 {
		tb.Skipf("no sample pages in %s: /work/shared is absent", pagesDir)
	}
	pages := make(map[string]string)
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		pages[filepath.Base(p)[:3]] = string(b)
	}
	return pages
}

type record struct {
	ID   string `json:"id"`
	URL  string `json:"url"`
	Lang string `json:"lang"`
	Text string `json:"text"`
}

// records returns the records of a shared data file.
func records(tb testing.TB, name string) []record {
	tb.Helper()
	f, err := os.Open(filepath.Join(dataDir, name))
	if errors.Is(err, fs.ErrNotExist) {
		tb.Skipf("no %s in %s: /work/shared is absent", name, dataDir)
	}
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var rs []record
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			tb.Fatalf("%s: %v", name, err)
		}
		rs = append(rs, r)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return rs
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestPublicationSamplePages(t *testing.T) {
	pages := samplePages(t)
	tests := []struct {
		page      string
		want      article.Published
		prefixLen int
	}{
		// "La visite doit avoir lieu le 14 septembre 2020, …" is the latest of
		// three dates; none is a dateline.
		{"000", article.Published{Time: day(2020, 9, 14), Precision: article.PrecisionDay, From: "text"}, 0},
		// "9 août" has no year.
		{"001", article.Published{}, 0},
		// A French page quoting an English tweet: "September 9, 2020".
		{"002", article.Published{Time: day(2020, 9, 9), Precision: article.PrecisionDay, From: "text"}, 0},
		{"003", article.Published{Time: day(2020, 9, 1), Precision: article.PrecisionMonth, From: "prefix"}, len(" date 2020-09 ")},
		// "le lundi 10 avril" and bare years only.
		{"004", article.Published{}, 0},
	}
	for _, tt := range tests {
		text, ok := pages[tt.page]
		if !ok {
			t.Fatalf("sample page %s missing", tt.page)
		}
		got, n := Publication(text, "fr")
		if got != tt.want || n != tt.prefixLen {
			t.Errorf("page %s: Publication = %+v, %d; want %+v, %d", tt.page, got, n, tt.want, tt.prefixLen)
		}
	}
	if text, n := pages["003"], len(" date 2020-09 "); !strings.HasPrefix(text[n:], "Le président biélorusse") {
		t.Errorf("page 003 without its prefix starts %q", text[n:n+20])
	}
}

func TestFindAllSamplePage(t *testing.T) {
	text := samplePages(t)["000"]
	want := []string{"14 septembre 2020", "9 août 2020", "9 septembre 2020"}
	var got []string
	for _, m := range FindAll(text, "fr") {
		got = append(got, text[m.Start:m.End])
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("FindAll(page 000) = %q, want %q", got, want)
	}
}

// ECB+ articles carry their dateline in every form US and UK sites print.
func TestPublicationECBPlusDatelines(t *testing.T) {
	byID := make(map[string]record)
	for _, r := range records(t, "ecbplus.jsonl") {
		byID[r.ID] = r
	}
	tests := []struct {
		id   string
		want time.Time
		prec article.Precision
	}{
		{"1_10ecbplus", day(2013, 5, 3), article.PrecisionDay},                                      // line 2: "May 03, 2013"
		{"1_11ecbplus", day(2013, 5, 2).Add(13*time.Hour + 32*time.Minute), article.PrecisionTime},  // line 3: "PUBLISHED: THURSDAY, MAY 2, 2013, 1: 32 PM", line 4 the update
		{"1_18ecbplus", day(2013, 5, 2).Add(12*time.Hour + 52*time.Minute), article.PrecisionTime},  // "12: 52 p. m. EDT May 2, 2013"
		{"9_2ecbplus", day(2009, 3, 3).Add(20*time.Hour + 41*time.Minute), article.PrecisionTime},   // line 1: "updated 8: 41 p. m. EST, Tue March 3, 2009"
		{"20_1ecbplus", day(2005, 11, 28).Add(2*time.Hour + 24*time.Minute), article.PrecisionTime}, // "Last Updated: Monday, 28 November 2005, 02: 24 GMT"
		{"30_3ecbplus", day(2011, 8, 16).Add(13*time.Hour + 42*time.Minute), article.PrecisionTime}, // "On Tue, 16 / 08 / 2011-13: 42": day first, 16 > 12
	}
	for _, tt := range tests {
		r, ok := byID[tt.id]
		if !ok {
			t.Fatalf("ecbplus.jsonl has no record %s", tt.id)
		}
		want := article.Published{Time: tt.want, Precision: tt.prec, Exact: true, From: "dateline"}
		if got, n := Publication(r.Text, r.Lang); got != want || n != 0 {
			t.Errorf("%s: Publication = %+v, %d; want %+v, 0", tt.id, got, n, want)
		}
	}
}

// A dateline must agree with the date many news URLs carry. On ECB+, 91 of
// the 92 datelines whose URL has a /YYYY/MM/DD/ date do, within a day; the
// other is a 2004 obituary filed under a 2012 URL.
func TestPublicationECBPlusURLs(t *testing.T) {
	urlDate := regexp.MustCompile(`/((?:19|20)\d\d)[/-](\d\d)[/-](\d\d)[/-]`)
	var dated, agree int
	for _, r := range records(t, "ecbplus.jsonl") {
		m := urlDate.FindStringSubmatch(r.URL)
		if m == nil {
			continue
		}
		u, err := time.Parse("2006/01/02", m[1]+"/"+m[2]+"/"+m[3])
		if err != nil {
			continue
		}
		p, _ := Publication(r.Text, r.Lang)
		if p.From != "dateline" {
			continue
		}
		dated++
		if d := p.Time.Sub(u); d > -48*time.Hour && d < 48*time.Hour {
			agree++
		} else {
			t.Logf("%s: dateline %v, URL %s", r.ID, p.Time.Format(time.DateOnly), r.URL)
		}
	}
	if dated < 80 || agree < dated*95/100 {
		t.Errorf("%d of %d datelines agree with their URL's date; want at least 80 datelines and 95%%", agree, dated)
	}
}

// Every " date " prefix of the multilingual corpus is read and stripped; a
// dateline below it may only make it finer (it does twice).
func TestPublicationMultilingualPrefixes(t *testing.T) {
	prefixRE := regexp.MustCompile(`^\s*date (\d{4}-\d{2})(?:-\d{2})?\s+`)
	var n int
	for _, r := range records(t, "multilingual.jsonl") {
		m := prefixRE.FindStringSubmatch(r.Text)
		if m == nil {
			continue
		}
		n++
		stated, err := time.Parse("2006-01", m[1])
		if err != nil {
			t.Fatal(err)
		}
		p, k := Publication(r.Text, r.Lang)
		if k != len(m[0]) {
			t.Errorf("%s: prefixLen = %d, want %d for %q", r.ID, k, len(m[0]), m[0])
		}
		if p.Time.Year() != stated.Year() || p.Time.Month() != stated.Month() || p.From != "prefix" && p.From != "dateline" {
			t.Errorf("%s: Publication = %+v for a text starting %q", r.ID, p, m[0])
		}
	}
	if n == 0 {
		t.Error("no prefixed record in multilingual.jsonl")
	}
}

func TestFindAll(t *testing.T) {
	tests := []struct {
		lang, text string
		want       []string // "2006-01-02", or "2006-01-02 15:04" when a time follows
	}{
		// French
		{"fr", "La visite aura lieu le 14 septembre 2020.", []string{"2020-09-14"}},
		{"fr", "depuis le 1er août 2020", []string{"2020-08-01"}},
		{"fr", "le 15 aout 2019, sans accent", []string{"2019-08-15"}},
		{"fr", "le 3 févr. 2021 et le 3 FÉVRIER 2022", []string{"2021-02-03", "2022-02-03"}},
		{"fr", "du 9 août 2020 au 14 septembre 2020", []string{"2020-08-09", "2020-09-14"}},
		{"fr", "le 9 aou\u0302t 2020 (accent combinant)", []string{"2020-08-09"}},
		{"fr", "Publié le 14/09/2020 à 10h32", []string{"2020-09-14 10:32"}},
		{"fr", "le 05/03/2013", []string{"2013-03-05"}},
		{"fr", "le 3 déc. 2019 à 18 h", []string{"2019-12-03 18:00"}},
		// English
		{"en", "on September 9, 2020, the", []string{"2020-09-09"}},
		{"en", "Sept. 7, 2017 and Feb. 2, 2009", []string{"2017-09-07", "2009-02-02"}},
		{"en", "on 9 September 2020", []string{"2020-09-09"}},
		{"en", "June 11th, 2012 and the 14th of September 2020", []string{"2012-06-11", "2020-09-14"}},
		{"en", "MONDAY, JUNE 11TH, 2012 AT 10: 49 AM", []string{"2012-06-11 10:49"}},
		{"en", "May 2, 2013, 1:12 PM", []string{"2013-05-02 13:12"}},
		{"en", "on Dec 23 2012, 6: 11p", []string{"2012-12-23 18:11"}},
		{"en", "05/03/2013", []string{"2013-05-03"}},
		{"en", "14/09/2020", []string{"2020-09-14"}},
		{"en", "Updated 12 / 19 / 2005 2: 48: 40 PM ET", []string{"2005-12-19 14:48"}},
		// German
		{"de", "am 14. September 2020", []string{"2020-09-14"}},
		{"de", "am 3. März 2021 oder 3. Maerz 2021", []string{"2021-03-03", "2021-03-03"}},
		{"de", "am 1. Mai 2020", []string{"2020-05-01"}},
		{"de", "15.09.2020 14:32 Uhr", []string{"2020-09-15 14:32"}},
		{"de", "am 15.09.2020 um 14:32 Uhr", []string{"2020-09-15 14:32"}},
		// Spanish
		{"es", "el 14 de septiembre de 2020", []string{"2020-09-14"}},
		{"es", "el 1º de mayo de 2020", []string{"2020-05-01"}},
		{"es", "el jueves 17 de agosto del 2017", []string{"2017-08-17"}},
		// Italian
		{"it", "il 5 ottobre 2018", []string{"2018-10-05"}},
		{"it", "il 14 settembre 2020", []string{"2020-09-14"}},
		{"it", "il 1° maggio 2020", []string{"2020-05-01"}},
		// Portuguese
		{"pt", "em 14 de setembro de 2020", []string{"2020-09-14"}},
		{"pt", "em 3 de março de 2021", []string{"2021-03-03"}},
		{"pt", "1 out. 2019", []string{"2019-10-01"}},
		// Dutch
		{"nl", "op 1 mei 2020", []string{"2020-05-01"}},
		{"nl", "14 maart 2019 en 3 mrt. 2019", []string{"2019-03-14", "2019-03-03"}},
		// Any language, and none
		{"", "14 septiembre 2020, 14. Oktober 2020, 14 ottobre 2020", []string{"2020-09-14", "2020-10-14", "2020-10-14"}},
		{"", "2020-09-14 and 2020/09/15", []string{"2020-09-14", "2020-09-15"}},
		{"", "2020-09-15T14:32:00Z", []string{"2020-09-15 14:32"}},
		{"", "Published: 2012. 08. 08 09: 01 AM", []string{"2012-08-08 09:01"}},
		// Not full dates, or not dates at all
		{"fr", "le 9 août, puis en 2014", nil},
		{"fr", "le lundi 10 avril", nil},
		{"fr", "en septembre 2020", nil},
		{"en", "in 2010 and 2011", nil},
		{"", "1.2086272-940440692", nil},
		{"", "version 1.2.2010.4", nil},
		{"", "2018-2019", nil},
		// Dates that do not exist
		{"fr", "le 31 février 2021", nil},
		{"en", "February 29, 2021 but February 29, 2012", []string{"2012-02-29"}},
		{"en", "April 31, 2020", nil},
		{"fr", "32 mai 2020", nil},
		{"", "30/02/2020", nil},
		{"", "2020-13-01 and 2020-02-30", nil},
		{"en", "13/13/2020", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range FindAll(tt.text, tt.lang) {
			layout := "2006-01-02"
			if m.Precision == article.PrecisionTime {
				layout = "2006-01-02 15:04"
			}
			got = append(got, m.Time.Format(layout))
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("FindAll(%q, %q) = %q, want %q", tt.text, tt.lang, got, tt.want)
		}
	}
}

func TestFindAllSpans(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Publié le 14/09/2020 à 10h32, modifié", "14/09/2020 à 10h32"},
		{"le 1er août 2020.", "1er août 2020"},
		{"on Sept. 7, 2017, officials", "Sept. 7, 2017"},
		{"am 14. September 2020 in Sotschi", "14. September 2020"},
	}
	for _, tt := range tests {
		ms := FindAll(tt.text, "")
		if len(ms) != 1 || tt.text[ms[0].Start:ms[0].End] != tt.want {
			t.Errorf("FindAll(%q) = %+v, want one mention %q", tt.text, ms, tt.want)
		}
	}
}

func TestPublication(t *testing.T) {
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, time.UTC) }
	dateline := func(t time.Time, p article.Precision) article.Published {
		return article.Published{Time: t, Precision: p, Exact: true, From: "dateline"}
	}
	tests := []struct {
		name, lang, text string
		want             article.Published
		prefixLen        int
	}{
		{"weekday", "fr", "Titre\nMardi 15 septembre 2020\nTexte.", dateline(day(2020, 9, 15), article.PrecisionDay), 0},
		{"numeric time", "de", "Titel\n15.09.2020 14:32\nText.", dateline(at(2020, 9, 15, 14, 32), article.PrecisionTime), 0},
		{"iso first line", "en", "2020-09-15\nTitle", dateline(day(2020, 9, 15), article.PrecisionDay), 0},
		{"publié le", "fr", "Titre\nPublié le 14/09/2020 à 10h32\nTexte.", dateline(at(2020, 9, 14, 10, 32), article.PrecisionTime), 0},
		{"mis à jour", "fr", "Titre\nMis à jour le 15/09/2020 à 18h05\nTexte.", dateline(at(2020, 9, 15, 18, 5), article.PrecisionTime), 0},
		{"veröffentlicht", "de", "Titel\nVeröffentlicht am 15.09.2020 um 14:32 Uhr\nText.", dateline(at(2020, 9, 15, 14, 32), article.PrecisionTime), 0},
		{"publicado el", "es", "Título\nPublicado el 15 de septiembre de 2020\nTexto.", dateline(day(2020, 9, 15), article.PrecisionDay), 0},
		{"pubblicato il", "it", "Titolo\nPubblicato il 5 ottobre 2018 alle 11:05\nTesto.", dateline(at(2018, 10, 5, 11, 5), article.PrecisionTime), 0},
		{"publicado em", "pt", "Título\nPublicado em 14 de setembro de 2020 às 10h32\nTexto.", dateline(at(2020, 9, 14, 10, 32), article.PrecisionTime), 0},
		{"gepubliceerd op", "nl", "Titel\nGepubliceerd op 1 mei 2020 om 14:32\nTekst.", dateline(at(2020, 5, 1, 14, 32), article.PrecisionTime), 0},
		{"time before date", "en", "Title\n12:52 p.m. EDT May 2, 2013\nText.", dateline(at(2013, 5, 2, 12, 52), article.PrecisionTime), 0},
		{"empty lines do not count", "fr", "\n\nTitre\n\n\n   \nChapeau\nMardi 15 septembre 2020\n", dateline(day(2020, 9, 15), article.PrecisionDay), 0},
		{
			"a sentence is no dateline", "fr", "Titre\nLe 14 septembre 2020, Poutine reçoit Loukachenko.\n",
			article.Published{Time: day(2020, 9, 14), Precision: article.PrecisionDay, From: "text"}, 0,
		},
		{
			"dateline too low", "fr", "a\nb\nc\nd\n15 septembre 2020",
			article.Published{Time: day(2020, 9, 15), Precision: article.PrecisionDay, From: "text"}, 0,
		},
		{"dateline before 1990", "en", "Bettie Page\nApril 22, 1923\n", article.Published{}, 0},
		{
			"prefix", "fr", " date 2020-09 Le président",
			article.Published{Time: day(2020, 9, 1), Precision: article.PrecisionMonth, From: "prefix"}, 14,
		},
		{
			"prefix with day", "en", "date 2017-09-20 Hurricane Maria",
			article.Published{Time: day(2017, 9, 20), Precision: article.PrecisionDay, From: "prefix"}, 16,
		},
		{
			"prefix beats text", "fr", " date 2020-09\nLe 9 août 2020, il a été élu.",
			article.Published{Time: day(2020, 9, 1), Precision: article.PrecisionMonth, From: "prefix"}, 14,
		},
		{"dateline beats prefix", "fr", " date 2020-09 Titre\nMardi 15 septembre 2020\n", dateline(day(2020, 9, 15), article.PrecisionDay), 14},
		{"no month 13", "fr", " date 2020-13 Titre", article.Published{}, 0},
		{"no 30 February", "fr", " date 2020-02-30 Titre", article.Published{}, 0},
		{"prefix glued to text", "fr", " date 2020-09Titre", article.Published{}, 0},
		{
			"announced date ignored", "fr",
			"Le sommet du 14 septembre 2020 suit l'élection du 9 août 2020. Le contrat court jusqu'au 31 décembre 2030.",
			article.Published{Time: day(2020, 9, 14), Precision: article.PrecisionDay, From: "text"}, 0,
		},
		{
			"past date recalled", "fr", "Comme après l'attentat du 13 novembre 2015, Paris se recueille ce 14 septembre 2020.",
			article.Published{Time: day(2020, 9, 14), Precision: article.PrecisionDay, From: "text"}, 0,
		},
		{
			"births ignored", "fr", "Né le 3 mars 1954, il est mort le 2 mai 2013.",
			article.Published{Time: day(2013, 5, 2), Precision: article.PrecisionDay, From: "text"}, 0,
		},
		{"only old dates", "fr", "Né le 3 mars 1954.", article.Published{}, 0},
		{"empty", "", "", article.Published{}, 0},
	}
	for _, tt := range tests {
		got, n := Publication(tt.text, tt.lang)
		if got != tt.want || n != tt.prefixLen {
			t.Errorf("%s: Publication(%q) = %+v, %d; want %+v, %d", tt.name, tt.text, got, n, tt.want, tt.prefixLen)
		}
	}
}

func FuzzPublication(f *testing.F) {
	for _, s := range []string{
		" date 2020-09 Le président", "Titre\nPublié le 14/09/2020 à 10h32", "May 2, 2013, 1:12 p. m.",
		"1.2.2010.4", "2020-09-15T14:32", "9 aou\u0302t 2020", "\xff12/13/2020", "12: 52 p.",
		// Hostile text: BOM, NUL, CRLF, mojibake, invalid UTF-8, digits of
		// other scripts, dates cut short, a long line of numbers.
		"\xEF\xBB\xBFPublié le 14/09/2020\r\nà 10h32\r\n", "14\x00/09/2020", "14 ao\xc3\xbbt 2020 \xc3", "Ã©tÃ© 14 aoÃ»t 2020",
		"١٤/٠٩/٢٠٢٠", "14/09/", "date 2020-", " date 2020-13-45 x", "31/02/2020 29/02/2021 00/00/0000",
		"\xe9t\xe9 14 sept. 2020 \xff", strings.Repeat("12/12/2012 ", 300), "",
	} {
		f.Add(s, "en")
		f.Add(s, "fr")
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		p, n := Publication(text, lang)
		if n < 0 || n > len(text) || p.Known() && (p.Time.Location() != time.UTC || p.Precision == "" || p.From == "") {
			t.Fatalf("Publication(%q) = %+v, %d", text, p, n)
		}
		last := 0
		for _, m := range FindAll(text, lang) {
			if m.Start < last || m.End <= m.Start || m.End > len(text) || m.Time.Location() != time.UTC || m.Time.IsZero() {
				t.Fatalf("FindAll(%q): bad mention %+v after offset %d", text, m, last)
			}
			last = m.End
		}
	})
}

func BenchmarkPublication(b *testing.B) {
	pages := samplePages(b)
	var size int
	for _, text := range pages {
		size += len(text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, text := range pages {
			Publication(text, "fr")
		}
	}
}
