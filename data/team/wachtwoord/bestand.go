package wachtwoord

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// maxFileSize bounds what is read of a password file: a few hundred
// passwords fit many times over.
const maxFileSize = 1 << 20

// Bestand keeps passwords in the file at path, readable and writable only
// by the user (0600, in a folder only the user may enter). A file that
// others may read or write is refused, not used and not altered.
func Bestand(path string) Kluis { return bestand{path: path} }

type bestand struct{ path string }

func (b bestand) Plaats() string { return "het bestand " + b.path + " (alleen voor u leesbaar)" }

func (b bestand) Lees(key string) (string, bool, error) {
	all, err := b.read()
	if err != nil {
		return "", false, err
	}
	pw, ok := all[key]
	return pw, ok, nil
}

func (b bestand) Bewaar(key, password string) error {
	all, err := b.read()
	if err != nil {
		return err
	}
	all[key] = password
	return b.write(all)
}

func (b bestand) Vergeet(key string) error {
	all, err := b.read()
	if err != nil {
		return err
	}
	if _, ok := all[key]; !ok {
		return nil
	}
	delete(all, key)
	return b.write(all)
}

// read gives the file's passwords (none when there is no file yet),
// refusing a file whose mode lets others in.
func (b bestand) read() (map[string]string, error) {
	all := map[string]string{}
	f, err := os.Open(b.path)
	if errors.Is(err, fs.ErrNotExist) {
		return all, nil
	}
	if err != nil {
		return nil, fmt.Errorf("het wachtwoordbestand %s kan niet worden gelezen: %w", b.path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("het wachtwoordbestand %s is geen gewoon bestand; het wordt niet gebruikt", b.path)
	}
	if perm := info.Mode().Perm(); perm&0o077 != 0 {
		return nil, fmt.Errorf("het wachtwoordbestand %s is ook voor anderen toegankelijk (rechten %04o); het wordt niet gebruikt. "+
			"Maak het alleen voor uzelf leesbaar (chmod 600) of verwijder het", b.path, perm)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("het wachtwoordbestand %s kan niet worden gelezen: %w", b.path, err)
	}
	if len(data) > maxFileSize {
		return nil, fmt.Errorf("het wachtwoordbestand %s is groter dan 1 MB; het wordt niet gebruikt", b.path)
	}
	if err := json.Unmarshal(data, &all); err != nil {
		return nil, fmt.Errorf("het wachtwoordbestand %s is beschadigd; verwijder het en voer de wachtwoorden opnieuw in", b.path)
	}
	return all, nil
}

// write replaces the file as a whole: a new file, 0600 from its first
// byte, renamed over the old one, so that no half-written file is left.
func (b bestand) write(all map[string]string) error {
	dir := filepath.Dir(b.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("de map %s voor het wachtwoordbestand kan niet worden gemaakt: %w", dir, err)
	}
	data, err := json.MarshalIndent(all, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".teamwachtwoorden-*") // made with mode 0600
	if err != nil {
		return fmt.Errorf("het wachtwoordbestand kan niet worden geschreven: %w", err)
	}
	defer os.Remove(tmp.Name()) // after the rename there is nothing left to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("het wachtwoordbestand kan niet worden geschreven: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), b.path); err != nil {
		return fmt.Errorf("het wachtwoordbestand %s kan niet worden vervangen: %w", b.path, err)
	}
	return nil
}
