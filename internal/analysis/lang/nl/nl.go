// Package nl registers the Dutch analyzer: the Snowball Dutch stemmer and
// Dutch stop words.
package nl

import (
	"strings"

	"github.com/blevesearch/snowballstem/dutch"

	"github.com/storyline/storyline/internal/analysis"
)

func init() { analysis.Register("nl", stopWords, analysis.Snowball(dutch.Stem)) }

// stopWords are Dutch function words: articles, pronouns, prepositions,
// conjunctions, auxiliaries and modal verbs, and the commonest adverbs.
var stopWords = strings.Fields(`
de het een der des den
ik jij je hij zij ze wij we jullie u men mij me hem haar ons hun hen
zich zelf mijn jouw zijn onze ons uw
dit dat deze die wie wat welk welke waar wanneer waarom hoe
aan bij door in met na naar om onder op over sinds tegen tot tussen uit
van voor zonder volgens tijdens via binnen buiten achter boven naast
langs rond vanaf vanuit
en of maar want dus omdat als dan toen terwijl hoewel nadat zodat zoals
noch
niet geen wel ook nog al alle alles andere ander iets niets iemand niemand
elk elke ieder iedere sommige enkele beide veel meer meest weinig zeer
heel erg zo hier daar er nu toch reeds pas weer even echter eens altijd
nooit ja nee
ben bent is zijn was waren geweest wees
heb hebt heeft hebben had hadden gehad
word wordt worden werd werden geworden
kan kunt kunnen kon konden zal zult zullen zou zouden moet moeten moest
moesten wil wilt willen wilde wilden mag mogen mocht mochten doe doet
doen deed deden gedaan
`)
