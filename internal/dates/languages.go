package dates

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// language is the vocabulary of dates in one language. Words are written as
// a reader would; they, and the words of a text, are folded to lower-case
// ASCII, so "Août", "aout" and "AOÛT" all match. Adding a language is adding
// an entry to languages.
type language struct {
	// months and weekdays (from Monday) list the full name first, then
	// variants and abbreviations, space-separated. A hyphenated name
	// ("segunda-feira") is read as its parts by the scanner.
	months   [12]string
	weekdays [7]string
	// ordinals follow a day number without a space: "1st", "1er", "1º".
	ordinals string
	// of links day, month and year: "14 de septiembre de 2020".
	of string
	// at introduces a clock time: "à 10h32", "um 14:32 Uhr".
	at string
	// dateline is what a publication line may say around its date:
	// "Publié le", "Last updated", "Veröffentlicht am".
	dateline string
	// monthFirst: slashed numeric dates read month/day/year.
	monthFirst bool

	// What Resolve reads besides full dates; see resolve.go for the rules.
	//
	// days are the words for a day next to the publication day, each with
	// its offset in days: "hier -1, aujourd'hui 0, demain +1".
	days string
	// dayPhrases are longer phrases around a day word or a weekday, with
	// their offset, or "-" when they name no particular day: "avant-hier
	// -2", "hoy en día -" (nowadays), "la mañana -" (the morning), "Sunday
	// Times -".
	dayPhrases string
	// last and next are words that put a weekday or a day and month before
	// or after the publication, written where they stand, "_" for the
	// date: "_ dernier" (mardi dernier, le 5 avril dernier), "next _". Only
	// there: "a passé dimanche" (spent Sunday), "on Sunday next to".
	last, next string
	// indefinite words before a weekday make it any such day: "le
	// dimanche" (on Sundays), "every Sunday", "a Sunday walk".
	indefinite string
	// dayArticle may stand between a weekday and its day number:
	// "Tuesday the 5th", "Montag, den 14.", "segunda-feira, dia 14".
	dayArticle string
	// weekdayParts may follow a weekday in one word: "Montagabend".
	weekdayParts string
	// capitalMonths are month names that are ordinary words in lower case:
	// "may", "march".
	capitalMonths string
	// lowerCaseNames: weekdays and months are written in lower case, so a
	// capitalised one inside a sentence is a name ("Mars 2020" the rover,
	// "Santo Domingo").
	lowerCaseNames bool
}

