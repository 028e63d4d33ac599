package dates

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline/internal/article"
)

// resolved renders what Resolve finds as "span=2006-01-02", or
// "span=2006-01/month" for a month.
func resolved(text, lang string, ref time.Time) []string {
	var got []string
	for _, r := range Resolve(text, lang, ref) {
		layout := "2006-01-02"
		if r.Precision == article.PrecisionMonth {
			layout = "2006-01/month"
		}
		got = append(got, text[r.Start:r.End]+"="+r.Time.Format(layout))
	}
	return got
}

// The sample pages with their real publication days: 001 reports Putin's
// call on Lukashenko's birthday, Sunday 30 August 2020; 002 the visit
// announced for Monday 14 September; 003 the visit on its day; 004 the
// Russian defence minister in Minsk on Monday 10 April 2023.
func TestResolveSamplePages(t *testing.T) {
	pages := samplePages(t)
	tests := []struct {
		page string
		ref  time.Time
		want []string
	}{
		{"000", day(2020, 9, 13), []string{"14 septembre 2020=2020-09-14", "9 août 2020=2020-08-09", "9 septembre 2020=2020-09-09"}},
		{"001", day(2020, 8, 31), []string{
			"dimanche=2020-08-30", // "un appel téléphonique dimanche"
			"dimanche=2020-08-30", // "qui a eu 66 ans dimanche"
			"9 août=2020-08-09",
			"jeudi=2020-08-27",
			"vendredi=2020-08-28",
		}},
		{"002", day(2020, 9, 11), []string{"lundi 14 septembre=2020-09-14", "9 août=2020-08-09", "September 9, 2020=2020-09-09", "jeudi=2020-09-10"}},
		{"003", day(2020, 9, 14), []string{"aujourd'hui=2020-09-14", "9 août=2020-08-09", "dimanche=2020-09-13", "aujourd’hui=2020-09-14"}},
		{"004", day(2023, 4, 11), []string{"lundi 10 avril=2023-04-10", "5 avril dernier=2023-04-05"}},
	}
	for _, tt := range tests {
		got := resolved(pages[tt.page], "fr", tt.ref)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("page %s, ref %s:\n got %q\nwant %q", tt.page, tt.ref.Format(time.DateOnly), got, tt.want)
		}
	}
}

// Real articles resolved against their dateline, on events whose day is
// known: Lindsay Lohan entered the Betty Ford Center on Thursday 2 May 2013,
// Esther Williams died on Thursday 6 June 2013, Ellen DeGeneres was named
// Oscar host on Friday 2 August 2013, three people died in an Athens bank
// on 5 May 2010, the Troy shooter was fired on Thursday 5 April 2007 and
// shot on Monday 9 April, the Colts played the Texans on 30 December 2012,
// a truck hit a Berlin Christmas market on Monday 19 December 2016, the
// British voted to leave the EU on 23 June 2016, and Irma reached Florida
// in the night to Monday 11 September 2017.
func TestResolveCorpora(t *testing.T) {
	byID := make(map[string]record)
	for _, name := range []string{"ecbplus.jsonl", "multilingual.jsonl"} {
		for _, r := range records(t, name) {
			byID[r.ID] = r
		}
	}
	tests := []struct {
		id, mention string
		want        time.Time
	}{
		{"1_15ecbplus", "Thursday", day(2013, 5, 2)},
		{"1_19ecbplus", "Thursday, May 2", day(2013, 5, 2)},
		{"1_13ecbplus", "May 2", day(2013, 5, 2)},
		{"4_2ecbplus", "Thursday", day(2013, 6, 6)},
		{"2_8ecbplus", "Friday", day(2013, 8, 2)},
		{"8_1ecbplus", "today", day(2010, 5, 5)},
		{"18_7ecbplus", "last Thursday", day(2007, 4, 5)},
		{"18_7ecbplus", "Monday", day(2007, 4, 9)},
		{"29_10ecbplus", "next Sunday", day(2012, 12, 30)},
		{"ml_fa314dfc2e0c", "lundi", day(2016, 12, 19)},
		{"ml_be7ff7d03f87", "hier", day(2016, 6, 23)},
		{"ml_5bbdf7c52859", "Montag", day(2017, 9, 11)},
	}
	for _, tt := range tests {
		r, ok := byID[tt.id]
		if !ok {
			t.Fatalf("no record %s", tt.id)
		}
		p, n := Publication(r.Text, r.Lang)
		if p.From != "dateline" {
			t.Fatalf("%s: no dateline (%+v)", tt.id, p)
		}
		text := r.Text[n:]
		var found bool
		for _, m := range Resolve(text, r.Lang, p.Time) {
			if text[m.Start:m.End] == tt.mention {
				found = true
				if !m.Time.Equal(tt.want) || !m.Relative {
					t.Errorf("%s: %q = %s, relative %v; want %s, relative", tt.id, tt.mention, m.Time.Format(time.DateOnly), m.Relative, tt.want.Format(time.DateOnly))
				}
				break
			}
		}
		if !found {
			t.Errorf("%s: %q not resolved against %s", tt.id, tt.mention, p.Time.Format(time.DateOnly))
		}
	}
}

