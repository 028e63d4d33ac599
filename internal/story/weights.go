package story

// weights maps interned ids to weights: an event's words or entities. It
// is an open-addressing table with linear probing, because scoring is
// mostly looking up a doc's features in events' weights: a probe here is
// a multiply, a shift and a compare in one array, where a general map
// hashes and searches control groups. The zero value is an empty table.
type weights struct {
	keys  []uint32 // id+1; 0 marks a free slot
	vals  []float64
	n     int
	shift uint // 32 − log2(len(keys))
}

// get returns the weight of id and whether it is present. A nil table is
// empty, as are the other methods that read.
func (m *weights) get(id uint32) (float64, bool) {
	if m == nil || m.n == 0 {
		return 0, false
	}
	k, mask := id+1, uint32(len(m.keys)-1)
	for i := m.slot(id); ; i = (i + 1) & mask {
		switch m.keys[i] {
		case k:
			return m.vals[i], true
		case 0:
			return 0, false
		}
	}
}

// at returns the weight of id, 0 when absent.
func (m *weights) at(id uint32) float64 {
	w, _ := m.get(id)
	return w
}

// add adds x to the weight of id; a weight that falls to 1e-9 or below is
// removed, as a member's weights are taken out of an event.
func (m *weights) add(id uint32, x float64) {
	if len(m.keys) == 0 || (m.n+1)*4 > len(m.keys)*3 {
		m.grow()
	}
	k, mask := id+1, uint32(len(m.keys)-1)
	i := m.slot(id)
	for ; m.keys[i] != 0; i = (i + 1) & mask {
		if m.keys[i] == k {
			if v := m.vals[i] + x; v > 1e-9 {
				m.vals[i] = v
			} else {
				m.remove(i)
			}
			return
		}
	}
	if x > 1e-9 {
		m.keys[i], m.vals[i] = k, x
		m.n++
	}
}

// remove empties slot i and moves back the entries after it that probed
// past it, so that lookups never need tombstones.
func (m *weights) remove(i uint32) {
	mask := uint32(len(m.keys) - 1)
	m.keys[i], m.vals[i] = 0, 0
	m.n--
	for j := (i + 1) & mask; m.keys[j] != 0; j = (j + 1) & mask {
		home := m.slot(m.keys[j] - 1)
		// The entry at j may fill the hole at i if its home slot is not
		// in the cyclic range (i, j].
		if (j > i && (home <= i || home > j)) || (j < i && home <= i && home > j) {
			m.keys[i], m.vals[i] = m.keys[j], m.vals[j]
			m.keys[j], m.vals[j] = 0, 0
			i = j
		}
	}
}

func (m *weights) slot(id uint32) uint32 { return (id * 0x9E3779B1) >> m.shift }

func (m *weights) grow() {
	size := 8
	for size*3 < (m.n+1)*4*2 {
		size *= 2
	}
	keys, vals := m.keys, m.vals
	m.keys, m.vals, m.n = make([]uint32, size), make([]float64, size), 0
	m.shift = 32
	for s := size; s > 1; s >>= 1 {
		m.shift--
	}
	for i, k := range keys {
		if k != 0 {
			m.add(k-1, vals[i])
		}
	}
}

// len is the number of ids with a weight.
func (m *weights) len() int {
	if m == nil {
		return 0
	}
	return m.n
}

// each calls f for every id and weight, in slot order.
func (m *weights) each(f func(id uint32, w float64)) {
	if m == nil {
		return
	}
	for i, k := range m.keys {
		if k != 0 {
			f(k-1, m.vals[i])
		}
	}
}
