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
	"unicode/utf8"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/foutmelding"
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
	// BeforeMigrate, when set, runs before the schema of an existing database
	// is brought from version from to version to (to make a backup, say); an
	// error stops the opening and leaves the file as it was.
	BeforeMigrate func(s *Store, from, to int) error
	// SoleConnection promises that this store is this process's only
	// connection to the database while it is open (a command on the
	// command line): a read-only store then removes, when it closes, the
	// files beside the database its opening made, when no other process
	// uses them. SQLite's locks cannot tell whether another connection of
	// the same process still uses those files, so a program with several
	// connections (the window) leaves this off; removing them under such a
	// connection lost writes reported saved.
	SoleConnection bool
	// Writer, when set, is the writer lock of this database that the caller
	// already holds (ClaimWriter): the store writes under it and leaves it
	// held when it closes.
	Writer *WriterLock
}

// Store is an open Jeugdmonitor database.
type Store struct {
	db       *gorm.DB
	path     string
	user     string
	now      func() time.Time
	readOnly bool
	// soleConnection: see Options.SoleConnection
	soleConnection bool
	// notice says why a database asked for writing was opened read-only.
	notice  string
	lock    *WriterLock
	journal string
	// made are the files beside the database (-wal, -shm) that did not
	// exist when it was opened: a read-only store removes them at Close.
	made []string
}

// OpenError says why a file could not be opened as a Jeugdmonitor database.
// Nothing has been written to the file when it is returned.
type OpenError struct {
	Path   string
	Reason string
	// Err is the cause where it is one of the store's own errors
	// (*SchemaError, ErrOutdated), else nil.
	Err error
}

// Error gives the Dutch message with the path.
func (e *OpenError) Error() string {
	return fmt.Sprintf("kan %s niet openen: %s", e.Path, e.Reason)
}

// Unwrap gives the cause.
func (e *OpenError) Unwrap() error { return e.Err }

// ErrOutdated is the cause of an OpenError for a database that must be
// brought up to date but was asked to be opened read-only.
var ErrOutdated = errors.New("de database heeft een oudere schemaversie")

// Open opens (and where allowed creates) the database at path, refuses files
// that are not Jeugdmonitor databases, were written by a newer version or
// whose schema differs from the one this program makes, without writing to
// them, and brings the schema up to date.
func Open(path string, opt Options) (*Store, error) {
	return open(path, opt, false)
}

