package wachtwoord

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"

	"jeugdmonitor/data/bestand"
	"jeugdmonitor/data/foutmelding"
)

// maxFileSize bounds what is read of a password file: a few hundred
// passwords fit many times over.
const maxFileSize = 1 << 20

// lockWait is how long a save waits for another window or command that is
// saving a password at the same moment.
const lockWait = 10 * time.Second

// Bestand keeps passwords in the file at path, readable and writable only
// by the user (0600, in a folder only the user may enter). A file that
// others may read or write is refused, not used and not altered, and so is
// anything in its place that is not an ordinary file (a named pipe, device,
// folder or symbolic link). Saves by several processes at once are taken
// one after the other under a lock on path+".lock".
func Bestand(path string) Kluis { return wachtwoordbestand{path: path} }

type wachtwoordbestand struct{ path string }

func (b wachtwoordbestand) Plaats() string {
	return "het bestand " + b.path + " (alleen voor u leesbaar)"
}

func (b wachtwoordbestand) Lees(key string) (string, bool, error) {
	all, err := b.read()
	if err != nil {
		return "", false, err
	}
	pw, ok := all[key]
	return pw, ok, nil
}

func (b wachtwoordbestand) Bewaar(key, password string) error {
	return b.change(func(all map[string]string) bool {
		all[key] = password
		return true
	})
}

func (b wachtwoordbestand) Vergeet(key string) error {
	if _, ok, err := b.Lees(key); err != nil || !ok {
		return err // nothing to forget: no folder or lock file is made for it
	}
	return b.change(func(all map[string]string) bool {
		if _, ok := all[key]; !ok {
			return false
		}
		delete(all, key)
		return true
	})
}

// change reads the passwords, lets edit change them and writes them back
// when it reports a change, all under the file's lock, so that a save by
// another process at the same moment is never overwritten with an older
// version.
func (b wachtwoordbestand) change(edit func(all map[string]string) bool) error {
	if err := b.makeDir(); err != nil {
		return err
	}
	lock := flock.New(b.path + ".lock")
	ctx, cancel := context.WithTimeout(context.Background(), lockWait)
	defer cancel()
	ok, err := lock.TryLockContext(ctx, 20*time.Millisecond)
	if err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("het wachtwoordbestand %s kan niet worden vergrendeld: %s", b.path, foutmelding.Reden(err))
	}
	if !ok {
		return fmt.Errorf("het wachtwoordbestand %s wordt al %v gewijzigd door een ander venster of een andere opdracht van Jeugdmonitor; "+
			"het wachtwoord is niet bewaard. Probeer het opnieuw", b.path, lockWait)
	}
	defer lock.Unlock()
	all, err := b.read()
	if err != nil {
		return err
	}
	if !edit(all) {
		return nil
	}
	return b.write(all)
}

// makeDir makes the file's folder, only for the user, where it is missing.
// A folder that is a symbolic link to nothing is named as such.
func (b wachtwoordbestand) makeDir() error {
	dir := filepath.Dir(b.path)
	err := os.MkdirAll(dir, 0o700)
	if err == nil {
		return nil
	}
	if info, lerr := os.Lstat(dir); lerr == nil && info.Mode()&fs.ModeSymlink != 0 {
		if _, serr := os.Stat(dir); serr != nil {
			naar, _ := os.Readlink(dir)
			return fmt.Errorf("de map %s voor het wachtwoordbestand is een snelkoppeling (symbolische link) naar %s, dat niet bestaat; "+
				"het wachtwoord is niet bewaard. Maak die map of verwijder de link", dir, naar)
		}
	}
	return fmt.Errorf("de map %s voor het wachtwoordbestand kan niet worden gemaakt: %s", dir, foutmelding.Reden(err))
}

// refuseOdd refuses, in Dutch, whatever stands at the file's place that is
// not an ordinary file; info is from Lstat, so a symbolic link is seen as
// a link (a link could point at a file that is not the user's own, or at a
// named pipe that makes reading wait for ever).
func (b wachtwoordbestand) refuseOdd(info fs.FileInfo) error {
	m := info.Mode()
	switch {
	case m&fs.ModeSymlink != 0:
		naar, _ := os.Readlink(b.path)
		return fmt.Errorf("het wachtwoordbestand %s is een snelkoppeling (symbolische link) naar %s; het wordt niet gebruikt. "+
			"Verwijder de link; Jeugdmonitor maakt dan een eigen bestand (voer de wachtwoorden opnieuw in)", b.path, naar)
	case m.IsDir():
		return fmt.Errorf("het wachtwoordbestand %s is een map, geen bestand; het wordt niet gebruikt. Verwijder of hernoem de map", b.path)
	case !m.IsRegular():
		return fmt.Errorf("het wachtwoordbestand %s is geen gewoon bestand maar %s; het wordt niet gebruikt. Verwijder het", b.path, bestand.Soort(m))
	}
	return nil
}

// read gives the file's passwords (none when there is no file yet),
// refusing what is not an ordinary file and a file whose mode lets others
// in.
func (b wachtwoordbestand) read() (map[string]string, error) {
	all := map[string]string{}
	info, err := os.Lstat(b.path)
	if errors.Is(err, fs.ErrNotExist) {
		return all, nil
	}
	if err != nil {
		return nil, fmt.Errorf("het wachtwoordbestand %s kan niet worden gelezen: %s", b.path, foutmelding.Reden(err))
	}
	if err := b.refuseOdd(info); err != nil {
		return nil, err
	}
	f, err := os.Open(b.path)
	if err != nil {
		return nil, fmt.Errorf("het wachtwoordbestand %s kan niet worden gelezen: %s", b.path, foutmelding.Reden(err))
	}
	defer f.Close()
	info, err = f.Stat() // what was opened, should the file have been swapped since
	if err != nil {
		return nil, fmt.Errorf("het wachtwoordbestand %s kan niet worden gelezen: %s", b.path, foutmelding.Reden(err))
	}
	if err := b.refuseOdd(info); err != nil {
		return nil, err
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
// The folder exists (change made it).
func (b wachtwoordbestand) write(all map[string]string) error {
	dir := filepath.Dir(b.path)
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
