package story

import (
	"fmt"
	"strings"
	"testing"
)

// TestVocabNumbersKeysInOrder: keys are numbered in the order first
// seen, found again by key and spelled out by id, across block and table
// growth; a snapshot spells out the keys it saw while the vocab goes on.
func TestVocabNumbersKeysInOrder(t *testing.T) {
	v := newVocab()
	long := strings.Repeat("x", ownBlock+5)
	var keys []string
	for i := range 200000 {
		k := fmt.Sprintf("key-%d-%s", i, strings.Repeat("y", i%40))
		switch i {
		case 7:
			k = ""
		case 50000:
			k = long
		}
		keys = append(keys, k)
	}
	var snap vocab
	for i, k := range keys {
		if id := v.intern(k); id != uint32(i) {
			t.Fatalf("key %d numbered %d", i, id)
		}
		if i == 1000 {
			snap = v.snapshot()
		}
	}
	if id := v.intern(keys[3]); id != 3 {
		t.Fatalf("a key seen before numbered anew: %d", id)
	}
	if v.len() != len(keys) {
		t.Fatalf("%d keys numbered, want %d", v.len(), len(keys))
	}
	for i, k := range keys {
		if got := v.key(uint32(i)); got != k {
			t.Fatalf("key %d spelled %.20q, want %.20q", i, got, k)
		}
		if id, ok := v.lookup(k); !ok || id != uint32(i) {
			t.Fatalf("key %d looked up as %d, %v", i, id, ok)
		}
	}
	if _, ok := v.lookup("never seen"); ok {
		t.Error("an unseen key found")
	}
	if len(v.blocks) < 2 {
		t.Errorf("%d blocks: the test never filled one", len(v.blocks))
	}
	for i := range 1001 {
		if got := snap.key(uint32(i)); got != keys[i] {
			t.Fatalf("snapshot spells key %d %.20q, want %.20q", i, got, keys[i])
		}
	}
	var empty vocab
	if _, ok := empty.lookup("a"); ok {
		t.Error("an empty vocab finds a key")
	}
	if id := empty.intern("a"); id != 0 || empty.key(0) != "a" {
		t.Error("a zero vocab does not number keys")
	}
}
