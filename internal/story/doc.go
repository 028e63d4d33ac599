// Package story detects stories: it groups articles that report the same
// real-world event, online and in arrival order, and links events that share
// their main actors and theme over time into storylines.
//
// This is storyline's own craft. An article joins the event it is most
// similar to, if that similarity clears Params.Join, or opens a new event.
// Similarity combines body and title terms (TF-IDF cosine against the
// centroid of the event's articles in the article's language, weighed by
// their share of the event), named entities with the figures and days the
// text states (TF-IDF cosine over folded entity keys, so Loukachenko,
// Lukashenko and Лукашенко count as one, and "66 milliards" is "$66
// billion"), and time (publication dates). Words are evidence only within
// one language; names, figures and days in any: an article joins an event
// reported in other languages on those. Rarity (IDF) is counted among the
// docs of the article's language, so that unrelated pages in other
// languages do not make a story's common words and names rare. Candidate
// events come from an inverted
// index over entity keys and the article's rarest terms, capped per key, so
// the cost of placing an article does not grow with history. Near-copies
// (republished wire copy) join their original's event directly.
package story
