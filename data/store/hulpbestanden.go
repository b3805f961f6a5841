package store

import (
	"errors"
	"fmt"
	"os"
	"sync"
)

// SQLite keeps two files beside a database in WAL mode: the write-ahead log
// ("-wal") and its shared-memory index ("-shm"). A connection that can write
// removes them when it is the last to close; a read-only one cannot, and
// leaves them with the database file's permissions (0444 for a read-only
// file) and owner (another user): afterwards nobody else can write the
// database until they are removed by hand. The store therefore removes the
// ones its read-only opening made, repairs or reports ones it cannot write
// when it opens for writing, and check reports them.

// sidecars are the suffixes of SQLite's files beside a WAL database.
var sidecars = []string{"-wal", "-shm"}

// openHere counts the stores of this process per database path, so that
// files beside a database are only removed when no store of this process
// still uses them (other processes are asked through SQLite's own lock,
// whenUnused).
var openHere = struct {
	sync.Mutex
	n map[string]int
}{n: map[string]int{}}

// missingSidecars lists the files beside path that do not exist (yet).
func missingSidecars(path string) []string {
	var out []string
	for _, suffix := range sidecars {
		if _, err := os.Lstat(path + suffix); errors.Is(err, os.ErrNotExist) {
			out = append(out, suffix)
		}
	}
	return out
}

// opened notes a store of this process on path.
func opened(path string) {
	openHere.Lock()
	openHere.n[path]++
	openHere.Unlock()
}

// closed notes that a store of this process on path closed and reports
// whether it was the last.
func closed(path string) bool {
	openHere.Lock()
	defer openHere.Unlock()
	openHere.n[path]--
	if openHere.n[path] > 0 {
		return false
	}
	delete(openHere.n, path)
	return true
}

// removeOwnSidecars removes, after the last store of this process on path
// closed, the files beside it that this store's opening made (made), when
// no other process uses the database: the shared-memory index, and a
// write-ahead log only when it is empty (a read-only store never writes
// one).
func removeOwnSidecars(path string, made []string) {
	if len(made) == 0 {
		return
	}
	whenUnused(path, func() {
		for _, suffix := range made {
			if suffix == "-wal" && !emptyFile(path+suffix) {
				continue
			}
			os.Remove(path + suffix)
		}
	})
}

// emptyFile reports whether the file at path exists and is empty.
func emptyFile(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.Size() == 0
}

// unwritableSidecar names the first file beside path that exists but that
// this user cannot write ("" when there is none).
func unwritableSidecar(path string) string {
	for _, suffix := range sidecars {
		f, err := os.OpenFile(path+suffix, os.O_RDWR, 0)
		if err == nil {
			f.Close()
			continue
		}
		if errors.Is(err, os.ErrPermission) {
			return path + suffix
		}
	}
	return ""
}

// repairSidecars makes the files beside a database that this user cannot
// write writable again, before it is opened for writing: by giving them the
// database file's permissions when they are this user's, else by removing
// them when no other process uses the database (SQLite makes them anew).
// It returns why the database must be opened read-only when neither works.
func repairSidecars(path string) string {
	bad := unwritableSidecar(path)
	if bad == "" {
		return ""
	}
	if info, err := os.Stat(path); err == nil {
		for _, suffix := range sidecars {
			os.Chmod(path+suffix, info.Mode().Perm()|0o200)
		}
	}
	if bad = unwritableSidecar(path); bad == "" {
		return ""
	}
	whenUnused(path, func() {
		if emptyFile(path + "-wal") {
			os.Remove(path + "-wal")
		}
		os.Remove(path + "-shm")
	})
	if bad = unwritableSidecar(path); bad == "" {
		return ""
	}
	return sidecarNotice(bad)
}

// sidecarNotice says in Dutch what an unwritable file beside the database
// means and what to do.
func sidecarNotice(bad string) string {
	return fmt.Sprintf("het hulpbestand %s naast de database kan niet worden beschreven (achtergelaten door een andere gebruiker "+
		"of een alleen-lezen opening); sluit Jeugdmonitor overal waar deze database open is en verwijder dat bestand, "+
		"of vraag de eigenaar ervan dat te doen", bad)
}
