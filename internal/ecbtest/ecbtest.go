// Package ecbtest gives tests and benchmarks the ECB+ corpus of
// ../shared/data (982 English news articles with gold events), read once
// per test binary, and skips them with a message in a bare checkout where
// ../shared is absent.
package ecbtest

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/storyline/storyline/internal/eval"
)

var (
	once  sync.Once
	items []eval.Item
	err   error
	path  string
)

// Path returns the corpus file, found by looking for shared/data beside
// the module's folder from the test's working directory upwards; "" when
// absent.
func Path() string {
	dir, _ := os.Getwd()
	for range 8 {
		p := filepath.Join(dir, "..", "shared", "data", "ecbplus.jsonl")
		if _, err := os.Stat(p); err == nil {
			return p
		}
		dir = filepath.Dir(dir)
	}
	return ""
}

// Items returns the corpus's records, or skips tb when it is absent.
func Items(tb testing.TB) []eval.Item {
	tb.Helper()
	once.Do(func() {
		if path = Path(); path == "" {
			return
		}
		var f *os.File
		if f, err = os.Open(path); err != nil {
			return
		}
		defer f.Close()
		items, err = eval.ReadGold(f)
	})
	if path == "" {
		tb.Skip("../shared/data/ecbplus.jsonl is absent (../shared is not beside the checkout)")
	}
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	if len(items) == 0 {
		tb.Fatalf("%s holds no records", path)
	}
	return items
}
