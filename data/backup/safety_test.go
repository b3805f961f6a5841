package backup

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"jeugdmonitor/data/store"
)

// backupWriterEnv names the database a re-executed test binary copies into
// its backups folder, over and over, until it is killed.
const backupWriterEnv = "JEUGDMONITOR_BACKUP_WRITER"

// TestMain lets this test binary act as the copying process of the kill test.
func TestMain(m *testing.M) {
	if spec := os.Getenv(elsewhereWriterEnv); spec != "" {
		os.Exit(runElsewhereWriter(spec))
	}
	if path := os.Getenv(backupWriterEnv); path != "" {
		s, err := store.Open(path, store.Options{})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		for n := 0; ; n++ {
			if _, err := Make(s, ReasonManual, time.Now()); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			fmt.Println("kopie", n)
		}
	}
	os.Exit(m.Run())
}

func TestManualAndRestoreCopiesAreNeverPruned(t *testing.T) {
	dir := t.TempDir()
	start := time.Date(2026, 9, 1, 8, 0, 0, 0, time.Local)
	manual := touch(t, dir, start, ReasonManual)
	restored := touch(t, dir, start.Add(time.Minute), ReasonRestore)
	for k := 0; k < 3*KeepEvents; k++ {
		touch(t, dir, start.Add(time.Hour+time.Duration(k)*time.Minute), ReasonImport)
	}
	if err := Prune(dir, "jeugdmonitor"); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{manual, restored} {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("%s was pruned", filepath.Base(p))
		}
	}
	all, _ := list(dir, "jeugdmonitor")
	imports := 0
	for _, b := range all {
		if b.Reason == ReasonImport {
			imports++
		}
	}
	if imports != KeepEvents {
		t.Fatalf("%d import copies kept, want %d", imports, KeepEvents)
	}
}

// TestKilledBackupLeavesNoFileUnderABackupName kills a process that makes
// copies of a database of some megabytes at random moments: every file with
// a backup's name is a complete, sound database; the half-written ones
// have a temporary name and the next copy clears them once stale.
func TestKilledBackupLeavesNoFileUnderABackupName(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a process repeatedly")
	}
	s := openStore(t)
	big := strings.Repeat("vulling ", 100_000)
	for k := 0; k < 8; k++ {
		if err := s.SetSetting(fmt.Sprint("groot-", k), big); err != nil {
			t.Fatal(err)
		}
	}
	path := s.Path()
	s.Close()
	for trial := 0; trial < 6; trial++ {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), backupWriterEnv+"="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		buf := make([]byte, 64)
		out.Read(buf) // the first copy is done: the next one is under way
		time.Sleep(time.Duration(5+trial*7) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
	}
	all, err := List(path)
	if err != nil || len(all) < 6 {
		t.Fatalf("copies: %d %v", len(all), err)
	}
	for _, b := range all {
		c, err := Inspect(b.Path)
		if err != nil || c.Interventies != 1 {
			t.Fatalf("%s under a backup's name is not a complete copy: %+v %v", filepath.Base(b.Path), c, err)
		}
	}
	// the killed copies' temporary files are removed once stale
	entries, _ := os.ReadDir(Dir(path))
	old := time.Now().Add(-time.Hour)
	temps := 0
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			temps++
			os.Chtimes(filepath.Join(Dir(path), e.Name()), old, old)
		}
	}
	if temps == 0 {
		t.Fatal("no copy was killed mid-way")
	}
	s, err = store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := Make(s, ReasonManual, time.Now()); err != nil {
		t.Fatal(err)
	}
	entries, _ = os.ReadDir(Dir(path))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Fatalf("a stale temporary copy is left (%d before): %s", temps, e.Name())
		}
	}
}
