package bestand

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestSchrijfReplacesWholeFile(t *testing.T) {
	dir := t.TempDir()
	pad := filepath.Join(dir, "rapport €#%.pdf")
	if err := os.WriteFile(pad, []byte("oud"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Schrijf(pad, func(w io.Writer) error { _, err := io.WriteString(w, "nieuw"); return err }); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(pad); string(got) != "nieuw" {
		t.Errorf("inhoud %q, want %q", got, "nieuw")
	}
	assertOnly(t, dir, "rapport €#%.pdf")
}

func TestSchrijfFailureKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	pad := filepath.Join(dir, "x.pptx")
	if err := os.WriteFile(pad, []byte("oud"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("tekenen mislukt")
	err := Schrijf(pad, func(w io.Writer) error {
		io.WriteString(w, "half")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("fout %v, want %v", err, boom)
	}
	if got, _ := os.ReadFile(pad); string(got) != "oud" {
		t.Errorf("inhoud na een mislukte schrijfactie %q, want %q", got, "oud")
	}
	assertOnly(t, dir, "x.pptx")
}

func TestSchrijfMissingFolderSaysWhich(t *testing.T) {
	pad := filepath.Join(t.TempDir(), "bestaat-niet", "x.png")
	err := Schrijf(pad, func(io.Writer) error { return nil })
	if err == nil {
		t.Fatal("schrijven in een ontbrekende map gelukt")
	}
	if _, statErr := os.Stat(pad); !errors.Is(statErr, os.ErrNotExist) {
		t.Errorf("%s bestaat toch", pad)
	}
}

// assertOnly checks that dir holds exactly the one file (no temporary left).
func assertOnly(t *testing.T, dir, name string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != name {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("map bevat %v, want alleen %s", names, name)
	}
}

func TestSchrijfKeepsPermissions(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows kent alleen alleen-lezen")
	}
	dir := t.TempDir()
	nieuw, bestaand := filepath.Join(dir, "nieuw.png"), filepath.Join(dir, "bestaand.png")
	if err := os.WriteFile(bestaand, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for pad, want := range map[string]os.FileMode{nieuw: 0o644, bestaand: 0o600} {
		if err := Schrijf(pad, func(io.Writer) error { return nil }); err != nil {
			t.Fatal(err)
		}
		if info, err := os.Stat(pad); err != nil || info.Mode().Perm() != want {
			t.Errorf("%s: rechten %v, want %v", filepath.Base(pad), info.Mode().Perm(), want)
		}
	}
}
