// Package ro registers the Romanian analyzer: the Snowball Romanian
// stemmer and Romanian stop words.
package ro

import (
	"strings"

	"github.com/blevesearch/snowballstem/romanian"

	"github.com/storyline/storyline/internal/analysis"
)

func init() { analysis.Register("ro", stopWords, stem) }

var snowball = analysis.Snowball(romanian.Stem)

// cedilla maps the comma-below letters of current Romanian spelling to the
// cedilla letters the Snowball stemmer was written with.
var cedilla = strings.NewReplacer("ș", "ş", "ț", "ţ")

func stem(word string) string { return snowball(cedilla.Replace(word)) }

// stopWords are Romanian function words: articles, pronouns, prepositions,
// conjunctions, auxiliaries and common adverbs.
var stopWords = strings.Fields(`
un o unui unei niște
eu tu el ea noi voi ei ele mă te se ne vă îi îl o le li lor lui îmi îți
își mie ție sine
meu mea mei mele tău ta tăi tale său sa săi sale nostru noastră noștri
noastre vostru voastră
acest aceasta această acesta aceste acestea acestei acestui acestor
acel acea acela aceea acei aceia acele acelea acelei acelui acelor
care cine ce cât câtă câți câte unde când cum căruia căreia cărora
al ale a ai
în la pe cu de din dintre dintr prin pentru spre despre după până fără
sub între către asupra contra lângă printre înainte
și sau dar iar ci că dacă deși fiindcă deoarece încât nici ori
nu mai doar chiar încă deja tot toată toți toate fiecare alt altă alți
alte orice oricare ceva cineva nimic nimeni mult multă mulți multe
foarte aici acolo acum atunci astfel așa apoi totuși
este e sunt era erau fost fi fie fiind am ai are avem aveți au avea
aveau avut va vor vom voi ar aș
`)
