package analysis_test

import (
	"slices"
	"testing"

	"github.com/storyline/storyline/internal/analysis"
)

func TestNeutralAnalyzer(t *testing.T) {
	for _, lang := range []string{"", "xx", "klingon"} {
		a := analysis.For(lang)
		if a == nil || a.Lang() != "" {
			t.Fatalf("For(%q) = %v, want the neutral analyzer", lang, a)
		}
	}
	// Folded and tokenized, but no stop word dropped and nothing stemmed.
	got := analysis.For("").Terms("L’ouragan Irma a frappé les îles de Saint-Martin le 6 septembre 2017, 13 000 sinistrés.")
	want := []string{"ouragan", "irma", "frappe", "les", "iles", "de", "saint", "martin", "le", "septembre", "2017", "13000", "sinistres"}
	if !slices.Equal(got, want) {
		t.Errorf("neutral Terms = %q, want %q", got, want)
	}
}

func TestTermsKeepsCyrillicAndHan(t *testing.T) {
	got := analysis.For("").Terms("Лукашенко ЛУКАШЕНКО 普京会面")
	want := []string{"лукашенко", "лукашенко", "普京", "京会", "会面"}
	if !slices.Equal(got, want) {
		t.Errorf("Terms = %q, want %q", got, want)
	}
}

func TestRegisterAndFor(t *testing.T) {
	analysis.Register("qx", []string{"Thé", "of"}, func(w string) string { return w + "+" })
	for _, code := range []string{"qx", "QX", "qx-CA", "qx_ca", " qx "} {
		if got := analysis.For(code).Lang(); got != "qx" {
			t.Errorf("For(%q).Lang() = %q, want qx", code, got)
		}
	}
	if !slices.Contains(analysis.Languages(), "qx") {
		t.Errorf("Languages() = %q, want qx in it", analysis.Languages())
	}
	// Stop words are folded; the stem function sees the unfolded lower
	// case word and its result is folded.
	got := analysis.For("qx").Terms("THE the thé Été 42 x")
	want := []string{"ete+", "42"}
	if !slices.Equal(got, want) {
		t.Errorf("Terms = %q, want %q", got, want)
	}
	defer func() {
		if recover() == nil {
			t.Error("second Register(\"qx\") did not panic")
		}
	}()
	analysis.Register("qx", nil, nil)
}

func TestAppendTermsReusesBuffer(t *testing.T) {
	a := analysis.For("")
	text := "Une source révèle la réaction du Kremlin aux manifestations"
	buf := a.AppendTerms(nil, text) // warm the cache
	allocs := testing.AllocsPerRun(100, func() {
		buf = a.AppendTerms(buf[:0], text)
	})
	if allocs != 0 {
		t.Errorf("AppendTerms on known words allocates %v times, want 0", allocs)
	}
}
