package entities

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkExtract reads the five sample pages; b.SetBytes makes the
// figure comparable with the budget of about 30 µs for a 3 KB article.
func BenchmarkExtract(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(samplesDir, "*.txt"))
	if len(files) == 0 {
		b.Skip("sample pages not found in " + samplesDir)
	}
	var pages []string
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, string(data))
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			Extract(p, "fr")
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(pages))/1000, "µs/page")
}