func TestResolve(t *testing.T) {
	ref := day(2020, 9, 13) // a Sunday
	tests := []struct {
		lang, text string
		want       []string
	}{
		// French
		{"fr", "élu le 9 août, il", []string{"9 août=2020-08-09"}},
		{"fr", "le 1er mai", []string{"1er mai=2020-05-01"}},
		{"fr", "le 3 juil. à Paris", []string{"3 juil.=2020-07-03"}},
		{"fr", "le 14 décembre", []string{"14 décembre=2020-12-14"}},
		{"fr", "le 5 avril dernier", []string{"5 avril dernier=2020-04-05"}},
		{"fr", "le 14 janvier prochain", []string{"14 janvier prochain=2021-01-14"}},
		{"fr", "prévue lundi 14 septembre", []string{"lundi 14 septembre=2020-09-14"}},
		{"fr", "le mardi 10 septembre", []string{"mardi 10 septembre=2019-09-10"}}, // the year where it is a Tuesday
		{"fr", "mer. 9 septembre", []string{"mer. 9 septembre=2020-09-09"}},
		{"fr", "Poutine a appelé dimanche", []string{"dimanche=2020-09-13"}},
		{"fr", "Dimanche, il a plu", []string{"Dimanche=2020-09-13"}},
		{"fr", "a déclaré jeudi que", []string{"jeudi=2020-09-10"}},
		{"fr", "mardi dernier", []string{"mardi dernier=2020-09-08"}},
		{"fr", "dimanche dernier", []string{"dimanche dernier=2020-09-06"}},
		{"fr", "mardi prochain", []string{"mardi prochain=2020-09-15"}},
		{"fr", "il a passé dimanche à Paris", []string{"dimanche=2020-09-13"}}, // passé: spent, not past
		{"fr", "ce jeudi 10 à Minsk", []string{"jeudi 10=2020-09-10"}},
		{"fr", "jeudi 10h30", []string{"jeudi=2020-09-10"}},
		{"fr", "hier soir", []string{"hier=2020-09-12"}},
		{"fr", "aujourd’hui et demain", []string{"aujourd’hui=2020-09-13", "demain=2020-09-14"}},
		{"fr", "avant-hier, après-demain", []string{"avant-hier=2020-09-11", "après-demain=2020-09-15"}},
		{"fr", "en septembre 2019", []string{"septembre 2019=2019-09/month"}},
		{"fr", "du 9 août 2020 au 14 septembre", []string{"9 août 2020=2020-08-09", "14 septembre=2020-09-14"}},
		// English
		{"en", "went to Promises on Tuesday and", []string{"Tuesday=2020-09-08"}},
		{"en", "Early Friday morning", []string{"Friday=2020-09-11"}},
		{"en", "said last Friday", []string{"last Friday=2020-09-11"}},
		{"en", "next Tuesday", []string{"next Tuesday=2020-09-15"}},
		{"en", "this coming Sunday", []string{"coming Sunday=2020-09-20"}},
		{"en", "on Sunday next to the river", []string{"Sunday=2020-09-13"}},
		{"en", "on April 9, the", []string{"April 9=2020-04-09"}},
		{"en", "on Sept. 7 and June 8th", []string{"Sept. 7=2020-09-07", "June 8th=2020-06-08"}},
		{"en", "on Friday (Oct 11)", []string{"Friday=2020-09-11", "Oct 11=2020-10-11"}},
		{"en", "on 9 April and the 9th of April", []string{"9 April=2020-04-09", "9th of April=2020-04-09"}},
		{"en", "Thursday the 10th", []string{"Thursday the 10th=2020-09-10"}},
		{"en", "Tuesday, Sept. 8", []string{"Tuesday, Sept. 8=2020-09-08"}},
		{"en", "PUBLISHED: THURSDAY, MAY 2, 2013", []string{"THURSDAY, MAY 2, 2013=2013-05-02"}},
		{"en", "yesterday, today, tonight, tomorrow", []string{"yesterday=2020-09-12", "today=2020-09-13", "tonight=2020-09-13", "tomorrow=2020-09-14"}},
		{"en", "the day before yesterday", []string{"the day before yesterday=2020-09-11"}},
		{"en", "in September of 2019", []string{"September of 2019=2019-09/month"}},
		{"en", "from Jan 2020 to May 2020", []string{"Jan 2020=2020-01/month", "May 2020=2020-05/month"}},
		// German
		{"de", "am Montag", []string{"Montag=2020-09-07"}},
		{"de", "gestern, heute, morgen", []string{"gestern=2020-09-12", "heute=2020-09-13", "morgen=2020-09-14"}},
		{"de", "vorgestern und übermorgen", []string{"vorgestern=2020-09-11", "übermorgen=2020-09-15"}},
		{"de", "heute Morgen", []string{"heute Morgen=2020-09-13"}},
		{"de", "Morgen beginnt", []string{"Morgen=2020-09-14"}},
		{"de", "am 5. April", []string{"5. April=2020-04-05"}},
		{"de", "am Montagabend", []string{"Montagabend=2020-09-07"}},
		{"de", "am vergangenen Freitag", []string{"vergangenen Freitag=2020-09-11"}},
		{"de", "am kommenden Freitag", []string{"kommenden Freitag=2020-09-18"}},
		{"de", "Di., 5. Mai", []string{"Di., 5. Mai=2020-05-05"}},
		{"de", "im September 2020", []string{"September 2020=2020-09/month"}},
		// Spanish
		{"es", "el martes", []string{"martes=2020-09-08"}},
		{"es", "ayer, hoy y mañana", []string{"ayer=2020-09-12", "hoy=2020-09-13", "mañana=2020-09-14"}},
		{"es", "anteayer, antes de ayer, pasado mañana", []string{"anteayer=2020-09-11", "antes de ayer=2020-09-11", "pasado mañana=2020-09-15"}},
		{"es", "esta mañana", []string{"esta mañana=2020-09-13"}},
		{"es", "En la mañana de hoy", []string{"hoy=2020-09-13"}},
		{"es", "el 5 de abril", []string{"5 de abril=2020-04-05"}},
		{"es", "el pasado 5 de abril", []string{"pasado 5 de abril=2020-04-05"}},
		{"es", "el próximo lunes", []string{"próximo lunes=2020-09-14"}},
		{"es", "el lunes pasado", []string{"lunes pasado=2020-09-07"}},
		{"es", "este jueves 18 de febrero", []string{"jueves 18 de febrero=2021-02-18"}},
		{"es", "en marzo de 2018", []string{"marzo de 2018=2018-03/month"}},
		// Italian
		{"it", "ieri, oggi, domani, dopodomani", []string{"ieri=2020-09-12", "oggi=2020-09-13", "domani=2020-09-14", "dopodomani=2020-09-15"}},
		{"it", "l'altro ieri", []string{"l'altro ieri=2020-09-11"}},
		{"it", "martedì scorso", []string{"martedì scorso=2020-09-08"}},
		{"it", "il prossimo venerdì", []string{"prossimo venerdì=2020-09-18"}},
		{"it", "lunedi", []string{"lunedi=2020-09-07"}},
		{"it", "il 5 aprile", []string{"5 aprile=2020-04-05"}},
		// Portuguese
		{"pt", "ontem, hoje e amanhã", []string{"ontem=2020-09-12", "hoje=2020-09-13", "amanhã=2020-09-14"}},
		{"pt", "na segunda-feira", []string{"segunda-feira=2020-09-07"}},
		{"pt", "no domingo", []string{"domingo=2020-09-13"}},
		{"pt", "na próxima sexta-feira", []string{"próxima sexta-feira=2020-09-18"}},
		{"pt", "em 5 de abril", []string{"5 de abril=2020-04-05"}},
		{"pt", "no passado dia 5 de abril", []string{"passado dia 5 de abril=2020-04-05"}},
		{"pt", "segunda-feira, dia 14 de setembro", []string{"segunda-feira, dia 14 de setembro=2020-09-14"}},
		// Dutch
		{"nl", "gisteren, vandaag, morgen", []string{"gisteren=2020-09-12", "vandaag=2020-09-13", "morgen=2020-09-14"}},
		{"nl", "vanavond", []string{"vanavond=2020-09-13"}},
		{"nl", "op maandag", []string{"maandag=2020-09-07"}},
		{"nl", "maandagavond", []string{"maandagavond=2020-09-07"}},
		{"nl", "afgelopen vrijdag", []string{"afgelopen vrijdag=2020-09-11"}},
		{"nl", "op 5 april", []string{"5 april=2020-04-05"}},
		{"nl", "2017-09 Woensdag raasde", []string{"Woensdag=2020-09-09"}},
		// Unknown language: months of all languages, no weekday or day word.
		{"", "le 9 août, am 5. April, hier, dimanche, Montag", []string{"9 août=2020-08-09", "5. April=2020-04-05"}},
	}
	for _, tt := range tests {
		got := resolved(tt.text, tt.lang, ref)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Resolve(%q, %q) = %q, want %q", tt.text, tt.lang, got, tt.want)
		}
	}
}

