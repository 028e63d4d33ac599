package story

import (
	"encoding/json"
	"slices"
	"testing"
)

// TestDeadPostingsLetGo: with a window, the events of past stories close,
// and the index lets go of the lists that retrieve only dead events —
// exactly those — without changing any decision.
func TestDeadPostingsLetGo(t *testing.T) {
	const w = 100
	swept := detectWindowed(t, w)
	defer func(was int) { sweepPerAdd = was }(sweepPerAdd)
	sweepPerAdd = 0
	kept := detectWindowed(t, w)

	// Every list looked at once more, now that the history is placed.
	swept.sweepPostings(len(swept.post.lists))
	letGo := 0
	for i, list := range kept.post.lists {
		key := kept.post.keyOf[i]
		live := slices.ContainsFunc(list, kept.live)
		if held := swept.post.get(key) != nil; held != live {
			t.Fatalf("key %d: list held %v, retrieves a live event %v", key, held, live)
		}
		if !live {
			letGo++
		}
	}
	if letGo == 0 {
		t.Fatalf("no list of only dead events among %d: nothing tested", len(kept.post.lists))
	}
	if held := len(swept.post.lists) - len(swept.post.free); held != len(kept.post.lists)-letGo {
		t.Errorf("%d lists held, want the %d with a live event", held, len(kept.post.lists)-letGo)
	}

	a, _ := json.Marshal(spelledOut(kept.Finish()))
	b, _ := json.Marshal(spelledOut(swept.Finish()))
	if string(a) != string(b) {
		t.Error("letting dead lists go changed the result")
	}
}
