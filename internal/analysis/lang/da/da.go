// Package da registers the Danish analyzer: the Snowball Danish stemmer and
// Danish stop words.
package da

import (
	"strings"

	"github.com/blevesearch/snowballstem/danish"

	"github.com/storyline/storyline/internal/analysis"
)

func init() { analysis.Register("da", stopWords, analysis.Snowball(danish.Stem)) }

// stopWords are Danish function words: articles, pronouns, prepositions,
// conjunctions, auxiliaries and the commonest adverbs.
var stopWords = strings.Fields(`
en et den det de dem denne dette disse
jeg du han hun vi i mig dig ham hende os jer sig
min mit mine din dit dine hans hendes dens dets vor vores jeres deres sin
sit sine
som hvad hvem hvilken hvilket hvilke hvis hvor hvornår hvordan hvorfor
her der
af på til med for fra om ved efter under over mod uden gennem mellem
inden hos ifølge siden før bag omkring
og eller men at end så både samt fordi mens da når
ikke ingen intet nogen noget nogle al alt alle meget mange flere mere
mest anden andet andre samme sådan hver hvert selv også allerede bare
kun nu jo vel altid aldrig dog thi
er var været være bliver blev blevet blive har havde haft have
kan kunne skal skulle vil ville må måtte
`)
