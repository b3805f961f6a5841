package store

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// stuckCreatorEnv names the database a re-executed test binary makes with
// CreateNew, stopping inside the fill until it is killed.
const stuckCreatorEnv = "JEUGDMONITOR_CREATENEW_STUCK"

// runStuckCreator fills a new database halfway, says so, and waits.
func runStuckCreator(path string) int {
	_, err := CreateNew(path, func(s *Store) error {
		if err := s.SetSetting("half", "gevuld"); err != nil {
			return err
		}
		fmt.Println("half gevuld")
		select {}
	})
	fmt.Fprintln(os.Stderr, err)
	return 1
}

// leftovers lists the temporary files of CreateNew beside path.
func leftovers(t *testing.T, path string) []string {
	t.Helper()
	found, err := filepath.Glob(filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+"."+TempNew+"-*"))
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// TestCreateNewKilledLeavesNoDatabase kills a process while it fills a new
// database: nothing has the database's name, and the next CreateNew of that
// name removes the killed one's temporary file and makes the database.
func TestCreateNewKilledLeavesNoDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "J.db")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), stuckCreatorEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 64)
	n, _ := out.Read(buf)
	if !strings.Contains(string(buf[:n]), "half gevuld") {
		t.Fatalf("het vullende proces zegt %q", buf[:n])
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if _, err := os.Lstat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("na het afbreken heeft een half gevulde database de naam J.db: %v", err)
	}
	if len(leftovers(t, path)) == 0 {
		t.Fatal("geen tijdelijk bestand van het afgebroken vullen gevonden: is het wel halverwege afgebroken?")
	}
	abs, err := CreateNew(path, func(s *Store) error { return s.SetSetting("heel", "gevuld") })
	if err != nil {
		t.Fatalf("opnieuw maken na het afbreken: %v", err)
	}
	if left := leftovers(t, path); len(left) != 0 {
		t.Fatalf("tijdelijke bestanden blijven liggen: %v", left)
	}
	s, err := Open(abs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _, err := s.Setting("heel"); err != nil || v != "gevuld" {
		t.Fatalf("de nieuwe database: %q, %v", v, err)
	}
	if v, _, _ := s.Setting("half"); v != "" {
		t.Fatalf("de nieuwe database bevat het afgebroken vullen: %q", v)
	}
}

// TestCreateNewNeverOverwrites: a file that appears under the name while the
// database is filled is kept as it is, and a failed fill leaves nothing.
func TestCreateNewNeverOverwrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "J.db")
	_, err := CreateNew(path, func(s *Store) error { return os.WriteFile(path, []byte("van iemand anders"), 0o644) })
	if err == nil || !strings.Contains(err.Error(), "bestaat al") {
		t.Fatalf("een bestand verscheen tijdens het vullen: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "van iemand anders" {
		t.Fatalf("het verschenen bestand is veranderd: %q", b)
	}
	other := filepath.Join(filepath.Dir(path), "K.db")
	if _, err := CreateNew(other, func(*Store) error { return errors.New("mislukt") }); err == nil {
		t.Fatal("een mislukt vullen geeft geen fout")
	}
	if _, err := os.Lstat(other); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("een mislukt vullen laat K.db achter: %v", err)
	}
	if left := append(leftovers(t, path), leftovers(t, other)...); len(left) != 0 {
		t.Fatalf("tijdelijke bestanden blijven liggen: %v", left)
	}
}
