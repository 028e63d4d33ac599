package pipeline

import (
	"context"
	"fmt"
	"os"
	"sort"
	"testing"

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/eval"
	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/story"
)

func TestDbgSeparation(t *testing.T) {
	if os.Getenv("DBG_SEP") == "" {
		t.Skip()
	}
	path := "../../../shared/data/" + os.Getenv("DBG_SEP") + ".jsonl"
	f, _ := os.Open(path)
	items, _ := eval.ReadGold(f)
	f.Close()
	gold := map[string]string{}
	for _, it := range items {
		gold[it.ID] = it.Event
	}
	var docs []*story.Doc
	var labels []string
	var lens []int
	Run(context.Background(), []string{path}, nil, Options{Done: func(a []*article.Article, _ []store.Outcome) {
		for _, x := range a {
			d := story.NewDoc(x, story.DefaultParams)
			docs = append(docs, d)
			labels = append(labels, gold[x.ID])
			lens = append(lens, len(d.Terms))
		}
	}})
	p := story.DefaultParams
	p.CoverageFloor = 1
	own, other := story.GoldSeparation(docs, labels, p)
	type row struct {
		n          int
		own, other float64
	}
	var rows []row
	for i := range own {
		rows = append(rows, row{lens[i], own[i], other[i]})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].n < rows[j].n })
	for b := 0; b < 10; b++ {
		part := rows[b*len(rows)/10 : (b+1)*len(rows)/10]
		var so, sx, sep float64
		for _, r := range part {
			so += r.own
			sx += r.other
			if r.own > r.other {
				sep++
			}
		}
		n := float64(len(part))
		t.Log(fmt.Sprintf("terms %3d-%3d: own %.3f other %.3f own>other %.2f", part[0].n, part[len(part)-1].n, so/n, sx/n, sep/n))
	}
}
