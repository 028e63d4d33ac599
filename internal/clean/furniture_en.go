package clean

// English page furniture.
func init() {
	register("en", Phrases{
		Line: map[Kind][]string{
			KindComment:    {"leave a comment", "leave a reply", "comments", "comment", "add a comment", "post a comment", "view comments", "show comments", "reply", "cancel reply", "join the conversation"},
			KindAd:         {"advertisement", "advertising", "ad", "sponsored", "sponsored content", "promoted", "paid content", "story continues below advertisement", "article continues below advertisement", "continue reading below", "advertisement - scroll to continue", "skip advertisement", "story continues below"},
			KindReadMore:   {"read more", "continue reading", "read the full story", "read full article", "see more", "show more", "load more", "more"},
			KindShare:      {"share", "share this", "share this article", "share this story", "share on facebook", "share on twitter", "tweet", "print", "email", "e-mail", "copy link", "link copied", "facebook", "twitter", "linkedin", "whatsapp", "reddit", "pinterest", "flipboard"},
			KindFollow:     {"follow us", "follow"},
			KindNewsletter: {"newsletter", "subscribe", "sign up", "subscribe now"},
			KindLogin:      {"log in", "login", "sign in", "already a subscriber?", "register"},
			KindEmbed:      {"your browser does not support the video tag", "this video is not available", "watch", "listen", "click to play"},
		},
		Lead: map[Kind][]string{
			KindRelated:  {"read also", "read more", "see also", "related", "related articles", "related stories", "related coverage", "related content", "more from", "more on this", "more stories", "more news", "you may also like", "you might also like", "recommended", "recommended stories", "most read", "most popular", "trending", "also read", "further reading", "top stories"},
			KindTags:     {"tags", "topics", "filed under", "categories", "posted in"},
			KindCredit:   {"photo", "photo credit", "image", "image credit", "picture", "credit", "source: getty", "getty images"},
			KindRights:   {"all rights reserved", "copyright", "(c)"},
			KindComment:  {"you must be logged in to post a comment", "comments are closed"},
			KindReadMore: {"continue reading", "click here to read"},
		},
		Within: map[Kind][]string{
			KindComment:    {"your email address will not be published", "required fields are marked", "save my name, email, and website"},
			KindNewsletter: {"sign up for our newsletter", "subscribe to our newsletter", "sign up to our newsletter", "get the latest news delivered", "delivered to your inbox", "straight to your inbox", "newsletter"},
			KindCookie:     {"we use cookies", "this site uses cookies", "this website uses cookies", "accept cookies", "cookie policy", "by continuing to use this site", "by using this site, you agree"},
			KindLogin:      {"subscribe to continue reading", "this article is for subscribers", "already a subscriber", "you have reached your limit of free articles"},
			KindRights:     {"all rights reserved", "this material may not be published, broadcast, rewritten"},
			KindEmbed:      {"giphy app key not set", "please enable javascript", "javascript is disabled", "javascript is required", "your browser does not support"},
			KindFollow:     {"follow us on twitter", "follow us on facebook", "like us on facebook"},
			KindCredit:     {"photograph:", "photo:", "picture:", "image:", "getty images", "afp photo", "ap photo", "reuters/", "/reuters"},
		},
	})
}
