// Package fr registers the French analyzer: the Snowball French stemmer and
// French stop words.
package fr

import (
	"strings"

	"github.com/blevesearch/snowballstem/french"

	"github.com/storyline/storyline/internal/analysis"
)

func init() { analysis.Register("fr", stopWords, analysis.Snowball(french.Stem)) }

// stopWords are French function words: articles, pronouns, prepositions,
// conjunctions, the forms of être and avoir, and the commonest adverbs.
// Elided forms ("l'", "qu'") are removed by the tokenizer.
var stopWords = strings.Fields(`
le la les un une des du de au aux ce cet cette ces mon ma mes ton ta tes son
sa ses notre nos votre vos leur leurs
je tu il elle on nous vous ils elles me te se moi toi lui eux soi en y
celui celle ceux celles ceci cela ça qui que quoi dont où lequel laquelle
lesquels lesquelles auquel auxquels auxquelles duquel desquels desquelles
quel quelle quels quelles
à dans par pour sur sous avec sans chez vers entre contre depuis pendant
avant après devant derrière selon parmi durant envers malgré hormis outre
dès lors afin près jusque
et ou mais donc or ni car que si comme quand lorsque puisque quoique tandis
ne pas plus moins non oui aussi ainsi alors encore déjà toujours jamais
très trop peu tant tout tous toute toutes autre autres aucun aucune chaque
même mêmes tel telle tels telles certains certaines plusieurs ici là puis
ensuite enfin cependant pourtant toutefois notamment surtout seulement
aujourd'hui
être suis es est sommes êtes sont serai seras sera serons serez seront
serais serait serions seriez seraient étais était étions étiez étaient
fus fut fûmes fûtes furent sois soit soyons soyez soient fusse fût été
étant
avoir ai as avons avez ont aurai auras aura aurons aurez auront aurais
aurait aurions auriez auraient avais avait avions aviez avaient eus eut
eûmes eûtes eurent aie aies ait ayons ayez aient eusse eût eu eue eues
ayant
`)
