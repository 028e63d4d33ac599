// Package story detects stories: it groups articles that report the same
// real-world event, online and in arrival order, and links events that share
// their main actors and theme over time into storylines.
//
// This is storyline's own craft. An article joins the event it is most
// similar to, if that similarity clears Params.Join, or opens a new event.
// Similarity combines body and title terms (TF-IDF cosine against the
// event's centroid), named entities (TF-IDF cosine over folded entity keys,
// so Loukachenko and Lukashenko count as one), and time (publication dates
// and dates mentioned in the text). Rarity (IDF) is counted among the docs
// of the article's language, so that unrelated pages in other languages do
// not make a story's common words and names rare. Candidate events come from an inverted
// index over entity keys and the article's rarest terms, capped per key, so
// the cost of placing an article does not grow with history. Near-copies
// (republished wire copy) join their original's event directly.
package story
