package wachtwoord

import (
	"os"
	"runtime"
	"testing"
)

// TestStandaardUsesDesktopKeyring: in a desktop session with a Secret
// Service (run it as: dbus-run-session -- sh -c 'echo x |
// gnome-keyring-daemon --unlock --components=secrets; go test ...'), the
// passwords go to the keyring, not to a file. Without a session bus there
// is nothing to test.
func TestStandaardUsesDesktopKeyring(t *testing.T) {
	if runtime.GOOS != "linux" || os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" || !systemAvailable() {
		t.Skip("geen Secret Service in deze sessie")
	}
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	k, err := Standaard()
	if err != nil {
		t.Fatal(err)
	}
	if k.Plaats() != "de sleutelbos van het bureaublad" {
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
