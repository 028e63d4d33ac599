package sqlite

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ErrInUse is returned, wrapped, by Open when another process has the
// store open for writing. Test for it with errors.Is.
var ErrInUse = errors.New("store in use")

// The embedded store takes one writing process at a time. SQLite alone
// would keep two from corrupting the file, but not from interleaving their
// work: two runs would each replay the history and save their own stories
// over the other's, and a `run` beside a `serve` would leave the server's
// stories stale until its next detection. So Open takes an exclusive lock
// on a file next to the store (flock on Unix), without waiting, and fails
// at once with ErrInUse when another process holds it.
//
// A lock file rather than SQLite's locking_mode=EXCLUSIVE because the
// latter is taken at the first write rather than at open (the second
// process would fail midway, with "database is locked"), blocks readers
// too, so that `storyline stories` could not run beside `serve`, and says
// nothing of who holds it. The kernel releases a flock when its process
// ends, however it ends, so a killed process never leaves a stale lock.
// The lock file stays when the store is closed: deleting it while another
// process has it open, about to lock it, would let a third lock a new file.
// (Open only deletes one it has just made beside a file it then refuses as
// not a store, so that a mistaken --db leaves nothing behind.)
//
// Within one process, handles opened on one store share the lock: SQLite
// already coordinates the connections of one process, and the tests and
// the server open one store more than once.

// lockSuffix names the lock file after the store file.
const lockSuffix = ".lock"

// processLock is this process's lock on one store, shared by its handles.
type processLock struct {
	f    *os.File
	refs int
}

var locks struct {
	sync.Mutex
	held []*processLock
}

// acquireLock locks the store at dbPath for this process (or shares the
// lock it holds already) and returns the release function. created tells
// that the lock file did not exist before.
func acquireLock(dbPath string) (release func(), created bool, err error) {
	lockPath := lockPathOf(dbPath)
	f, err := os.OpenFile(lockPath, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	created = err == nil
	if errors.Is(err, fs.ErrExist) {
		f, err = os.OpenFile(lockPath, os.O_RDWR, 0o600)
	}
	if err != nil {
		return nil, false, fmt.Errorf("open store %s: lock: %w", dbPath, err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, false, fmt.Errorf("open store %s: lock: %w", dbPath, err)
	}
	locks.Lock()
	defer locks.Unlock()
	// The same file under another name (a symbolic link, a relative path)
	// is the same lock.
	for _, l := range locks.held {
		if li, err := l.f.Stat(); err == nil && os.SameFile(li, info) {
			f.Close()
			l.refs++
			return func() { unlock(l) }, false, nil
		}
	}
	if err := lockFile(f); err != nil {
		holder := readHolder(f)
		f.Close()
		if errors.Is(err, errLocked) {
			return nil, false, fmt.Errorf("%w: %s is open in another process%s; the embedded store takes one writing process at a time: stop the other (a storyline serve or run?), or share a PostgreSQL store (--store) between processes",
				ErrInUse, dbPath, holder)
		}
		return nil, false, fmt.Errorf("open store %s: lock %s: %w", dbPath, lockPath, err)
	}
	writeHolder(f)
	l := &processLock{f: f, refs: 1}
	locks.held = append(locks.held, l)
	return func() { unlock(l) }, created, nil
}

func unlock(l *processLock) {
	locks.Lock()
	defer locks.Unlock()
	l.refs--
	if l.refs > 0 {
		return
	}
	for i, h := range locks.held {
		if h == l {
			locks.held = append(locks.held[:i], locks.held[i+1:]...)
			break
		}
	}
	// Closing the file releases the lock. Its contents stay: they only
	// matter while a process holds the lock, and name that process.
	l.f.Close()
}

// writeHolder records in the lock file which process holds it, for the
// message another process gets: the process id, the program and the time.
// The command line is left out, as it may hold a token.
func writeHolder(f *os.File) {
	line := fmt.Sprintf("%d %s %s\n", os.Getpid(), time.Now().UTC().Format(time.RFC3339), filepath.Base(os.Args[0]))
	if f.Truncate(0) == nil {
		f.WriteAt([]byte(line), 0)
	}
}

// readHolder describes the process that holds the lock, as writeHolder
// recorded it, or says nothing when the file does not tell.
func readHolder(f *os.File) string {
	b := make([]byte, 512)
	n, _ := f.ReadAt(b, 0)
	fields := strings.Fields(string(b[:n]))
	if len(fields) < 3 {
		return ""
	}
	pid, err := strconv.Atoi(fields[0])
	if err != nil {
		return ""
	}
	since, err := time.Parse(time.RFC3339, fields[1])
	if err != nil {
		return ""
	}
	return fmt.Sprintf(" (pid %d, %s, since %s)", pid, strings.Join(fields[2:], " "), since.Local().Format("2006-01-02 15:04:05"))
}

// lockPathOf is the lock file of the store at dbPath: beside the file
// itself when dbPath is a symbolic link (or in a linked folder), so that
// every name of one store finds one lock.
func lockPathOf(dbPath string) string {
	if real, err := filepath.EvalSymlinks(dbPath); err == nil {
		return real + lockSuffix
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(dbPath)); err == nil {
		return filepath.Join(dir, filepath.Base(dbPath)) + lockSuffix
	}
	return dbPath + lockSuffix
}
