package ru_test

import (
	"slices"
	"testing"

	"github.com/storyline/storyline/internal/analysis"
	_ "github.com/storyline/storyline/internal/analysis/lang/ru"
)

// The corpora hold no Russian page, so these are sentences of Russian news.
func TestCyrillicStaysAndInflectionsConflate(t *testing.T) {
	ru := analysis.For("ru")
	got := ru.Terms("ЛУКАШЕНКО встретился с Путиным в Сочи.")
	want := []string{"лукашенк", "встрет", "путин", "соч"}
	if !slices.Equal(got, want) {
		t.Errorf("Terms = %q, want %q", got, want)
	}
	for _, group := range [][]string{
		{"Лукашенко", "Лукашенка", "Лукашенку"},
		{"Путин", "Путина", "Путину", "Путиным"},
		{"президент", "президента", "президентом", "Президенты"},
		{"ёлка", "елка"}, // ё is optional in Russian spelling
	} {
		want := ru.Terms(group[0])
		for _, w := range group[1:] {
			if got := ru.Terms(w); len(want) != 1 || !slices.Equal(got, want) {
				t.Errorf("Terms(%q) = %q, want %q like %q", w, got, want, group[0])
			}
		}
	}
	if got := ru.Terms("и в на что это её ее"); len(got) != 0 {
		t.Errorf("stop words give terms %q", got)
	}
}
