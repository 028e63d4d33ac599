// Package es registers the Spanish analyzer: the Snowball Spanish stemmer
// and Spanish stop words.
package es

import (
	"strings"

	"github.com/blevesearch/snowballstem/spanish"

	"github.com/storyline/storyline/internal/analysis"
)

func init() { analysis.Register("es", stopWords, analysis.Snowball(spanish.Stem)) }

// stopWords are Spanish function words: articles, pronouns, prepositions,
// conjunctions, the forms of ser, estar, haber and tener, and the commonest
// adverbs.
var stopWords = strings.Fields(`
el la lo los las un una unos unas al del
yo tú él ella ello nosotros nosotras vosotros vosotras ellos ellas usted
ustedes me te se nos os le les mí ti sí conmigo contigo consigo
mi mis tu tus su sus nuestro nuestra nuestros nuestras vuestro vuestra
vuestros vuestras mío mía míos mías tuyo tuya tuyos tuyas suyo suya suyos
suyas
este esta esto estos estas ese esa eso esos esas aquel aquella aquello
aquellos aquellas
que qué quien quienes quién cual cuales cuál cuyo cuya cuyos cuyas donde
dónde cuando cuándo como cómo cuanto cuanta cuantos cuantas
a ante bajo con contra de desde durante en entre hacia hasta mediante
para por según sin sobre tras
y e ni o u pero sino aunque porque pues si mientras
no sí ya también tampoco muy más menos tan tanto mucho mucha muchos muchas
poco poca pocos pocas todo toda todos todas otro otra otros otras algo
alguno alguna algunos algunas ninguno ninguna nada nadie cada mismo misma
mismos mismas aquí allí ahí así luego entonces después antes además
incluso solo sólo siempre nunca todavía aún
ser soy eres es somos sois son era eras éramos eran fui fue fuimos
fueron sea seas seamos sean será serán sería serían sido siendo fuera
fueran
estar estoy estás está estamos están estaba estaban estuvo estuvieron
esté estén estará estarán estaría estado estando
haber he has ha hemos han había habían hubo hubieron haya hayan habrá
habrán habría habrían habido habiendo hay
tener tengo tienes tiene tenemos tienen tenía tenían tuvo tuvieron tenga
tengan tendrá tendrán tendría tenido teniendo
`)
