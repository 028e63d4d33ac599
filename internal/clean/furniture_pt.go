package clean

// Portuguese page furniture.
func init() {
	register("pt", Phrases{
		Line: map[Kind][]string{
			KindComment:    {"comentarios", "deixe um comentario", "deixe uma resposta", "comentar", "responder"},
			KindAd:         {"publicidade", "anuncio", "patrocinado", "conteudo patrocinado"},
			KindReadMore:   {"leia mais", "continue lendo", "continuar a ler", "saiba mais", "ver mais"},
			KindShare:      {"compartilhe", "compartilhar", "partilhar", "partilhe", "imprimir", "enviar", "copiar link"},
			KindFollow:     {"siga-nos", "siga"},
			KindNewsletter: {"assine", "inscreva-se", "assine ja", "subscrever"},
			KindLogin:      {"entrar", "iniciar sessao", "ja e assinante?"},
		},
		Lead: map[Kind][]string{
			KindRelated: {"leia tambem", "veja tambem", "leia mais", "noticias relacionadas", "relacionadas", "mais lidas", "voce pode gostar", "saiba mais"},
			KindTags:    {"tags", "temas", "etiquetas"},
			KindCredit:  {"foto", "imagem"},
			KindRights:  {"todos os direitos reservados"},
		},
		Within: map[Kind][]string{
			KindComment:    {"o seu endereco de email nao sera publicado", "seu endereco de e-mail nao sera publicado", "campos obrigatorios sao marcados"},
			KindNewsletter: {"assine a nossa newsletter", "receba as noticias", "newsletter"},
			KindCookie:     {"utilizamos cookies", "este site utiliza cookies", "usamos cookies", "aceitar cookies", "politica de cookies"},
			KindRights:     {"todos os direitos reservados"},
		},
	})
}
