package sqlite_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/dates"
	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/store/sqlite"
)

const ecbPlus = "../../../../shared/data/ecbplus.jsonl"

// ecbRecord is the part of an ECB+ record the benchmarks read, with the
// record's line as read, which the store keeps as the article's raw bytes.
type ecbRecord struct {
	ID   string `json:"id"`
	URL  string `json:"url"`
	Text string `json:"text"`
	raw  []byte
}

// loadECBPlus reads the 982 ECB+ records, or skips the benchmark when the
// shared data is absent (a bare checkout).
func loadECBPlus(b *testing.B) []ecbRecord {
	b.Helper()
	f, err := os.Open(ecbPlus)
	if err != nil {
		b.Skip("../shared/data is absent")
	}
	defer f.Close()
	var recs []ecbRecord
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r ecbRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			b.Fatalf("%s line %d: %v", ecbPlus, len(recs)+1, err)
		}
		r.raw = append([]byte(nil), sc.Bytes()...)
		recs = append(recs, r)
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	if len(recs) == 0 {
		b.Fatal("no records in " + ecbPlus)
	}
	return recs
}

// ecbArticles returns n articles as ingest and the analysis stages leave
// them for the store, built from the ECB+ records in turn: the first line
// as title, the rest as text, English, the site from the URL, the inferred
// publication date, the JSON line as raw bytes. Past the 982 records the
// corpus repeats under new ids ("#1", "#2", …), so every article is new;
// n = 0 means once each.
func ecbArticles(b *testing.B, n int) []*article.Article {
	recs := loadECBPlus(b)
	if n == 0 {
		n = len(recs)
	}
	arts := make([]*article.Article, n)
	for i := range arts {
		r := recs[i%len(recs)]
		title, text, _ := strings.Cut(strings.TrimSpace(r.Text), "\n")
		a := &article.Article{
			ID: r.ID, URL: r.URL, Title: title, Text: text, Lang: "en",
			Source: article.Source{Path: ecbPlus, Line: i%len(recs) + 1},
			Raw:    r.raw, RawFormat: "json",
		}
		if k := i / len(recs); k > 0 {
			a.ID = fmt.Sprintf("%s#%d", r.ID, k)
		}
		if u, err := url.Parse(r.URL); err == nil {
			a.Site = strings.TrimPrefix(u.Hostname(), "www.")
		}
		a.Published, _ = dates.Publication(text, "en")
		arts[i] = a
	}
	return arts
}

// BenchmarkPutECB writes 3,000 ECB+ articles into a fresh store in
// b.TempDir(), in three batches of 1,000 (one transaction each), as a run
// stores its batches; opening and closing the store are not timed. Every
// article of every run goes through Put, and the later batches pay for a
// table that already holds rows. articles/s is the rate of storing;
// ns/article is set against the 400 µs/article budget.
func BenchmarkPutECB(b *testing.B) {
	const batch, batches = 1000, 3
	arts := ecbArticles(b, batch*batches)
	dir := b.TempDir()
	ctx := context.Background()
	size := 0
	for _, a := range arts {
		size += len(a.Raw)
	}
	b.SetBytes(int64(size))
	run := 0
	for b.Loop() {
		b.StopTimer()
		run++
		s, err := sqlite.Open(filepath.Join(dir, fmt.Sprintf("put%d.db", run)))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for i := 0; i < len(arts); i += batch {
			out, err := s.Put(ctx, arts[i:i+batch])
			if err != nil {
				b.Fatal(err)
			}
			if out[0] != store.Added {
				b.Fatalf("article %s: outcome %v, want added", arts[i].ID, out[0])
			}
		}
		b.StopTimer()
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	n := float64(b.N * len(arts))
	b.ReportMetric(n/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/article")
}

// BenchmarkListECB lists every article of a store holding the 982 ECB+
// articles. Story detection starts each run by listing the whole stored
// history (pipeline.Detect), so List is paid for every stored article on
// every run, not only for new ones. articles/s is the rate of reading;
// ns/article is set against the 400 µs/article budget.
func BenchmarkListECB(b *testing.B) {
	arts := ecbArticles(b, 0)
	s, err := sqlite.Open(filepath.Join(b.TempDir(), "list.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if _, err := s.Put(ctx, arts); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		got, err := s.List(ctx, store.ListOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if len(got) != len(arts) {
			b.Fatalf("listed %d articles, stored %d", len(got), len(arts))
		}
	}
	n := float64(b.N * len(arts))
	b.ReportMetric(n/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/article")
}
