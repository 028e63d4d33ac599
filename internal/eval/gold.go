package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// Item is one gold-labelled article of a corpus in shared/data. Event and
// Storyline are the labels to score against; Lang is for per-language
// figures only.
type Item struct {
	ID, URL, Lang, Text, Event, Storyline string
}

// goldLine is the JSON form of a line; fields the engine does not score
// (ECB+'s topic) are ignored.
type goldLine struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Lang      string `json:"lang"`
	Text      string `json:"text"`
	Event     string `json:"event"`
	Storyline string `json:"storyline"`
}

// ReadGold reads a gold corpus in JSON Lines, one article per line, as
// described in shared/data/README.md. Blank lines are skipped. Each article
// needs a non-empty id, text and event; a line that is not such an object,
// or repeats an id, stops the reading with an error naming the line.
func ReadGold(r io.Reader) ([]Item, error) {
	var items []Item
	seen := make(map[string]int) // id → line
	br := bufio.NewReaderSize(r, 1<<16)
	for lineNo := 1; ; lineNo++ {
		// ReadBytes, not a Scanner: article texts have no length bound.
		line, err := br.ReadBytes('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return items, fmt.Errorf("read gold line %d: %w", lineNo, err)
		}
		if lineNo == 1 {
			line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf"))
		}
		if trimmed := bytes.TrimSpace(line); len(trimmed) > 0 {
			it, perr := parseGoldLine(trimmed)
			if perr != nil {
				return items, fmt.Errorf("gold line %d: %w", lineNo, perr)
			}
			if first, dup := seen[it.ID]; dup {
				return items, fmt.Errorf("gold line %d: duplicate id %q (first on line %d)", lineNo, it.ID, first)
			}
			seen[it.ID] = lineNo
			items = append(items, it)
		}
		if err != nil { // io.EOF
			return items, nil
		}
	}
}

func parseGoldLine(b []byte) (Item, error) {
	var g goldLine
	if err := json.Unmarshal(b, &g); err != nil {
		return Item{}, err
	}
	switch {
	case g.ID == "":
		return Item{}, errors.New(`missing "id"`)
	case g.Text == "":
		return Item{}, fmt.Errorf(`id %q: missing "text"`, g.ID)
	case g.Event == "":
		return Item{}, fmt.Errorf(`id %q: missing "event"`, g.ID)
	}
	return Item(g), nil
}

// Labels maps the id of each item to label(item), the form Score and
// ScoreCrossGroup take: Labels(items, func(it Item) string { return it.Event })
// for the gold events, or it.Lang for the groups of a cross-language score.
// Items whose label is empty are left out, so that articles without a
// storyline are not scored as one storyline.
func Labels(items []Item, label func(Item) string) map[string]string {
	m := make(map[string]string, len(items))
	for _, it := range items {
		if l := label(it); l != "" {
			m[it.ID] = l
		}
	}
	return m
}
