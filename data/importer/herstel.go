package importer

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"jeugdmonitor/data/backup"
	"jeugdmonitor/data/bestand"
	"jeugdmonitor/data/geschiedenis"
	"jeugdmonitor/data/store"
)

// Herstel replaces the database at doel by the backup copy at bron, the
// whole database as one file, or by a database built from bron when it is a
// full export (JSON). It first checks, on a copy beside doel, that
// bron is a sound Jeugdmonitor database (and brings its schema up to date);
// then keeps the current database as a copy of its own in the backups
// folder; then puts the new content in place in one step (one SQLite
// transaction, or one rename; see putInPlace), so a failure at any step
// leaves the current database as it was. It holds doel's writer lock from
// the first step to the last, so no other writer can save anything in
// between that the last step would lose. doel must not be open in this
// process; another process that writes it makes Herstel refuse, one that
// reads it reads the restored database afterwards.
// It returns the path of the copy of the replaced database ("" when doel
// did not exist).
func Herstel(bron, doel string, now time.Time) (bewaard string, err error) {
	if err := bestand.Gewoon(bron); err != nil {
		return "", fmt.Errorf("er is niets hersteld: %w", err)
	}
	if info, err := os.Stat(doel); err == nil && info.IsDir() {
		return "", fmt.Errorf("er is niets hersteld: %s is een map, geen database; kies een databasebestand", doel)
	}
	if err := os.MkdirAll(filepath.Dir(doel), 0o755); err != nil {
		return "", &store.FileError{Action: "map maken voor", Path: doel, Err: err}
	}
	lock, err := store.ClaimWriter(doel)
	if err != nil {
		return "", fmt.Errorf("de huidige database kan niet worden vervangen, er is niets hersteld: %w", err)
	}
	defer lock.Release()
	doel = lock.Path()
	if same, _ := sameFile(bron, doel); same {
		return "", errors.New("de reservekopie is de database zelf; kies een ander bestand")
	}
	var tmp string
	if IsFullExport(bron) {
		tmp, _, err = buildBeside(bron, doel, now)
	} else {
		tmp, err = copyBeside(bron, doel)
	}
	if err != nil {
		return "", err
	}
	defer store.Remove(tmp)
	if err := checkCopy(tmp, bron); err != nil {
		return "", err
	}
	if _, err := os.Stat(doel); err == nil {
		if bewaard, err = keepCurrent(lock, now); err != nil {
			return "", err
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return "", err
	}
	if err := recordRestore(tmp, bron, bewaard, now); err != nil {
		return bewaard, err
	}
	if err := putInPlace(lock, tmp); err != nil {
		return bewaard, err
	}
	if err := store.Reanchor(doel); err != nil {
		return bewaard, fmt.Errorf("teruggezet, maar het anker van het wijzigingenlogboek kon niet worden bijgewerkt: %w", err)
	}
	return bewaard, nil
}

// putInPlace makes the checked copy tmp the database lock guards. An
// existing database is overwritten in place (store.Overwrite): that also
// works while another process has it open, which Windows refuses a rename
// for, and that process then reads the restored figures. A file SQLite
// cannot overwrite (damaged, not a database), or none, is replaced by
// renaming tmp over it, after its write-ahead log and shared memory are
// removed.
func putInPlace(lock *store.WriterLock, tmp string) error {
	doel := lock.Path()
	var overwriteErr error
	if _, err := os.Stat(doel); err == nil {
		if overwriteErr = store.Overwrite(lock, tmp); overwriteErr == nil {
			return nil
		}
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(doel + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return &store.FileError{Action: "opruimen van", Path: doel + suffix, Err: err}
		}
	}
	if err := os.Rename(tmp, doel); err != nil {
		err = fmt.Errorf("de herstelde database kon niet op zijn plaats worden gezet: %w",
			&store.FileError{Action: "hernoemen naar", Path: doel, Err: err})
		if overwriteErr != nil {
			err = fmt.Errorf("%w; overschrijven lukte evenmin: %v", err, overwriteErr)
		}
		return err
	}
	return nil
}

// Inhoud counts what a file Herstel accepts holds, a database copy or a full
// export, and says whether it is a full export, so the user sees what would
// replace the database before it does.
func Inhoud(path string) (counts store.Tellingen, fullExport bool, err error) {
	if IsFullExport(path) {
		counts, err = InspectFullExport(path)
		return counts, true, err
	}
	counts, err = backup.Inspect(path)
	return counts, false, err
}

func sameFile(a, b string) (bool, error) {
	ia, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	ib, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(ia, ib), nil
}

// copyBeside writes a consistent copy of the database bron (with what is
// still in its write-ahead log, when it is open elsewhere) to a new
// temporary file beside doel, so the final step can be a rename. A file
// that is not a Jeugdmonitor database with this program's schema is
// refused before anything in it runs.
func copyBeside(bron, doel string) (string, error) {
	tmp, err := store.TempBeside(doel, store.TempRestore)
	if err != nil {
		return "", err
	}
	if err := store.Snapshot(bron, tmp); err != nil {
		store.Remove(tmp)
		var oe *store.OpenError
		if errors.As(err, &oe) {
			return "", fmt.Errorf("%s is geen bruikbare reservekopie: %s", filepath.Base(bron), oe.Reason)
		}
		return "", err
	}
	return tmp, nil
}

// checkCopy opens the copy as a Jeugdmonitor database (refusing other files
// and newer versions, updating an older schema) and checks its integrity.
func checkCopy(tmp, bron string) error {
	s, err := store.Open(tmp, store.Options{})
	if err != nil {
		var oe *store.OpenError
		if errors.As(err, &oe) {
			return fmt.Errorf("%s is geen bruikbare reservekopie: %s", filepath.Base(bron), oe.Reason)
		}
		return err
	}
	report, err := s.Check()
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if !report.OK() {
		return fmt.Errorf("%s is beschadigd: %s", filepath.Base(bron), strings.Join(report.Problems, "; "))
	}
	return nil
}

// RestoredKey is the setting in which a restored database records, in its
// audit trail, where it was restored from and where the replaced one went.
const RestoredKey = geschiedenis.InstellingTeruggezet

// recordRestore writes the restore into the copy's own audit trail before it
// takes the database's place, so the trail shows that (and by whom) the
// figures were replaced.
func recordRestore(tmp, bron, bewaard string, now time.Time) error {
	s, err := store.Open(tmp, store.Options{})
	if err != nil {
		return err
	}
	note := fmt.Sprintf("uit %s op %s", filepath.Base(bron), now.Local().Format("02-01-2006 15:04"))
	if bewaard != "" {
		note += "; de vervangen database is bewaard als " + bewaard
	}
	err = s.SetSetting(RestoredKey, note)
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("het terugzetten kon niet in het wijzigingenlogboek worden vastgelegd, er is niets hersteld: %w", err)
	}
	return nil
}

// keepCurrent copies the database whose writer lock the restore holds into
// its backups folder.
func keepCurrent(lock *store.WriterLock, now time.Time) (string, error) {
	s, err := store.Open(lock.Path(), store.Options{Writer: lock})
	var oe *store.OpenError
	if errors.As(err, &oe) {
		// damaged, or changed outside the program: keep it as it is
		path, err := backup.KeepFile(lock.Path(), backup.ReasonRestore, now)
		if err != nil {
			return "", fmt.Errorf("de huidige database kon niet worden bewaard, dus er is niets hersteld: %w", err)
		}
		return path, nil
	}
	if err != nil {
		return "", fmt.Errorf("de huidige database kan niet worden bewaard, dus er is niets hersteld: %w", err)
	}
	path, err := backup.Make(s, backup.ReasonRestore, now)
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", fmt.Errorf("de huidige database kon niet worden bewaard, dus er is niets hersteld: %w", err)
	}
	return path, nil
}
