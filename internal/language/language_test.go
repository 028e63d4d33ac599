package language

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
)

func TestDetectTwelveLanguages(t *testing.T) {
	// One news-style sentence pair per language the issue names.
	tests := map[string]string{
		"fr": "Le président biélorusse Alexandre Loukachenko est en visite aujourd'hui chez Vladimir Poutine. Les deux dirigeants se rencontrent à Sotchi.",
		"en": "The Belarusian president met Vladimir Putin in Sochi on Monday, seeking support as protests continue across the country.",
		"de": "Der belarussische Präsident hat sich am Montag in Sotschi mit Wladimir Putin getroffen, während die Proteste im Land weitergehen.",
		"es": "El presidente bielorruso se reunió el lunes con Vladímir Putin en Sochi, mientras continúan las protestas en todo el país.",
		"it": "Il presidente bielorusso ha incontrato lunedì Vladimir Putin a Sochi, mentre le proteste continuano in tutto il paese.",
		"pt": "O presidente bielorrusso encontrou-se na segunda-feira com Vladimir Putin em Sochi, enquanto os protestos continuam no país.",
		"nl": "De Wit-Russische president heeft maandag in Sotsji Vladimir Poetin ontmoet, terwijl de protesten in het land doorgaan.",
		"ru": "Президент Белоруссии Александр Лукашенко в понедельник встретился с Владимиром Путиным в Сочи на фоне продолжающихся протестов.",
		"pl": "Prezydent Białorusi spotkał się w poniedziałek z Władimirem Putinem w Soczi, podczas gdy protesty w kraju trwają nadal.",
		"tr": "Belarus Cumhurbaşkanı pazartesi günü Soçi'de Vladimir Putin ile görüştü, ülkedeki protestolar ise devam ediyor.",
		"ar": "التقى الرئيس البيلاروسي ألكسندر لوكاشينكو يوم الاثنين بالرئيس الروسي فلاديمير بوتين في سوتشي وسط استمرار الاحتجاجات.",
		"zh": "白俄罗斯总统卢卡申科星期一在索契与俄罗斯总统普京会面，该国的抗议活动仍在继续。",
	}
	for want, text := range tests {
		if got, _ := Detect("", text); got != want {
			t.Errorf("Detect(%.40q…) = %q, want %q", text, got, want)
		}
	}
}

func TestDetectTooShort(t *testing.T) {
	if got, _ := Detect("", "12 — !!"); got != "" {
		t.Errorf("Detect on no letters = %q, want \"\"", got)
	}
}

// TestDetectMultilingualCorpus checks detection on the real pages of the
// multilingual gold corpus, whose lang field is the reference.
func TestDetectMultilingualCorpus(t *testing.T) {
	f, err := os.Open("../../../shared/data/multilingual.jsonl")
	if err != nil {
		t.Skip("../shared/data is absent: skipping the corpus check")
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	total, right := 0, 0
	for sc.Scan() {
		var rec struct{ Lang, Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		total++
		if got, _ := Detect("", rec.Text); got == rec.Lang {
			right++
		} else {
			t.Logf("want %s, got %s: %.80q", rec.Lang, got, rec.Text)
		}
	}
	if acc := float64(right) / float64(total); acc < 0.97 {
		t.Errorf("accuracy %.3f on %d pages, want at least 0.97", acc, total)
	}
}

func BenchmarkDetect(b *testing.B) {
	text := "Le président biélorusse Alexandre Loukachenko est en visite aujourd'hui chez Vladimir Poutine. Les deux dirigeants se rencontrent à Sotchi, au bord de la mer Noire, dans le sud de la Russie."
	for b.Loop() {
		Detect("", text)
	}
}
