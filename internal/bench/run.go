package bench

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"
	"unicode"

	"github.com/storyline/storyline/internal/eval"
	"github.com/storyline/storyline/internal/pipeline"
	"github.com/storyline/storyline/internal/store/sqlite"
	"github.com/storyline/storyline/internal/story"
)

// Result is what one bench run measured.
type Result struct {
	N           int   `json:"articles"`
	Events      int   `json:"events"` // distinct events in the scale corpus
	CorpusBytes int64 `json:"corpus_bytes"`

	// Reference is the time a plain loop takes to read the corpus file and
	// split it into words, measured in the same run: the pipeline's cost is
	// given as a multiple of it, which holds across machines and load.
	Reference time.Duration            `json:"reference_ns"`
	Ingest    pipeline.Timing          `json:"ingest"`
	Detect    pipeline.DetectTiming    `json:"detect"`
	Total     time.Duration            `json:"total_ns"`     // ingest and detection
	Quality   eval.Scores              `json:"quality"`      // events against the corpus's labels
	Latency   map[string]time.Duration `json:"placement_ns"` // p50, p99, max
	PeakRSS   int64                    `json:"peak_rss_bytes"`
	StoreSize int64                    `json:"store_bytes"`
}

// ArticlesPerSecond is the end-to-end throughput.
func (r Result) ArticlesPerSecond() float64 { return float64(r.N) / r.Total.Seconds() }

// ReferenceMultiple is the pipeline's time over the reference loop's.
func (r Result) ReferenceMultiple() float64 { return r.Total.Seconds() / r.Reference.Seconds() }

// Run grows a corpus of n articles from seed in dir, runs the whole
// pipeline over it into a fresh embedded store in dir, and measures.
func Run(ctx context.Context, seed []eval.Item, n int, dir string) (Result, error) {
	res := Result{N: n}
	corpus := filepath.Join(dir, "corpus.jsonl")
	f, err := os.Create(corpus)
	if err != nil {
		return res, err
	}
	res.Events, err = Grow(seed, n, f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return res, fmt.Errorf("growing the corpus: %w", err)
	}
	if info, err := os.Stat(corpus); err == nil {
		res.CorpusBytes = info.Size()
	}

	if res.Reference, err = referenceLoop(corpus); err != nil {
		return res, err
	}

	dbPath := filepath.Join(dir, "bench.db")
	st, err := sqlite.Open(dbPath)
	if err != nil {
		return res, err
	}
	defer st.Close()
	start := time.Now()
	if _, err := pipeline.Run(ctx, []string{corpus}, st, pipeline.Options{Timing: &res.Ingest}); err != nil {
		return res, err
	}
	out, err := pipeline.DetectTimed(ctx, st, story.DefaultParams, &res.Detect)
	if err != nil {
		return res, err
	}
	res.Total = time.Since(start)
	res.PeakRSS = peakRSS()
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if info, err := os.Stat(dbPath + suffix); err == nil {
			res.StoreSize += info.Size()
		}
	}

	lat := slices.Clone(res.Detect.Placements)
	slices.Sort(lat)
	res.Detect.Placements = nil
	if len(lat) > 0 {
		res.Latency = map[string]time.Duration{
			"p50": lat[len(lat)/2],
			"p99": lat[len(lat)*99/100],
			"max": lat[len(lat)-1],
		}
	}
	res.Quality = score(corpus, out)
	return res, nil
}

// referenceLoop reads a file and counts its words with a plain loop.
func referenceLoop(path string) (time.Duration, error) {
	start := time.Now()
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	words := 0
	for sc.Scan() {
		in := false
		for _, r := range string(sc.Bytes()) {
			w := unicode.IsLetter(r) || unicode.IsDigit(r)
			if w && !in {
				words++
			}
			in = w
		}
	}
	if err := sc.Err(); err != nil {
		return 0, err
	}
	if words == 0 {
		return 0, fmt.Errorf("%s has no words", path)
	}
	return time.Since(start), nil
}

// score compares the detected events with the labels the corpus was grown
// with.
func score(corpus string, res story.Result) eval.Scores {
	f, err := os.Open(corpus)
	if err != nil {
		return eval.Scores{}
	}
	defer f.Close()
	gold := map[string]string{}
	dec := json.NewDecoder(bufio.NewReaderSize(f, 1<<20))
	for {
		var r Record
		if err := dec.Decode(&r); err != nil {
			break
		}
		gold[r.ID] = r.Event
	}
	pred := make(map[string]string, len(res.Assignments))
	for _, a := range res.Assignments {
		pred[a.Article] = a.Event
	}
	return eval.Score(gold, pred)
}