var languages = map[string]language{
	"en": {
		months: [12]string{
			"January Jan", "February Feb", "March Mar", "April Apr", "May", "June Jun",
			"July Jul", "August Aug", "September Sep Sept", "October Oct", "November Nov", "December Dec",
		},
		weekdays:      [7]string{"Monday Mon", "Tuesday Tue Tues", "Wednesday Wed", "Thursday Thu Thur Thurs", "Friday Fri", "Saturday Sat", "Sunday Sun"},
		ordinals:      "st nd rd th",
		of:            "of",
		at:            "at",
		dateline:      "published posted updated last first originally modified edited created released release story time date article added on",
		monthFirst:    true,
		days:          "yesterday -1, today 0, tonight 0, tomorrow +1",
		dayPhrases:    "the day before yesterday -2, the day after tomorrow +2, Patch Tuesday -, Black Friday -, Cyber Monday -, Bloody Sunday -, Man Friday -, Girl Friday -, Saturday Night Live -, Sunday Times -, Sunday Telegraph -, Sunday Mirror -, Sunday Express -, Sunday Post -, Sunday Herald -, Sunday Mail -, Sunday People -, Sunday Independent -",
		last:          "last _, past _",
		next:          "next _, coming _",
		indefinite:    "a every each first second third fourth",
		dayArticle:    "the",
		capitalMonths: "May March August",
	},
	"fr": {
		months: [12]string{
			"janvier janv", "février févr fév", "mars", "avril avr", "mai", "juin",
			"juillet juil", "août", "septembre sept", "octobre oct", "novembre nov", "décembre déc",
		},
		weekdays:       [7]string{"lundi lun", "mardi mar", "mercredi mer", "jeudi jeu", "vendredi ven", "samedi sam", "dimanche dim"},
		ordinals:       "er",
		at:             "à",
		dateline:       "publié mis mise jour le modifié actualisé dernière",
		days:           "hier -1, aujourd'hui 0, demain +1",
		dayPhrases:     "avant-hier -2, après-demain +2, jusqu'à aujourd'hui -, jusqu'aujourd'hui -, mardi gras -",
		last:           "_ dernier",
		next:           "_ prochain",
		indefinite:     "le chaque un",
		dayArticle:     "le",
		lowerCaseNames: true,
	},
	"de": {
		months: [12]string{
			"Januar Jänner Jan", "Februar Feb", "März Maerz Mrz", "April Apr", "Mai", "Juni Jun",
			"Juli Jul", "August Aug", "September Sep Sept", "Oktober Okt", "November Nov", "Dezember Dez",
		},
		weekdays:     [7]string{"Montag Mo", "Dienstag Di", "Mittwoch Mi", "Donnerstag Do", "Freitag Fr", "Samstag Sonnabend Sa", "Sonntag So"},
		at:           "um",
		dateline:     "veröffentlicht aktualisiert zuletzt geändert erstellt stand am",
		days:         "gestern -1, vorgestern -2, heute 0, morgen +1, übermorgen +2",
		dayPhrases:   "heute morgen 0, gestern morgen -1, morgen früh +1, bis heute -, bis heute abend 0, von heute auf morgen -",
		last:         "letzten _, letzter _, vergangenen _, vergangener _, vorigen _, voriger _",
		next:         "nächsten _, nächster _, kommenden _, kommender _",
		indefinite:   "jeden einem einen",
		dayArticle:   "den",
		weekdayParts: "morgen vormittag mittag nachmittag abend nacht früh",
	},
	"es": {
		months: [12]string{
			"enero ene", "febrero feb", "marzo mar", "abril abr", "mayo may", "junio jun",
			"julio jul", "agosto ago", "septiembre setiembre sep sept", "octubre oct", "noviembre nov", "diciembre dic",
		},
		weekdays:       [7]string{"lunes lun", "martes mar", "miércoles mié", "jueves jue", "viernes vie", "sábado sáb", "domingo dom"},
		ordinals:       "º",
		of:             "de del",
		at:             "a las",
		dateline:       "publicado actualizado el",
		days:           "ayer -1, anteayer -2, hoy 0, mañana +1",
		dayPhrases:     "antes de ayer -2, pasado mañana +2, esta mañana 0, la mañana -, una mañana -, cada mañana -, media mañana -, hoy en día -, hoy día -",
		last:           "_ pasado, pasado _",
		next:           "_ próximo, próximo _",
		indefinite:     "los cada un",
		dayArticle:     "día",
		lowerCaseNames: true,
	},
	"it": {
		months: [12]string{
			"gennaio gen", "febbraio feb", "marzo mar", "aprile apr", "maggio mag", "giugno giu",
			"luglio lug", "agosto ago", "settembre set sett", "ottobre ott", "novembre nov", "dicembre dic",
		},
		weekdays:       [7]string{"lunedì lun", "martedì mar", "mercoledì mer", "giovedì gio", "venerdì ven", "sabato sab", "domenica dom"},
		ordinals:       "º",
		at:             "alle ore",
		dateline:       "pubblicato aggiornato il",
		days:           "ieri -1, altroieri -2, oggi 0, domani +1, dopodomani +2",
		dayPhrases:     "l'altro ieri -2, ad oggi -, fino a oggi -, fino ad oggi -, al giorno d'oggi -, oggi giorno -",
		last:           "_ scorso, _ scorsa, scorso _, scorsa _",
		next:           "_ prossimo, _ prossima, prossimo _, prossima _",
		indefinite:     "il ogni un",
		lowerCaseNames: true,
	},
	"pt": {
		months: [12]string{
			"janeiro jan", "fevereiro fev", "março mar", "abril abr", "maio mai", "junho jun",
			"julho jul", "agosto ago", "setembro set", "outubro out", "novembro nov", "dezembro dez",
		},
		weekdays:       [7]string{"segunda-feira segunda seg", "terça-feira terça ter", "quarta-feira quarta qua", "quinta-feira quinta qui", "sexta-feira sexta sex", "sábado sáb", "domingo dom"},
		ordinals:       "º",
		of:             "de",
		at:             "às",
		dateline:       "publicado atualizado actualizado em",
		days:           "ontem -1, anteontem -2, hoje 0, amanhã +1",
		dayPhrases:     "depois de amanhã +2, hoje em dia -, até hoje -",
		last:           "_ passado, _ passada, passado _, passada _",
		next:           "_ próximo, _ próxima, próximo _, próxima _",
		indefinite:     "todo toda cada um uma",
		dayArticle:     "dia",
		lowerCaseNames: true,
	},
	"nl": {
		months: [12]string{
			"januari jan", "februari feb", "maart mrt", "april apr", "mei", "juni jun",
			"juli jul", "augustus aug", "september sep sept", "oktober okt", "november nov", "december dec",
		},
		weekdays:       [7]string{"maandag ma", "dinsdag di", "woensdag wo", "donderdag do", "vrijdag vr", "zaterdag za", "zondag zo"},
		at:             "om",
		dateline:       "gepubliceerd geplaatst bijgewerkt laatst op",
		days:           "gisteren -1, eergisteren -2, vandaag 0, vanmorgen 0, vanochtend 0, vanmiddag 0, vanavond 0, morgen +1, overmorgen +2",
		dayPhrases:     "deze morgen 0, de morgen -, die morgen -, een morgen -, elke morgen -, iedere morgen -, goede morgen -",
		last:           "afgelopen _, vorige _",
		next:           "volgende _, komende _, aanstaande _",
		indefinite:     "elke iedere een",
		weekdayParts:   "ochtend morgen middag avond nacht",
		lowerCaseNames: true,
	},
}

