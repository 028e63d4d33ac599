package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/storyline/storyline/internal/bench"
	"github.com/storyline/storyline/internal/eval"
	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/store/sqlite"
	"github.com/storyline/storyline/internal/story"
)

const ecbFile = "../../../shared/data/ecbplus.jsonl"

// TestCrashSafety runs `storyline run` over a corpus grown from ECB+ and
// kills it with SIGKILL at random points — while it creates the store,
// right after a batch is committed while its lines are printed, anywhere,
// and while it detects stories or saves them — then runs it again, over
// and over, and finally lets a run finish. After
// each kill:
//
//   - the store opens and passes SQLite's and FTS5's integrity checks;
//   - every article the killed run acknowledged (printed "added ID", which
//     run does only once the batch's transaction has committed) is
//     stored, with its input bytes, and no article was ever acknowledged
//     as added twice (nor updated: the input does not change);
//   - the articles stored are the first ones of an uninterrupted run, in
//     its order: batches commit whole, in input order.
//
// At the end the store holds what an uninterrupted run over the same
// input stores, in the same order, and the events are the same: each with
// the same articles (so every assignment is), storyline, sources,
// languages and dates.
//
// Short by default (600 articles, up to 4 kills, about 5 s); STORYLINE_LONG=1,
// as in CI, makes it 3,000 articles and up to 12 kills, no new run started
// after 45 s.
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("runs storyline a dozen times")
	}
	// budget bounds the test's time: no run is started after it, but the
	// one that finishes.
	n, batch, maxKills, budget := 600, 60, 4, 15*time.Second
	if longTests() {
		n, batch, maxKills, budget = 3000, 250, 12, 45*time.Second
	}
	began := time.Now()
	dir := t.TempDir()
	corpus, raws := growCorpus(t, dir, n)
	runArgs := func(db string) []string {
		return []string{"--db", db, "run", "--no-progress", "--batch-size", strconv.Itoa(batch), corpus}
	}

	// The reference: one run that nothing interrupts.
	ref := filepath.Join(dir, "reference.db")
	start := time.Now()
	cmd := storylineProcess(t, runArgs(ref)...)
	var refErr bytes.Buffer
	cmd.Stderr = &refErr
	if err := cmd.Run(); err != nil {
		t.Fatalf("uninterrupted run: %v\n%s", err, refErr.String())
	}
	refTime := time.Since(start)
	refIDs := storedIDs(t, ref)
	refStories := storiesJSON(t, ref)
	t.Logf("uninterrupted run: %d articles, %d events, %v", len(refIDs), len(refStories), refTime.Round(time.Millisecond))

	seed := uint64(time.Now().UnixNano())
	rnd := rand.New(rand.NewPCG(seed, 1))
	t.Logf("kill points drawn with seed %d", seed)
	db := filepath.Join(dir, "crashed.db")
	added := map[string]int{} // id → the run that acknowledged it as added
	deadline := began.Add(budget)
	kills := 0
	for round := 0; round < maxKills && (round < 2 || time.Now().Before(deadline)); round++ {
		var k killPoint
		switch {
		case round == 0: // while the store is being made
			k.after = time.Duration(rnd.Int64N(int64(150 * time.Millisecond)))
		case round%3 == 1: // right after a batch's acknowledgement starts
			k.afterLine = 1 + batch*rnd.IntN(max(1, len(refIDs)/batch))
			k.after = 2 * refTime
		case round%3 == 2: // anywhere
			k.after = time.Duration(rnd.Int64N(int64(refTime * 6 / 5)))
		default: // while it detects stories, or saves them
			k.afterLine = len(refIDs)
			k.thenWait = time.Duration(rnd.Int64N(int64(refTime / 2)))
			k.after = 2 * refTime
		}
		res := runAndKill(t, runArgs(db), k)
		if res.killed {
			kills++
		}
		checkAcknowledged(t, round, res.lines, added)
		ids := checkCrashedStore(t, db, refIDs, added, res.lines, raws)
		t.Logf("run %d: %s; %d articles stored, %d acknowledged by this run", round, res.how, len(ids), acknowledged(res.lines))
		if t.Failed() {
			t.Logf("stderr of run %d:\n%s", round, res.stderr)
			return
		}
	}
	if kills == 0 {
		t.Fatal("no run was killed")
	}

	// Resume: a run that finishes.
	res := runAndKill(t, runArgs(db), killPoint{})
	if res.err != nil {
		t.Fatalf("resumed run: %v\n%s", res.err, res.stderr)
	}
	checkAcknowledged(t, maxKills, res.lines, added)
	ids := checkCrashedStore(t, db, refIDs, added, res.lines, raws)
	if !slices.Equal(ids, refIDs) {
		t.Errorf("after resuming, %d articles stored, want the uninterrupted run's %d in its order", len(ids), len(refIDs))
	}
	got := storiesJSON(t, db)
	if !slices.Equal(got, refStories) {
		t.Errorf("after %d kills and a resumed run, %d events; the uninterrupted run has %d, or they differ", kills, len(got), len(refStories))
		for i := range min(len(got), len(refStories)) {
			if got[i] != refStories[i] {
				t.Errorf("first difference, event %d:\n got %.300s\nwant %.300s", i, got[i], refStories[i])
				break
			}
		}
	}
	t.Logf("%d kills, then a resumed run: same %d articles and %d events as the uninterrupted run; %v in all",
		kills, len(ids), len(got), time.Since(began).Round(time.Millisecond))
}

