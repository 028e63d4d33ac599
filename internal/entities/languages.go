package entities

import "strings"

// language holds the words of one language that matter for finding names.
// Words are written as a reader would; they are normalised like the text
// ("Über" and "uber" meet). Adding a language is adding an entry.
type language struct {
	// function words: articles, pronouns, prepositions, conjunctions,
	// auxiliaries and the adverbs that open sentences. Capitalised only
	// because a sentence starts with them, they never begin a name.
	function string
	// titles stand before a person's name: "président", "Mr", "Kanzlerin".
	titles string
	// calendar words (months, feasts) are capitalised in some languages but
	// never names; weekdays, in addition, are cut from the end of a name:
	// "Puerto Rico Wednesday".
	calendar, weekdays string
}

// Language bits, for words that are function words in one language and
// names in another ("Will", "Die", "Los").
var langBits = map[string]uint8{"en": 1, "fr": 2, "de": 4, "es": 8, "it": 16, "pt": 32, "nl": 64}

const allLangs = 0x7F

var languages = map[string]language{
	"en": {
		function: `a an the this that these those there here it its it's he she they we you i me him her them us our
			your their his my mine who whom whose which what when where why how whether if unless because since as at
			by for from in into of on onto off out over under up down to with within without about above after before
			against among around between during through until upon via and or but nor so yet not no yes all any both
			each every few many more most much other some such only own same than too very just also even still
			already again ever never always often sometimes now then today yesterday tomorrow tonight meanwhile
			however moreover furthermore therefore thus hence instead although though while whereas once is are was
			were be been being am do does did doing have has had having can could shall should would must might
			let according despite including following last next one two three four five six seven eight nine ten
			later earlier please share read watch see click follow subscribe sign updated posted related
			advertisement`,
		titles: `president mr mrs ms miss dr sir dame lord lady gen general sen senator rep representative gov governor
			mayor judge justice prof professor minister secretary chancellor king queen prince princess pope rev
			reverend coach capt captain col colonel lt lieutenant sgt sergeant officer const constable det detective
			insp inspector spokesman spokeswoman spokesperson actor actress singer rapper star chairman ceo leader
			premier dictator ambassador envoy commissioner chief sheriff deputy attorney lawyer director`,
		calendar: `january february march april may june july august september october november december jan feb mar apr
			jun jul aug sep sept oct nov dec christmas easter`,
		weekdays: "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun",
	},
	"fr": {
		function: `le la les l un une des du de d au aux ce cet cette ces celui celle ceux celles il ils elle elles on
			nous vous je tu me te se lui leur leurs son sa ses mon ma mes ton ta tes notre nos votre vos qui que quoi
			dont où quand comment pourquoi si et ou mais donc or ni car ne pas plus moins très trop aussi ainsi alors
			puis ensuite enfin déjà encore toujours jamais souvent parfois aujourd aujourdhui hier demain maintenant
			dans en sur sous avec sans pour par chez entre vers depuis pendant avant après contre selon malgré parmi
			durant dès voici voilà est sont était étaient été être a ont avait avaient avoir fait font peut doit
			cela ceci ça c tout tous toute toutes chaque plusieurs quelques certains certaines autre autres même
			mêmes tel telle deux trois quatre cinq six huit neuf dix cent mille cependant pourtant néanmoins
			toutefois outre lorsque puisque comme y là ici lire voir suivez partager`,
		titles: `président présidente m mme mlle monsieur madame ministre chancelier chancelière général maire
			sénateur sénatrice député députée roi reine prince princesse pape dirigeant dirigeante leader chef
			opposant opposante homologue patron patronne secrétaire ambassadeur ambassadrice juge docteur dr pr
			professeur colonel capitaine lieutenant acteur actrice chanteur chanteuse porte-parole commissaire
			premier dictateur`,
		calendar: `janvier février mars avril mai juin juillet août septembre octobre novembre décembre janv févr fév
			avr juil déc noël pâques`,
		weekdays: "lundi mardi mercredi jeudi vendredi samedi dimanche",
	},
	"de": {
		function: `der die das den dem des ein eine einer eines einem einen kein keine er sie es wir ihr ich du man
			sich sein seine ihre unser euer dieser diese dieses jener welche welcher wer was wann wo wie warum ob
			wenn weil dass da als und oder aber denn sondern doch nicht auch noch schon nur sehr so dann jetzt heute
			gestern morgen hier dort in im an am auf aus bei beim mit nach von vom zu zum zur für über unter vor
			hinter neben zwischen durch gegen ohne um bis seit während trotz wegen laut ist sind war waren wird
			werden wurde wurden hat haben hatte hatten kann können muss müssen soll sollen will wollen darf alle
			jeder jede jedes viele einige mehr weniger andere anderen zwei drei vier fünf zehn mehrere bereits
			immer nie oft dabei damit dazu deshalb daher jedoch außerdem zudem ebenfalls es gab`,
		titles: `präsident präsidentin herr frau minister ministerin kanzler kanzlerin bundeskanzler bundeskanzlerin
			general bürgermeister bürgermeisterin könig königin papst dr prof sprecher sprecherin chef chefin
			regierungschef staatschef kremlchef machthaber botschafter`,
		calendar: `januar jänner februar märz april mai juni juli august september oktober november dezember
			weihnachten ostern`,
		weekdays: "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag",
	},
	"es": {
		function: `el la los las lo un una unos unas al del de en con sin por para sobre entre desde hasta hacia según
			durante ante bajo tras contra y e o u ni pero sino que quien quienes cual cuales cuando donde como porque
			pues si no ya también tampoco muy más menos este esta estos estas ese esa esos esas aquel aquella su sus
			mi mis tu tus nuestro nuestra él ella ellos ellas nosotros usted ustedes se le les me te es son era eran
			fue fueron ser estar está están ha han había habían hay tiene tienen todo todos toda todas cada otro
			otra otros otras mismo misma hoy ayer mañana ahora entonces después antes además dos tres cuatro cinco
			diez`,
		titles: `presidente presidenta señor señora sr sra ministro ministra canciller general alcalde alcaldesa rey
			reina papa portavoz líder jefe jefa embajador mandatario`,
		calendar: `enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
			navidad`,
		weekdays: "lunes martes miércoles jueves viernes sábado domingo",
	},
	"it": {
		function: `il lo la i gli le un uno una l del dello della dei degli delle al allo alla ai agli alle dal dallo
			dalla dai dagli dalle nel nello nella nei negli nelle sul sullo sulla sui sugli sulle di a da in con su
			per tra fra e ed o ma però anche non che chi cui quale quali quando dove come perché se già ancora sempre
			mai oggi ieri domani ora poi dopo prima questo questa questi queste quello quella quelli quelle suo sua
			suoi sue mio mia loro noi voi lui lei è sono era erano stato stata essere ha hanno aveva avere tutto
			tutti tutta tutte ogni altro altra altri altre stesso due tre quattro cinque dieci secondo`,
		titles: `presidente signor signora sig ministro ministra premier cancelliere generale sindaco re regina papa
			portavoce leader capo ambasciatore`,
		calendar: `gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre
			natale`,
		weekdays: "lunedì martedì mercoledì giovedì venerdì sabato domenica",
	},
	"pt": {
		function: `o a os as um uma uns umas do da dos das no na nos nas ao aos à às pelo pela pelos pelas de em com
			sem por para sobre entre desde até contra e ou mas nem que quem qual quais quando onde como porque se
			não já também muito mais menos este esta estes estas esse essa esses essas aquele aquela seu sua seus
			suas meu minha ele ela eles elas nós você vocês é são era eram foi foram ser estar está estão tem têm
			ter havia há todo todos toda todas cada outro outra outros outras mesmo hoje ontem amanhã agora depois
			antes dois duas três quatro cinco dez segundo`,
		titles: `presidente presidenta senhor senhora sr sra ministro ministra chanceler general prefeito rei rainha
			papa porta-voz líder chefe embaixador`,
		calendar: `janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro natal`,
		weekdays: "segunda terça quarta quinta sexta sábado domingo",
	},
	"nl": {
		function: `de het een der den des dit dat deze die er hij zij ze wij we jij je u ik men zich zijn haar hun
			ons onze uw mijn wie wat wanneer waar hoe waarom of als omdat en maar want dus noch niet geen ook nog al
			wel zeer heel zo dan nu vandaag gisteren morgen hier daar in op aan bij met naar van voor uit over onder
			tussen door tegen zonder om tot sinds tijdens volgens is was waren wordt worden werd werden heeft hebben
			had hadden kan kunnen moet moeten zal zullen wil alle elke ieder veel enkele meer minder andere twee drie
			vier vijf tien`,
		titles: `president premier minister dhr mevrouw heer koning koningin paus burgemeester woordvoerder
			ambassadeur`,
		calendar: `januari februari maart april mei juni juli augustus september oktober november december kerstmis`,
		weekdays: "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
	},
}

