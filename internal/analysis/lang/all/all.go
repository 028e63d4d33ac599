// Package all registers every language analyzer: import it for its side
// effect, then call analysis.For.
//
//	import _ "github.com/storyline/storyline/internal/analysis/lang/all"
package all

import (
	_ "github.com/storyline/storyline/internal/analysis/lang/ar" // Arabic
	_ "github.com/storyline/storyline/internal/analysis/lang/da" // Danish
	_ "github.com/storyline/storyline/internal/analysis/lang/de" // German
	_ "github.com/storyline/storyline/internal/analysis/lang/en" // English
	_ "github.com/storyline/storyline/internal/analysis/lang/es" // Spanish
	_ "github.com/storyline/storyline/internal/analysis/lang/fi" // Finnish
	_ "github.com/storyline/storyline/internal/analysis/lang/fr" // French
	_ "github.com/storyline/storyline/internal/analysis/lang/hu" // Hungarian
	_ "github.com/storyline/storyline/internal/analysis/lang/it" // Italian
	_ "github.com/storyline/storyline/internal/analysis/lang/nl" // Dutch
	_ "github.com/storyline/storyline/internal/analysis/lang/no" // Norwegian (no, nb, nn)
	_ "github.com/storyline/storyline/internal/analysis/lang/pl" // Polish
	_ "github.com/storyline/storyline/internal/analysis/lang/pt" // Portuguese
	_ "github.com/storyline/storyline/internal/analysis/lang/ro" // Romanian
	_ "github.com/storyline/storyline/internal/analysis/lang/ru" // Russian
	_ "github.com/storyline/storyline/internal/analysis/lang/sv" // Swedish
	_ "github.com/storyline/storyline/internal/analysis/lang/ta" // Tamil
	_ "github.com/storyline/storyline/internal/analysis/lang/tr" // Turkish
	_ "github.com/storyline/storyline/internal/analysis/lang/zh" // Chinese
)
