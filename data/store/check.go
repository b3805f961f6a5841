package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// CheckReport is the outcome of an integrity check.
type CheckReport struct {
	Version  int
	Problems []string
	// Warnings are what check could not verify (no anchor of the audit
	// trail on this computer); they do not make the report fail.
	Warnings []string
}

// OK reports whether no problem was found.
func (r CheckReport) OK() bool { return len(r.Problems) == 0 }

// Check runs SQLite's integrity and foreign-key checks, compares the schema
// version and the whole schema with this program's, and verifies the audit
// trail's chain. It only reads.
func (s *Store) Check() (CheckReport, error) {
	var r CheckReport
	var err error
	if r.Version, err = s.Version(); err != nil {
		return r, err
	}
	if r.Version < SchemaVersion() {
		r.Problems = append(r.Problems, fmt.Sprintf(
			"schemaversie %d is ouder dan %d; het programma werkt het schema bij wanneer het de database opent", r.Version, SchemaVersion()))
	}
	var integrity []string
	if err := s.db.Raw("PRAGMA integrity_check").Scan(&integrity).Error; err != nil {
		r.Problems = append(r.Problems, "integriteitscontrole mislukt: "+err.Error())
		return r, nil
	}
	for _, line := range integrity {
		if line != "ok" {
			r.Problems = append(r.Problems, "beschadigd: "+line)
		}
	}
	broken, err := s.brokenReferences()
	if err != nil {
		r.Problems = append(r.Problems, "controle van verwijzingen mislukt: "+err.Error())
		return r, nil
	}
	r.Problems = append(r.Problems, broken...)
	if e, err := s.schemaDifferences(); err != nil {
		r.Problems = append(r.Problems, "schema lezen mislukt: "+err.Error())
	} else if e != nil {
		r.Problems = append(r.Problems, e.Error())
		return r, nil
	}
	if r.Version >= chainVersion {
		var chain *ChainError
		if err := verifyChain(s.db); errors.As(err, &chain) {
			r.Problems = append(r.Problems, chain.Error())
			return r, nil
		} else if err != nil {
			r.Problems = append(r.Problems, "controle van het wijzigingenlogboek mislukt: "+err.Error())
			return r, nil
		}
	}
	if r.Version == SchemaVersion() {
		if err := s.VerifyTrail(); err != nil {
			r.Problems = append(r.Problems, err.Error())
		}
	}
	if r.Version >= chainVersion {
		problem, warning, err := s.checkAnchor()
		switch {
		case err != nil:
			r.Problems = append(r.Problems, err.Error())
		case problem != "":
			r.Problems = append(r.Problems, problem)
		case warning != "":
			r.Warnings = append(r.Warnings, warning)
		}
	}
	return r, nil
}

// VerifyTrail plays the audit trail back and compares every record with
// it; it returns a *TrailError, in Dutch, naming the first record that
// differs (a figure changed without a trail row, a trail emptied or cut
// short). It reads a batch of records at a time.
func (s *Store) VerifyTrail() error {
	var trail *TrailError
	if err := verifyTrail(s.db); err != nil && !errors.As(err, &trail) {
		return errors.New("de gegevens tegen het wijzigingenlogboek controleren mislukte: " + err.Error())
	} else if err != nil {
		return err
	}
	return nil
}

// writerActive reports whether another process holds the writer lock of
// the database at path, without leaving a lock file behind where there was
// none (no writer without one).
func writerActive(path string) (bool, error) {
	if _, err := os.Lstat(path + ".lock"); errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	lock, ok, err := acquireWriterLock(path)
	if ok {
		lock.Release()
	}
	return !ok && err == nil, err
}

// brokenReferences runs SQLite's foreign-key check and describes, in
// Dutch, each row that refers to a row that is not there.
func (s *Store) brokenReferences() ([]string, error) {
	var fk []struct {
		Table  string
		Rowid  int64
		Parent string
	}
	if err := s.db.Raw("PRAGMA foreign_key_check").Scan(&fk).Error; err != nil {
		return nil, err
	}
	out := make([]string, len(fk))
	for i, f := range fk {
		out[i] = fmt.Sprintf("rij %d in %s verwijst naar een ontbrekende rij in %s", f.Rowid, f.Table, f.Parent)
	}
	return out, nil
}

// Situation describes, without writing anything, how the program would open
// the file at path for writing: each entry says why it would be read-only or
// use a rollback journal. Empty when it would open normally.
func Situation(path string) ([]string, error) {
	abs, err := ResolvePath(path)
	if err != nil {
		return nil, err
	}
	var notes []string
	if reason, _ := writability(abs, true); reason != "" {
		notes = append(notes, "alleen-lezen: "+reason+"; het programma opent het bestand alleen-lezen")
	} else if inUse, err := writerActive(abs); err != nil {
		return nil, err
	} else if inUse {
		notes = append(notes, "in gebruik: "+reasonInUse+"; een tweede venster opent het alleen-lezen")
	} else if bad := unwritableSidecar(abs); bad != "" {
		notes = append(notes, "alleen-lezen: "+sidecarNotice(bad))
	}
	if onNetworkShare(filepath.Dir(abs)) {
		notes = append(notes, "netwerkschijf: het bestand staat op een netwerkschijf; het programma gebruikt daar geen WAL maar een rollback-journal, en één gebruiker tegelijk")
	}
	return notes, nil
}
