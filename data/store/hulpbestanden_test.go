package store

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"jeugdmonitor/data/bestand/bestandtest"
)

// besides lists the files in the folder of path other than path itself.
func besides(t *testing.T, path string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.Name() != filepath.Base(path) {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out
}

// TestReadingLeavesNoFilesBeside (issue 13): check, and every reading
// opening, leaves no -wal, -shm or .lock beside a database that had none,
// and leaves the database byte for byte as it was; while another store
// has it open, what that store uses stays.
func TestReadingLeavesNoFilesBeside(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("on Windows SQLite's files are left as SQLite leaves them")
	}
	path := filepath.Join(t.TempDir(), "lezen.db")
	s, err := Open(path, Options{Create: true, User: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	writeEveryWay(t, s)
	s.Close()
	os.Remove(path + ".lock")
	if got := besides(t, path); len(got) != 0 {
		t.Fatalf("after the writer closed: %q", got)
	}
	before := bestandtest.Som(t, path)
	for k := 0; k < 2; k++ {
		r, err := Open(path, Options{ReadOnly: true, SoleConnection: true})
		if err != nil {
			t.Fatal(err)
		}
		if report, err := r.Check(); err != nil || !report.OK() {
			t.Fatalf("check: %q %v", report.Problems, err)
		}
		if _, err := Situation(path); err != nil {
			t.Fatal(err)
		}
		r.Close()
		if got := besides(t, path); len(got) != 0 {
			t.Fatalf("check left %q beside the database", got)
		}
	}
	if bestandtest.Som(t, path) != before {
		t.Fatal("reading changed the database")
	}
	w, err := Open(path, Options{User: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	r, err := Open(path, Options{ReadOnly: true, SoleConnection: true})
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	if got := strings.Join(besides(t, path), " "); !strings.Contains(got, "lezen.db-shm") || !strings.Contains(got, "lezen.db-wal") {
		t.Fatalf("a reader removed the files the writer still uses: %q", got)
	}
	newIntervention(t, w, "Na het lezen")
}

// TestReadOnlyOpeningDoesNotLockOthersOut (issue 13): after a read-only
// opening of a read-only file (0444) and of a file as another user, the
// owner can write the database again at once; a file beside it that
// another user left and that this user cannot write is repaired when
// nobody uses it, and reported by check in Dutch. Runs the test binary as
// the unprivileged users 65534 and 65533 (setpriv), as root ignores file
// permissions.
func TestReadOnlyOpeningDoesNotLockOthersOut(t *testing.T) {
	if step := os.Getenv("JEUGDMONITOR_ZIJBESTAND_STAP"); step != "" {
		sidecarStep(t, step, os.Getenv("JEUGDMONITOR_ZIJBESTAND_DB"))
		return
	}
	if os.Geteuid() != 0 {
		t.Skip("runs as root only, to test as unprivileged users")
	}
	setpriv, err := exec.LookPath("setpriv")
	if err != nil {
		t.Skip("setpriv (util-linux) is missing")
	}
	dir, err := os.MkdirTemp("", "zijbestanden")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	os.Chmod(dir, 0o777)
	path := filepath.Join(dir, "gedeeld.db")
	s, err := Open(path, Options{Create: true, User: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	writeEveryWay(t, s)
	s.Close()
	for _, name := range []string{path, path + ".lock"} {
		os.Chown(name, 65534, 65534)
	}
	as := func(uid, step string) {
		t.Helper()
		cmd := exec.Command(setpriv, "--reuid="+uid, "--regid="+uid, "--clear-groups", os.Args[0],
			"-test.run=^TestReadOnlyOpeningDoesNotLockOthersOut$", "-test.v")
		cmd.Env = append(os.Environ(), "JEUGDMONITOR_ZIJBESTAND_STAP="+step, "JEUGDMONITOR_ZIJBESTAND_DB="+path)
		if out, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(out), "--- PASS") {
			t.Fatalf("%s as %s: %v\n%s", step, uid, err, out)
		}
	}
	os.Chmod(path, 0o444)
	as("65534", "lezen") // the owner reads the read-only file
	os.Chmod(path, 0o644)
	as("65534", "schrijven")
	as("65533", "lezen") // another user reads it
	as("65534", "schrijven")
	// a -shm another user left (a process of theirs that was killed)
	for _, suffix := range []string{"-shm", "-wal"} {
		if err := os.WriteFile(path+suffix, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		os.Chown(path+suffix, 65533, 65533)
	}
	as("65534", "check")
	as("65534", "schrijven")
}

// sidecarStep is one step of TestReadOnlyOpeningDoesNotLockOthersOut, run
// as an unprivileged user.
func sidecarStep(t *testing.T, step, path string) {
	switch step {
	case "lezen":
		s, err := Open(path, Options{ReadOnly: true, SoleConnection: true})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Tel(); err != nil {
			t.Fatal(err)
		}
		s.Close()
		for _, suffix := range []string{"-shm", "-wal"} {
			if _, err := os.Stat(path + suffix); err == nil {
				t.Fatalf("reading left %s", path+suffix)
			}
		}
	case "check":
		notes, err := Situation(path)
		if err != nil || len(notes) != 1 || !strings.Contains(notes[0], "naast de database kan niet worden beschreven") {
			t.Fatalf("check: %q %v", notes, err)
		}
	case "schrijven":
		s, err := Open(path, Options{User: "eigenaar"})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if s.ReadOnly() {
			t.Fatalf("the owner cannot write: %s", s.Notice())
		}
		if err := s.SetSetting("proef", step); err != nil {
			t.Fatal(err)
		}
	}
}
