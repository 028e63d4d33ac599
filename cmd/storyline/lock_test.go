package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/storyline/storyline/internal/store/sqlite"
)

// TestTwoProcessesOneStore runs storyline as separate processes on one
// embedded store. While `serve` has it, a `run` and a second `serve` are
// refused at once with "store in use" naming the server's pid, and change
// nothing; the commands that only read (stories, show, articles, report)
// work beside it and see what it stored. Once the server stops, `run`
// works. Two runs started together: one stores, the other is refused.
func TestTwoProcessesOneStore(t *testing.T) {
	dir, _ := samplePages(t)
	db, _ := tempDB(t)
	mustExecute(t, nil, "--db", db, "run", "-q", dir)

	serve := storylineProcess(t, "--db", db, "serve", "--addr", "127.0.0.1:0", "--log-format", "json")
	serve.Env = append(serve.Env, "STORYLINE_TOKEN=two-processes")
	base := startServeProcess(t, serve)

	// Writers are refused, at once.
	for _, args := range [][]string{
		{"--db", db, "run", dir},
		{"--db", db, "serve", "--addr", "127.0.0.1:0"},
	} {
		start := time.Now()
		out, err := storylineProcess(t, args...).CombinedOutput()
		wantExitStatus(t, args, err, 1)
		msg := string(out)
		if !strings.Contains(msg, "store in use") || !strings.Contains(msg, db) || !strings.Contains(msg, "pid "+strconv.Itoa(serve.Process.Pid)) {
			t.Errorf("%v: %q; want \"store in use\", the store and the server's pid", args[2], msg)
		}
		if took := time.Since(start); took > 10*time.Second {
			t.Errorf("%v took %v to be refused", args[2], took)
		}
	}

	// The server still writes, and readers beside it see what it stored.
	post, _ := json.Marshal(map[string]string{"id": "posted-beside", "title": "Un article posté pendant que d'autres lisent",
		"text": "Minsk, 14 septembre 2020. Un article posté au serveur pendant que d'autres processus lisent le même fichier."})
	req, _ := http.NewRequest(http.MethodPost, base+"/api/articles", bytes.NewReader(post))
	req.Header.Set("Authorization", "Bearer two-processes")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("post to the server: %d", resp.StatusCode)
	}
	articles := readerProcess(t, "--db", db, "articles")
	if !strings.Contains(articles, "posted-beside") || strings.Count(articles, "\n") != 7 {
		t.Errorf("articles beside the server:\n%s", articles)
	}
	stories := readerProcess(t, "--db", db, "stories")
	id := regexp.MustCompile(`(?m)^(e-\S+)`).FindString(stories)
	if id == "" {
		t.Fatalf("stories beside the server:\n%s", stories)
	}
	if show := readerProcess(t, "--db", db, "show", id); !strings.Contains(show, "Loukachenko") {
		t.Errorf("show %s beside the server:\n%s", id, show)
	}
	report := filepath.Join(t.TempDir(), "report")
	readerProcess(t, "--db", db, "report", "--out", report)
	if _, err := os.Stat(filepath.Join(report, "index.html")); err != nil {
		t.Error(err)
	}

	// Stopped, the server lets the next one in.
	serve.Process.Signal(syscall.SIGTERM)
	if err := serve.Wait(); err != nil {
		t.Fatalf("serve after SIGTERM: %v", err)
	}
	if out, err := storylineProcess(t, "--db", db, "run", "-q", dir).CombinedOutput(); err != nil {
		t.Fatalf("run after the server stopped: %v\n%s", err, out)
	}
	checkStore(t, db, 6)
}

// TestTwoRunsAtOnce starts a second run while a first one is storing a
// corpus: the second is refused, the first finishes, the store is whole.
func TestTwoRunsAtOnce(t *testing.T) {
	if _, err := os.Stat(ecbFile); err != nil {
		t.Skipf("no ECB+ corpus at %s (../shared is absent)", ecbFile)
	}
	db, _ := tempDB(t)
	first := storylineProcess(t, "--db", db, "run", "--batch-size", "100", ecbFile)
	stdout, err := first.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var firstErr lockedBuffer
	first.Stderr = &firstErr
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	defer first.Process.Kill()
	// Its first line is printed once its first batch is stored: it holds
	// the store, and has far from finished.
	out := bufio.NewReader(stdout)
	if _, err := out.ReadString('\n'); err != nil {
		t.Fatalf("first run: %v\n%s", err, firstErr.String())
	}
	second, err := storylineProcess(t, "--db", db, "run", ecbFile).CombinedOutput()
	wantExitStatus(t, []string{"second run"}, err, 1)
	if !strings.Contains(string(second), "store in use") {
		t.Errorf("second run: %s", second)
	}
	io.Copy(io.Discard, out)
	if err := first.Wait(); err != nil {
		t.Fatalf("first run: %v\n%s", err, firstErr.String())
	}
	checkStore(t, db, 982)
}

// startServeProcess starts a `serve` process and returns its address once
// it listens; its log is drained in the background.
func startServeProcess(t *testing.T, cmd *exec.Cmd) string {
	t.Helper()
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	listening := regexp.MustCompile(`^storyline serve: (http://127\.0\.0\.1:\d+)/`)
	lines := bufio.NewReader(stderr)
	for {
		line, err := lines.ReadString('\n')
		if err != nil {
			t.Fatalf("serve never said where it listens: %v", err)
		}
		if m := listening.FindStringSubmatch(line); m != nil {
			go io.Copy(io.Discard, lines)
			return m[1]
		}
	}
}

// readerProcess runs a command that only reads and returns its output.
func readerProcess(t *testing.T, args ...string) string {
	t.Helper()
	cmd := storylineProcess(t, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%v beside a writer: %v\n%s", args[2:], err, stderr.String())
	}
	return string(out)
}

func wantExitStatus(t *testing.T, what []string, err error, code int) {
	t.Helper()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != code {
		t.Errorf("%v: %v, want exit status %d", what, err, code)
	}
}

// checkStore opens the store, checks its integrity and its count.
func checkStore(t *testing.T, db string, articles int) {
	t.Helper()
	st, err := sqlite.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.CheckIntegrity(context.Background()); err != nil {
		t.Error(err)
	}
	if n, err := st.Count(context.Background()); err != nil || n != articles {
		t.Errorf("store holds %d articles (%v), want %d", n, err, articles)
	}
}
