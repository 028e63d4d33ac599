// Package sv registers the Swedish analyzer: the Snowball Swedish stemmer
// and Swedish stop words.
package sv

import (
	"strings"

	"github.com/blevesearch/snowballstem/swedish"

	"github.com/storyline/storyline/internal/analysis"
)

func init() { analysis.Register("sv", stopWords, analysis.Snowball(swedish.Stem)) }

// stopWords are Swedish function words: articles, pronouns, prepositions,
// conjunctions, auxiliaries and the commonest adverbs.
var stopWords = strings.Fields(`
en ett den det de dem denna detta dessa
jag du han hon vi ni mig dig honom henne oss er sig
min mitt mina din ditt dina hans hennes dess vår vårt våra er ert era
deras sin sitt sina
som vad vem vilken vilket vilka vars var när hur varför där här
i på av för med till från om vid efter under över mot utan genom mellan
inom hos enligt kring sedan före bakom utom
och eller men att än så både samt fast eftersom medan innan om
inte ej icke ingen inget inga någon något några all allt alla mycket
många fler flera mer mest annan annat andra samma sådan sådant sådana
varje själv också även redan bara just nu då ännu ju väl alltid aldrig
här därför dock
är var varit vara blir blev blivit bli har hade haft ha
kan kunde ska skall skulle vill ville må måste får fick
`)
