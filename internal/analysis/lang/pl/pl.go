// Package pl registers the Polish analyzer: Polish stop words, without
// stemming (Snowball has no Polish stemmer; Polish matching relies on
// folding and on names, which inflect less than common words).
package pl

import (
	"strings"

	"github.com/storyline/storyline/internal/analysis"
)

func init() { analysis.Register("pl", stopWords, nil) }

// stopWords are Polish function words: pronouns in their common case
// forms, prepositions, conjunctions, particles, the forms of być and
// zostać, and the commonest adverbs.
var stopWords = strings.Fields(`
ja ty on ona ono my wy oni one mnie mi mną ciebie cię tobie ci tobą jego
go jemu mu nim niego niej jej ją nią nas nam nami was wam wami ich im
nich nimi się siebie sobie sobą
mój moja moje moi twój twoja twoje nasz nasza nasze nasi wasz wasza
wasze swój swoja swoje swojego swojej swoim swoich
ten ta to ci te tego tej temu tym tę tych tymi tamten tamta tamto taki
taka takie tacy takich tak
który która które którzy którego której któremu którym których którymi
kto co kogo czego komu czemu kim czym jaki jaka jakie jakich gdzie kiedy
jak dlaczego czy ile
w we na z ze do od o za po pod nad przed przez przy bez dla u między
wśród według podczas około obok wobec mimo pomimo dzięki poza zamiast
oraz i a ale lub albo czy ani że żeby aby bo ponieważ więc jednak gdy
jeśli jeżeli chociaż choć niż lecz zaś czyli bowiem
nie tylko także też również już jeszcze bardzo teraz wtedy potem zawsze
nigdy tutaj tam tu wszystko wszyscy wszystkie wszystkich każdy każda
każde inne inny inna innych coś ktoś nic nikt niektóre kilka wiele
jest są był była było byli były być będzie będą jestem jesteśmy
został została zostało zostali zostały zostać może można trzeba
`)
