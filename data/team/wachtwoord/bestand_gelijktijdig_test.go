//go:build !windows

// On Windows the passwords go to Windows Referentiebeheer, not to a file.

package wachtwoord

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestBestandKeepsConcurrentWrites: writers that save at the same time (as
// several commands started at once) all keep their password; none replaces
// the file with a version read before another's save.
func TestBestandKeepsConcurrentWrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "jeugdmonitor", "teamwachtwoorden.json")
	const writers, rounds = 16, 5
	var wg sync.WaitGroup
	errs := make(chan error, writers*rounds)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			k := Bestand(path) // each writer its own, as each process has
			for r := 0; r < rounds; r++ {
				if err := k.Bewaar(fmt.Sprintf("u%d-%d@127.0.0.1:15432/team", w, r), fmt.Sprintf("pw%d-%d", w, r)); err != nil {
					errs <- err
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("bewaren mislukt: %v", err)
	}
	all, err := Bestand(path).(wachtwoordbestand).read()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != writers*rounds {
		t.Fatalf("%d van de %d wachtwoorden bewaard", len(all), writers*rounds)
	}
	for w := 0; w < writers; w++ {
		for r := 0; r < rounds; r++ {
			if got := all[fmt.Sprintf("u%d-%d@127.0.0.1:15432/team", w, r)]; got != fmt.Sprintf("pw%d-%d", w, r) {
				t.Errorf("schrijver %d ronde %d: %q", w, r, got)
			}
		}
	}
}

// TestBestandRefusesWhatIsNoFile: a named pipe, a folder or a symbolic link
// in the file's place is refused at once in Dutch (a pipe used to make
// every command wait for ever), and nothing is written in its place.
func TestBestandRefusesWhatIsNoFile(t *testing.T) {
	cases := map[string]struct {
		make func(path string) error
		want string
	}{
		"fifo":   {func(p string) error { return syscall.Mkfifo(p, 0o600) }, "named pipe"},
		"map":    {func(p string) error { return os.Mkdir(p, 0o700) }, "is een map"},
		"link":   {func(p string) error { return os.Symlink(filepath.Join(filepath.Dir(p), "elders.json"), p) }, "symbolische link"},
		"leeg":   {func(p string) error { return os.Symlink(filepath.Join(filepath.Dir(p), "bestaat-niet"), p) }, "symbolische link"},
		"device": {func(p string) error { return os.Symlink("/dev/null", p) }, "symbolische link"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "teamwachtwoorden.json")
			if err := os.WriteFile(filepath.Join(dir, "elders.json"), []byte(`{"x":"geheim"}`), 0o600); err != nil {
				t.Fatal(err)
			}
			if err := c.make(path); err != nil {
				t.Skipf("kan %s niet maken: %v", name, err)
			}
			before, _ := os.Lstat(path)
			for what, do := range map[string]func() error{
				"lezen":    func() error { _, _, err := Bestand(path).Lees("x"); return err },
				"bewaren":  func() error { return Bestand(path).Bewaar("x", "y") },
				"vergeten": func() error { return Bestand(path).Vergeet("x") },
			} {
				done := make(chan error, 1)
				go func() { done <- do() }()
				select {
				case err := <-done:
					if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), path) ||
						!strings.Contains(err.Error(), "wordt niet gebruikt") {
						t.Errorf("%s: %v, verwacht een melding met %q", what, err, c.want)
					}
				case <-time.After(5 * time.Second):
					t.Fatalf("%s blijft wachten", what)
				}
			}
			after, err := os.Lstat(path)
			if err != nil || after.Mode() != before.Mode() {
				t.Errorf("het pad is veranderd: %v", err)
			}
			if data, _ := os.ReadFile(filepath.Join(dir, "elders.json")); string(data) != `{"x":"geheim"}` {
				t.Errorf("het doel van de link is veranderd: %s", data)
			}
		})
	}
}

// TestBestandFolderLinkToNothing: a configuration folder that is a
// symbolic link to a folder that does not exist gives a Dutch message
// naming the link and its target.
func TestBestandFolderLinkToNothing(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "jeugdmonitor")
	if err := os.Symlink(filepath.Join(base, "weg"), dir); err != nil {
		t.Fatal(err)
	}
	err := Bestand(filepath.Join(dir, "teamwachtwoorden.json")).Bewaar("x", "y")
	if err == nil || !strings.Contains(err.Error(), "symbolische link") || !strings.Contains(err.Error(), filepath.Join(base, "weg")) ||
		!strings.Contains(err.Error(), "niet bestaat") || strings.Contains(err.Error(), "file exists") {
		t.Fatalf("melding: %v", err)
	}
}

// TestBestandForgetNothingMakesNothing: forgetting a password that was
// never kept leaves the configuration folder as it was (no folder, no lock
// file).
func TestBestandForgetNothingMakesNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "jeugdmonitor")
	if err := Bestand(filepath.Join(dir, "teamwachtwoorden.json")).Vergeet("x"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Fatalf("forgetting nothing made the folder: %v", err)
	}
}
