// Package fi registers the Finnish analyzer: the Snowball Finnish stemmer
// and Finnish stop words.
package fi

import (
	"strings"

	"github.com/blevesearch/snowballstem/finnish"

	"github.com/storyline/storyline/internal/analysis"
)

func init() { analysis.Register("fi", stopWords, analysis.Snowball(finnish.Stem)) }

// stopWords are Finnish function words: the inflected forms of the
// personal and demonstrative pronouns, the forms of olla and of the
// negative verb, conjunctions, postpositions and common adverbs.
var stopWords = strings.Fields(`
minä minun minut minua minussa minusta minuun minulla minulta minulle
sinä sinun sinut sinua sinussa sinusta sinuun sinulla sinulta sinulle
hän hänen hänet häntä hänessä hänestä häneen hänellä häneltä hänelle
me meidän meidät meitä meissä meistä meihin meillä meiltä meille
te teidän teidät teitä teissä teistä teihin teillä teiltä teille
he heidän heidät heitä heissä heistä heihin heillä heiltä heille
tämä tämän tätä tässä tästä tähän tällä tältä tälle tänä täksi
tuo tuon tuota tuossa tuosta tuohon tuolla tuolta tuolle tuona
se sen sitä siinä siitä siihen sillä siltä sille sinä siksi
nämä näiden näitä näissä näistä näihin näillä näiltä näille
ne niiden niitä niissä niistä niihin niillä niiltä niille niinä
kuka kenen kenet ketä kenessä kenestä keneen kenellä keneltä kenelle
mikä minkä mitä missä mistä mihin millä miltä mille
joka jonka jota jossa josta johon jolla jolta jolle jona
jotka joiden joita joissa joista joihin joilla joilta joille
olla olen olet on olemme olette ovat ole oli olisi olisit olisin
olisimme olisitte olisivat olit olin olimme olitte olivat ollut olleet
ollaan oltiin
en et ei emme ette eivät
ja tai sekä että jos kun koska kuin mutta vaan vai vaikka jotta eli
myös vielä jo nyt niin noin vain sitten ennen jälkeen aina ehkä melko
hyvin kanssa mukaan yli alla päälle luona kautta ilman itse oma omat
`)
