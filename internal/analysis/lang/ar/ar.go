// Package ar registers the Arabic analyzer: the Snowball Arabic stemmer
// (which also normalises alef forms and removes diacritics and the
// attached conjunctions, prepositions and article) and Arabic stop words.
package ar

import (
	"strings"

	"github.com/blevesearch/snowballstem/arabic"

	"github.com/storyline/storyline/internal/analysis"
)

func init() { analysis.Register("ar", stopWords, analysis.Snowball(arabic.Stem)) }

// stopWords are Arabic function words: prepositions, pronouns, relative
// and demonstrative pronouns, particles, the forms of كان, and their
// commonest spellings without hamza and with the conjunction و attached.
var stopWords = strings.Fields(`
من في على إلى الى عن مع منذ حتى عند لدى لدي بين خلال حول ضد دون فوق تحت
أمام امام بعد قبل نحو عبر وفق وفي ومن وعلى وإلى والى وعن ومع
هو هي هم هن هما أنا انا نحن أنت انت أنتم انتم أنتما أنتن
له لها لهم لهن لنا لي لك به بها بهم فيه فيها فيهم منه منها منهم عنه
عنها عليه عليها عليهم إليه اليه إليها اليها معه معها
هذا هذه هذان هاتان هؤلاء ذلك تلك أولئك اولئك هنا هناك هنالك
الذي التي الذين اللذان اللتان اللواتي اللاتي الذى والذي والتي
ما ماذا من لماذا كيف أين اين متى أي اي كم
و أو او أم ام ثم بل لكن ولكن لكنه إذا اذا إذ اذ إن ان أن إنه انه أنه
أنها انها إنها لأن لان كأن كما مثل كل كلا بعض غير سوى أيضا ايضا فقط
قد لقد وقد لا لم لن ليس ليست ولا ولم إلا الا حيث بينما عندما
كان كانت كانوا يكون تكون يكن وكان وكانت ليكون
`)
