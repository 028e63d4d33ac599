// Package analysistest loads the real texts the analysis tests and
// benchmarks run on: the French sample pages and the gold corpora of
// ../shared (../shared/data/README.md describes them). When ../shared is
// absent, as in a bare checkout, the tests that need it are skipped.
package analysistest

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// SharedDir returns the ../shared folder beside the repository, found by
// walking up from the test's working directory, or skips the test.
func SharedDir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		shared := filepath.Join(dir, "shared")
		if _, err := os.Stat(filepath.Join(shared, "data")); err == nil {
			return shared
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("../shared is absent: skipping the test on real texts")
		}
		dir = parent
	}
}

// FrenchPages returns the texts of the five French sample pages, in file
// name order.
func FrenchPages(tb testing.TB) []string {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join(SharedDir(tb), "samples", "pages", "*.txt"))
	if err != nil || len(paths) == 0 {
		tb.Skip("no sample pages: skipping")
	}
	texts := make([]string, 0, len(paths))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	return texts
}

// Articles returns the texts of up to n articles (all when n is 0) of a
// JSON Lines corpus in ../shared/data ("ecbplus.jsonl",
// "multilingual.jsonl"), keeping those whose lang field is lang (any when
// lang is "").
func Articles(tb testing.TB, file, lang string, n int) []string {
	tb.Helper()
	f, err := os.Open(filepath.Join(SharedDir(tb), "data", file))
	if err != nil {
		tb.Skipf("%s is absent: skipping", file)
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() && (n == 0 || len(texts) < n) {
		var a struct{ Lang, Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			tb.Fatalf("read %s: %v", file, err)
		}
		if lang == "" || a.Lang == lang {
			texts = append(texts, a.Text)
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("read %s: %v", file, err)
	}
	if len(texts) == 0 {
		tb.Skipf("no %q articles in %s: skipping", lang, file)
	}
	return texts
}