// growCorpus writes n articles grown from ECB+ (as storyline bench does)
// to dir and returns the file and each article's input line by id.
func growCorpus(t *testing.T, dir string, n int) (string, map[string][]byte) {
	t.Helper()
	f, err := os.Open(ecbFile)
	if err != nil {
		t.Skipf("no ECB+ corpus at %s (../shared is absent): %v", ecbFile, err)
	}
	seed, err := eval.ReadGold(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := bench.Grow(seed, n, &buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "corpus.jsonl")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	raws := map[string][]byte{}
	for line := range bytes.Lines(buf.Bytes()) {
		line = bytes.TrimRight(line, "\n")
		var rec struct{ ID string }
		if err := json.Unmarshal(line, &rec); err != nil {
			t.Fatal(err)
		}
		raws[rec.ID] = line
	}
	return path, raws
}

// killPoint is when to kill a run: after a time, or as soon as it has
// printed the afterLine-th article line (if it gets there first).
type killPoint struct {
	after     time.Duration // 0: never
	afterLine int           // 0: never
	thenWait  time.Duration // after the line, before the kill
}

type runResult struct {
	lines  []string // whole lines of standard output; a line cut by the kill is left out
	stderr string
	killed bool
	how    string
	err    error
}

// runAndKill runs storyline with args and kills it with SIGKILL at k.
func runAndKill(t *testing.T, args []string, k killPoint) runResult {
	t.Helper()
	cmd := storylineProcess(t, args...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr lockedBuffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var res runResult
	lineReached := make(chan struct{})
	read := make(chan struct{})
	go func() {
		defer close(read)
		r := bufio.NewReader(stdout)
		articles := 0
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return // EOF; a last line without its newline was cut
			}
			res.lines = append(res.lines, strings.TrimSuffix(line, "\n"))
			if _, _, ok := outcomeLine(line); ok {
				articles++
				if articles == k.afterLine {
					close(lineReached)
				}
			}
		}
	}()
	var timer <-chan time.Time
	if k.after > 0 {
		timer = time.After(k.after)
	}
	select {
	case <-timer:
		res.how = "killed after " + time.Since(start).Round(time.Millisecond).String()
	case <-lineReached:
		res.how = "killed at once after printing article line " + strconv.Itoa(k.afterLine)
		if k.thenWait > 0 {
			select {
			case <-time.After(k.thenWait):
			case <-read:
			}
			res.how = "killed " + k.thenWait.Round(time.Millisecond).String() + " after printing the last article line"
		}
	case <-read:
	}
	cmd.Process.Signal(syscall.SIGKILL) // fails harmlessly if it exited
	<-read
	res.err = cmd.Wait()
	res.stderr = stderr.String()
	var ee *exec.ExitError
	if errors.As(res.err, &ee) {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL {
			res.killed = true
		}
	}
	if !res.killed {
		res.how = "finished (" + time.Since(start).Round(time.Millisecond).String() + ") before the kill"
	}
	return res
}

