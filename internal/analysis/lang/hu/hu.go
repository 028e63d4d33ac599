// Package hu registers the Hungarian analyzer: the Snowball Hungarian
// stemmer and Hungarian stop words.
package hu

import (
	"strings"

	"github.com/blevesearch/snowballstem/hungarian"

	"github.com/storyline/storyline/internal/analysis"
)

func init() { analysis.Register("hu", stopWords, analysis.Snowball(hungarian.Stem)) }

// stopWords are Hungarian function words: articles, pronouns,
// postpositions, conjunctions, the forms of lenni and common adverbs.
var stopWords = strings.Fields(`
a az egy
én te ő mi ti ők engem téged őt minket titeket őket nekem neked neki
nekünk nektek nekik velem veled vele velünk veletek velük maga magát
magának saját
ez az ezek azok ezt azt ezeket azokat ennek annak ebben abban ehhez
ahhoz erre arra erről arról ezzel azzal ezért azért ezen azon
aki akik ami amit amely amelyek amelyet amelyeket amelynek amelyben
amikor ahol ahogy amíg ki mi mit kit mikor hol hogyan miért milyen
melyik mely melyek
és vagy de hogy mert ha is sem se pedig hanem mint mintha tehát
illetve valamint azonban viszont ugyanis hiszen bár noha vagyis
nem igen csak már még most majd aztán azután akkor ekkor itt ott
mindig sosem soha újra ismét éppen szinte talán persze nagyon
egész minden mindent mindenki semmi senki valaki valami néhány sok
több egyik másik más egyes egyéb
alatt által előtt után mellett között közül szerint felé nélkül
helyett miatt óta szemben keresztül belül kívül
van vannak volt voltak lesz lesznek lett lettek lenne legyen lenni
vagyok vagy vagyunk vagytok voltam voltunk
kell kellett lehet lehetett
meg el fel ki be le rá át vissza össze
`)