// Words that are not tied to one language.
const (
	hourWords = "h uhr hrs heures uur"
	meridiems = "am pm"
	// Zone names are recognised only so that a dateline may carry them; no
	// offset is applied (see Publication).
	zones = "gmt utc z bst cet cest mez mesz eet eest wet west edt est cdt cst mdt mst pdt pst akdt hst aest aedt ist hkt jst et ct mt pt uk"
)

// word classes, as bits of info.flags.
const (
	fWeekday = 1 << iota
	fOrdinal
	fOf
	fAt
	fDateline
	fHour
	fMeridiem
	fZone
)

// info is what a folded word can be in a date.
type info struct {
	month int8 // 1 to 12, or 0
	flags uint8
}

// maxKey bounds the folded length of a word worth looking up; longer words
// ("veröffentlicht" is 14) are no date words.
const maxKey = 16

// vocabulary maps every folded date word of every language to what it can
// be. No word names different months in different languages, so one table
// serves all of them and a page quoting another language ("September 9,
// 2020" in a French article) is still read.
var vocabulary = map[string]info{}

func init() {
	add := func(words string, month int8, flags uint8) {
		for _, w := range strings.Fields(words) {
			var key [maxKey]byte
			n, ok := foldKey(&key, w)
			if !ok {
				panic("dates: cannot fold " + w)
			}
			k := string(key[:n])
			v := vocabulary[k]
			if month != 0 && v.month != 0 && v.month != month {
				panic("dates: " + w + " names two months")
			}
			if month != 0 {
				v.month = month
			}
			v.flags |= flags
			vocabulary[k] = v
		}
	}
	for _, l := range languages {
		for i, names := range l.months {
			add(names, int8(i+1), 0)
		}
		for _, names := range l.weekdays {
			add(strings.ReplaceAll(names, "-", " "), 0, fWeekday)
		}
		add(l.ordinals, 0, fOrdinal)
		add(l.of, 0, fOf)
		add(l.at, 0, fAt)
		add(l.dateline, 0, fDateline)
	}
	add(hourWords, 0, fHour)
	add(meridiems, 0, fMeridiem)
	add(zones, 0, fZone)
}

// foldFirst and folds give the lower-case ASCII form of the Latin letters
// from ª (U+00AA) to U+024F, or "" for those without one (ß, ø). The table
// is derived from Unicode compatibility decomposition rather than typed by
// hand, so no accent is forgotten.
const (
	foldFirst = 0x00AA
	foldLast  = 0x024F
)

// folds is a variable initialiser, not an init func, so that it is ready
// when init builds the vocabulary.
var folds = func() (f [foldLast - foldFirst + 1]string) {
	for r := rune(foldFirst); r <= foldLast; r++ {
		f[r-foldFirst] = decompose(r)
	}
	return f
}()

// decompose returns the ASCII letters r decomposes to, lower-cased, or "".
func decompose(r rune) string {
	var b strings.Builder
	for _, d := range norm.NFKD.String(string(r)) {
		switch {
		case unicode.Is(unicode.Mn, d):
		case d < 0x80 && unicode.IsLetter(d):
			b.WriteRune(unicode.ToLower(d))
		default:
			return ""
		}
	}
	return b.String()
}

// lookup returns what word w can be in a date.
func lookup(w string) info {
	var key [maxKey]byte
	n, ok := foldKey(&key, w)
	if !ok {
		return info{}
	}
	return vocabulary[string(key[:n])] // indexing with a converted slice does not allocate
}

// foldKey writes w in lower-case ASCII without accents to key, as the
// vocabulary is keyed. It fails when w is too long or has a letter no date
// word has.
func foldKey(key *[maxKey]byte, w string) (n int, ok bool) {
	put := func(f string) bool {
		if n+len(f) > maxKey {
			return false
		}
		n += copy(key[n:], f)
		return true
	}
	for i := 0; i < len(w); {
		c := w[i]
		if c < 0x80 {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if n == maxKey {
				return n, false
			}
			key[n] = c
			n, i = n+1, i+1
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		i += size
		switch {
		case r >= foldFirst && r <= foldLast && folds[r-foldFirst] != "":
			if !put(folds[r-foldFirst]) {
				return n, false
			}
		case unicode.Is(unicode.Mn, r):
			// an accent written as a combining mark
		default:
			return n, false
		}
	}
	return n, true
}
