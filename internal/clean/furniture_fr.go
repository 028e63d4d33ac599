package clean

// French page furniture.
func init() {
	register("fr", Phrases{
		Line: map[Kind][]string{
			KindComment:    {"laisser un commentaire", "laissez un commentaire", "commentaires", "commentaire", "reagir", "reagissez", "ajouter un commentaire", "voir les commentaires", "repondre", "annuler la reponse"},
			KindAd:         {"publicite", "annonce", "contenu sponsorise", "sponsorise", "partenaire"},
			KindReadMore:   {"lire la suite", "lire plus", "en savoir plus", "voir plus", "afficher plus", "la suite apres la publicite", "la suite apres cette publicite"},
			KindShare:      {"partager", "partagez", "partager cet article", "partager sur facebook", "partager sur twitter", "imprimer", "envoyer par e-mail", "envoyer", "copier le lien", "lien copie", "e-mail", "email", "facebook", "twitter", "linkedin", "whatsapp", "messenger", "pinterest", "telegram", "x"},
			KindFollow:     {"suivez-nous", "nous suivre", "suivre"},
			KindNewsletter: {"newsletter", "je m'abonne", "s'abonner", "abonnez-vous", "inscrivez-vous", "s'inscrire"},
			KindLogin:      {"se connecter", "connexion", "deja abonne ?", "deja abonne", "reserve aux abonnes", "article reserve aux abonnes"},
			KindEmbed:      {"votre navigateur ne supporte pas la video", "chargement du lecteur"},
		},
		Lead: map[Kind][]string{
			KindRelated:  {"a lire aussi", "lire aussi", "a lire egalement", "lire egalement", "a voir aussi", "voir aussi", "sur le meme sujet", "dans la meme rubrique", "articles similaires", "articles lies", "vous aimerez aussi", "vous pourriez aussi aimer", "a decouvrir", "a ne pas manquer", "les plus lus", "nos articles", "plus d'articles", "ecouter aussi", "regarder aussi"},
			KindTags:     {"mots-cles", "mots cles", "tags", "themes", "sujets"},
			KindCredit:   {"photo", "credit photo", "credits photo", "credit", "illustration"},
			KindRights:   {"tous droits reserves", "(c)", "copyright"},
			KindComment:  {"vous devez etre connecte pour publier un commentaire"},
			KindReadMore: {"lire la suite", "la suite de l'article"},
		},
		Within: map[Kind][]string{
			KindComment:    {"votre adresse e-mail ne sera pas publiee", "votre adresse de messagerie ne sera pas publiee", "les champs obligatoires sont indiques", "enregistrer mon nom, mon e-mail"},
			KindNewsletter: {"je m'abonne", "inscrivez-vous a notre newsletter", "inscrivez-vous a la newsletter", "abonnez-vous a notre newsletter", "recevez notre newsletter", "recevez toute l'actualite", "dans votre boite mail", "dans votre boite e-mail", "newsletter"},
			KindCookie:     {"nous utilisons des cookies", "ce site utilise des cookies", "utilisation de cookies", "accepter les cookies", "gerer les cookies", "politique de cookies", "vos choix en matiere de cookies"},
			KindLogin:      {"cet article est reserve aux abonnes", "il vous reste", "abonnez-vous pour lire"},
			KindRights:     {"tous droits reserves", "reproduction interdite"},
		},
	})
}
