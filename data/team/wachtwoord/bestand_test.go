package wachtwoord

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestBestandKeepsOnlyForTheUser: passwords survive in a file of mode
// 0600 in a folder of mode 0700, can be replaced and forgotten, and no
// temporary file stays behind (only the lock file beside it).
func TestBestandKeepsOnlyForTheUser(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("op Windows bewaart Windows Referentiebeheer de wachtwoorden; bestandsrechten zijn daar geen modusbits")
	}
	dir := filepath.Join(t.TempDir(), "config", "jeugdmonitor")
	path := filepath.Join(dir, "teamwachtwoorden.json")
	k := Bestand(path)
	if _, ok, err := k.Lees("anna@server:5432/team"); err != nil || ok {
		t.Fatalf("zonder bestand: ok=%v err=%v", ok, err)
	}
	if err := k.Bewaar("anna@server:5432/team", "geheim één"); err != nil {
		t.Fatal(err)
	}
	if err := k.Bewaar("bram@server:5432/team", "ander"); err != nil {
		t.Fatal(err)
	}
	if err := k.Bewaar("anna@server:5432/team", "geheim twee"); err != nil {
		t.Fatal(err)
	}
	if pw, ok, err := k.Lees("anna@server:5432/team"); err != nil || !ok || pw != "geheim twee" {
		t.Fatalf("gelezen %q ok=%v err=%v", pw, ok, err)
	}
	for p, want := range map[string]os.FileMode{path: 0o600, dir: 0o700} {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != want {
			t.Errorf("%s: rechten %04o, verwacht %04o", p, info.Mode().Perm(), want)
		}
	}
	if err := k.Vergeet("anna@server:5432/team"); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := k.Lees("anna@server:5432/team"); ok {
		t.Fatal("vergeten wachtwoord is er nog")
	}
	if pw, ok, _ := k.Lees("bram@server:5432/team"); !ok || pw != "ander" {
		t.Fatalf("het andere wachtwoord is weg: %q", pw)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "teamwachtwoorden.json teamwachtwoorden.json.lock" {
		t.Fatalf("in de map staan %v, verwacht alleen het wachtwoordbestand en zijn slot", names)
	}
}

// TestBestandRefusesWiderMode: a file that others may read is neither read
// nor altered, with a Dutch message naming the file and the fix.
func TestBestandRefusesWiderMode(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("modusbits bestaan niet op Windows")
	}
	path := filepath.Join(t.TempDir(), "teamwachtwoorden.json")
	k := Bestand(path)
	if err := k.Bewaar("anna@server:5432/team", "geheim"); err != nil {
		t.Fatal(err)
	}
	for _, mode := range []os.FileMode{0o644, 0o640, 0o604, 0o660} {
		if err := os.Chmod(path, mode); err != nil {
			t.Fatal(err)
		}
		before, _ := os.ReadFile(path)
		_, _, err := k.Lees("anna@server:5432/team")
		if err == nil || !strings.Contains(err.Error(), "ook voor anderen toegankelijk") || !strings.Contains(err.Error(), path) ||
			!strings.Contains(err.Error(), "chmod 600") {
			t.Errorf("rechten %04o: lezen gaf %v", mode, err)
		}
		if err := k.Bewaar("bram@server:5432/team", "x"); err == nil {
			t.Errorf("rechten %04o: bewaren werd niet geweigerd", mode)
		}
		after, _ := os.ReadFile(path)
		if string(before) != string(after) {
			t.Errorf("rechten %04o: het bestand is toch aangepast", mode)
		}
		if strings.Contains(err.Error(), "geheim") {
			t.Errorf("de melding noemt het wachtwoord: %v", err)
		}
	}
}

// TestBestandRefusesDamage: a damaged or oversized file is refused with a
// message, not overwritten.
func TestBestandRefusesDamage(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("op Windows bewaart Windows Referentiebeheer de wachtwoorden; een bestand heeft daar geen modus 0600")
	}
	path := filepath.Join(t.TempDir(), "teamwachtwoorden.json")
	if err := os.WriteFile(path, []byte("{kapot"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Bestand(path).Lees("x"); err == nil || !strings.Contains(err.Error(), "beschadigd") {
		t.Fatalf("beschadigd bestand: %v", err)
	}
	if err := Bestand(path).Bewaar("x", "y"); err == nil {
		t.Fatal("een beschadigd bestand werd overschreven")
	}
	big := make([]byte, maxFileSize+10)
	if err := os.WriteFile(path, big, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Bestand(path).Lees("x"); err == nil || !strings.Contains(err.Error(), "groter dan 1 MB") {
		t.Fatalf("te groot bestand: %v", err)
	}
}

// TestStandaardWithoutDesktopUsesFile: on Linux without a desktop session
// the passwords go to the user's configuration folder.
func TestStandaardWithoutDesktopUsesFile(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("alleen op Linux is het bestand de standaard zonder bureaublad")
	}
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	k, err := Standaard()
	if err != nil {
		t.Fatal(err)
	}
	if err := k.Bewaar("anna@server:5432/team", "geheim"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(cfg, "jeugdmonitor", "teamwachtwoorden.json")); err != nil {
		t.Fatalf("geen wachtwoordbestand in de instellingenmap: %v (plaats: %s)", err, k.Plaats())
	}
}
