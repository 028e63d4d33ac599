package sqlite_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/store/sqlite"
	"github.com/storyline/storyline/internal/store/storetest"
)

// openIn returns an opener of new stores in a temporary folder.
func openIn(b *testing.B) func(b *testing.B) store.Store {
	dir := b.TempDir()
	n := 0
	return func(b *testing.B) store.Store {
		n++
		s, err := sqlite.Open(filepath.Join(dir, fmt.Sprintf("s%d.db", n)))
		if err != nil {
			b.Fatal(err)
		}
		return s
	}
}

// BenchmarkPutECB: see storetest.BenchmarkPutECB; the same runs on
// PostgreSQL in store/postgres.
func BenchmarkPutECB(b *testing.B) { storetest.BenchmarkPutECB(b, openIn(b)) }

// BenchmarkListECB: see storetest.BenchmarkListECB.
func BenchmarkListECB(b *testing.B) { storetest.BenchmarkListECB(b, openIn(b)) }
