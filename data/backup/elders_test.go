package backup

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"jeugdmonitor/data/store"
)

// elsewhereWriterEnv holds "DATABASE|FOLDER": a re-executed test binary
// copies the database into the folder (backup -o) and to standard output
// (backup -o -), over and over, until it is killed.
const elsewhereWriterEnv = "JEUGDMONITOR_BACKUP_ELSEWHERE"

func runElsewhereWriter(spec string) int {
	src, dir, _ := strings.Cut(spec, "|")
	for n := 0; ; n++ {
		var err error
		if n%2 == 0 {
			err = store.BackupFile(src, filepath.Join(dir, fmt.Sprintf("kopie-%d.db", n)))
		} else {
			err = store.BackupStream(src, io.Discard)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		fmt.Println("kopie", n)
	}
}

// TestKilledBackupElsewhereIsRemovedAtNextStart (issue 13): a copy to
// another folder (backup -o) or to standard output (backup -o -) killed
// mid-way leaves its temporary file outside the database's folder; the
// next writer of the database removes it (and nothing else there), found
// through the marker the copy left beside the database.
func TestKilledBackupElsewhereIsRemovedAtNextStart(t *testing.T) {
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
	elders := t.TempDir()
	for _, v := range []string{"TMPDIR", "TMP", "TEMP"} { // Linux, Windows
		t.Setenv(v, elders) // backup -o - writes its temporary file there
	}
	killed := 0
	for trial := 0; trial < 8 && killed < 2; trial++ {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), elsewhereWriterEnv+"="+path+"|"+elders)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// killed as soon as a temporary copy is there, rather than after a
		// guessed time: process start and copying speed differ too much
		// between machines (under Wine a fixed wait often missed every copy)
		for deadline := time.Now().Add(20 * time.Second); len(temps(t, elders)) == 0 && time.Now().Before(deadline); {
			time.Sleep(time.Millisecond)
		}
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if len(temps(t, elders)) > 0 {
			killed++
		}
	}
	if killed == 0 {
		t.Fatal("no copy was killed mid-way")
	}
	old := time.Now().Add(-time.Hour)
	entries, _ := os.ReadDir(filepath.Dir(path))
	markers := 0
	for _, e := range entries {
		if strings.Contains(e.Name(), ".onderweg-") {
			markers++
			os.Chtimes(filepath.Join(filepath.Dir(path), e.Name()), old, old)
		}
	}
	if markers == 0 {
		t.Fatal("the killed copies left no marker beside the database")
	}
	complete := copiesIn(t, elders)
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if left := temps(t, elders); len(left) > 0 {
		t.Fatalf("temporary copies left in the other folder: %q", left)
	}
	if got := copiesIn(t, elders); got != complete {
		t.Fatalf("complete copies before and after the cleanup: %q and %q", complete, got)
	}
	entries, _ = os.ReadDir(filepath.Dir(path))
	for _, e := range entries {
		if strings.Contains(e.Name(), ".onderweg-") {
			t.Fatalf("marker left: %s", e.Name())
		}
	}
}

// temps lists the hidden (temporary) files in dir.
func temps(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			out = append(out, e.Name())
		}
	}
	return out
}

// copiesIn lists the complete copies in dir.
func copiesIn(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") {
			out = append(out, e.Name())
		}
	}
	return strings.Join(out, "|")
}
