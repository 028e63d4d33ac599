// Package en registers the English analyzer: the Snowball English (Porter2)
// stemmer and English stop words.
package en

import (
	"strings"

	"github.com/blevesearch/snowballstem/english"

	"github.com/storyline/storyline/internal/analysis"
)

func init() { analysis.Register("en", stopWords, analysis.Snowball(english.Stem)) }

// stopWords are English function words: pronouns, articles, auxiliaries,
// prepositions, conjunctions and the commonest adverbs. Possessive 's is
// removed by the tokenizer, so "it's" arrives as "it".
var stopWords = strings.Fields(`
i me my myself we us our ours ourselves you your yours yourself yourselves
he him his himself she her hers herself it its itself they them their theirs
themselves what which who whom whose this that these those
am is are was were be been being have has had having do does did doing
will would shall should can could may might must ought
i'm you're we're they're i've you've we've they've i'd you'd he'd she'd
we'd they'd i'll you'll he'll she'll we'll they'll
isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't
won't wouldn't shan't shouldn't can't cannot couldn't mustn't mightn't needn't
a an the and but if or because as until while of at by for with about
against between into through during before after above below to from up
down in out on off over under again further then once here there when
where why how all any both each few more most other some such no nor not
only own same so than too very just also even still yet already ever
never however although though whether within without upon onto via per
among amongst since toward towards across along around behind beside
besides beyond despite except inside outside unless whereas whereby
wherever whenever whatever whoever whichever either neither else another
many much every everything everyone anything anyone something someone
nothing none often perhaps rather quite almost enough instead thus hence
therefore meanwhile otherwise indeed
`)
