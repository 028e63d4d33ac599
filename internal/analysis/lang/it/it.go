// Package it registers the Italian analyzer: the Snowball Italian stemmer
// and Italian stop words.
package it

import (
	"strings"

	"github.com/blevesearch/snowballstem/italian"

	"github.com/storyline/storyline/internal/analysis"
)

func init() { analysis.Register("it", stopWords, analysis.Snowball(italian.Stem)) }

// stopWords are Italian function words: articles and articulated
// prepositions, pronouns, conjunctions, the forms of essere, avere and
// stare, and the commonest adverbs. Elided forms ("dell'", "l'") are
// removed by the tokenizer.
var stopWords = strings.Fields(`
il lo la gli le un uno una
di del dello della dei degli delle a al allo alla ai agli alle da dal
dallo dalla dai dagli dalle in nel nello nella nei negli nelle su sul
sullo sulla sui sugli sulle con col coi per tra fra
io tu lui lei noi voi loro mi ti ci vi si ne me te se sé esso essa essi
esse
mio mia miei mie tuo tua tuoi tue suo sua suoi sue nostro nostra nostri
nostre vostro vostra vostri vostre
questo questa questi queste quello quella quelli quelle quel stesso
stessa stessi stesse
che chi cui quale quali quanto quanta quanti quante dove come quando
perché
e ed o od ma se anche né però quindi oppure mentre dunque infatti
non più meno già ancora molto poco tanto troppo tutto tutta tutti tutte
altro altra altri altre ogni ciascuno nessuno niente qualche alcuni
alcune così poi sempre mai solo soltanto prima dopo senza contro
verso presso oltre circa ecco qui qua lì là
essere sono sei è siamo siete sia siano sarò sarà saremo saranno sarei
sarebbe saremmo sarebbero ero era eravamo erano fui fu fummo furono fossi
fosse fossero essendo stato stata stati state
avere ho hai ha abbiamo avete hanno abbia abbiano avrò avrà avremo
avranno avrei avrebbe avremmo avrebbero avevo aveva avevamo avevano ebbi
ebbe ebbero avessi avesse avessero avendo avuto avuta avuti avute
sto stai sta stiamo stanno stava stavano
`)
