package serve

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

func TestIsPublic(t *testing.T) {
	for _, tc := range []struct {
		addr   string
		public bool
	}{
		{"93.184.215.14", true},
		{"8.8.8.8", true},
		{"2606:4700:4700::1111", true},
		{"64:ff9b::808:808", true}, // 8.8.8.8 through NAT64
		{"127.0.0.1", false},
		{"127.8.9.10", false},
		{"10.1.2.3", false},
		{"172.16.5.4", false},
		{"172.31.255.255", false},
		{"192.168.1.1", false},
		{"169.254.169.254", false}, // cloud metadata
		{"100.64.0.1", false},
		{"0.0.0.0", false},
		{"255.255.255.255", false},
		{"224.0.0.1", false},
		{"198.18.0.1", false},
		{"::1", false},
		{"::", false},
		{"::ffff:127.0.0.1", false},
		{"::ffff:10.0.0.1", false},
		{"::127.0.0.1", false},
		{"64:ff9b::7f00:1", false}, // 127.0.0.1 through NAT64
		{"fe80::1", false},
		{"fe80::1%eth0", false},
		{"fc00::1", false},
		{"fd12:3456::1", false},
		{"ff02::1", false},
		{"2001:db8::1", false},
	} {
		if got := isPublic(netip.MustParseAddr(tc.addr)); got != tc.public {
			t.Errorf("isPublic(%s) = %v, want %v", tc.addr, got, tc.public)
		}
	}
	if got := isPublic(netip.Addr{}); got {
		t.Error("the zero address is public")
	}
}

// countingServer answers every request with body and counts them.
func countingServer(t *testing.T, body string) (*httptest.Server, *atomic.Int64) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

// TestFetchRefusesPrivateAddresses: by default the fetch client connects
// to public addresses only, whatever names the URL (an address, a name
// that resolves to one), and the server refuses such feeds at once.
func TestFetchRefusesPrivateAddresses(t *testing.T) {
	local, hits := countingServer(t, "<rss/>")
	_, port, _ := net.SplitHostPort(local.Listener.Addr().String())
	client := newFetchClient(5*time.Second, false)
	for _, u := range []string{
		local.URL,
		"http://localhost:" + port + "/", // resolved, then refused
		"http://[::ffff:127.0.0.1]:" + port + "/",
		"http://0.0.0.0:" + port + "/",
	} {
		resp, err := client.Get(u)
		if err == nil {
			resp.Body.Close()
			t.Errorf("GET %s: %s, want it refused", u, resp.Status)
			continue
		}
		if !errors.Is(err, errNotPublic) {
			t.Errorf("GET %s: %v, want errNotPublic", u, err)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the local server got %d requests", n)
	}
	if resp, err := newFetchClient(5*time.Second, true).Get(local.URL); err != nil {
		t.Errorf("allowed private addresses: %v", err)
	} else {
		resp.Body.Close()
	}

	// Feeds on such hosts are refused when added, from the start or over
	// the API.
	ts := startServer(t, Config{Token: testToken})
	for _, u := range []string{local.URL + "/feed.xml", "http://localhost/rss", "http://169.254.169.254/latest/meta-data/",
		"http://[::1]/feed", "http://10.0.0.8/feed", "http://app.localhost./feed"} {
		status, body := ts.request(t, http.MethodPost, "/api/feeds", "application/json", strings.NewReader(`{"url": "`+u+`"}`), testToken)
		if status != http.StatusBadRequest || !strings.Contains(string(body), "not a public address") {
			t.Errorf("POST /api/feeds %s: %d %s, want 400 not a public address", u, status, body)
		}
	}
	if _, err := New(nil, Config{Feeds: []string{local.URL + "/feed.xml"}}); err == nil || !strings.Contains(err.Error(), "allow-private-feeds") {
		t.Errorf("New with a loopback feed: %v, want a refusal naming --allow-private-feeds", err)
	}
}

// allowOnly127001 is a Control like refusePrivate's that lets 127.0.0.1
// through and refuses every other address, so that a test on loopback can
// have an address that is allowed and one that is not.
func allowOnly127001(network, address string, c syscall.RawConn) error {
	if host, _, _ := net.SplitHostPort(address); host == "127.0.0.1" {
		return nil
	}
	return refusePrivate(network, address, c)
}

// listenOn127002 starts a server on 127.0.0.2, another loopback address,
// or skips the test where there is none.
func listenOn127002(t *testing.T, h http.Handler) *httptest.Server {
	ln, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Skipf("no 127.0.0.2 here: %v", err)
	}
	srv := &httptest.Server{Listener: ln, Config: &http.Server{Handler: h}}
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}

