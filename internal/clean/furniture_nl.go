package clean

// Dutch page furniture.
func init() {
	register("nl", Phrases{
		Line: map[Kind][]string{
			KindComment:    {"reacties", "reageer", "plaats een reactie"},
			KindAd:         {"advertentie", "gesponsord"},
			KindReadMore:   {"lees meer", "lees verder", "meer lezen"},
			KindShare:      {"delen", "deel dit artikel", "printen", "kopieer link"},
			KindFollow:     {"volg ons"},
			KindNewsletter: {"nieuwsbrief", "abonneer", "aanmelden"},
			KindLogin:      {"inloggen", "log in"},
		},
		Lead: map[Kind][]string{
			KindRelated: {"lees ook", "bekijk ook", "meer over", "gerelateerd", "meest gelezen"},
			KindTags:    {"tags", "onderwerpen"},
			KindCredit:  {"foto", "beeld"},
			KindRights:  {"alle rechten voorbehouden"},
		},
		Within: map[Kind][]string{
			KindComment:    {"je e-mailadres wordt niet gepubliceerd", "uw e-mailadres wordt niet gepubliceerd"},
			KindNewsletter: {"schrijf je in voor onze nieuwsbrief", "nieuwsbrief"},
			KindCookie:     {"wij gebruiken cookies", "deze website gebruikt cookies", "cookies accepteren"},
			KindRights:     {"alle rechten voorbehouden"},
		},
	})
}