// Words of every language.
const (
	// particles link the parts of one name: "Charles de Gaulle", "Ursula von
	// der Leyen", "Bashar al Assad", "Bank of England". A lead particle may
	// be followed by one inner one (de la, van der, of the).
	leadParticles  = "de du des del della delle dei degli di da do dos das van von zu bin ibn ben bint abu al el of"
	innerParticles = "la las los le der den de het the"
	// weakParticles are also plain prepositions: they do not join a name
	// onto a place the gazetteer knows ("la Russie de Poutine").
	weakParticles = "de du des del della delle dei degli di da do dos das of"

	// Words that make a name an organisation, a place, or something else
	// (an event, a law, a prize).
	orgWords = `center centre party parti partei partido partito partij university université universität universidad
		università universidade universiteit bank banque banco inc corp corporation ltd llc plc gmbh ag company
		compagnie group groupe gruppe grupo gruppo association agency agence agentur agencia agenzia council conseil
		consejo consiglio committee comité komitee comitato ministry ministère ministerium ministerio ministero
		department département club fc airlines airways times news post journal press tribune gazette herald
		television télévision fernsehen radio foundation fondation stiftung fundación fondazione institute institut
		instituto istituto hospital hôpital krankenhaus school école schule escuela college collège church église
		kirche iglesia chiesa commission kommission comisión commissione court cour gericht tribunal tribunale
		assembly assemblée parliament parlement parlament parlamento senate sénat senat senado senato congress congrès
		kongress congreso police polizei polizia policía army armée armee ejército esercito navy forces league ligue
		liga federation fédération organization organisation organización organizzazione union network media studios
		records motors systems technologies industries holdings services bureau office administration authority
		autorité board academy académie museum musée orchestra theatre théâtre team clinic klinik clinique`
	placeWords = `street st avenue ave road rd boulevard blvd lane highway freeway rue strasse straße calle via piazza
		plaza square platz river fleuve rivière fluss río fiume lake lac lago mount mt mountain mountains montagne
		mont berg monte sierra beach plage strand playa spiaggia island islands île îles insel isla isola ilha bay baie
		bucht bahía county comté city ville stadt ciudad città province provincia provinz region région valley vallée
		tal valle park parc sea mer meer ocean océan ozean océano oceano gulf golfe strait détroit canal coast côte
		küste costa desert désert wüste desierto peninsula péninsule airport aéroport flughafen aeropuerto aeroporto
		bridge pont brücke puente ponte district stadium stade stadion estadio stadio estádio arena`
	otherWords = `act law loi gesetz ley legge treaty traité vertrag tratado trattato agreement accord abkommen acuerdo
		award awards prize prix preis premio cup coupe pokal copa coppa championship championships championnat
		meisterschaft campeonato games jeux spiele juegos giochi olympics festival war guerre krieg guerra summit
		sommet gipfel cumbre vertice conference conférence konferenz day season series tour marathon hurricane
		ouragan hurrikan huracán uragano furacão orkaan typhoon typhon taifun tifón tifone cyclone zyklon ciclón
		ciclone storm tempête sturm tormenta tempesta tempestade tropical fire`

	// headWords name the kind of a thing before its name, and only some
	// languages write them as part of it: "Hurricane Irma" is "l'ouragan
	// Irma", "Hurrikan Irma", "Irma". They are cut from the head of a name.
	headWords = `hurricane ouragan hurrikan huracán uragano furacão orkaan typhoon typhon taifun tifón tifone cyclone
		zyklon ciclón ciclone storm tempête sturm tormenta tempesta tempestade tropical`

	// notInPersons never stand inside a person's name.
	notInPersons = "of the and"

	// articles are dropped from the head of a name given to Key.
	articles = "the le la les der die das el los las il lo gli het"

	// Periods after these neither end a sentence nor break a name (soft),
	// or end no sentence but do end the name (break).
	softAbbreviations  = "mr mrs ms dr st mt jr sr gen sen rep gov lt col sgt capt prof rev const det insp supt cpl pres m mme mlle mgr sra sig dhr mevr hr"
	breakAbbreviations = "jan feb mar apr jun jul aug sep sept oct nov dec janv févr fév avr juil déc inc ltd co corp bros no nr vs ca approx"

	// notAcronyms are written in capitals without being names.
	notAcronyms = `am pm gmt utc bst cet cest est edt pst pdt cst mst ok tv id ps nb ceo video photo photos live update
		news breaking audio watch read new direct info alerte exclusive urgent vidéo et ct`
)

