package render

import (
	"time"

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/tell"
)

// Hostile strings as crawled pages may contain them.
const (
	hostileScript = `<script>alert(1)</script>`
	hostileImg    = `<img src=x onerror=alert(1)>`
	hostileTitle  = `*bold* [x](javascript:alert(1)) <script> "quotes" &amp; co`
)

const (
	frenchHeadline = "Loukachenko se rendra à Sotchi, rencontre prévue le 14 septembre"
	cyrillicName   = "Лукашенко"
	eventID        = "e-../../etc/passwd"
	storylineID    = "s-belarus-russie"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func eventStory() tell.Story {
	lemonde := tell.Sentence{Text: frenchHeadline + ".", Article: "a-1", Site: "lemonde.fr"}
	tass := tell.Sentence{Text: "Лукашенко прибудет в Сочи 15 сентября. " + hostileImg, Article: "a-2"}
	return tell.Story{
		Kind:      "event",
		ID:        eventID,
		Storyline: storylineID,
		Headline:  frenchHeadline + " " + hostileScript,
		Lang:      "fr",
		Languages: []string{"fr", "ru"},
		First:     day(2024, 9, 1),
		Last:      day(2024, 9, 3),
		Summary: []tell.Sentence{
			lemonde,
			tass,
			{Text: "Le président biélorusse, qui s'était déjà rendu à plusieurs reprises dans la station balnéaire de la mer Noire, devrait y évoquer l'intégration économique et la sécurité régionale avec son homologue.", Article: "a-3", Site: "lemonde.fr"},
			{Text: "Ligne \x1b[31mrouge\x1b[0m\u202e et retour", Article: "a-3", Site: "lemonde.fr"},
		},
		Timeline: []tell.Moment{
			{Date: day(2024, 9, 1), Precision: article.PrecisionMonth, Text: "Les préparatifs commencent en septembre.", Article: "a-1", Sources: 1},
			{Date: day(2024, 9, 14), Precision: article.PrecisionDay, Text: "Rencontre prévue à Sotchi. " + hostileScript, Article: "a-1", Sources: 2},
		},
		Entities: []tell.Entity{
			{Key: "lukashenko", Name: cyrillicName, Kind: "person", Mentions: 7, Articles: 3, Variants: []string{"Loukachenko", "Lukashenko"}},
			{Key: "kremlin", Name: "Kremlin " + hostileImg, Kind: "org", Mentions: 1, Articles: 1, Variants: []string{`"Kreml" &amp; co`}},
		},
		Sources: []tell.Source{
			{Site: "lemonde.fr", FirstSeen: day(2024, 9, 1), Articles: []string{"a-1", "a-3"}, Copies: 1},
			{Site: "", FirstSeen: day(2024, 9, 2), Articles: []string{"a-2"}},
		},
		Facts: []tell.Fact{
			{Statement: "rencontre le 14 septembre à Sotchi", Kinds: []string{"date", "place"}, Sources: 2,
				Support: []tell.Sentence{lemonde, {Text: "Встреча 14 сентября.", Article: "a-4", Site: "ria.ru"}, lemonde}},
		},
		Disputes: []tell.Dispute{
			{Slot: "date", Claims: []tell.Claim{
				{Value: "14 septembre", Sentence: lemonde, Sources: 2},
				{Value: "15 сентября", Sentence: tass, Sources: 1},
			}},
		},
		Articles: []tell.Article{
			{ID: "a-1", Title: "Loukachenko se rendra à Sotchi", URL: "https://www.lemonde.fr/international/article/2024/09/01/loukachenko.html",
				Site: "lemonde.fr", Lang: "fr", Published: day(2024, 9, 1), Precision: article.PrecisionDay},
			{ID: "a-2", Title: hostileTitle, URL: "javascript:alert(1)", Lang: "ru", Published: day(2024, 9, 2), Precision: article.PrecisionDay},
			{ID: "a-3", Title: "Loukachenko à Sotchi " + hostileScript, URL: "https://lemonde.fr/a3?x=1&y=(2)",
				Site: "lemonde.fr", Lang: "fr", Published: day(2024, 9, 1), Precision: article.PrecisionMonth, CopyOf: "a-1"},
		},
	}
}

func storylineStory() tell.Story {
	return tell.Story{
		Kind:      "storyline",
		ID:        storylineID,
		Headline:  "Biélorussie et Russie : la saison des sommets",
		Lang:      "fr",
		Languages: []string{"fr", "ru"},
		First:     day(2024, 9, 1),
		Last:      day(2024, 10, 2),
		Summary:   []tell.Sentence{{Text: "Minsk et Moscou multiplient les rencontres.", Article: "a-9", Site: "rfi.fr"}},
		Timeline: []tell.Moment{
			{Date: day(2024, 9, 14), Precision: article.PrecisionDay, Text: frenchHeadline, Event: eventID, Sources: 2},
			{Date: day(2024, 10, 2), Precision: article.PrecisionDay, Text: "Sommet à Minsk", Event: "e-minsk", Sources: 1},
		},
		Articles: []tell.Article{{ID: "a-9", Title: "Minsk et Moscou", URL: "http://rfi.fr/a9", Site: "rfi.fr", Lang: "fr"}},
		Sources:  []tell.Source{{Site: "rfi.fr", Articles: []string{"a-9"}}},
		Events: []tell.EventRef{
			{ID: eventID, Headline: frenchHeadline, Date: day(2024, 9, 1), Articles: 3, Sources: 2},
			{ID: "e-minsk", Headline: "Sommet à Minsk", Date: day(2024, 10, 2), Articles: 1, Sources: 1},
		},
	}
}
