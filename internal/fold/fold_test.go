package fold

import "testing"

func TestString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Biélorussie", "bielorussie"},
		{"BIÉLORUSSIE", "bielorussie"},
		{"Loukachenko  demande à la Russie", "loukachenko demande a la russie"},
		{"d’anniversaire", "d'anniversaire"},
		{"« usurpateur »", "\" usurpateur \""},
		{"Straße Œuvre", "strasse oeuvre"},
		{"Sergueï Choïgou", "serguei choigou"},
		{"Лукашенко й", "лукашенко й"}, // Cyrillic keeps its letters
		{"  leading and\ttrailing  ", "leading and trailing"},
		{"Łódź", "lodz"},
	}
	for _, tt := range tests {
		if got := String(tt.in); got != tt.want {
			t.Errorf("String(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
