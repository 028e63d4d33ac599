// Package pt registers the Portuguese analyzer: the Snowball Portuguese
// stemmer and Portuguese stop words.
package pt

import (
	"strings"

	"github.com/blevesearch/snowballstem/portuguese"

	"github.com/storyline/storyline/internal/analysis"
)

func init() { analysis.Register("pt", stopWords, analysis.Snowball(portuguese.Stem)) }

// stopWords are Portuguese function words: articles and contractions,
// pronouns, prepositions, conjunctions, the forms of ser, estar, haver and
// ter, and the commonest adverbs.
var stopWords = strings.Fields(`
o a os as um uma uns umas
de do da dos das em no na nos nas num numa ao aos à às pelo pela pelos
pelas dum duma deste desta neste nesta nisso disso daquele daquela
eu tu ele ela nós vós eles elas você vocês me te se lhe lhes vos
mim ti si comigo contigo consigo
meu minha meus minhas teu tua teus tuas seu sua seus suas nosso nossa
nossos nossas vosso vossa dele dela deles delas
este esta estes estas esse essa esses essas aquele aquela aqueles
aquelas isto isso aquilo
que quem qual quais cujo cuja onde quando como quanto quanta quantos
quantas
por para com sem sob sobre entre contra desde até após ante perante
durante segundo conforme
e ou mas nem porque pois se embora enquanto porém contudo todavia
não sim já também ainda muito muita muitos muitas pouco pouca mais
menos tão tanto todo toda todos todas tudo outro outra outros outras
algum alguma alguns algumas nenhum nenhuma nada ninguém cada mesmo mesma
mesmos mesmas aqui ali lá aí assim então depois antes só apenas sempre
nunca
ser sou és é somos são era eras éramos eram fui foi fomos foram seja
sejam será serão seria seriam sido sendo fosse fossem for forem
estar estou está estamos estão estava estavam esteve estiveram esteja
estejam estará estarão estaria estado estando
haver há hei havemos hão havia haviam houve houveram haja hajam haverá
haveria havido
ter tenho tens tem temos têm tinha tinham teve tiveram tenha tenham terá
terão teria tido tendo
`)
