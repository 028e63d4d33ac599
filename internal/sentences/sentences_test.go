package sentences

import (
	"slices"
	"testing"
)

func TestSplit(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"M. Poutine a reçu Mme Dupont. Ils ont parlé.", []string{"M. Poutine a reçu Mme Dupont.", "Ils ont parlé."}},
		{"Gov. Jerry Brown signed it. U.S. officials agreed.", []string{"Gov. Jerry Brown signed it.", "U.S. officials agreed."}},
		{"« Nous irons », a-t-il dit. Puis il est parti !  Vraiment ?", []string{"« Nous irons », a-t-il dit.", "Puis il est parti !", "Vraiment ?"}},
		{"Er kam am 5. Mai an. Dann ging er.", []string{"Er kam am 5. Mai an.", "Dann ging er."}},
		{"Le taux est de 3.5 pour cent. \"Trop\", dit-il.", []string{"Le taux est de 3.5 pour cent.", "\"Trop\", dit-il."}},
		{"First line without stop\nSecond paragraph. It has two.", []string{"First line without stop", "Second paragraph.", "It has two."}},
		{"He said it... and left. Next one.", []string{"He said it... and left.", "Next one."}},
		{"l’Empire tsariste russe.Un témoignage historique. Voir lemonde.fr et U.S.A.", []string{"l’Empire tsariste russe.", "Un témoignage historique.", "Voir lemonde.fr et U.S.A."}},
		// The last byte of "à" and "Å" (0xA0, 0x85) is no space: found by FuzzSplit.
		{"Il est là. Voilà\nÅ", []string{"Il est là.", "Voilà", "Å"}},
		{" Espace insécable. ", []string{"Espace insécable."}},
	}
	for _, c := range cases {
		var got []string
		for _, sp := range Split(c.text) {
			got = append(got, c.text[sp.Start:sp.End])
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Split(%q)\n got %q\nwant %q", c.text, got, c.want)
		}
	}
}
