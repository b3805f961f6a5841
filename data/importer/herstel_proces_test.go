package importer

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"jeugdmonitor/data/store"
)

// readerEnv names the database a re-executed test binary keeps open as
// another process's reader (TestRestoreWhileAnotherProcessReads).
const readerEnv = "JEUGDMONITOR_TEST_LEZER"

func TestMain(m *testing.M) {
	if path := os.Getenv(readerEnv); path != "" {
		os.Exit(runReader(path))
	}
	os.Exit(m.Run())
}

// runReader opens the database at path read-only and prints the names of
// its interventions, then again after each line on standard input, until
// that ends.
func runReader(path string) int {
	s, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer s.Close()
	in := bufio.NewScanner(os.Stdin)
	for {
		all, err := s.Interventies(true)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		var names []string
		for _, i := range all {
			names = append(names, i.Naam)
		}
		fmt.Println(strings.Join(names, ","))
		if !in.Scan() {
			return 0
		}
	}
}

// TestRestoreWhileAnotherProcessReads: another process (this test binary
// again) has the database open and has read it; the restore succeeds
// (Windows refused the rename over the open file) and that process then
// reads the restored figures.
func TestRestoreWhileAnotherProcessReads(t *testing.T) {
	doel := filepath.Join(t.TempDir(), "gedeeld #1.db")
	dbWith(t, doel, "Oud")
	bron := filepath.Join(t.TempDir(), "kopie.db")
	dbWith(t, bron, "Nieuw")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), readerEnv+"="+doel)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()
	defer stdin.Close()
	lines := bufio.NewScanner(stdout)
	read := func() string {
		t.Helper()
		if !lines.Scan() {
			t.Fatalf("the reader stopped: %v", lines.Err())
		}
		return lines.Text()
	}
	if got := read(); got != "Oud" {
		t.Fatalf("the reader read %q before the restore", got)
	}
	kept, err := Herstel(bron, doel, restoreMoment)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintln(stdin)
	if got := read(); got != "Nieuw" {
		t.Fatalf("the other process reads %q after the restore", got)
	}
	if got := interventionNames(t, kept); strings.Join(got, ",") != "Oud" {
		t.Fatalf("the kept copy holds %v", got)
	}
}
