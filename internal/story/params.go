package story

// Params are the parameters that decide clustering quality. They are the
// same for every corpus and language: there is no per-corpus switch. Their
// values were chosen with the sweep in internal/pipeline/tune_test.go
// (STORYLINE_TUNE=grid, or STORYLINE_PARAMS for chosen variants) over the
// three gold corpora in ../shared/data; the figures they give are in
// README.md ("Quality"). Tried and dropped, as
// they traded recall for precision without raising F1 on ECB+: a
// per-event cohesion floor for joins, and a penalty for articles whose
// salient entities the event lacks.
//
// Evidence, event B-cubed F1 (seeds / ECB+ / multilingual):
//   - DateMentionWeight 1: 0.750 / 0.902 / 0.568; 2: 0.824 / 0.899 / 0.627;
//     3 (chosen): 0.846 / 0.905 / 0.608; 4: 0.846 / 0.908 / 0.570;
//     6: 0.846 / 0.902 / 0.512.
//   - PeripheralWeight 1 instead of 0.5 (with DateMentionWeight 1): ECB+
//     0.909 but the seeds' storylines fall from 1.000 to 0.667.
//   - Join 0.30 instead of 0.35: ECB+ 0.890.
//
// Robustness to unrelated articles is measured by tune_test.go on mixed
// collections scored on one part's gold: the seeds after the 982 ECB+
// articles (mix-seeds), the seeds after the 157 multilingual pages, 43 of
// them French (mix-fr), the multilingual pages after ECB+ (mix-ml), and
// the seeds after one French page, for each of the 43 (fr1-seeds, mean).
// Event F1 / storyline F1, before → after:
//   - Words and names weighed by rarity among the docs of the article's
//     language (Detector.idfsFor) rather than the whole collection:
//     mix-seeds 0.611 / 0.810 → 0.846 / 1.000 (as the seeds alone: all
//     five had been one event), multilingual 0.618 / 0.788 → 0.712 /
//     0.809, mix-ml 0.653 / 0.789 → 0.739 / 0.832; seeds 0.846 / 1.000 and
//     ECB+ 0.904 unchanged. Rarity of words only (names over the whole
//     collection): multilingual 0.662, mix-seeds unchanged; among the
//     docs' own language even for keys that language never uses:
//     multilingual 0.713 / 0.780.
//   - A lone article with no runner-up must score AttachMargin×AttachMin
//     to attach at refinement: fr1-seeds 0.617 / 0.814 → 0.824 / 1.000
//     (the 2023 visit, 004, no longer attaches at 0.13 to the one event
//     left). No other figure changes with rarity over the whole
//     collection; with it per language, mix-ml 0.739 / 0.832 → 0.734 /
//     0.828.
//   - Tried and dropped: capping the entity part by the text similarity
//     (k·text, k = 1, 2, 3, names only or days too) or a geometric mean:
//     multilingual 0.40–0.69, where one event's articles in several
//     languages share names but few words; ECB+ 0.890–0.901. Lone events
//     merged at consolidation only from Join, or when they stand out as
//     at refinement: fr1-seeds 0.846 but multilingual 0.676. TextWeight
//     0.4 / EntityWeight 0.6: multilingual 0.764 but ECB+ 0.902 (0.6 /
//     0.4: ECB+ 0.898).
//
// Across languages (issue 9), measured on the multilingual corpus's pairs
// of articles in different languages (pairwise precision / recall, "xl")
// besides event B-cubed F1 (seeds / ECB+ / multilingual), from 0.846 /
// 0.904 / 0.712, xl 0.769 / 0.511 (mix-ml 0.732, xl 0.682 / 0.510):
//   - German names among capitalised nouns (package entities: names split
//     out of noun runs, a capital inside, alone in quotes): multilingual
//     0.806, xl 0.737 / 0.670; the others unchanged.
//   - Words compared only among the articles of one language, the text
//     weight scaled by their share of the event (Detector.mix), with
//     figures weighing 1: multilingual 0.826, xl 0.879 / 0.724; with the
//     German names too, 0.832, xl 0.796 / 0.764. With the final evidence,
//     a text weight of zero when the event has no article in the language
//     and full otherwise: multilingual 0.937, xl 0.955 / 0.899, but mix-ml
//     0.825, xl 0.773 / 0.729 (scaled: 0.935, xl 0.968 / 0.890; mix-ml
//     0.865, xl 0.993 / 0.735).
//   - German capitalised words confirmed as names when other languages
//     name them (Detector.confirm), final evidence otherwise: multilingual
//     0.896 → 0.935, xl 0.967 / 0.806 → 0.968 / 0.890.
//   - Figures (FigureWeight): 1: seeds 0.846, ECB+ 0.908, multilingual
//     0.891, xl 0.780 / 0.873; 2: 1.000 / 0.905 / 0.907, xl 0.974 /
//     0.838; 3 (chosen): 1.000 / 0.911 / 0.935, xl 0.968 / 0.890; 4:
//     1.000 / 0.909 / 0.931. Without figures: 0.846 / 0.903 / 0.894, xl
//     0.784 / 0.887. Below 2 the three events of the Bayer–Monsanto
//     takeover (offer, agreement, completion: one storyline, the same
//     companies, mostly undated pages) make one event, which is nearly
//     all the cross-language precision lost; their figures ($62bn, $66bn,
//     $63bn; $122, $128 a share) tell them apart.
//   - AttachMin 0.15 instead of 0.10: with figures weighing 3, the
//     birthday call (001) no longer attaches to the Sochi meeting at
//     refinement (seeds 0.824 → 1.000; fr1-seeds 0.616 → 0.824); ECB+
//     0.913 → 0.911.
//   - The gazetteer's countries from CLDR in 21 languages (Saint-Martin,
//     Sint Maarten and St. Martin one island, Guadeloupe, Eritrea in
//     Arabic), final evidence otherwise: multilingual 0.898 → 0.935, xl
//     0.963 / 0.818 → 0.968 / 0.890; ECB+ and seeds unchanged. Oceans and
//     regions, more capitals, a storm's kind word cut ("Hurricane Irma" is
//     "Irma"): ECB+ and seeds unchanged, multilingual within ±0.01.
//   - Tried and dropped: dating an undated article by its event's dated
//     ones when events are compared at consolidation: xl precision 0.97
//     with figures weighing 1, but ECB+ 0.901–0.903 (its gold events span
//     a crime and the trial years later) and a wrong date prefix splits
//     the 2019 Nobel Peace Prize; figures and days in place of the words
//     when the event has no article in the language: multilingual 0.715–
//     0.810; MergeCohesion 0.8–0.85: multilingual precision up, ECB+
//     0.883–0.889; refining before the first consolidation: no gain.
//   - Final: seeds 1.000 / storylines 1.000, ECB+ 0.911, multilingual
//     0.935 / storylines 0.896, xl 0.968 / 0.890; mix-seeds 1.000,
//     mix-ml 0.865 (xl 0.993 / 0.735), fr1-seeds 0.824.
//   - Open: mix-fr stays 0.611 / 0.810. Among 48 French pages the Belarus
//     story's names and words are rare, and the birthday call (001) and the
//     2023 visit (004) share them with the Sochi meeting as much as its own
//     reports do (text 0.29, names 0.89 for 000–001); only mentioned days
//     tell them apart, and 001 and 004 resolve none.
type Params struct {
	// Join is the similarity an article needs with an event to join it.
	Join float64
	// TextWeight and EntityWeight mix the two similarities; when an
	// article or event has no entities the text similarity stands alone.
	// Words are compared only with the event's articles in the article's
	// language, and TextWeight is scaled by their share of the event (see
	// Detector.mix): across languages, entities carry the score.
	TextWeight, EntityWeight float64
	// PeripheralWeight is the weight of an entity named once, in the body
	// only: a report cites many places and bodies in passing, and those
	// would otherwise outweigh the names it repeats.
	PeripheralWeight float64
	// DateMentionWeight is how much a day the text mentions ("le 14
	// septembre") weighs as evidence, against a name mentioned once: two
	// reports of one meeting name its day; two meetings of the same
	// people do not share it.
	DateMentionWeight float64
	// TitleBoost is how much a title term counts against a body term.
	TitleBoost float64
	// TimeScaleDays is the gap between an article's date and an event's
	// date range at which the time factor has fallen halfway to
	// TimeFloor; TimeFloor is what the factor tends to for distant dates
	// (never zero: a long-running event can be reported years apart).
	TimeScaleDays, TimeFloor float64
	// Merge is the similarity at which consolidation merges two events.
	Merge float64
	// AttachMin and AttachMargin: at refinement, an article left alone
	// joins its best event if it scores at least AttachMin there and at
	// least AttachMargin times its score with any other event (times
	// AttachMin when no other event is a candidate).
	AttachMin, AttachMargin float64
	// RefinePasses is how many times, at the end, every article is
	// checked against the events as they ended up.
	RefinePasses int
	// MergeCohesion: two events merge only if their similarity is at
	// least MergeCohesion times the self-similarity of each (the mean
	// score of its articles against the rest of it).
	MergeCohesion float64
	// ConsolidateEvery is how many articles pass between consolidations.
	ConsolidateEvery int
	// MaxCandidates bounds the events scored for one article (those sharing
	// the most index keys with it); PostingCap bounds how many events one
	// index key remembers (the most recent). 20 candidates give the same
	// events as 40 on the three corpora and the same F1 on a 5,000-article
	// bench corpus (0.681 against 0.680), 20% faster; 10 lose on the
	// multilingual corpus (0.700 against 0.712).
	MaxCandidates, PostingCap int
	// IndexTerms is how many of an article's rarest terms are looked up.
	IndexTerms int
	// StorylineActors is how many main actors of an event are compared,
	// StorylineShared how many must be shared, and StorylineText the text
	// similarity two events need to be linked into a storyline.
	StorylineActors, StorylineShared int
	StorylineText                    float64
	// FigureWeight is how much a figure the text states ("66 milliards",
	// "$66 billion": "#66e9", see analysis.Figures) weighs as evidence,
	// against a name mentioned once, as DateMentionWeight for a day: two
	// reports of one deal state its price, two deals of the same companies
	// do not; and a figure reads the same in every language.
	FigureWeight float64
	// Window is how many of the most recent articles detection holds
	// whole (their words, names, near-copy signatures): older ones are
	// settled — checked once more against the events as they stand
	// (see refine), folded into their event, and let go — and an event
	// none of whose articles is in the window is closed: told (headline,
	// entities) and no longer joined. Memory then stays bounded however
	// long the history, and so does the cost of placing an article.
	// Within the window nothing changes: a history no longer than it is
	// detected exactly as with no window. 0 means no window.
	Window int
}

// DefaultParams are the parameters storyline runs with.
var DefaultParams = Params{
	Join:              0.35,
	TextWeight:        0.5,
	EntityWeight:      0.5,
	TitleBoost:        2,
	PeripheralWeight:  0.5,
	DateMentionWeight: 3,
	FigureWeight:      3,
	TimeScaleDays:     7,
	TimeFloor:         0.5,
	Merge:             0.20,
	RefinePasses:      2,
	AttachMin:         0.15,
	AttachMargin:      1.5,
	MergeCohesion:     0.7,
	ConsolidateEvery:  500,
	MaxCandidates:     20,
	PostingCap:        64,
	IndexTerms:        12,
	StorylineActors:   5,
	StorylineShared:   2,
	StorylineText:     0.05,
	Window:            100000,
}