// Words that look like dates and are not.
func TestResolveFalseHits(t *testing.T) {
	ref := day(2020, 9, 13)
	tests := []struct{ lang, text string }{
		// French
		{"fr", "Il a nagé dans la mer Noire."},                     // mer: mercredi abbreviated
		{"fr", "En mai, fais ce qu'il te plaît."},                  // a month alone
		{"fr", "la mission Mars 2020 de la NASA"},                  // the rover
		{"fr", "le marché a lieu le dimanche et chaque lundi"},     // any Sunday, any Monday
		{"fr", "un dimanche de printemps"},                         // some Sunday
		{"fr", "pendant le Mardi gras"},                            // a feast
		{"fr", "il a gagné le jeu 10 fois"},                        // jeu: jeudi abbreviated
		{"fr", "depuis 26 ans, 78.761 cas, 13 000 morts, en 2014"}, // numbers
		{"fr", "le 7 sept à Paris"},                                // sept: seven, or September without its dot
		{"fr", "la situation jusqu'à aujourd'hui"},                 // until now
		{"fr", "le 31 février 2021"},                               // no such day
		{"fr", "du 1,5 mai"},                                       // a decimal
		// English
		{"en", "They may have fled."},
		{"en", "the 3 may have fled"},
		{"en", "Thousands march 5 miles"},
		{"en", "The Sun reported it. The Sun 5 times"},
		{"en", "told the Sunday Times"},
		{"en", "Patch Tuesday updates and Black Friday sales"},
		{"en", "every Monday, a Sunday walk"},
		{"en", "the second Tuesday of each month"},
		{"en", "USA Today reported"},
		{"en", "In March, prices rose in 2014"},
		{"en", "the Mars 2020 rover"},
		{"en", "at 5:30 on Channel 5"},
		{"en", "30-7 Oct. 19 loss"},   // a score before the month: ambiguous
		{"en", "on November 27-2005"}, // a year in a form FindAll does not read
		// German
		{"de", "So kam es, und Sa ist kein Tag"},
		{"de", "Hier ist es kalt"},
		{"de", "am Morgen, jeden Montag"},
		{"de", "bis heute ungeklärt, von heute auf morgen"},
		{"de", "Mo Farah"},
		// Spanish
		{"es", "el mar Mediterráneo"},
		{"es", "hoy en día, por la mañana"},
		{"es", "los lunes"},
		{"es", "en Santo Domingo con Plácido Domingo"},
		// Italian
		{"it", "non è mai stato"},
		{"it", "ad oggi, al giorno d'oggi"},
		{"it", "il lunedì si lavora"},
		// Portuguese
		{"pt", "na segunda vez, a terça parte"},
		{"pt", "hoje em dia, até hoje"},
		{"pt", "todo domingo"},
		// Dutch
		{"nl", "in de morgen"},
		{"nl", "Ik ben hier"},
		{"nl", "elke maandag"},
	}
	for _, tt := range tests {
		if got := resolved(tt.text, tt.lang, ref); len(got) > 0 {
			t.Errorf("Resolve(%q, %q) = %q, want nothing", tt.text, tt.lang, got)
		}
	}
}

