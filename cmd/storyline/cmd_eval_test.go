package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/storyline/storyline/internal/store/postgres/pgtest"
)

// TestEvalSameOnBothStores runs `storyline eval` on the gold corpora of
// ../shared/data in the embedded store and in PostgreSQL (a temporary
// schema): the figures and every article's event and storyline must be
// identical, since detection replays the same articles in the same order
// whichever store keeps them.
func TestEvalSameOnBothStores(t *testing.T) {
	pg := pgtest.Server(t)
	for _, corpus := range []string{"seeds.jsonl", "multilingual.jsonl", "ecbplus.jsonl"} {
		t.Run(corpus, func(t *testing.T) {
			gold := filepath.Join("../../../shared/data", corpus)
			if _, err := os.Stat(gold); err != nil {
				t.Skipf("%s is absent (../shared is not beside the project)", gold)
			}
			tempDB(t)
			dir := t.TempDir()
			run := func(name string, store ...string) (evalReport, []byte) {
				assignments := filepath.Join(dir, name+".jsonl")
				out, _ := mustExecute(t, nil, append(store, "eval", "--gold", gold, "--json", "--assignments", assignments)...)
				var rep evalReport
				if err := json.Unmarshal([]byte(out), &rep); err != nil {
					t.Fatalf("%s: %v\n%s", name, err, out)
				}
				b, err := os.ReadFile(assignments)
				if err != nil {
					t.Fatal(err)
				}
				return rep, b
			}
			lite, liteAssigned := run("sqlite")
			pgRep, pgAssigned := run("postgres", "--store", pg)
			t.Logf("%s: events B-cubed F1 %.3f on both; ingest to events %.2f s embedded (%.0f articles/s), %.2f s PostgreSQL (%.0f articles/s)",
				corpus, lite.Events.BCubed.F1, lite.Seconds, lite.ArticlesPerS, pgRep.Seconds, pgRep.ArticlesPerS)
			lite.Seconds, lite.ArticlesPerS, pgRep.Seconds, pgRep.ArticlesPerS = 0, 0, 0, 0
			a, _ := json.Marshal(lite)
			b, _ := json.Marshal(pgRep)
			if string(a) != string(b) {
				t.Errorf("figures differ:\nembedded   %s\nPostgreSQL %s", a, b)
			}
			if string(liteAssigned) != string(pgAssigned) || len(liteAssigned) == 0 {
				t.Errorf("assignments differ (%d and %d bytes)", len(liteAssigned), len(pgAssigned))
			}
		})
	}
}
