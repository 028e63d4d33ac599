//go:build !unix

package sqlite

import (
	"errors"
	"os"
)

var errLocked = errors.New("locked")

// lockFile does nothing where flock does not exist: two processes on one
// store are then kept from corrupting it by SQLite's own locking only.
func lockFile(f *os.File) error { return nil }
