// Package store keeps Jeugdmonitor's data in one SQLite file through gorm:
// versioned migrations, one transaction per change together with its rows in
// the append-only audit trail, and validation before anything is written.
package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// ApplicationID marks an SQLite file as a Jeugdmonitor database (PRAGMA
// application_id): "JMZW".
const ApplicationID = 0x4A4D5A57

// sqliteHeader starts every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// Options say how a database is opened.
type Options struct {
	// Create allows a new database file (and its folder) to be made when the
	// path does not exist. Without it a missing file is an error.
	Create bool
	// ReadOnly opens the file without ever writing to it (no migration).
	ReadOnly bool
	// User is the name recorded in the audit trail; default: the OS user.
	User string
	// Now is the clock; default: time.Now.
	Now func() time.Time
}

// Store is an open Jeugdmonitor database.
type Store struct {
	db       *gorm.DB
	path     string
	user     string
	now      func() time.Time
	readOnly bool
}

// OpenError says why a file could not be opened as a Jeugdmonitor database.
// Nothing has been written to the file when it is returned.
type OpenError struct {
	Path   string
	Reason string
}

// Error gives the Dutch message with the path.
func (e *OpenError) Error() string {
	return fmt.Sprintf("kan %s niet openen: %s", e.Path, e.Reason)
}

// Open opens (and where allowed creates) the database at path, refuses files
// that are not Jeugdmonitor databases or were written by a newer version
// without writing to them, and brings the schema up to date.
func Open(path string, opt Options) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, &OpenError{Path: path, Reason: err.Error()}
	}
	exists, err := precheckFile(abs)
	if err != nil {
		return nil, err
	}
	if !exists {
		if !opt.Create || opt.ReadOnly {
			return nil, &OpenError{Path: abs, Reason: "het bestand bestaat niet"}
		}
		if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
			return nil, &OpenError{Path: abs, Reason: "de map kan niet worden gemaakt: " + err.Error()}
		}
	}
	db, err := gorm.Open(sqlite.Open(dsn(abs, opt.ReadOnly)), &gorm.Config{
		TranslateError: true,
		Logger:         logger.Default.LogMode(logger.Silent),
		NowFunc:        func() time.Time { return time.Now().UTC() },
	})
	if err != nil {
		return nil, &OpenError{Path: abs, Reason: err.Error()}
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, &OpenError{Path: abs, Reason: err.Error()}
	}
	sqlDB.SetMaxOpenConns(1)
	s := &Store{db: db, path: abs, user: opt.User, now: opt.Now, readOnly: opt.ReadOnly}
	if s.user == "" {
		s.user = osUser()
	}
	if s.now == nil {
		s.now = time.Now
	}
	if err := s.checkIdentity(); err != nil {
		sqlDB.Close()
		return nil, err
	}
	if !opt.ReadOnly {
		if err := s.prepareForWriting(); err != nil {
			sqlDB.Close()
			return nil, err
		}
	}
	return s, nil
}

// dsn builds the connection string: foreign keys on and a busy timeout for
// every connection; read-only files are opened with mode=ro.
func dsn(path string, readOnly bool) string {
	q := "?_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)"
	if readOnly {
		q += "&mode=ro"
	}
	return "file:" + filepath.ToSlash(path) + q
}

// precheckFile reads the first bytes of an existing file and refuses one that
// is empty or not SQLite, before SQLite gets a chance to touch it.
func precheckFile(path string) (exists bool, err error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, &OpenError{Path: path, Reason: err.Error()}
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return true, &OpenError{Path: path, Reason: err.Error()}
	}
	if info.IsDir() {
		return true, &OpenError{Path: path, Reason: "dit is een map, geen databasebestand"}
	}
	if info.Size() == 0 {
		return true, &OpenError{Path: path, Reason: "het bestand is leeg; dit is geen Jeugdmonitor-database"}
	}
	header := make([]byte, 100)
	n, err := io.ReadFull(f, header)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return true, &OpenError{Path: path, Reason: err.Error()}
	}
	if n < len(header) || !bytes.Equal(header[:len(sqliteHeader)], sqliteHeader) {
		return true, &OpenError{Path: path, Reason: "dit is geen databasebestand (geen SQLite); kies een Jeugdmonitor-database"}
	}
	appID := binary.BigEndian.Uint32(header[68:72])
	if appID != 0 && appID != ApplicationID {
		return true, &OpenError{Path: path, Reason: "dit is een database van een ander programma"}
	}
	return true, nil
}

// checkIdentity refuses a database of another program or of a newer version
// of Jeugdmonitor, reading only.
func (s *Store) checkIdentity() error {
	var appID, version, tables int
	if err := s.db.Raw("PRAGMA application_id").Scan(&appID).Error; err != nil {
		return &OpenError{Path: s.path, Reason: "het bestand is beschadigd of geen database: " + err.Error()}
	}
	if err := s.db.Raw("PRAGMA user_version").Scan(&version).Error; err != nil {
		return &OpenError{Path: s.path, Reason: err.Error()}
	}
	if err := s.db.Raw("SELECT count(*) FROM sqlite_schema").Scan(&tables).Error; err != nil {
		return &OpenError{Path: s.path, Reason: "het bestand is beschadigd of geen database: " + err.Error()}
	}
	switch {
	case appID != ApplicationID && (appID != 0 || tables > 0):
		return &OpenError{Path: s.path, Reason: "dit is een database van een ander programma"}
	case version > SchemaVersion():
		return &OpenError{Path: s.path, Reason: fmt.Sprintf(
			"deze database is gemaakt met een nieuwere versie van Jeugdmonitor (schemaversie %d, dit programma kent t/m %d); werk het programma bij", version, SchemaVersion())}
	}
	return nil
}

// prepareForWriting switches to WAL and runs the pending migrations.
func (s *Store) prepareForWriting() error {
	var mode string
	if err := s.db.Raw("PRAGMA journal_mode=WAL").Scan(&mode).Error; err != nil {
		return &OpenError{Path: s.path, Reason: err.Error()}
	}
	if err := s.migrate(); err != nil {
		return &OpenError{Path: s.path, Reason: err.Error()}
	}
	return nil
}

// Close closes the database.
func (s *Store) Close() error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// Path is the absolute path of the open file.
func (s *Store) Path() string { return s.path }

// User is the name recorded in the audit trail for changes made now.
func (s *Store) User() string { return s.user }

// SetUser changes the name recorded in the audit trail.
func (s *Store) SetUser(name string) {
	if strings.TrimSpace(name) != "" {
		s.user = strings.TrimSpace(name)
	}
}

// ReadOnly reports whether the store refuses changes.
func (s *Store) ReadOnly() bool { return s.readOnly }

// osUser is the login name of the current OS user, without a Windows domain.
func osUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		name := u.Username
		if i := strings.LastIndex(name, `\`); i >= 0 {
			name = name[i+1:]
		}
		return name
	}
	for _, env := range []string{"USERNAME", "USER"} {
		if v := os.Getenv(env); v != "" {
			return v
		}
	}
	return "onbekend"
}

// DefaultPath is the database in the user's configuration folder:
// %APPDATA%\Jeugdmonitor\jeugdmonitor.db on Windows, the XDG equivalent on Linux.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("geen map voor instellingen gevonden: %w", err)
	}
	return filepath.Join(dir, "Jeugdmonitor", "jeugdmonitor.db"), nil
}