// open is Open; anyVersion lets a read-only store open a database with an
// older schema as it is (to copy it).
func open(path string, opt Options, anyVersion bool) (*Store, error) {
	abs, err := ResolvePath(path)
	if err != nil {
		return nil, err
	}
	if opt.Writer != nil && (opt.ReadOnly || opt.Writer.path != abs) {
		return nil, &OpenError{Path: abs, Reason: "de schrijfvergrendeling hoort bij een ander bestand"}
	}
	exists, err := precheckFile(abs)
	if err != nil {
		return nil, err
	}
	if !exists && (!opt.Create || opt.ReadOnly) {
		return nil, &OpenError{Path: abs, Reason: "het bestand bestaat niet"}
	}
	if !exists && !opt.ReadOnly {
		// A new database may be the first thing in its folder (the program's
		// own, on a fresh machine): make the folder before asking whether it
		// can be written.
		if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil && !errors.Is(err, os.ErrPermission) {
			return nil, &OpenError{Path: abs, Reason: "de map kan niet worden gemaakt: " + describeFileError(err)}
		}
	}
	notice, folderWritable := writability(abs, exists)
	var lock *WriterLock
	switch {
	case opt.Writer != nil:
		if notice != "" {
			return nil, &OpenError{Path: abs, Reason: notice}
		}
	case !opt.ReadOnly:
		if notice, lock, err = claimForWriting(abs, exists, notice); err != nil {
			return nil, err
		}
		if notice == "" && exists {
			if notice = repairSidecars(abs); notice != "" {
				lock.Release()
				lock = nil
			}
		}
		opt.ReadOnly = notice != ""
	default:
		notice = ""
	}
	made := missingSidecars(abs)
	db, err := openGorm(dsn(abs, opt.ReadOnly, !folderWritable))
	if err != nil {
		lock.Release()
		return nil, &OpenError{Path: abs, Reason: describeSQLiteError(err).Error()}
	}
	opened(abs)
	s := &Store{db: db, path: abs, user: opt.User, now: opt.Now, readOnly: opt.ReadOnly, soleConnection: opt.SoleConnection, notice: notice, lock: lock, made: made}
	if !validUser(s.user) {
		s.user = osUser()
	}
	if s.now == nil {
		s.now = time.Now
	}
	if err := s.checkIdentity(); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.checkSchema(); err != nil {
		s.Close()
		return nil, err
	}
	switch {
	case opt.ReadOnly && anyVersion:
		err = nil
	case opt.ReadOnly:
		err = s.checkCurrentSchema()
	default:
		err = s.refuseWritesIfBroken()
		switch {
		case err != nil:
		case s.readOnly:
			err = s.checkCurrentSchema()
		default:
			err = s.prepareForWriting(opt.BeforeMigrate)
		}
	}
	if err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// refuseWritesIfBroken makes a store opened for writing read-only, with a
// notice that says why and points at restore, when rows of the database
// refer to rows that are not there (changed outside the program): writing
// on would build on records that are not whole. The writer lock is
// released, so a restore can replace the database.
func (s *Store) refuseWritesIfBroken() error {
	broken, err := s.brokenReferences()
	if err != nil || len(broken) == 0 {
		return err
	}
	more := ""
	if len(broken) > 1 {
		more = fmt.Sprintf(" (en nog %d)", len(broken)-1)
	}
	s.readOnly = true
	s.notice = fmt.Sprintf("de database is buiten het programma beschadigd: %s%s; wijzigingen worden geweigerd. "+
		"Zet een reservekopie terug (restore, of Instellingen, Reservekopieën)", broken[0], more)
	s.lock.Release()
	s.lock = nil
	return nil
}

// claimForWriting takes the writer lock of a file that can be written (reason
// is why it cannot, or ""). When the file cannot be written or another
// Jeugdmonitor process writes it, an existing file is to be opened read-only
// for the returned reason; a new one is refused.
func claimForWriting(path string, exists bool, reason string) (notice string, lock *WriterLock, err error) {
	if reason != "" {
		if !exists {
			return "", nil, &OpenError{Path: path, Reason: "er kan geen nieuwe database worden gemaakt: " + reason}
		}
		return reason, nil, nil
	}
	lock, ok, err := acquireWriterLock(path)
	if err != nil {
		return "", nil, &OpenError{Path: path, Reason: err.Error()}
	}
	if !ok {
		if !exists {
			return "", nil, &OpenError{Path: path, Reason: reasonInUse}
		}
		return reasonInUse, nil, nil
	}
	removeLeftovers(path)
	return "", lock, nil
}

// checkCurrentSchema refuses to read a database whose schema is older than
// this program's when it cannot be brought up to date (read-only).
func (s *Store) checkCurrentSchema() error {
	v, err := s.Version()
	if err != nil {
		return &OpenError{Path: s.path, Reason: err.Error()}
	}
	if v < SchemaVersion() {
		reason := fmt.Sprintf("de database (schemaversie %d) moet worden bijgewerkt naar versie %d, maar is alleen-lezen geopend", v, SchemaVersion())
		if s.notice != "" {
			reason += " (" + s.notice + ")"
		}
		return &OpenError{Path: s.path, Reason: reason, Err: ErrOutdated}
	}
	return nil
}

// openGorm opens an SQLite connection for the store: one connection (SQLite
// has one writer), no transaction of gorm's own around each statement.
func openGorm(dsn string) (*gorm.DB, error) {
	db, err := gorm.Open(sqlite.Open(dsn), &gorm.Config{
		// Every write runs inside Store.Update's one transaction; gorm's own
		// transaction per statement would add a savepoint to each.
		SkipDefaultTransaction: true,
		TranslateError:         true,
		Logger:                 logger.Default.LogMode(logger.Silent),
		NowFunc:                func() time.Time { return time.Now().UTC() },
	})
	if err != nil {
		return nil, err
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, err
	}
	sqlDB.SetMaxOpenConns(1)
	return db, nil
}

// dsn builds the connection string: foreign keys on and a busy timeout for
// every connection; read-only files are opened with mode=ro. In a folder
// nobody can write, SQLite cannot make the shared-memory file a WAL database
// needs even for reading, and nobody can change the database either: it is
// opened as immutable.
func dsn(path string, readOnly, folderReadOnly bool) string {
	q := "_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)"
	if readOnly {
		q += "&mode=ro"
	}
	if folderReadOnly {
		q += "&immutable=1"
	}
	return FileURI(path, q)
}

// precheckFile reads the first bytes of an existing file and refuses one that
// is empty or not SQLite, before SQLite gets a chance to touch it.
func precheckFile(path string) (exists bool, err error) {
	info, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) && !foutmelding.DeelIsBestand(path) {
		return false, nil
	}
	if err != nil {
		return false, &OpenError{Path: path, Reason: describeFileError(err)}
	}
	if info.IsDir() {
		return true, &OpenError{Path: path, Reason: "dit is een map, geen databasebestand"}
	}
	if !info.Mode().IsRegular() {
		// opening a named pipe waits for a writer: never open one
		return true, &OpenError{Path: path, Reason: "dit is geen gewoon bestand (maar bijvoorbeeld een named pipe of apparaat); kies een databasebestand"}
	}
	f, err := os.Open(path)
	if err != nil {
		return true, &OpenError{Path: path, Reason: describeFileError(err)}
	}
	defer f.Close()
	if info.Size() == 0 {
		return true, &OpenError{Path: path, Reason: "het bestand is leeg; dit is geen Jeugdmonitor-database"}
	}
	header := make([]byte, 100)
	n, err := io.ReadFull(f, header)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return true, &OpenError{Path: path, Reason: describeFileError(err)}
	}
	if n < len(header) || !bytes.Equal(header[:len(sqliteHeader)], sqliteHeader) {
		return true, &OpenError{Path: path, Reason: "dit is geen databasebestand (geen SQLite); kies een Jeugdmonitor-database"}
	}
	appID := binary.BigEndian.Uint32(header[68:72])
	if appID != 0 && appID != ApplicationID {
		return true, &OpenError{Path: path, Reason: "dit is een database van een ander programma"}
	}
	// A write-ahead log beside the file may hold the pages a checkpoint
	// interrupted by a crash had not yet copied (its header already counts
	// them): SQLite completes that, and quick_check judges the result.
	if pageSize, pages, ok := headerSize(header); ok && info.Size() < pageSize*pages && !hasLog(path) {
		return true, &OpenError{Path: path, Reason: fmt.Sprintf(
			"het bestand is afgekapt (%d van %d bytes; onvolledig gekopieerd of opgeslagen?); open een reservekopie", info.Size(), pageSize*pages)}
	}
	return true, nil
}

