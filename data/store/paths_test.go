package store

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"

	"jeugdmonitor/data/bestand/bestandtest"
)

// hostileNames are file names that mean something in a URI: SQLite used to
// open "Jeugd " for "Jeugd #2.db", "vraag" for "vraag?.db" and
// "proAcent.db" for "pro%41cent.db".
var hostileNames = []string{"Jeugd #2.db", "vraag?.db", "pro%41cent.db", "met spatie.db", "jeugd-ë€.db", "a#b?c%20d&e=f.db"}

// filesIn lists the names in dir.
func filesIn(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

func TestHostilePathsOpenExactlyTheNamedFile(t *testing.T) {
	for _, name := range hostileNames {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "map #1 %41")
			path := filepath.Join(dir, name)
			if bestandtest.WindowsWeigert(t, name, func() error { _, err := Open(path, Options{Create: true}); return err }) {
				return
			}
			s, err := Open(path, Options{Create: true})
			if err != nil {
				t.Fatal(err)
			}
			newIntervention(t, s, "Match")
			copyPath := filepath.Join(dir, "kopie van "+name)
			if err := s.BackupTo(copyPath); err != nil {
				t.Fatal(err)
			}
			s.Close()
			want := []string{"kopie van " + name, name, name + ".lock"}
			sort.Strings(want)
			if got, want := strings.Join(filesIn(t, dir), "|"), strings.Join(want, "|"); got != want {
				t.Fatalf("files written: %q, want %q", got, want)
			}
			for _, p := range []string{path, copyPath} {
				again, err := Open(p, Options{})
				if err != nil {
					t.Fatal(err)
				}
				all, err := again.Interventies(false)
				again.Close()
				if err != nil || len(all) != 1 || all[0].Naam != "Match" {
					t.Fatalf("%s holds %v (%v), want the intervention saved", p, all, err)
				}
			}
		})
	}
}

func TestFileURIEscapesEveryPath(t *testing.T) {
	cases := map[string]string{
		"/tmp/Jeugd #2.db":        "file:///tmp/Jeugd%20%232.db",
		"/tmp/vraag?.db":          "file:///tmp/vraag%3F.db",
		"/tmp/pro%41cent.db":      "file:///tmp/pro%2541cent.db",
		"/tmp/ë€.db":              "file:///tmp/%C3%AB%E2%82%AC.db",
		"C:/Map #1/x.db":          "file:///C:/Map%20%231/x.db",
		"//server/share #3/x.db":  "file:////server/share%20%233/x.db",
		"/tmp/a&b=c;d'e\"f[g].db": "file:///tmp/a%26b%3Dc%3Bd%27e%22f%5Bg%5D.db",
	}
	for path, want := range cases {
		if got := fileURI(path, ""); got != want {
			t.Errorf("fileURI(%q) = %q, want %q", path, got, want)
		}
	}
	if got := fileURI("/tmp/x.db", "mode=ro"); got != "file:///tmp/x.db?mode=ro" {
		t.Errorf("with a query: %q", got)
	}
}

func TestSymlinkSharesTheDatabasesLock(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "echt.db")
	first, err := Open(real, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	link := filepath.Join(dir, "snelkoppeling.db")
	bestandtest.Koppeling(t, real, link)
	second, err := Open(link, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	if !second.ReadOnly() || second.Notice() != reasonInUse || second.Path() != real {
		t.Fatalf("through a link: read-only %v, notice %q, path %s", second.ReadOnly(), second.Notice(), second.Path())
	}
}

func TestKilledRestoreLeftoversAreRemovedAtNextStart(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "jeugd #1.db")
	s, err := Open(path, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	leftovers := []string{".jeugd #1.db.herstel-123.db", ".jeugd #1.db.herstel-123.db-wal", ".jeugd #1.db.herstel-123.db.lock",
		".jeugd #1.db.inlezen-9.db", ".jeugd #1.db.inlezen-9.db-journal"}
	kept := []string{".ander.db.herstel-1.db", "jeugd #1.db.herstel-1.db", "notities.txt"}
	for _, name := range append(append([]string{}, leftovers...), kept...) {
		if err := os.WriteFile(filepath.Join(dir, name), make([]byte, 1000), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	got := strings.Join(filesIn(t, dir), "|")
	want := append([]string{"jeugd #1.db", "jeugd #1.db.lock"}, kept...)
	sort.Strings(want)
	if got != strings.Join(want, "|") {
		t.Fatalf("after the next start: %q, want %q", got, strings.Join(want, "|"))
	}
}

func TestFileRefusalsAreDutch(t *testing.T) {
	dir := t.TempDir()
	s := openTemp(t)
	existing := filepath.Join(dir, "bestaat.db")
	os.WriteFile(existing, []byte("x"), 0o644)
	notAFolder := filepath.Join(dir, "bestand")
	os.WriteFile(notAFolder, []byte("x"), 0o644)
	cases := map[string]string{
		existing:                              "er staat al een bestand met die naam",
		filepath.Join(notAFolder, "kopie.db"): "reservekopie schrijven naar " + filepath.Join(notAFolder, "kopie.db") + " mislukt: ",
		filepath.Join(dir, strings.Repeat("x", 300)): "de bestandsnaam is te lang",
	}
	for path, want := range cases {
		err := s.BackupTo(path)
		if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "no such") || strings.Contains(err.Error(), "not a directory") {
			t.Errorf("backup to %s: %v, want %q", filepath.Base(path), err, want)
		}
	}
	if got := describeFileError(&os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}); got != "de schijf is vol; maak ruimte vrij en probeer het opnieuw" {
		t.Errorf("disk full: %q", got)
	}
	if _, err := Open(filepath.Join(notAFolder, "x.db"), Options{}); err == nil || !strings.Contains(err.Error(), "een deel van het pad is een bestand, geen map") {
		t.Errorf("open under a file: %v", err)
	}
	err := s.db.Exec("INSERT INTO bereik (periode) VALUES ('2024')").Error
	if d := describeSQLiteError(err); !strings.HasPrefix(d.Error(), "niet opgeslagen: de database weigert deze wijziging") {
		t.Errorf("a refused SQL statement: %v", d)
	}
}
