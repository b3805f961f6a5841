package bestand

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"jeugdmonitor/data/bestand/bestandtest"
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

// TestSchrijfNeverReplacesASymlink (issue 13): a link to an existing file is
// written through (the link stays, its target gets the content); a link to
// nothing is refused in Dutch and stays a link.
func TestSchrijfNeverReplacesASymlink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolische links vragen op Windows beheerdersrechten")
	}
	dir := t.TempDir()
	doel := filepath.Join(dir, "echt.csv")
	if err := os.WriteFile(doel, []byte("oud"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.csv")
	if err := os.Symlink(doel, link); err != nil {
		t.Fatal(err)
	}
	write := func(w io.Writer) error { _, err := io.WriteString(w, "nieuw"); return err }
	if err := Schrijf(link, write); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(doel); string(got) != "nieuw" {
		t.Errorf("doel van de link: %q", got)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("de link is vervangen: %v %v", info, err)
	}
	hangend := filepath.Join(dir, "hangend.csv")
	if err := os.Symlink(filepath.Join(dir, "weg", "niets.csv"), hangend); err != nil {
		t.Fatal(err)
	}
	err := Schrijf(hangend, write)
	if err == nil || !strings.Contains(err.Error(), "snelkoppeling") || !strings.Contains(err.Error(), "er is niets geschreven") {
		t.Fatalf("hangende link: %v", err)
	}
	if info, err := os.Lstat(hangend); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("de hangende link is vervangen: %v %v", info, err)
	}
}

// TestSchrijfLongNameInDutch (issue 13): a name the system refuses as too
// long, and a folder given as the file, get a Dutch reason.
func TestSchrijfLongNameInDutch(t *testing.T) {
	pad := filepath.Join(t.TempDir(), strings.Repeat("lang", 100)+".csv")
	err := Schrijf(pad, func(io.Writer) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "te lang") || strings.Contains(err.Error(), "file name") {
		t.Fatalf("te lange naam: %v", err)
	}
	folder := filepath.Join(t.TempDir(), "map.csv")
	os.MkdirAll(filepath.Join(folder, "x"), 0o755)
	if err := Schrijf(folder, func(io.Writer) error { return nil }); err == nil || !strings.Contains(err.Error(), "is een map; er is niets geschreven") {
		t.Fatalf("map: %v", err)
	}
}

// TestGewoonRefusesWhatIsNoFile (issue 13): a folder, a named pipe and a
// missing file are refused in Dutch without being opened (a pipe would
// block).
func TestGewoonRefusesWhatIsNoFile(t *testing.T) {
	dir := t.TempDir()
	gewoon := filepath.Join(dir, "a.csv")
	if err := os.WriteFile(gewoon, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Gewoon(gewoon); err != nil {
		t.Errorf("gewoon bestand: %v", err)
	}
	cases := map[string]string{dir: "is een map", filepath.Join(dir, "weg.csv"): "bestaat niet"}
	if pipe := bestandtest.FIFO(t, dir); pipe != "" {
		cases[pipe] = "named pipe"
	}
	for pad, want := range cases {
		if err := Gewoon(pad); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, verwacht %q", pad, err, want)
		}
	}
}