// hasLog reports whether a non-empty write-ahead log lies beside path.
func hasLog(path string) bool {
	info, err := os.Stat(path + "-wal")
	return err == nil && info.Size() > 0
}

// headerSize reads the page size and page count from an SQLite header; ok is
// false when the header's count is not valid (SQLite then works it out itself).
func headerSize(header []byte) (pageSize, pages int64, ok bool) {
	pageSize = int64(binary.BigEndian.Uint16(header[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	pages = int64(binary.BigEndian.Uint32(header[28:32]))
	changeCounter := binary.BigEndian.Uint32(header[24:28])
	validFor := binary.BigEndian.Uint32(header[92:96])
	return pageSize, pages, pages > 0 && validFor == changeCounter && pageSize >= 512
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
	var quick []string
	if err := s.db.Raw("PRAGMA quick_check(5)").Scan(&quick).Error; err != nil || len(quick) != 1 || quick[0] != "ok" {
		detail := strings.Join(quick, "; ")
		if err != nil {
			detail = err.Error()
		}
		return &OpenError{Path: s.path, Reason: "het bestand is beschadigd (" + detail + "); open een reservekopie of een ander bestand"}
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

// prepareForWriting chooses the journal (WAL, but a rollback journal on a
// network share where WAL is not safe) and runs the pending migrations.
func (s *Store) prepareForWriting(beforeMigrate func(*Store, int, int) error) error {
	s.journal = "WAL"
	if onNetworkShare(filepath.Dir(s.path)) {
		s.journal = "DELETE"
	}
	var mode string
	if err := s.db.Raw("PRAGMA journal_mode=" + s.journal).Scan(&mode).Error; err != nil {
		return &OpenError{Path: s.path, Reason: describeSQLiteError(err).Error()}
	}
	if err := s.migrate(beforeMigrate); err != nil {
		return &OpenError{Path: s.path, Reason: err.Error()}
	}
	return nil
}

// Close closes the database and lets another process write it.
func (s *Store) Close() error {
	defer s.lock.Release()
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	err = sqlDB.Close()
	if closed(s.path) && s.readOnly && s.soleConnection {
		removeOwnSidecars(s.path, s.made)
	}
	return err
}

// Notice says why a database that was asked for writing is open read-only
// ("" when it is writable or was asked read-only).
func (s *Store) Notice() string { return s.notice }

// Journal is the journal mode chosen for writing: "WAL", or "DELETE" on a
// network share; "" for a read-only store.
func (s *Store) Journal() string { return s.journal }

// Path is the absolute path of the open file.
func (s *Store) Path() string { return s.path }

// User is the name recorded in the audit trail for changes made now.
func (s *Store) User() string { return s.user }

// SetUser changes the name recorded in the audit trail; a name that is
// empty, or that RenameUser would refuse (too long, not text), is passed
// over and the name stays as it was.
func (s *Store) SetUser(name string) {
	if name = strings.TrimSpace(name); validUser(name) {
		s.user = name
	}
}

// validUser reports whether a name can go into the audit trail: not empty,
// text, and at most domain.MaxGebruikersnaam characters.
func validUser(name string) bool {
	return name != "" && domain.CheckTekst("naam", name) == nil && utf8.RuneCountInString(name) <= domain.MaxGebruikersnaam
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
		if validUser(name) {
			return name
		}
	}
	for _, env := range []string{"USERNAME", "USER"} {
		if v := strings.TrimSpace(os.Getenv(env)); validUser(v) {
			return v
		}
	}
	return "onbekend"
}

// Remove deletes a database file that is not open, with the files SQLite
// and the writer lock keep beside it, where present: for a database that
// could not be completed, or the leftovers of one moved elsewhere.
func Remove(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", ".lock"} {
		os.Remove(path + suffix)
	}
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