// Without a publication date, only what states its year is a date.
func TestResolveZeroRef(t *testing.T) {
	text := "le 9 août, le 14 septembre 2020, en septembre 2020, hier, dimanche, lundi 14 septembre"
	want := []string{"14 septembre 2020=2020-09-14", "septembre 2020=2020-09/month"}
	if got := resolved(text, "fr", time.Time{}); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Resolve(%q) with no reference = %q, want %q", text, got, want)
	}
}

// The reference is a calendar day wherever it is, and results are days.
func TestResolveTimes(t *testing.T) {
	paris := time.FixedZone("CEST", 2*3600)
	text := "hier, à 10h32 le 14/09/2020 à 10h32"
	rs := Resolve(text, "fr", time.Date(2020, 9, 15, 0, 30, 0, 0, paris))
	want := []time.Time{day(2020, 9, 14), day(2020, 9, 14)}
	if len(rs) != len(want) {
		t.Fatalf("Resolve(%q) = %+v", text, rs)
	}
	for i, r := range rs {
		if !r.Time.Equal(want[i]) || r.Time.Location() != time.UTC || r.Precision != article.PrecisionDay {
			t.Errorf("Resolve(%q)[%d] = %+v, want %s UTC, day", text, i, r, want[i].Format(time.DateOnly))
		}
	}
	if !rs[0].Relative || rs[1].Relative {
		t.Errorf("Resolve(%q): Relative = %v, %v; want true, false", text, rs[0].Relative, rs[1].Relative)
	}
}

