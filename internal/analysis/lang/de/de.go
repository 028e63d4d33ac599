// Package de registers the German analyzer: the Snowball German stemmer and
// German stop words.
package de

import (
	"strings"

	"github.com/blevesearch/snowballstem/german"

	"github.com/storyline/storyline/internal/analysis"
)

func init() { analysis.Register("de", stopWords, analysis.Snowball(german.Stem)) }

// stopWords are German function words: articles, pronouns, prepositions,
// conjunctions, auxiliaries and modal verbs, and the commonest adverbs.
var stopWords = strings.Fields(`
der die das den dem des ein eine einen einem einer eines
ich du er sie es wir ihr mich dich sich uns euch mir dir ihm ihn ihnen
mein meine meinem meinen meiner meines dein deine deinem deinen deiner
deines sein seine seinem seinen seiner seines ihre ihrem ihren ihrer ihres
unser unsere unserem unseren unserer unseres euer eure eurem euren eurer
eures
dieser diese dieses diesem diesen jener jene jenes jenem jenen welcher
welche welches welchem welchen derselbe dieselbe dasselbe derselben
denselben desselben demselben dieselben solche solcher solches solchem
solchen dessen deren derer man jemand niemand etwas nichts
alle aller alles allem allen andere anderer anderes anderem anderen
jede jeder jedes jedem jeden kein keine keiner keines keinem keinen
manche mancher manches manchem manchen einige einiger einiges einigem
einigen mehrere viele vielen
an auf aus bei bis durch für gegen hinter in im ins mit nach ohne seit
über um unter von vom vor zu zum zur zwischen während wegen trotz neben
beim am ab laut gegenüber innerhalb außerhalb
und oder aber denn sondern doch dass daß ob weil wenn als wie obwohl
damit sowie sowohl weder noch bzw
bin bist ist sind seid war warst waren wart gewesen sei seien wäre wären
habe hast hat haben habt hatte hattest hatten hattet gehabt hätte hätten
werde wirst wird werden werdet wurde wurden worden würde würden
kann kannst können könnt konnte konnten könnte könnten muss musst müssen
musste mussten müsste soll sollst sollen sollte sollten will willst
wollen wollte wollten darf dürfen durfte mag möchte
nicht auch nur noch schon sehr so hier dort da dann nun jetzt immer wieder
bereits ebenfalls etwa eben ja nein mehr weiter zwar sonst selbst also
dabei dazu davon dafür dagegen darauf daran darüber damals deshalb daher
jedoch allerdings wo wann warum wer wen wem was wieso
`)
