// Package tr registers the Turkish analyzer: the Snowball Turkish stemmer
// and Turkish stop words.
package tr

import (
	"strings"

	"github.com/blevesearch/snowballstem/turkish"

	"github.com/storyline/storyline/internal/analysis"
)

func init() { analysis.Register("tr", stopWords, stem) }

var snowball = analysis.Snowball(turkish.Stem)

// stem drops the case suffix Turkish writes after an apostrophe on proper
// names ("Soçi'de", "Putin'in") before stemming, so that the name meets
// its bare form.
func stem(word string) string {
	if i := strings.IndexByte(word, '\''); i > 0 {
		word = word[:i]
	}
	return snowball(word)
}

// stopWords are Turkish function words: pronouns and their case forms,
// postpositions, conjunctions, particles and common adverbs.
var stopWords = strings.Fields(`
ben sen o biz siz onlar beni seni onu bizi sizi onları bana sana ona
bize size onlara benim senin onun bizim sizin onların bende sende onda
kendi kendisi kendini kendine kendisini
bu şu bunlar şunlar bunu şunu buna şuna bunun şunun bunda şunda bundan
ondan bunları onlardan
ne kim hangi nasıl neden niçin niye nerede nereye nereden kaç
ve veya ya ile ama fakat ancak çünkü ki de da ise hem yani oysa eğer
gibi için kadar göre karşı rağmen sonra önce beri dolayı üzere doğru
arasında tarafından hakkında
bir birkaç bazı her hiç tüm bütün hep hepsi diğer başka çok az daha en
pek şey
değil var yok mi mı mu mü bile artık zaten yine hala henüz şimdi sadece
yalnızca ayrıca belki aslında sanki böyle şöyle öyle
olan olarak olduğu olduğunu oldu olmak olur olacak olmuş olan olması
etti eden etmek
`)
