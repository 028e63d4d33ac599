package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline/internal/store/postgres/pgtest"
)

// TestServeCommand starts `storyline serve` on a loopback port, as a user
// would with the token in the environment, posts the sample pages, reads
// a story back, and stops it as SIGINT would (cancelling its context).
//
// It runs on the embedded store and on PostgreSQL, where the server shares
// its store (queue and lease) and says so in /healthz.
func TestServeCommand(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		db, _ := tempDB(t)
		testServeCommand(t, []string{"--db", db})
	})
	t.Run("postgres", func(t *testing.T) {
		tempDB(t)
		testServeCommand(t, []string{"--store", pgtest.Schema(t)})
	})
}

func testServeCommand(t *testing.T, storeArgs []string) {
	_, pages := samplePages(t)
	t.Setenv("STORYLINE_TOKEN", "from-the-environment")
	feeds := filepath.Join(t.TempDir(), "feeds.txt")
	os.WriteFile(feeds, []byte("# none followed: the file is only read\n"), 0o644)

	root := newRootCommand()
	pr, pw := io.Pipe()
	root.SetOut(io.Discard)
	root.SetErr(pw)
	root.SetArgs(append(storeArgs, "serve", "--addr", "127.0.0.1:0", "--feeds", feeds, "--log-format", "json"))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- root.ExecuteContext(ctx); pw.Close() }()

	// The command says where it listens; the logs that follow are JSON.
	listening := regexp.MustCompile(`^storyline serve: (http://127\.0\.0\.1:\d+)/ \(store .+\)$`)
	lines := bufio.NewScanner(pr)
	var base string
	for base == "" && lines.Scan() {
		if m := listening.FindStringSubmatch(lines.Text()); m != nil {
			base = m[1]
			if pw := pgPassword(storeArgs[1]); pw != "" && strings.Contains(lines.Text(), pw) {
				t.Errorf("serve printed the database password: %s", lines.Text())
			}
		}
	}
	if base == "" {
		t.Fatalf("serve never said where it listens: %v", <-done)
	}
	// The logs must be read for the server to go on writing them.
	go io.Copy(io.Discard, pr)

	var recs []map[string]string
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, map[string]string{"id": strings.TrimSuffix(filepath.Base(p), ".txt"), "text": string(b)})
	}
	body, _ := json.Marshal(recs)
	post := func(token string) int {
		req, _ := http.NewRequest(http.MethodPost, base+"/api/articles", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if status := post("wrong"); status != http.StatusUnauthorized {
		t.Errorf("post with a wrong token: %d, want 401", status)
	}
	if status := post("from-the-environment"); status != http.StatusOK {
		t.Fatalf("post with the token from STORYLINE_TOKEN: %d", status)
	}

	var stories struct {
		Stories []struct {
			ID, Headline string
		} `json:"stories"`
	}
	deadline := time.Now().Add(30 * time.Second)
	for len(stories.Stories) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("no stories 30 s after posting the sample pages")
		}
		time.Sleep(20 * time.Millisecond)
		resp, err := http.Get(base + "/api/stories")
		if err != nil {
			t.Fatal(err)
		}
		json.NewDecoder(resp.Body).Decode(&stories)
		resp.Body.Close()
	}
	var health struct {
		Instance string
		Detector bool
	}
	if resp, err := http.Get(base + "/healthz"); err == nil {
		json.NewDecoder(resp.Body).Decode(&health)
		resp.Body.Close()
	}
	if shared := storeArgs[0] == "--store"; shared != (health.Instance != "") || shared != health.Detector {
		t.Errorf("healthz: %+v; want an instance detecting stories on PostgreSQL only", health)
	}
	resp, err := http.Get(base + "/stories/" + stories.Stories[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(page), "<h1 lang=\"fr\">") {
		t.Errorf("story page: %d\n%.400s", resp.StatusCode, page)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve after cancel: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop within 30 s of its context ending")
	}
	// The store was closed and holds what was posted.
	stdout, _ := mustExecute(t, nil, append(storeArgs, "articles")...)
	if n := strings.Count(stdout, "\n"); n < 6 {
		t.Errorf("after serve, the store lists %d lines:\n%s", n, stdout)
	}
}

func TestServeCommandErrors(t *testing.T) {
	db, _ := tempDB(t)
	bad := filepath.Join(t.TempDir(), "feeds.txt")
	os.WriteFile(bad, []byte("ftp://example.org/feed\n"), 0o644)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--db", db, "serve", "--feeds", bad}, "feeds.txt:1: only http and https"},
		{[]string{"--db", db, "serve", "--log-format", "xml"}, "--log-format"},
		{[]string{"--db", db, "serve", "--addr", "256.0.0.1:99999"}, "listen on 256.0.0.1:99999"},
	} {
		_, _, err := execute(t, nil, tc.args...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: %v, want an error with %q", tc.args, err, tc.want)
		}
	}
}