// Every full date FindAll finds in the corpora, Resolve returns on the same
// day, in order and without overlap.
func TestResolveAgreesWithFindAll(t *testing.T) {
	var texts []record
	for _, name := range []string{"ecbplus.jsonl", "multilingual.jsonl"} {
		texts = append(texts, records(t, name)...)
	}
	for id, text := range samplePages(t) {
		texts = append(texts, record{ID: id, Lang: "fr", Text: text})
	}
	for _, r := range texts {
		p, _ := Publication(r.Text, r.Lang)
		rs := Resolve(r.Text, r.Lang, p.Time)
		checkResolved(t, r.Text, rs)
		k := 0
		for _, m := range FindAll(r.Text, r.Lang) {
			for k < len(rs) && rs[k].End < m.End {
				k++
			}
			y, mo, d := m.Time.Date()
			if k == len(rs) || rs[k].Start > m.Start || rs[k].End != m.End || !rs[k].Time.Equal(day(y, mo, d)) || rs[k].Relative {
				t.Errorf("%s: FindAll's %q (%s) missing from Resolve", r.ID, r.Text[m.Start:m.End], m.Time.Format(time.DateOnly))
			}
		}
	}
}

// checkResolved checks what holds of every result.
func checkResolved(t *testing.T, text string, rs []Resolved) {
	t.Helper()
	last := 0
	for _, r := range rs {
		y, m, d := r.Time.Date()
		if r.Start < last || r.End <= r.Start || r.End > len(text) || r.Time.Location() != time.UTC ||
			!r.Time.Equal(time.Date(y, m, d, 0, 0, 0, 0, time.UTC)) ||
			r.Precision != article.PrecisionDay && (r.Precision != article.PrecisionMonth || d != 1) {
			t.Fatalf("Resolve(%q): bad result %+v after offset %d", text, r, last)
		}
		last = r.End
	}
}

func FuzzResolve(f *testing.F) {
	for _, s := range []string{
		"lundi 14 septembre", "le 9 août", "aujourd’hui", "avant-hier", "on Tuesday, Sept. 8", "Montagabend",
		"segunda-feira, dia 14", "jeudi 10", "29 février", "l'altro ieri", "\xffmardi", "ü", "Sunday Times",
		// Hostile text, as in FuzzPublication.
		"\xEF\xBB\xBFlundi 14 septembre\r\nmardi", "le 9 ao\xc3\xbbt \xc3", "le 9 aoÃ»t", "hier\x00soir", "31 février dernier",
		"le 9 août 1989 et le 9 août 2099", strings.Repeat("lundi 14 ", 300), "",
	} {
		f.Add(s, "fr", int64(0))
		f.Add(s, "en", int64(1600000000))
		f.Add(s, "pt", int64(-1))
		f.Add(s, "fr", int64(math.MaxInt64-4)) // remainder 3: taken as is
		f.Add(s, "en", int64(math.MinInt64+5)) // remainder -3
	}
	f.Fuzz(func(t *testing.T, text, lang string, unix int64) {
		var ref time.Time
		switch {
		case unix%7 == 3 || unix%7 == -3:
			// Any time at all: metadata can state year 292277026596 (the
			// reader takes Unix seconds as given).
			ref = time.Unix(unix, 0)
		case unix != 0:
			ref = time.Unix(unix%(1<<34), 0)
		}
		rs := Resolve(text, lang, ref)
		checkResolved(t, text, rs)
		for _, r := range rs {
			if ref.IsZero() && r.Relative {
				t.Fatalf("Resolve(%q) with no reference: %+v", text, r)
			}
		}
	})
}

func BenchmarkResolve(b *testing.B) {
	pages := samplePages(b)
	var size int
	for _, text := range pages {
		size += len(text)
	}
	ref := day(2020, 9, 13)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, text := range pages {
			Resolve(text, "fr", ref)
		}
	}
}
