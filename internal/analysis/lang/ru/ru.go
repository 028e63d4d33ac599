// Package ru registers the Russian analyzer: the Snowball Russian stemmer
// and Russian stop words.
package ru

import (
	"strings"

	"github.com/blevesearch/snowballstem/russian"

	"github.com/storyline/storyline/internal/analysis"
)

func init() { analysis.Register("ru", stopWords, stem) }

var snowball = analysis.Snowball(russian.Stem)

// stem spells ё as е first: Russian writes ё optionally and the Snowball
// stemmer only knows е, so "её" and "ее" must meet.
func stem(word string) string {
	return snowball(strings.ReplaceAll(word, "ё", "е"))
}

// stopWords are Russian function words: pronouns, prepositions,
// conjunctions, particles, the forms of быть and the commonest adverbs.
var stopWords = strings.Fields(`
я ты он она оно мы вы они меня тебя его её ее нас вас их мне тебе ему ей
нам вам им мной тобой ней ним ними нее него нем нём них себя себе собой
мой моя моё мое мои моего моей моих твой твоя твои наш наша наше наши
нашего нашей наших ваш ваша ваше ваши свой своя своё свое свои своего
своей своих своим своими
этот эта это эти этого этой этих этому этим этом тот та то те того той
тех тому тем том такой такая такое такие так
который которая которое которые которого которой которых которому
котором которым которыми
кто что чего чему чем чём кого кому какой какая какое какие где куда
откуда когда зачем почему как сколько
весь вся всё все всего всей всех всем всеми сам сама само сами самого
в во на с со к ко у о об обо от до из по за под над при про без через
для между перед после около против ради вокруг среди кроме вместо
и а но или либо да ни не нет же ли бы вот даже уже ещё еще только лишь
если чтобы чтоб потому поэтому хотя тоже также причем причём однако зато
был была было были быть будет будут буду будем есть является являются
может могут можно нужно надо нельзя
там тут здесь теперь тогда сейчас потом всегда никогда иногда опять
снова очень более менее больше меньше почти совсем ведь разве вдруг
`)
