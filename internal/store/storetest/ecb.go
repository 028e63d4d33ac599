package storetest

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/dates"
	"github.com/storyline/storyline/internal/store"
)

// ECBPlus is the ECB+ corpus, seen from a store package's folder.
const ECBPlus = "../../../../shared/data/ecbplus.jsonl"

// ecbRecord is the part of an ECB+ record the benchmarks read, with the
// record's line as read, which the store keeps as the article's raw bytes.
type ecbRecord struct {
	ID   string `json:"id"`
	URL  string `json:"url"`
	Text string `json:"text"`
	raw  []byte
}

// loadECBPlus reads the 982 ECB+ records, or skips when the shared data is
// absent (a bare checkout).
func loadECBPlus(tb testing.TB) []ecbRecord {
	tb.Helper()
	f, err := os.Open(ECBPlus)
	if err != nil {
		tb.Skip("../shared/data is absent")
	}
	defer f.Close()
	var recs []ecbRecord
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r ecbRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			tb.Fatalf("%s line %d: %v", ECBPlus, len(recs)+1, err)
		}
		r.raw = append([]byte(nil), sc.Bytes()...)
		recs = append(recs, r)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	if len(recs) == 0 {
		tb.Fatal("no records in " + ECBPlus)
	}
	return recs
}

// ECBArticles returns n articles as ingest and the analysis stages leave
// them for the store, built from the ECB+ records in turn: the first line
// as title, the rest as text, English, the site from the URL, the inferred
// publication date, the JSON line as raw bytes. Past the 982 records the
// corpus repeats under new ids ("#1", "#2", …), so every article is new;
// n = 0 means once each.
func ECBArticles(tb testing.TB, n int) []*article.Article {
	recs := loadECBPlus(tb)
	if n == 0 {
		n = len(recs)
	}
	arts := make([]*article.Article, n)
	for i := range arts {
		r := recs[i%len(recs)]
		title, text, _ := strings.Cut(strings.TrimSpace(r.Text), "\n")
		a := &article.Article{
			ID: r.ID, URL: r.URL, Title: title, Text: text, Lang: "en",
			Source: article.Source{Path: ECBPlus, Line: i%len(recs) + 1},
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

// BenchmarkPutECB writes 3,000 ECB+ articles into a fresh store from open,
// in three batches of 1,000 (one transaction each), as a run stores its
// batches; opening and closing the store are not timed. articles/s is the
// rate of storing; ns/article is set against the 400 µs/article budget.
func BenchmarkPutECB(b *testing.B, open func(b *testing.B) store.Store) {
	const batch, batches = 1000, 3
	arts := ECBArticles(b, batch*batches)
	ctx := context.Background()
	size := 0
	for _, a := range arts {
		size += len(a.Raw)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		b.StopTimer()
		s := open(b)
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

// BenchmarkListECB lists every article of a store (from open) holding the
// 982 ECB+ articles. Story detection starts each run by listing the whole
// stored history (pipeline.Detect), so List is paid for every stored
// article on every run.
func BenchmarkListECB(b *testing.B, open func(b *testing.B) store.Store) {
	arts := ECBArticles(b, 0)
	s := open(b)
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
