package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime/pprof"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline/internal/bench"
	"github.com/storyline/storyline/internal/eval"
)

func newBenchCommand() *cobra.Command {
	var (
		seedPath string
		sizes    string
		asJSON   bool
		keep     string
		cpu      string
	)
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Measure the whole pipeline at scale on a corpus grown from a gold corpus",
		Long: `Grow a corpus of N articles from a seed corpus (any gold JSONL; by default
../shared/data/ecbplus.jsonl): copy k of every seed event becomes a new
event, with made-up names, dates moved k weeks, figures changed, paragraphs
shuffled and new ids. Then run the whole pipeline over it into a fresh
embedded store (in a temporary folder, removed afterwards unless --keep),
and report articles per second end to end and per stage, the time to place
one article (p50, p99), peak memory, store size and the events' B-cubed F1
against the corpus's labels. In the same run a plain loop reads the corpus
and splits it into words: the pipeline's cost is given as a multiple of it,
which holds across machines and load. Several sizes (--n 10000,100000) run
one process each, so each has its own peak memory.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var ns []int
			for _, s := range strings.Split(sizes, ",") {
				n, err := strconv.Atoi(strings.TrimSpace(strings.ReplaceAll(s, "_", "")))
				if err != nil || n <= 0 {
					return fmt.Errorf("--n %q: want positive article counts separated by commas", sizes)
				}
				ns = append(ns, n)
			}
			if cpu != "" {
				f, err := os.Create(cpu)
				if err != nil {
					return err
				}
				defer f.Close()
				if err := pprof.StartCPUProfile(f); err != nil {
					return err
				}
				defer pprof.StopCPUProfile()
			}
			var results []bench.Result
			if len(ns) == 1 {
				r, err := benchOnce(cmd, seedPath, ns[0], keep)
				if err != nil {
					return err
				}
				results = append(results, r)
			} else {
				for _, n := range ns {
					r, err := benchChild(cmd, seedPath, n)
					if err != nil {
						return err
					}
					results = append(results, r)
				}
			}
			out := cmd.OutOrStdout()
			if asJSON {
				enc := newJSONEncoder(out, true)
				for _, r := range results {
					if err := enc.Encode(r); err != nil {
						return err
					}
				}
				return nil
			}
			for _, r := range results {
				printBench(out, seedPath, r)
			}
			if len(results) > 1 {
				printBenchSummary(out, results)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&seedPath, "seed", "../shared/data/ecbplus.jsonl", "gold JSONL corpus to grow the scale corpus from")
	cmd.Flags().StringVar(&sizes, "n", "10000", "articles in the scale corpus; several sizes separated by commas (10000,100000,1000000)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object per size")
	cmd.Flags().StringVar(&cpu, "cpuprofile", "", "write a CPU profile of the run to this file (go tool pprof)")
	cmd.Flags().StringVar(&keep, "keep", "", "keep the corpus and store in this folder instead of a temporary one")
	return cmd
}

// benchOnce runs one size in this process.
func benchOnce(cmd *cobra.Command, seedPath string, n int, keep string) (bench.Result, error) {
	f, err := os.Open(seedPath)
	if err != nil {
		return bench.Result{}, fmt.Errorf("seed corpus: %w", err)
	}
	seed, err := eval.ReadGold(f)
	f.Close()
	if err != nil {
		return bench.Result{}, fmt.Errorf("seed corpus %s: %w", seedPath, err)
	}
	dir := keep
	if dir == "" {
		if dir, err = os.MkdirTemp("", "storyline-bench-"); err != nil {
			return bench.Result{}, err
		}
		defer os.RemoveAll(dir)
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return bench.Result{}, err
	}
	return bench.Run(cmd.Context(), seed, n, dir)
}

// benchChild runs one size in a child process, for its own peak memory.
func benchChild(cmd *cobra.Command, seedPath string, n int) (bench.Result, error) {
	self, err := os.Executable()
	if err != nil {
		return bench.Result{}, err
	}
	child := exec.CommandContext(cmd.Context(), self, "bench", "--seed", seedPath, "--n", strconv.Itoa(n), "--json")
	child.Stderr = cmd.ErrOrStderr()
	out, err := child.Output()
	if err != nil {
		return bench.Result{}, fmt.Errorf("bench --n %d: %w", n, err)
	}
	var r bench.Result
	if err := json.Unmarshal(out, &r); err != nil {
		return bench.Result{}, fmt.Errorf("bench --n %d: reading its output: %w", n, err)
	}
	return r, nil
}

func printBench(w io.Writer, seedPath string, r bench.Result) {
	fmt.Fprintf(w, "scale corpus: %d articles, %d events, %.1f MB, grown from %s\n", r.N, r.Events, float64(r.CorpusBytes)/1e6, seedPath)
	fmt.Fprintf(w, "reference loop (read the corpus, split it into words): %.3f s\n", r.Reference.Seconds())
	fmt.Fprintf(w, "end to end: %.2f s, %.0f articles/s, %.0f× the reference loop\n\n", r.Total.Seconds(), r.ArticlesPerSecond(), r.ReferenceMultiple())
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "stage\tseconds\tarticles/s\tshare\t")
	stage := func(name string, d time.Duration) {
		rate := "-"
		if d > 0 {
			rate = strconv.FormatFloat(float64(r.N)/d.Seconds(), 'f', 0, 64)
		}
		fmt.Fprintf(tw, "%s\t%.3f\t%s\t%.0f%%\t\n", name, d.Seconds(), rate, 100*d.Seconds()/r.Total.Seconds())
	}
	stage("ingest: read", r.Ingest.Read)
	stage("ingest: convert", r.Ingest.Convert)
	stage("ingest: clean", r.Ingest.Clean)
	stage("ingest: language, date", r.Ingest.Analyse)
	stage("ingest: store", r.Ingest.Store)
	stage("detect: load", r.Detect.Load)
	stage("detect: features", r.Detect.Features)
	stage("detect: place", r.Detect.Place)
	stage("detect: finish", r.Detect.Finish)
	stage("detect: save", r.Detect.Save)
	tw.Flush()
	fmt.Fprintf(w, "\nplacement of one article: p50 %s, p99 %s, max %s\n", r.Latency["p50"], r.Latency["p99"], r.Latency["max"])
	fmt.Fprintf(w, "peak RSS %.0f MiB, store %.1f MB\n", float64(r.PeakRSS)/(1<<20), float64(r.StoreSize)/1e6)
	fmt.Fprintf(w, "events against the corpus's labels: B-cubed P %.3f R %.3f F1 %.3f (%d gold, %d predicted)\n\n",
		r.Quality.BCubed.Precision, r.Quality.BCubed.Recall, r.Quality.BCubed.F1, r.Quality.GoldClusters, r.Quality.PredictedClusters)
}

func printBenchSummary(w io.Writer, results []bench.Result) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "articles\tarticles/s\t× reference\tp50\tp99\tpeak RSS MiB\tstore MB\tF1\t")
	for _, r := range results {
		fmt.Fprintf(tw, "%d\t%.0f\t%.0f\t%s\t%s\t%.0f\t%.1f\t%.3f\t\n", r.N, r.ArticlesPerSecond(), r.ReferenceMultiple(),
			r.Latency["p50"], r.Latency["p99"], float64(r.PeakRSS)/(1<<20), float64(r.StoreSize)/1e6, r.Quality.BCubed.F1)
	}
	tw.Flush()
}
