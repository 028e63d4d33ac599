// Package pgtest gives tests a PostgreSQL database of their own: a fresh
// schema on the server that STORYLINE_TEST_POSTGRES names, dropped when the
// test ends. Without a server the tests that need one skip, saying why —
// unless STORYLINE_REQUIRE_POSTGRES=1 (as .ci/run sets it), when they fail,
// so that CI cannot pass without having run them.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Env names the variable holding the server's postgres:// URL.
const Env = "STORYLINE_TEST_POSTGRES"

// RequireEnv names the variable that turns a missing server into a failure.
const RequireEnv = "STORYLINE_REQUIRE_POSTGRES"

var (
	reachOnce sync.Once
	reachErr  error
)

// Server returns the URL of the test server, or skips (or fails) t when
// there is none or it cannot be reached.
func Server(t testing.TB) string {
	t.Helper()
	base := os.Getenv(Env)
	if base == "" {
		unavailable(t, Env+" is not set: no PostgreSQL server to run these tests against (.ci/run starts one; set "+Env+"=postgres://user:password@127.0.0.1:PORT/DB)")
	}
	reachOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			reachErr = err
			return
		}
		reachErr = conn.Ping(ctx)
		conn.Close(ctx)
	})
	if reachErr != nil {
		unavailable(t, fmt.Sprintf("the PostgreSQL server of %s cannot be reached: %v", Env, reachErr))
	}
	return base
}

func unavailable(t testing.TB, why string) {
	t.Helper()
	if os.Getenv(RequireEnv) == "1" {
		t.Fatalf("%s (and %s=1 makes that a failure)", why, RequireEnv)
	}
	t.Skip(why)
}

// Schema creates an empty schema for t on the test server and returns a URL
// whose connections use it (search_path), so that tests running at once do
// not see each other's tables. The schema is dropped when t ends.
func Schema(t testing.TB) string {
	t.Helper()
	base := Server(t)
	var b [6]byte
	rand.Read(b[:])
	schema := "storyline_test_" + hex.EncodeToString(b[:])
	exec(t, base, "CREATE SCHEMA "+schema)
	t.Cleanup(func() { exec(t, base, "DROP SCHEMA "+schema+" CASCADE") })
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s is not a URL: %v", Env, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// Exec runs one statement on the database of connURL, failing t on error.
func Exec(t testing.TB, connURL, sql string, args ...any) {
	t.Helper()
	exec(t, connURL, sql, args...)
}

func exec(t testing.TB, connURL, sql string, args ...any) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, connURL)
	if err != nil {
		t.Fatalf("connect to the test server: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql, args...); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

// Proxy forwards connections on a loopback port to the test server, so
// that a test can cut one process off the database at once, as if its
// machine had died: Kill closes every connection through it, and no new
// one gets through.
type Proxy struct {
	ln     net.Listener
	target string
	mu     sync.Mutex
	conns  []net.Conn
	killed bool
}

// NewProxy starts a proxy to the server of connURL and returns connURL
// pointed at the proxy. It is killed when t ends, if not before.
func NewProxy(t testing.TB, connURL string) (string, *Proxy) {
	t.Helper()
	u, err := url.Parse(connURL)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &Proxy{ln: ln, target: u.Host}
	go p.accept()
	t.Cleanup(p.Kill)
	u.Host = ln.Addr().String()
	return u.String(), p
}

func (p *Proxy) accept() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		s, err := net.Dial("tcp", p.target)
		if err != nil {
			c.Close()
			continue
		}
		p.mu.Lock()
		if p.killed {
			p.mu.Unlock()
			c.Close()
			s.Close()
			return
		}
		p.conns = append(p.conns, c, s)
		p.mu.Unlock()
		go func() { io.Copy(s, c); s.Close(); c.Close() }()
		go func() { io.Copy(c, s); s.Close(); c.Close() }()
	}
}

// Kill cuts every connection through the proxy and refuses new ones.
func (p *Proxy) Kill() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.killed {
		return
	}
	p.killed = true
	p.ln.Close()
	for _, c := range p.conns {
		c.Close()
	}
}
