// Package no registers the Norwegian analyzer, for Bokmål ("nb"), Nynorsk
// ("nn") and the macrolanguage code "no": the Snowball Norwegian stemmer
// and the function words of both written standards.
package no

import (
	"strings"

	"github.com/blevesearch/snowballstem/norwegian"

	"github.com/storyline/storyline/internal/analysis"
)

func init() {
	stem := analysis.Snowball(norwegian.Stem)
	for _, code := range []string{"no", "nb", "nn"} {
		analysis.Register(code, stopWords, stem)
	}
}

// stopWords are Norwegian function words, Bokmål and Nynorsk: articles,
// pronouns, prepositions, conjunctions, auxiliaries and common adverbs.
var stopWords = strings.Fields(`
en ei et ein eit den det de dei denne dette disse
jeg eg du han hun ho vi me dere de meg deg ham honom henne oss dykk dem
deim seg
min mitt mine din ditt dine hans hennes hennar dens dets vår vårt våre
deres deira sin sitt sine
som hva kva hvem kven hvilken hvilke hvis hvor kvar når hvordan korleis
hvorfor kvifor her der
av på til med for fra frå om ved etter under over mot uten utan gjennom
mellom hos ifølge siden sidan før bak rundt hjå
og eller men at enn så både samt fordi mens medan da då når
ikke ikkje ingen inga noen nokon noe noko noen nokre all alt alle mye
mykje mange flere fleire mer meir mest annen anna andre samme same slik
hver kvar selv sjølv også òg allerede bare berre kun nå no jo vel alltid
aldri likevel
er var vært være vere blir blei ble blitt bli verte vart har hadde hatt ha
kan kunne skal skulle vil ville må måtte får fikk
`)
