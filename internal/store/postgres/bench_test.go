package postgres_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/storyline/storyline/internal/pipeline"
	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/store/postgres"
	"github.com/storyline/storyline/internal/store/postgres/pgtest"
	"github.com/storyline/storyline/internal/store/sqlite"
	"github.com/storyline/storyline/internal/store/storetest"
)

// openFresh opens a store in a new schema of the test server, dropped at
// the benchmark's end.
func openFresh(b *testing.B) store.Store {
	s, drop, err := postgres.OpenTemporary(context.Background(), pgtest.Server(b), "storyline_bench_")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { drop() })
	return s
}

// BenchmarkPutECB is the embedded store's BenchmarkPutECB on PostgreSQL
// (storetest.BenchmarkPutECB): run both with
// go test -run X -bench PutECB ./internal/store/... to compare them.
func BenchmarkPutECB(b *testing.B) { storetest.BenchmarkPutECB(b, openFresh) }

// BenchmarkListECB: see storetest.BenchmarkListECB.
func BenchmarkListECB(b *testing.B) { storetest.BenchmarkListECB(b, openFresh) }

// BenchmarkIngestECB runs the whole ingestion (read, clean, language,
// dates, store: pipeline.Run, as `storyline run` does before detecting) of
// the 982 ECB+ records into a new embedded store and into a new PostgreSQL
// schema, in the same run: articles/s of each is the figure the README
// gives.
func BenchmarkIngestECB(b *testing.B) {
	if _, err := os.Stat(storetest.ECBPlus); err != nil {
		b.Skip("../shared/data is absent")
	}
	for _, tc := range []struct {
		name string
		open func(b *testing.B) store.Store
	}{
		{"embedded", func(b *testing.B) store.Store {
			s, err := sqlite.Open(filepath.Join(b.TempDir(), "s.db"))
			if err != nil {
				b.Fatal(err)
			}
			return s
		}},
		{"postgres", openFresh},
	} {
		b.Run(tc.name, func(b *testing.B) {
			var timing pipeline.Timing
			articles := 0
			for b.Loop() {
				b.StopTimer()
				s := tc.open(b)
				b.StartTimer()
				sum, err := pipeline.Run(context.Background(), []string{storetest.ECBPlus}, s, pipeline.Options{Timing: &timing})
				if err != nil {
					b.Fatal(err)
				}
				articles += sum.Added
				b.StopTimer()
				s.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(articles)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(float64(articles)/timing.Store.Seconds(), "stored/s")
		})
	}
}