// Lexicon flags.
const (
	lxLead = 1 << iota
	lxInner
	lxWeak
	lxGiven
	lxOrg
	lxPlace
	lxOther
	lxNotAcronym
	lxArticle
	lxNotPerson
	lxWeekday
	lxHead
)

type lex struct {
	stop     uint8 // languages in which it is a function word
	title    uint8 // languages in which it is a title
	calendar uint8 // languages in which it is a month or a day
	abbr     uint8
	flags    uint16
}

// lexicon maps the hash of a normalised word to what it is.
var lexicon = buildLexicon()

func buildLexicon() map[uint64]lex {
	lexicon := map[uint64]lex{}
	add := func(words string, f func(*lex)) {
		for _, w := range strings.Fields(words) {
			for _, h := range wordHashes(w) {
				l := lexicon[h]
				f(&l)
				lexicon[h] = l
			}
		}
	}
	for code, lang := range languages {
		bit := langBits[code]
		add(lang.function, func(l *lex) { l.stop |= bit })
		add(lang.titles, func(l *lex) { l.title |= bit })
		add(lang.calendar, func(l *lex) { l.calendar |= bit })
		add(lang.weekdays, func(l *lex) { l.calendar |= bit; l.flags |= lxWeekday })
	}
	add(leadParticles, func(l *lex) { l.flags |= lxLead })
	add(innerParticles, func(l *lex) { l.flags |= lxInner })
	add(weakParticles, func(l *lex) { l.flags |= lxWeak })
	add(givenNames, func(l *lex) { l.flags |= lxGiven })
	add(orgWords, func(l *lex) { l.flags |= lxOrg })
	add(placeWords, func(l *lex) { l.flags |= lxPlace })
	add(otherWords, func(l *lex) { l.flags |= lxOther })
	add(notAcronyms, func(l *lex) { l.flags |= lxNotAcronym })
	add(headWords, func(l *lex) { l.flags |= lxHead })
	add(articles, func(l *lex) { l.flags |= lxArticle })
	add(notInPersons, func(l *lex) { l.flags |= lxNotPerson })
	add(softAbbreviations, func(l *lex) { l.abbr = abbrSoft })
	add(breakAbbreviations, func(l *lex) { l.abbr = abbrBreak })
	return lexicon
}

// wordHashes returns the token hash of a lexicon word; a hyphenated word
// ("porte-parole") is entered by its last part, the one a name follows.
func wordHashes(w string) []uint64 {
	var b []byte
	for i := 0; i < len(w); {
		ri, size := decode(w, i)
		if ri.cls&(cLetter|cDigit) != 0 {
			b = append(b, ri.s[:ri.n]...)
		} else if ri.cls&cHyphen != 0 {
			b = b[:0]
		}
		i += size
	}
	if len(b) == 0 {
		return nil
	}
	return []uint64{hashWord(b)}
}
