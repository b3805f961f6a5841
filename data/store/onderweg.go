package store

import (
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/gofrs/flock"
)

// A copy written elsewhere (backup -o to another folder, or to standard
// output) has its temporary file outside the database's folder, where no
// cleanup looks. Its path is therefore registered beside the database in a
// marker file, ".<database>.onderweg-<random>.lock", which the copying
// process keeps locked; the next writer of the database finds markers whose
// lock is free (their process was killed) and removes the temporary files
// they name.

// markerRE matches the markers of the database named %s.
const markerRE = `^\.%s\.onderweg-[^/\\]*\.lock$`

// registeredTempRE matches what a marker may name: a temporary copy.
var registeredTempRE = regexp.MustCompile(`^\..*\.` + TempBackup + `-[^/\\]*\.db$`)

// markerGrace is how old a marker must be before a cleanup looks at it: it
// is written just before it is locked.
const markerGrace = time.Minute

// registeredTemp makes a new, empty temporary file in dir, named after
// pattern ("*" is replaced by a random part), for a copy of the database at
// dbPath (resolved), and records it in a locked marker beside the database
// first, so that a copy killed at any moment after the file exists is
// found by the next writer; release removes the marker. When the marker
// cannot be written (a read-only folder) the copy goes ahead unregistered.
func registeredTemp(dbPath, dir, pattern string) (tmp string, release func(), err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", nil, &FileError{Action: "map maken voor", Path: dir, Err: err}
	}
	var random [8]byte
	if _, err := rand.Read(random[:]); err != nil {
		return "", nil, err
	}
	tmp = filepath.Join(dir, strings.Replace(pattern, "*", hex.EncodeToString(random[:]), 1))
	release = lockedMarker(dbPath, tmp)
	f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		release()
		return "", nil, &FileError{Action: "tijdelijk bestand maken in", Path: dir, Err: err}
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		release()
		return "", nil, &FileError{Action: "tijdelijk bestand maken in", Path: dir, Err: err}
	}
	return tmp, release, nil
}

// lockedMarker writes the marker naming tmp beside the database at dbPath
// and keeps it locked until release (a no-op when it cannot be written).
func lockedMarker(dbPath, tmp string) (release func()) {
	f, err := os.CreateTemp(filepath.Dir(dbPath), "."+filepath.Base(dbPath)+".onderweg-*.lock")
	if err != nil {
		return func() {}
	}
	marker := f.Name()
	_, err = f.WriteString(tmp)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	lock := flock.New(marker)
	if ok, lerr := lock.TryLock(); err != nil || lerr != nil || !ok {
		os.Remove(marker)
		return func() {}
	}
	return func() {
		lock.Unlock() // first: Windows removes no file that is open
		os.Remove(marker)
	}
}

// removeAbandonedTemps removes the temporary files named by markers beside
// the database at path whose process is gone, and the markers.
func removeAbandonedTemps(path string, now time.Time) {
	dir, base := filepath.Dir(path), filepath.Base(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	re := regexp.MustCompile(strings.Replace(markerRE, "%s", regexp.QuoteMeta(base), 1))
	for _, e := range entries {
		if e.IsDir() || !re.MatchString(e.Name()) {
			continue
		}
		if info, err := e.Info(); err != nil || now.Sub(info.ModTime()) < markerGrace {
			continue
		}
		marker := filepath.Join(dir, e.Name())
		lock := flock.New(marker)
		if ok, err := lock.TryLock(); err != nil || !ok {
			continue // its copy is still being written
		}
		// its process is gone; unlocked again first, as Windows refuses
		// to read a locked file through another handle
		lock.Unlock()
		if named, err := os.ReadFile(marker); err == nil && registeredTempRE.MatchString(filepath.Base(string(named))) {
			for _, suffix := range []string{"", "-journal", "-wal", "-shm"} { // SQLite's files beside a copy it was writing
				os.Remove(string(named) + suffix)
			}
		}
		os.Remove(marker)
	}
}
