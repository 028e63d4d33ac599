package clean

// Spanish page furniture.
func init() {
	register("es", Phrases{
		Line: map[Kind][]string{
			KindComment:    {"comentarios", "deja un comentario", "dejar un comentario", "responder"},
			KindAd:         {"publicidad", "anuncio", "patrocinado", "contenido patrocinado"},
			KindReadMore:   {"leer mas", "seguir leyendo", "ver mas", "continuar leyendo"},
			KindShare:      {"compartir", "comparte", "compartir en facebook", "compartir en twitter", "imprimir", "enviar", "copiar enlace"},
			KindFollow:     {"siguenos", "seguir"},
			KindNewsletter: {"suscribete", "suscribirse", "boletin"},
			KindLogin:      {"iniciar sesion", "registrate", "ya eres suscriptor?"},
		},
		Lead: map[Kind][]string{
			KindRelated: {"lea tambien", "lee tambien", "te puede interesar", "le puede interesar", "noticias relacionadas", "relacionado", "relacionadas", "mas noticias", "lo mas leido", "tambien te puede interesar", "ver tambien"},
			KindTags:    {"etiquetas", "temas"},
			KindCredit:  {"foto", "imagen", "fotografia"},
			KindRights:  {"todos los derechos reservados"},
		},
		Within: map[Kind][]string{
			KindComment:    {"tu direccion de correo electronico no sera publicada", "los campos obligatorios estan marcados"},
			KindNewsletter: {"suscribete a nuestro boletin", "suscribete a nuestra newsletter", "recibe nuestro boletin", "newsletter"},
			KindCookie:     {"utilizamos cookies", "este sitio web utiliza cookies", "aceptar cookies", "politica de cookies"},
			KindRights:     {"todos los derechos reservados"},
		},
	})
}
