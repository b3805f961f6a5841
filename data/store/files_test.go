package store

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"jeugdmonitor/data/domain"
)

func TestSecondWriterOpensReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gedeeld.db")
	first, err := Open(path, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	second, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !second.ReadOnly() || second.Notice() != reasonInUse {
		t.Fatalf("second instance: read-only %v, notice %q", second.ReadOnly(), second.Notice())
	}
	// The first writer may be a window or a command (sync, import); the
	// notice must not claim it is a window.
	if !strings.Contains(second.Notice(), "een ander venster of een andere opdracht") {
		t.Errorf("the notice names only one kind of other writer: %q", second.Notice())
	}
	newIntervention(t, first, "Match")
	if all, err := second.Interventies(false); err != nil || len(all) != 1 {
		t.Fatalf("the read-only instance cannot read what the writer saved: %v %v", all, err)
	}
	i := domain.Interventie{Naam: "X", Cluster: domain.ClusterHVA, StatusCategorie: domain.StatusPilot}
	err = second.CreateInterventie(&i)
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), reasonInUse) {
		t.Fatalf("write through the second instance: %v", err)
	}
	second.Close()
	first.Close()
	third, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer third.Close()
	if third.ReadOnly() {
		t.Fatal("still read-only after the writer closed")
	}
}

func TestNetworkShareUsesRollbackJournal(t *testing.T) {
	restore := onNetworkShare
	t.Cleanup(func() { onNetworkShare = restore })
	onNetworkShare = func(string) bool { return true }
	s := openTemp(t)
	var mode string
	s.db.Raw("PRAGMA journal_mode").Scan(&mode)
	if mode != "delete" || s.Journal() != "DELETE" {
		t.Fatalf("journal on a network share: %q", mode)
	}
	newIntervention(t, s, "Match")
}

func TestFullDiskKeepsLastCommittedState(t *testing.T) {
	s := openTemp(t)
	newIntervention(t, s, "Match")
	before, _ := s.Wijzigingen(WijzigingFilter{})
	var pages int
	s.db.Raw("PRAGMA page_count").Scan(&pages)
	// A database that cannot grow fails the way a full disk does (SQLITE_FULL).
	if err := s.db.Exec(fmt.Sprintf("PRAGMA max_page_count = %d", pages)).Error; err != nil {
		t.Fatal(err)
	}
	big := strings.Repeat("lange tekst ", 800) // within domain.MaxTekst, over two pages
	i := domain.Interventie{Naam: "Groot", Doel: big, Cluster: domain.ClusterHVA, StatusCategorie: domain.StatusPilot}
	err := s.CreateInterventie(&i)
	if err == nil || !strings.Contains(err.Error(), "niet opgeslagen: de schijf is vol") {
		t.Fatalf("save on a full disk: %v", err)
	}
	all, _ := s.Interventies(false)
	if len(all) != 1 || all[0].Naam != "Match" {
		t.Fatalf("after the failed save: %+v", all)
	}
	if after, _ := s.Wijzigingen(WijzigingFilter{}); len(after) != len(before) {
		t.Fatal("audit rows of the failed save remain")
	}
	if report, err := s.Check(); err != nil || !report.OK() {
		t.Fatalf("integrity after a full disk: %v %v", report.Problems, err)
	}
}

func TestBeforeMigrateRunsForExistingDatabases(t *testing.T) {
	restore := migrationFiles
	t.Cleanup(func() { migrationFiles = restore })
	first, err := fs0001()
	if err != nil {
		t.Fatal(err)
	}
	migrationFiles = fstest.MapFS{"migrations/0001_schema.sql": first}
	path := filepath.Join(t.TempDir(), "oud.db")
	calls := 0
	hook := func(s *Store, from, to int) error { calls++; return nil }
	s, err := Open(path, Options{Create: true, BeforeMigrate: hook})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if calls != 0 {
		t.Fatal("hook ran for a new database")
	}
	migrationFiles = fstest.MapFS{"migrations/0001_schema.sql": first,
		"migrations/0002_test.sql": {Data: []byte("CREATE TABLE proef (id INTEGER PRIMARY KEY);")}}
	var from, to int
	refuse := func(s *Store, f, t int) error { from, to = f, t; return errors.New("schijf vol") }
	if _, err := Open(path, Options{BeforeMigrate: refuse}); err == nil || !strings.Contains(err.Error(), "schijf vol") {
		t.Fatalf("a failing hook must stop the opening: %v", err)
	}
	if from != 1 || to != 2 {
		t.Fatalf("hook saw %d -> %d", from, to)
	}
	s, err = Open(path, Options{BeforeMigrate: hook})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := s.Version(); v != 2 || calls != 1 {
		t.Fatalf("version %d after migration, hook calls %d", v, calls)
	}
}

func fs0001() (*fstest.MapFile, error) {
	body, err := embeddedMigrations.ReadFile("migrations/0001_schema.sql")
	return &fstest.MapFile{Data: body}, err
}

// TestReadOnlyFileOpensReadOnly runs as an unprivileged user (root ignores
// file permissions), by running this test binary again through setpriv.
func TestReadOnlyFileOpensReadOnly(t *testing.T) {
	if os.Getenv("JEUGDMONITOR_AS_NOBODY") == "" {
		if os.Geteuid() != 0 {
			t.Skip("runs as root only, to test as the unprivileged user 'nobody'")
		}
		setpriv, err := exec.LookPath("setpriv")
		if err != nil {
			t.Skip("setpriv (util-linux) is missing")
		}
		dir, err := os.MkdirTemp("", "alleenlezen")
		if err != nil {
			t.Fatal(err)
		}
		defer os.RemoveAll(dir)
		s, err := Open(filepath.Join(dir, "a.db"), Options{Create: true})
		if err != nil {
			t.Fatal(err)
		}
		newIntervention(t, s, "Match")
		s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		s.Close()
		os.Chmod(dir, 0o755)
		os.Chmod(filepath.Join(dir, "a.db"), 0o444)
		cmd := exec.Command(setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", os.Args[0],
			"-test.run=^TestReadOnlyFileOpensReadOnly$", "-test.v")
		cmd.Env = append(os.Environ(), "JEUGDMONITOR_AS_NOBODY="+dir)
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "--- PASS") {
			t.Fatalf("as nobody: %v\n%s", err, out)
		}
		return
	}
	dir := os.Getenv("JEUGDMONITOR_AS_NOBODY")
	s, err := Open(filepath.Join(dir, "a.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !s.ReadOnly() || s.Notice() == "" {
		t.Fatalf("read-only folder/file: read-only %v, notice %q", s.ReadOnly(), s.Notice())
	}
	if all, err := s.Interventies(false); err != nil || len(all) != 1 {
		t.Fatalf("cannot read a read-only database: %v %v", all, err)
	}
	if _, err := Open(filepath.Join(dir, "nieuw.db"), Options{Create: true}); err == nil {
		t.Fatal("created a database in a read-only folder")
	}
}
