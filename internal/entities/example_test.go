package entities_test

import (
	"fmt"

	"github.com/storyline/storyline/internal/entities"
)

func ExampleExtract() {
	// From ../shared/samples/pages/003: the names, their kinds and keys.
	text := "La rencontre de Sotchi entre Vladimir Poutine et Alexandre Loukachenko se déroule au lendemain d’un nouveau dimanche de mobilisation de l’opposition dans la capitale Minsk."
	for _, m := range entities.Extract(text, "fr") {
		fmt.Printf("%s (%s) %q\n", m.Text, m.Kind, m.Key)
	}
	// Output:
	// Sotchi (place) "sochi"
	// Vladimir Poutine (person) "vladimir putin"
	// Alexandre Loukachenko (person) "aleksander lukashenk"
	// Minsk (place) "minsk"
}

func ExampleKey() {
	for _, name := range []string{"Loukachenka", "Lukashenko", "Лукашенко", "Biélorussie", "Weißrussland", "l'OTAN", "NATO"} {
		fmt.Printf("%s %q\n", name, entities.Key(name))
	}
	// Output:
	// Loukachenka "lukashenk"
	// Lukashenko "lukashenk"
	// Лукашенко "lukashenk"
	// Biélorussie "belarus"
	// Weißrussland "belarus"
	// l'OTAN "nato"
	// NATO "nato"
}

func ExampleSurnameKey() {
	full := entities.Key("Vladimir Poutine")
	fmt.Println(entities.SurnameKey(full) == entities.Key("Poutine"))
	// Output: true
}
