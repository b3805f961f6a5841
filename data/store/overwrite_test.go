package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// namesIn lists the interventions s reads now.
func namesIn(t *testing.T, s *Store) string {
	t.Helper()
	all, err := s.Interventies(true)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, i := range all {
		names = append(names, i.Naam)
	}
	return strings.Join(names, ",")
}

// dbNamed makes a closed database at path with one intervention.
func dbNamed(t *testing.T, path, naam string) {
	t.Helper()
	s, err := Open(path, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	newIntervention(t, s, naam)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestOverwriteWhileAnotherConnectionReads: a connection that has the
// database open while it is overwritten (Windows refuses a rename over
// it) reads the new content afterwards, and the old one before.
func TestOverwriteWhileAnotherConnectionReads(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "map #1 %41")
	doel := filepath.Join(dir, "jeugd #2.db")
	bron := filepath.Join(dir, "bron ë.db")
	dbNamed(t, doel, "Oud")
	dbNamed(t, bron, "Nieuw")
	reader, err := Open(doel, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	if got := namesIn(t, reader); got != "Oud" {
		t.Fatalf("before: %s", got)
	}
	lock, err := ClaimWriter(doel)
	if err != nil {
		t.Fatal(err)
	}
	if err := Overwrite(lock, bron); err != nil {
		t.Fatal(err)
	}
	lock.Release()
	if got := namesIn(t, reader); got != "Nieuw" {
		t.Fatalf("the open connection reads %q after the overwrite", got)
	}
	again, err := Open(doel, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if got := namesIn(t, again); got != "Nieuw" {
		t.Fatalf("opened again: %s", got)
	}
	if report, err := again.Check(); err != nil || !report.OK() {
		t.Fatalf("check after the overwrite: %+v %v", report, err)
	}
}

// TestOverwriteOfADamagedFileChangesNothing: a file that is not a database
// is refused and left byte for byte.
func TestOverwriteOfADamagedFileChangesNothing(t *testing.T) {
	dir := t.TempDir()
	doel := filepath.Join(dir, "kapot.db")
	content := []byte(strings.Repeat("geen database ", 600))
	if err := os.WriteFile(doel, content, 0o644); err != nil {
		t.Fatal(err)
	}
	bron := filepath.Join(dir, "bron.db")
	dbNamed(t, bron, "Nieuw")
	lock, err := ClaimWriter(doel)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Release()
	err = Overwrite(lock, bron)
	if err == nil || !strings.Contains(err.Error(), "beschadigd") {
		t.Fatalf("overwriting a damaged file: %v", err)
	}
	if got, _ := os.ReadFile(doel); string(got) != string(content) {
		t.Fatal("the refused overwrite changed the file")
	}
}
