package language

import (
	"strings"
	"testing"
)

// FuzzDetect checks that any title and text, however broken, give a
// two-letter code or "" and a confidence in [0, 1].
func FuzzDetect(f *testing.F) {
	for _, s := range []string{
		"Le président biélorusse Alexandre Loukachenko est en visite aujourd'hui chez Vladimir Poutine.",
		"Президент Белоруссии Александр Лукашенко встретился с Владимиром Путиным в Сочи.",
		"白俄罗斯总统卢卡申科在索契会见了普京。", "الرئيس البيلاروسي في سوتشي",
		"Le pr\xe9sident \xff\xfe bi\xe9lorusse \x00 Sotchi", "Ã©tÃ© Ã  Sotchi avec le prÃ©sident",
		strings.Repeat("é", 999) + "\u00e9", strings.Repeat("a ", 600), "1234567890 !!!", "",
	} {
		f.Add("", s)
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, title, text string) {
		lang, conf := Detect(title, text)
		if lang != "" && len(lang) != 2 || conf < 0 || conf > 1 || conf != conf {
			t.Fatalf("Detect(%q, %q) = %q, %v", title, text, lang, conf)
		}
	})
}
