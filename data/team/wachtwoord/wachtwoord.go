// Package wachtwoord keeps the passwords of team databases out of plain
// sight: in the Windows Credential Manager on Windows, in the desktop's
// keyring (Secret Service, or the macOS Keychain) where one is available,
// and otherwise in a file in the user's configuration folder that only the
// user may read (0600), which is refused when its mode is wider.
package wachtwoord

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"

	"github.com/zalando/go-keyring"
)

// Kluis keeps passwords by a key (for a team database: user, server, port
// and database, see team.PasswordKey).
type Kluis interface {
	// Lees gives the password kept for key; ok is false when there is none.
	Lees(key string) (password string, ok bool, err error)
	// Bewaar keeps password for key, replacing an earlier one.
	Bewaar(key, password string) error
	// Vergeet removes the password for key; none is no error.
	Vergeet(key string) error
	// Plaats says in Dutch where the passwords are kept.
	Plaats() string
}

// service is the name the passwords carry in the system's keyring.
const service = "Jeugdmonitor teamdatabase"

// Standaard is the system's keyring where there is one (always on Windows
// and macOS; on Linux and other systems when a desktop session offers the
// Secret Service), otherwise the file in the user's configuration folder.
func Standaard() (Kluis, error) {
	if systemAvailable() {
		return systeem{}, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return nil, errors.New("geen map voor instellingen gevonden om het wachtwoord te bewaren: " + err.Error())
	}
	return Bestand(filepath.Join(dir, "jeugdmonitor", "teamwachtwoorden.json")), nil
}

// systemAvailable reports whether the system's keyring can be used. On
// Linux that needs a desktop session's message bus (without one, asking
// would start a bus of its own) and a Secret Service answering on it.
func systemAvailable() bool {
	switch runtime.GOOS {
	case "windows", "darwin":
		return true
	}
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		return false
	}
	_, err := keyring.Get(service, "beschikbaar?")
	return err == nil || errors.Is(err, keyring.ErrNotFound)
}

// systeem is the system's keyring: the Windows Credential Manager, the
// macOS Keychain or the Secret Service of the desktop.
type systeem struct{}

func (systeem) Lees(key string) (string, bool, error) {
	pw, err := keyring.Get(service, key)
	if errors.Is(err, keyring.ErrNotFound) {
		return "", false, nil
	}
	if err != nil {
		return "", false, errors.New("het wachtwoord kan niet uit " + systeem{}.Plaats() + " worden gelezen: " + err.Error())
	}
	return pw, true, nil
}

func (systeem) Bewaar(key, password string) error {
	if err := keyring.Set(service, key, password); err != nil {
		return errors.New("het wachtwoord kan niet in " + systeem{}.Plaats() + " worden bewaard: " + err.Error())
	}
	return nil
}

func (systeem) Vergeet(key string) error {
	err := keyring.Delete(service, key)
	if err != nil && !errors.Is(err, keyring.ErrNotFound) {
		return errors.New("het wachtwoord kan niet uit " + systeem{}.Plaats() + " worden verwijderd: " + err.Error())
	}
	return nil
}

func (systeem) Plaats() string {
	switch runtime.GOOS {
	case "windows":
		return "Windows Referentiebeheer"
	case "darwin":
		return "de sleutelhanger van macOS"
	}
	return "de sleutelbos van het bureaublad"
}
