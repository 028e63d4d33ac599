package sqlite

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/store/storetest"
)

// holdStoreEnv makes the test binary a helper process that opens the store
// it names, stores one article, says "holding" and waits to be killed.
const holdStoreEnv = "STORYLINE_TEST_HOLD_STORE"

func TestMain(m *testing.M) {
	if path := os.Getenv(holdStoreEnv); path != "" {
		os.Exit(holdStore(path))
	}
	os.Exit(m.Run())
}

func holdStore(path string) int {
	s, err := Open(path)
	if err != nil {
		fmt.Println("error:", err)
		return 1
	}
	a := storetest.Full()
	a.ID = "held"
	if _, err := s.Put(context.Background(), []*article.Article{a}); err != nil {
		fmt.Println("error:", err)
		return 1
	}
	fmt.Println("holding")
	time.Sleep(time.Hour)
	return 0
}

// startHolder starts a helper process holding the store at path and waits
// until it holds it.
func startHolder(t *testing.T, path string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), holdStoreEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line, err := bufio.NewReader(out).ReadString('\n')
	if strings.TrimSpace(line) != "holding" {
		t.Fatalf("helper process: %q, %v", line, err)
	}
	return cmd
}

// TestSecondProcessRefused: while one process has the store open, another
// gets ErrInUse naming it, at once, and the file is untouched; readers are
// let in; once the first process is killed, the store opens, whole.
func TestSecondProcessRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "storyline.db")
	holder := startHolder(t, path)

	start := time.Now()
	s, err := Open(path)
	if err == nil {
		s.Close()
		t.Fatal("Open succeeded while another process holds the store")
	}
	if !errors.Is(err, ErrInUse) {
		t.Fatalf("Open: %v, want ErrInUse", err)
	}
	if want := fmt.Sprintf("pid %d", holder.Process.Pid); !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not name the store and %s", err, want)
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("refusing took %v: it must not wait", took)
	}

	// A reader beside the writer sees what it committed.
	r, err := OpenReadOnly(path)
	if err != nil {
		t.Fatalf("OpenReadOnly beside a writer: %v", err)
	}
	if _, err := r.Get(context.Background(), "held"); err != nil {
		t.Errorf("reader: %v", err)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}

	// SIGKILL: the kernel drops the lock with the process.
	holder.Process.Kill()
	holder.Wait()
	s, err = Open(path)
	if err != nil {
		t.Fatalf("Open after the holder was killed: %v", err)
	}
	defer s.Close()
	if err := s.CheckIntegrity(context.Background()); err != nil {
		t.Error(err)
	}
	if n := count(t, s); n != 1 {
		t.Errorf("%d articles after the kill, want the 1 committed", n)
	}
}

// TestHandlesShareTheLock: one process may open a store several times
// (under several names); the lock goes with the last handle.
func TestHandlesShareTheLock(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "storyline.db")
	a, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.db")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	b, err := Open(link)
	if err != nil {
		t.Fatalf("second handle in the same process: %v", err)
	}
	put(t, b, storetest.Full())
	b.Close()
	if n := count(t, a); n != 1 {
		t.Errorf("first handle counts %d", n)
	}
	a.Close()
	locks.Lock()
	held := len(locks.held)
	locks.Unlock()
	if held != 0 {
		t.Errorf("%d locks held after every handle closed", held)
	}
}

// TestReadOnly: a read-only store refuses writes and reads one snapshot.
func TestReadOnly(t *testing.T) {
	w, path := openTemp(t)
	first := storetest.Full()
	put(t, w, first)

	r, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if n := count(t, r); n != 1 {
		t.Fatalf("reader counts %d, want 1", n)
	}
	second := *first
	second.ID = "second"
	put(t, w, &second)
	if n := count(t, r); n != 1 {
		t.Errorf("reader counts %d after a later write, want its snapshot's 1", n)
	}
	if _, err := r.Put(context.Background(), []*article.Article{&second}); !errors.Is(err, errReadOnly) {
		t.Errorf("Put on a read-only store: %v", err)
	}
	if err := r.CheckIntegrity(context.Background()); err != nil {
		t.Error(err)
	}
	if _, err := OpenReadOnly(filepath.Join(t.TempDir(), "missing.db")); err == nil {
		t.Error("OpenReadOnly created a store")
	}
}

// TestReadOnlyMigratesFirst: a reader of a new (empty) file gets the
// schema made, as it would get an older one migrated.
func TestReadOnlyMigratesFirst(t *testing.T) {
	path := filepath.Join(t.TempDir(), "storyline.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if n := count(t, r); n != 0 {
		t.Errorf("count %d", n)
	}
}
