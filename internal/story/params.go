package story

// Params are the parameters that decide clustering quality. They are the
// same for every corpus and language: there is no per-corpus switch. Their
// values were chosen with the sweep in internal/pipeline/tune_test.go
// (STORYLINE_TUNE=grid) over the three gold corpora in ../shared/data; the
// figures they give are in README.md ("Quality"). Evidence, event B-cubed
// F1 (seeds / ECB+ / multilingual):
//   - DateMentionWeight 1: 0.750 / 0.902 / 0.568; 2: 0.824 / 0.899 / 0.627;
//     3 (chosen): 0.846 / 0.905 / 0.608; 4: 0.846 / 0.908 / 0.570;
//     6: 0.846 / 0.902 / 0.512.
//   - PeripheralWeight 1 instead of 0.5 (with DateMentionWeight 1): ECB+
//     0.909 but the seeds' storylines fall from 1.000 to 0.667.
//   - Join 0.30 instead of 0.35: ECB+ 0.890. Tried and dropped, as
//
// they traded recall for precision without raising F1 on ECB+: a
// per-event cohesion floor for joins, and a penalty for articles whose
// salient entities the event lacks.
type Params struct {
	// Join is the similarity an article needs with an event to join it.
	Join float64
	// TextWeight and EntityWeight mix the two similarities; when an
	// article or event has no entities the text similarity stands alone.
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
	// least AttachMargin times its score with any other event.
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
	// MaxCandidates bounds the events scored for one article; PostingCap
	// bounds how many events one index key remembers (the most recent).
	MaxCandidates, PostingCap int
	// IndexTerms is how many of an article's rarest terms are looked up.
	IndexTerms int
	// StorylineActors is how many main actors of an event are compared,
	// StorylineShared how many must be shared, and StorylineText the text
	// similarity two events need to be linked into a storyline.
	StorylineActors, StorylineShared int
	StorylineText                    float64
}

// DefaultParams are the parameters storyline runs with.
var DefaultParams = Params{
	Join:              0.35,
	TextWeight:        0.5,
	EntityWeight:      0.5,
	TitleBoost:        2,
	PeripheralWeight:  0.5,
	DateMentionWeight: 3,
	TimeScaleDays:     7,
	TimeFloor:         0.5,
	Merge:             0.20,
	RefinePasses:      2,
	AttachMin:         0.10,
	AttachMargin:      1.5,
	MergeCohesion:     0.7,
	ConsolidateEvery:  500,
	MaxCandidates:     40,
	PostingCap:        64,
	IndexTerms:        12,
	StorylineActors:   5,
	StorylineShared:   2,
	StorylineText:     0.05,
}
