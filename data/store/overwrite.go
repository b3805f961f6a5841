package store

import (
	"encoding/binary"
	"fmt"

	"modernc.org/libc"
	sqlite3 "modernc.org/sqlite/lib"
)

// overwriteBusyMillis is how long Overwrite waits for another process's
// read to end (a database not in WAL mode cannot be written while it is
// read).
const overwriteBusyMillis = 10000

// Overwrite replaces the whole content of the database w guards by that of
// the database at src, in place: SQLite's backup API copies src's pages
// into it in one write transaction, so another process that has the
// database open (Windows refuses to rename a file over an open one) reads
// the old database until the commit and the new one after it, never a mix.
// A failure rolls the transaction back and leaves the database as it was.
// src must be closed; the caller holds w, so no other Jeugdmonitor writes
// in between.
func Overwrite(w *WriterLock, src string) error {
	tls := libc.NewTLS()
	defer tls.Close()
	from, err := rawOpen(tls, FileURI(src, "mode=ro"), sqlite3.SQLITE_OPEN_READONLY)
	if err != nil {
		return err
	}
	defer sqlite3.Xsqlite3_close_v2(tls, from)
	to, err := rawOpen(tls, FileURI(w.path, ""), sqlite3.SQLITE_OPEN_READWRITE)
	if err != nil {
		return err
	}
	defer sqlite3.Xsqlite3_close_v2(tls, to)
	sqlite3.Xsqlite3_busy_timeout(tls, to, overwriteBusyMillis)
	main, err := libc.CString("main")
	if err != nil {
		return err
	}
	defer libc.Xfree(tls, main)
	backup := sqlite3.Xsqlite3_backup_init(tls, to, main, from, main)
	if backup == 0 {
		return rawError(tls, to, sqlite3.Xsqlite3_extended_errcode(tls, to))
	}
	rc := sqlite3.Xsqlite3_backup_step(tls, backup, -1)
	// finish commits a completed copy and rolls back any other
	if frc := sqlite3.Xsqlite3_backup_finish(tls, backup); rc == sqlite3.SQLITE_DONE {
		rc = frc
	}
	if rc != sqlite3.SQLITE_OK {
		return rawError(tls, to, rc)
	}
	return nil
}

// rawOpen opens the SQLite URI uri with flags on the library the driver
// uses, without a database/sql pool around it.
func rawOpen(tls *libc.TLS, uri string, flags int32) (uintptr, error) {
	name, err := libc.CString(uri)
	if err != nil {
		return 0, err
	}
	defer libc.Xfree(tls, name)
	pdb := libc.Xcalloc(tls, 1, 8) // sqlite3 **, filled in by open
	if pdb == 0 {
		return 0, fmt.Errorf("geen geheugen voor SQLite")
	}
	defer libc.Xfree(tls, pdb)
	rc := sqlite3.Xsqlite3_open_v2(tls, name, pdb, flags|sqlite3.SQLITE_OPEN_URI, 0)
	db := uintptr(binary.NativeEndian.Uint64(libc.GoBytes(pdb, 8)))
	if rc != sqlite3.SQLITE_OK {
		err := rawError(tls, db, rc)
		if db != 0 {
			sqlite3.Xsqlite3_close_v2(tls, db)
		}
		return 0, err
	}
	return db, nil
}

// rawError describes SQLite's result code rc, with db's message when there
// is a connection, in Dutch as describeSQLiteError does.
func rawError(tls *libc.TLS, db uintptr, rc int32) error {
	msg := libc.GoString(sqlite3.Xsqlite3_errstr(tls, rc))
	if db != 0 {
		msg = libc.GoString(sqlite3.Xsqlite3_errmsg(tls, db))
	}
	return fmt.Errorf("%s (SQLite %d: %s)", sqliteCodeMessage(int(rc)), rc, msg)
}
