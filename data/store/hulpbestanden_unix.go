//go:build unix

package store

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// sqliteShmDMS is the byte of the shared-memory index on which every open
// SQLite connection to a WAL database holds a read lock (UNIX_SHM_DMS in
// SQLite's os_unix.c): when a write lock on it can be had, no other process
// has the database open.
const sqliteShmDMS = 128

// whenUnused runs fn when no other process has the WAL database at path
// open, and reports whether it ran: it holds a write lock on SQLite's DMS
// byte while fn runs, as SQLite itself does before it removes these files,
// so no connection can start meanwhile. Where the index cannot be opened
// for writing, it asks instead whether the lock is free (F_GETLK).
func whenUnused(path string, fn func()) bool {
	lk := unix.Flock_t{Type: unix.F_WRLCK, Start: sqliteShmDMS, Len: 1}
	f, err := os.OpenFile(path+"-shm", os.O_RDWR, 0)
	switch {
	case err == nil:
		defer f.Close()
		if unix.FcntlFlock(f.Fd(), unix.F_SETLK, &lk) != nil {
			return false
		}
	case errors.Is(err, os.ErrNotExist):
	default:
		if f, err = os.Open(path + "-shm"); err != nil {
			return false
		}
		defer f.Close()
		if unix.FcntlFlock(f.Fd(), unix.F_GETLK, &lk) != nil || lk.Type != unix.F_UNLCK {
			return false
		}
	}
	fn()
	return true
}
