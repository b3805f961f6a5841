package wachtwoord

import (
	"os"
	"runtime"
	"testing"
)

// TestStandaardUsesSystemKeyring: on Windows the passwords go to the
// Credential Manager; on Linux, in a desktop session with a Secret Service
// (run it as: dbus-run-session -- sh -c 'echo -n x | gnome-keyring-daemon
// --unlock --components=secrets; go test ...'), to the keyring; not to a
// file. Elsewhere, and without a Secret Service, there is nothing to test.
func TestStandaardUsesSystemKeyring(t *testing.T) {
	want := map[string]string{"windows": "Windows Referentiebeheer", "linux": "de sleutelbos van het bureaublad"}[runtime.GOOS]
	if want == "" || runtime.GOOS == "linux" && (os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" || !systemAvailable()) {
		t.Skip("geen sleutelbos van het systeem in deze sessie")
	}
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	t.Setenv("APPDATA", cfg)
	k, err := Standaard()
	if err != nil {
		t.Fatal(err)
	}
	if k.Plaats() != want {
		t.Fatalf("plaats %q", k.Plaats())
	}
	const key = "test@127.0.0.1:5432/jeugdmonitor-sleutelbos"
	if err := k.Bewaar(key, "geheim-in-de-sleutelbos"); err != nil {
		t.Fatal(err)
	}
	if pw, ok, err := k.Lees(key); err != nil || !ok || pw != "geheim-in-de-sleutelbos" {
		t.Fatalf("gelezen %q ok=%v err=%v", pw, ok, err)
	}
	if err := k.Vergeet(key); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := k.Lees(key); err != nil || ok {
		t.Fatalf("na vergeten: ok=%v err=%v", ok, err)
	}
	if entries, _ := os.ReadDir(cfg); len(entries) != 0 {
		t.Fatal("met een sleutelbos werd toch een bestand geschreven")
	}
}