// TestRedirectToPrivateAddressRefused: the address is checked at each
// connection, so a redirect from an allowed host to a refused one fails,
// and so does a feed item linking there, which the follower does not try
// again.
func TestRedirectToPrivateAddressRefused(t *testing.T) {
	var hidden atomic.Int64
	internal := listenOn127002(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hidden.Add(1)
		io.WriteString(w, "<html><body><p>secret</p></body></html>")
	}))
	public := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/redirect":
			http.Redirect(w, r, internal.URL+"/secret", http.StatusFound)
		case "/feed.xml":
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>a</title><link>%s/page</link></item></channel></rss>`, internal.URL)
		}
	}))
	t.Cleanup(public.Close)
	client := newFetchClientWith(5*time.Second, allowOnly127001)

	resp, err := client.Get(public.URL + "/redirect")
	if err == nil {
		resp.Body.Close()
		t.Fatalf("redirect to 127.0.0.2 followed: %s", resp.Status)
	}
	if !errors.Is(err, errNotPublic) {
		t.Errorf("redirect: %v, want errNotPublic", err)
	}

	ts := startServer(t, Config{
		Token: testToken, Feeds: []string{public.URL + "/feed.xml"}, FeedInterval: 30 * time.Millisecond,
		HostDelay: -1, AllowPrivateFeeds: true, Client: client,
	})
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(ts.logs.String(), "not a public address; not retried") {
		if time.Now().After(deadline) {
			t.Fatal("the feed's item on 127.0.0.2 was never refused")
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond) // polls go on
	if n := strings.Count(ts.logs.String(), "page refused"); n != 1 {
		t.Errorf("the refused page was tried %d times, want once", n)
	}
	if n := hidden.Load(); n != 0 {
		t.Errorf("127.0.0.2 got %d requests", n)
	}
}

// TestFetchLimits: a feed or page is read up to MaxBody (after
// decompression, so a gzip bomb stops there too), and a host that is slow
// to answer, or trickles its body, is given up within FetchTimeout.
func TestFetchLimits(t *testing.T) {
	const maxBody = 64 << 10
	var bomb bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	zw.Write(make([]byte, 256<<20)) // 256 MiB of zeros, 250 KB compressed
	zw.Close()
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/big.xml":
			w.Write(bytes.Repeat([]byte("<item>x</item>\n"), 2*maxBody/15))
		case "/bomb.xml":
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(bomb.Bytes())
		case "/silent.xml":
			select {
			case <-r.Context().Done():
			case <-time.After(10 * time.Second):
			}
		case "/trickle.xml":
			w.Header().Set("Content-Length", "100000")
			for range 100 {
				if _, err := w.Write([]byte("<")); err != nil {
					return
				}
				w.(http.Flusher).Flush()
				time.Sleep(50 * time.Millisecond)
			}
		}
	}))
	t.Cleanup(site.Close)
	const timeout = 500 * time.Millisecond
	ts := startServer(t, Config{MaxBody: maxBody, FetchTimeout: timeout, HostDelay: -1, AllowPrivateFeeds: true})
	for _, tc := range []struct{ path, want string }{
		{"/big.xml", "over the limit of 65536 bytes"},
		{"/bomb.xml", "over the limit of 65536 bytes"},
		{"/silent.xml", "Timeout"},
		{"/trickle.xml", "Timeout"},
	} {
		start := time.Now()
		_, _, err := ts.srv.feeds.fetch(context.Background(), site.URL+tc.path, "*/*", nil)
		took := time.Since(start)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want an error with %q", tc.path, err, tc.want)
		}
		if took > timeout+2*time.Second {
			t.Errorf("%s: gave up after %v, want about %v at most", tc.path, took, timeout)
		}
	}
}

// TestServerTimeouts: a client sending its headers or body too slowly is
// cut off; an event stream outlives the read and write timeouts.
func TestServerTimeouts(t *testing.T) {
	seeds := seedArticles(t)
	timeouts := serverTimeouts{ReadHeader: 200 * time.Millisecond, Read: 400 * time.Millisecond, Write: 600 * time.Millisecond, StreamWrite: 500 * time.Millisecond}
	ts := startServer(t, Config{Token: testToken, timeouts: timeouts})
	addr := strings.TrimPrefix(ts.URL, "http://")

	// cutOff sends the start of a request and wants the server to close
	// the connection within limit.
	cutOff := func(name, partial string, limit time.Duration) {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		start := time.Now()
		if _, err := io.WriteString(conn, partial); err != nil {
			t.Fatal(err)
		}
		conn.SetReadDeadline(time.Now().Add(5 * time.Second))
		io.Copy(io.Discard, conn) // until the server closes it
		if took := time.Since(start); took > limit {
			t.Errorf("%s: connection held %v, want it closed within %v", name, took, limit)
		}
	}
	cutOff("slow headers", "GET /api/stories HTTP/1.1\r\nHost: x\r\n", timeouts.ReadHeader+time.Second)
	cutOff("slow body", "POST /api/articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "+testToken+
		"\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"id\": ", timeouts.Read+time.Second)

	// An event stream stays open past both timeouts, and tells of the
	// detection that a post made after them leads to.
	resp, err := http.Get(ts.URL + "/api/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	events := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if line := sc.Text(); strings.HasPrefix(line, "data: ") {
				events <- line
			}
		}
		close(events)
	}()
	<-events // the one sent when the stream opens
	time.Sleep(timeouts.Write + timeouts.Read)
	ts.postArticles(t, seeds[:2])
	select {
	case e, ok := <-events:
		if !ok {
			t.Fatal("the event stream was closed by the server's timeouts")
		}
		if !strings.Contains(e, `"articles":2`) {
			t.Errorf("event after the post: %s", e)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("no detection event 30 s after a post")
	}
}

// TestNoPathEscapes asks for files outside what the server serves, in
// every spelling: none is served.
func TestNoPathEscapes(t *testing.T) {
	ts := startServer(t, Config{})
	for _, p := range []string{
		"/static/../serve.go", "/static/..%2fserve.go", "/static/%2e%2e/%2e%2e/go.mod", "/static/..%2f..%2fgo.mod",
		"/static/web/live.js", "/static/%2fetc%2fpasswd", "/static/..\\serve.go",
		"/stories/..%2f..%2f..%2fetc%2fpasswd", "/api/articles/..%2f..%2fetc%2fpasswd/raw", "/api/stories/%2e%2e",
		"/../../../../etc/passwd", "/web/live.js", "/serve.go",
	} {
		status, body := ts.request(t, http.MethodGet, p, "", nil, "")
		if status == http.StatusOK || bytes.Contains(body, []byte("package serve")) || bytes.Contains(body, []byte("module github.com")) ||
			bytes.Contains(body, []byte("root:")) || bytes.Contains(body, []byte("EventSource")) {
			t.Errorf("GET %s: %d %.200s", p, status, body)
		}
	}
}
