package story

import (
	"math/rand/v2"
	"testing"
)

// TestWeightsAgainstMap runs random additions and removals on a weights
// table and on a Go map side by side: every lookup, count and iteration
// must agree, through growth and backward-shift deletion.
func TestWeightsAgainstMap(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var m weights
	want := map[uint32]float64{}
	for step := 0; step < 200000; step++ {
		id := uint32(r.IntN(3000))
		if r.IntN(3) == 0 {
			id *= 1 << 16 // ids far apart, which collide after the multiply
		}
		x := float64(r.IntN(5) + 1)
		if w, ok := want[id]; ok && r.IntN(2) == 0 {
			x = -w // take it out, as a member leaves an event
		}
		m.add(id, x)
		if v := want[id] + x; v > 1e-9 {
			want[id] = v
		} else {
			delete(want, id)
		}
		if step%1000 == 0 || step > 199000 {
			if m.len() != len(want) {
				t.Fatalf("step %d: %d weights, want %d", step, m.len(), len(want))
			}
			seen := 0
			m.each(func(id uint32, w float64) {
				seen++
				if want[id] != w {
					t.Fatalf("step %d: each gives %d → %v, want %v", step, id, w, want[id])
				}
			})
			if seen != len(want) {
				t.Fatalf("step %d: each visited %d, want %d", step, seen, len(want))
			}
		}
		probe := uint32(r.IntN(3000))
		if got, ok := m.get(probe); got != want[probe] || ok != (want[probe] != 0) {
			t.Fatalf("step %d: get(%d) = %v, %v; want %v", step, probe, got, ok, want[probe])
		}
	}
	var empty *weights
	if _, ok := empty.get(1); ok || empty.len() != 0 {
		t.Fatal("a nil table is not empty")
	}
}