// outcomeLine reads an article line of `run`: outcome, id, ….
func outcomeLine(line string) (outcome, id string, ok bool) {
	f := strings.Fields(line)
	if len(f) < 2 {
		return "", "", false
	}
	switch f[0] {
	case store.Added.String(), store.Unchanged.String(), store.Updated.String():
		return f[0], f[1], true
	}
	return "", "", false
}

func acknowledged(lines []string) int {
	n := 0
	for _, l := range lines {
		if _, _, ok := outcomeLine(l); ok {
			n++
		}
	}
	return n
}

// checkAcknowledged records the articles a run acknowledged as added, and
// fails on one acknowledged as added before, or as updated.
func checkAcknowledged(t *testing.T, round int, lines []string, added map[string]int) {
	t.Helper()
	for _, l := range lines {
		outcome, id, ok := outcomeLine(l)
		switch {
		case !ok:
		case outcome == store.Updated.String():
			t.Errorf("run %d: %s updated, though the input never changes", round, id)
		case outcome == store.Added.String():
			if before, dup := added[id]; dup {
				t.Errorf("run %d: %s added again (added by run %d): stored twice", round, id, before)
			}
			added[id] = round
		}
	}
}

// checkCrashedStore opens the store left by a run (killed or not) as the
// next run would, checks it, and returns its articles' ids in ingestion
// order.
func checkCrashedStore(t *testing.T, db string, refIDs []string, added map[string]int, lines []string, raws map[string][]byte) []string {
	t.Helper()
	st, err := sqlite.Open(db)
	if err != nil {
		t.Fatalf("the store does not open after the kill: %v", err)
	}
	defer st.Close()
	ctx := context.Background()
	if err := st.CheckIntegrity(ctx); err != nil {
		t.Fatal(err)
	}
	ids := idsOf(t, st)
	if len(ids) > len(refIDs) || !slices.Equal(ids, refIDs[:len(ids)]) {
		t.Errorf("the %d articles stored are not the first ones of the uninterrupted run, in its order", len(ids))
	}
	stored := map[string]bool{}
	for _, id := range ids {
		stored[id] = true
	}
	for id := range added {
		if !stored[id] {
			t.Errorf("%s was acknowledged as added but is not stored", id)
		}
	}
	// The articles this run acknowledged are stored with their input, byte
	// for byte.
	for _, l := range lines {
		if _, id, ok := outcomeLine(l); ok {
			a, err := st.Get(ctx, id)
			if err != nil {
				t.Errorf("acknowledged %s: %v", id, err)
				continue
			}
			if !bytes.Equal(a.Raw, raws[id]) {
				t.Errorf("acknowledged %s is stored with other bytes than its input", id)
			}
		}
	}
	return ids
}

func storedIDs(t *testing.T, db string) []string {
	t.Helper()
	st, err := sqlite.OpenReadOnly(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	return idsOf(t, st)
}

func idsOf(t *testing.T, st store.Store) []string {
	t.Helper()
	list, err := st.List(context.Background(), store.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, len(list))
	for i, a := range list {
		ids[i] = a.ID
	}
	return ids
}

// storiesJSON is every event of the store as `storyline stories --all
// --json` prints it, one line each, without the headline and entities:
// which of two equally central titles heads an event, and the order of
// equally weighty entities, can change from one run to the next, even
// without any crash, as floating-point sums over maps are added up in
// map order. The rest — the articles of each event, so every assignment,
// the storyline, sources, languages and dates — must be the same.
func storiesJSON(t *testing.T, db string) []string {
	t.Helper()
	out, _ := mustExecute(t, nil, "--db", db, "stories", "--all", "--json", "--limit", "0")
	var lines []string
	for line := range strings.Lines(out) {
		var e story.Event
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatal(err)
		}
		e.Headline, e.Entities = "", nil
		b, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, string(b))
	}
	return lines
}

// lockedBuffer collects a process's output from the goroutine exec copies
// it with, for reading once the process has ended.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
