// Package ta registers the Tamil analyzer: the Snowball Tamil stemmer and
// Tamil stop words.
package ta

import (
	"strings"

	"github.com/blevesearch/snowballstem/tamil"

	"github.com/storyline/storyline/internal/analysis"
)

func init() { analysis.Register("ta", stopWords, analysis.Snowball(tamil.Stem)) }

// stopWords are Tamil function words: pronouns, demonstratives,
// postpositions, conjunctions and the commonest auxiliaries. Tamil attaches
// most case markers to the word, which the stemmer removes, so the list is
// shorter than for European languages.
var stopWords = strings.Fields(`
நான் நாம் நாங்கள் நீ நீங்கள் அவன் அவள் அவர் அவர்கள் அது அவை இவர்
இவர்கள் இது இவை என் எனது எங்கள் நமது உன் உங்கள் அவரது அவர்களின் அதன்
இதன் தனது தங்கள் அதை இதை அவரை அவர்களை
இந்த அந்த எந்த இங்கு அங்கு எங்கு இங்கே அங்கே இப்போது அப்போது
என்ன ஏன் எப்படி யார் எது எவ்வளவு எப்போது
ஒரு மற்றும் அல்லது ஆனால் மேலும் என்று என என்ற என்றும் எனவும் என்பது
என்பதை என்பதால் ஆகிய ஆகும் ஆக ஆகவே எனவே கூட மட்டும் மட்டுமே தான்
உள்ள உள்ளது உள்ளன இருந்து இருக்கும் இருந்தது இருந்த இருக்கிறது
இருக்கின்றன இல்லை இல்லாமல் வேண்டும் முடியும் கொண்டு கொண்ட செய்து
செய்த செய்யும் போது போல் போன்ற பற்றி மீது மூலம் வரை முதல் உடன் பின்
பின்னர் பிறகு முன் முன்பு அருகில் சில பல எல்லா அனைத்து ஒவ்வொரு
மிகவும் மிக இன்னும் ஏற்கனவே
`)
