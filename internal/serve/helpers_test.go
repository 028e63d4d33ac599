package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/store/sqlite"
)

// samplesDir holds the five French pages shared by the project; the tests
// post them rather than strings made up to pass.
const samplesDir = "../../../shared/samples/pages"

const testToken = "s3cret-token"

// seedArticles returns the five sample pages as JSON article records, id
// from the file name, skipping the test when ../shared is absent.
func seedArticles(t testing.TB) []map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(samplesDir, "*.txt"))
	if err != nil || len(files) != 5 {
		t.Skipf("the five sample pages are not in %s (../shared is absent): %v", samplesDir, err)
	}
	var recs []map[string]string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, map[string]string{"id": strings.TrimSuffix(filepath.Base(f), ".txt"), "text": string(b)})
	}
	return recs
}

// testServer is a server on a loopback port over a store in a temporary
// folder.
type testServer struct {
	URL  string
	srv  *Server
	logs *lockedBuffer
	stop func() error // cancels Serve and waits for it; the store is closed after
}

// lockedBuffer collects the server's logs, shown when a test fails.
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

func startServer(t testing.TB, cfg Config) *testServer {
	t.Helper()
	return startServerOn(t, filepath.Join(t.TempDir(), "storyline.db"), cfg)
}

// startServerOn starts a server on the store at path.
func startServerOn(t testing.TB, path string, cfg Config) *testServer {
	t.Helper()
	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return startServerWith(t, st, cfg)
}

// startServerWith starts a server on st, which it closes when the server
// has stopped.
func startServerWith(t testing.TB, st store.Store, cfg Config) *testServer {
	t.Helper()
	logs := &lockedBuffer{}
	if cfg.Logger == nil { // a test that gives its own keeps it
		cfg.Logger = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	srv, err := New(st, cfg)
	if err != nil {
		st.Close()
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		st.Close()
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx, ln) }()
	ts := &testServer{URL: "http://" + ln.Addr().String(), srv: srv, logs: logs}
	ts.stop = sync.OnceValue(func() error {
		cancel()
		err := <-served
		if cerr := st.Close(); err == nil {
			err = cerr
		}
		return err
	})
	t.Cleanup(func() {
		if err := ts.stop(); err != nil {
			t.Errorf("Serve: %v", err)
		}
		if t.Failed() {
			t.Logf("server logs:\n%s", logs.String())
		}
	})
	return ts
}

var client = &http.Client{Timeout: 60 * time.Second}

// request sends a request and returns the status and body.
func (ts *testServer) request(t testing.TB, method, path, contentType string, body io.Reader, token string) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, ts.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: read: %v", method, path, err)
	}
	return resp.StatusCode, b
}

// getJSON GETs path, wants 200 and decodes the body into v.
func (ts *testServer) getJSON(t testing.TB, path string, v any) {
	t.Helper()
	status, body := ts.request(t, http.MethodGet, path, "", nil, "")
	if status != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, status, body)
	}
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("GET %s: %v\n%s", path, err, body)
	}
}

// postArticles posts records as a JSON array with the token and wants 200.
func (ts *testServer) postArticles(t testing.TB, recs any) ingestResult {
	t.Helper()
	b, err := json.Marshal(recs)
	if err != nil {
		t.Fatal(err)
	}
	status, body := ts.request(t, http.MethodPost, "/api/articles", "application/json", bytes.NewReader(b), testToken)
	if status != http.StatusOK {
		t.Fatalf("POST /api/articles: %d %s", status, body)
	}
	var res ingestResult
	if err := json.Unmarshal(body, &res); err != nil {
		t.Fatalf("POST /api/articles: %v\n%s", err, body)
	}
	return res
}

type health struct {
	Articles   int    `json:"articles"`
	Placed     int    `json:"placed"`
	Generation uint64 `json:"generation"`
	Detecting  bool   `json:"detecting"`
}

// waitPlaced waits until at least n articles are stored and the stories
// served place every one of them.
func (ts *testServer) waitPlaced(t testing.TB, n int) health {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		var h health
		ts.getJSON(t, "/healthz", &h)
		if h.Articles >= n && h.Placed == h.Articles && h.Generation > 0 {
			return h
		}
		if time.Now().After(deadline) {
			t.Fatalf("stories never placed %d articles: %+v", n, h)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
