package zh_test

import (
	"slices"
	"testing"

	"github.com/storyline/storyline/internal/analysis"
	_ "github.com/storyline/storyline/internal/analysis/lang/zh"
)

func TestHanBigrams(t *testing.T) {
	zh := analysis.For("zh")
	tests := []struct {
		in   string
		want []string
	}{
		{"普京会面", []string{"普京", "京会", "会面"}},
		{"我们的普京", []string{"们的", "的普", "普京"}}, // 我们 is a stop word
		{"京。", []string{"京"}},                 // a lone character stands for itself
		{"普京在Sochi会见Lukashenko", []string{"普京", "京在", "sochi", "会见", "lukashenko"}},
	}
	for _, tt := range tests {
		if got := zh.Terms(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Terms(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// The same event in simplified and mixed text shares its name bigrams.
	a := zh.Terms("白俄罗斯总统卢卡申科星期一在索契与俄罗斯总统普京会面")
	for _, name := range []string{"卢卡", "申科", "普京", "索契"} {
		if !slices.Contains(a, name) {
			t.Errorf("terms %q lack %q", a, name)
		}
	}
}
