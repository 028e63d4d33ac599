package clean

// German page furniture.
func init() {
	register("de", Phrases{
		Line: map[Kind][]string{
			KindComment:    {"kommentare", "kommentar schreiben", "kommentieren", "antworten"},
			KindAd:         {"anzeige", "werbung", "gesponsert", "sponsored"},
			KindReadMore:   {"weiterlesen", "mehr lesen", "mehr anzeigen", "lesen sie mehr", "mehr dazu", "artikel lesen"},
			KindShare:      {"teilen", "artikel teilen", "drucken", "versenden", "link kopieren", "per e-mail teilen"},
			KindFollow:     {"folgen sie uns", "folgen"},
			KindNewsletter: {"newsletter abonnieren", "jetzt abonnieren", "abonnieren"},
			KindLogin:      {"anmelden", "einloggen", "registrieren", "schon abonnent?"},
		},
		Lead: map[Kind][]string{
			KindRelated: {"lesen sie auch", "lesen sie mehr", "auch interessant", "das konnte sie auch interessieren", "mehr zum thema", "weitere artikel", "zum thema", "verwandte artikel", "meistgelesen", "empfehlungen"},
			KindTags:    {"schlagworter", "themen", "stichworter"},
			KindCredit:  {"foto", "bild", "bildquelle", "quelle: dpa"},
			KindRights:  {"alle rechte vorbehalten"},
		},
		Within: map[Kind][]string{
			KindComment:    {"ihre e-mail-adresse wird nicht veroffentlicht", "erforderliche felder sind"},
			KindNewsletter: {"melden sie sich fur unseren newsletter an", "newsletter"},
			KindCookie:     {"wir verwenden cookies", "diese website verwendet cookies", "cookies akzeptieren", "cookie-einstellungen"},
			KindLogin:      {"dieser artikel ist nur fur abonnenten", "jetzt weiterlesen mit"},
			KindRights:     {"alle rechte vorbehalten"},
		},
	})
}
