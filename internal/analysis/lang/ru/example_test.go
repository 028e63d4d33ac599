package ru_test

import (
	"fmt"

	"github.com/storyline/storyline/internal/analysis"
	_ "github.com/storyline/storyline/internal/analysis/lang/ru"
)

// Example shows the terms of a Russian news sentence.
func Example() {
	fmt.Println(analysis.For("ru").Terms("Президент Белоруссии Александр Лукашенко в понедельник встретился с Владимиром Путиным в Сочи на фоне продолжающихся протестов. Её протест, ее протесты."))
	// Output: [президент белорусс александр лукашенк понедельник встрет владимир путин соч фон продолжа протест протест протест]
}
