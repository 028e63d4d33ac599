package clean

// Italian page furniture.
func init() {
	register("it", Phrases{
		Line: map[Kind][]string{
			KindComment:    {"commenti", "lascia un commento", "commenta", "rispondi"},
			KindAd:         {"pubblicita", "annuncio", "sponsorizzato", "contenuto sponsorizzato"},
			KindReadMore:   {"leggi tutto", "continua a leggere", "leggi di piu", "scopri di piu", "mostra di piu"},
			KindShare:      {"condividi", "condividi su facebook", "condividi su twitter", "stampa", "invia", "copia link"},
			KindFollow:     {"seguici"},
			KindNewsletter: {"iscriviti", "iscriviti alla newsletter", "abbonati"},
			KindLogin:      {"accedi", "registrati", "sei gia abbonato?"},
		},
		Lead: map[Kind][]string{
			KindRelated: {"leggi anche", "potrebbe interessarti", "potrebbe interessarti anche", "articoli correlati", "correlati", "ti potrebbe interessare", "piu letti", "vedi anche", "guarda anche"},
			KindTags:    {"tag", "argomenti"},
			KindCredit:  {"foto", "immagine"},
			KindRights:  {"riproduzione riservata", "tutti i diritti riservati"},
		},
		Within: map[Kind][]string{
			KindComment:    {"il tuo indirizzo email non sara pubblicato", "i campi obbligatori sono contrassegnati"},
			KindNewsletter: {"iscriviti alla nostra newsletter", "newsletter"},
			KindCookie:     {"utilizziamo i cookie", "questo sito utilizza cookie", "questo sito usa i cookie", "accetta i cookie", "cookie policy"},
			KindRights:     {"riproduzione riservata", "tutti i diritti riservati"},
		},
	})
}
