package store

import (
	"errors"
	"fmt"
	"regexp"

	sqlite "github.com/glebarez/go-sqlite"
)

// Primary SQLite result codes the user needs to hear about in plain Dutch.
const (
	sqliteBusy       = 5
	sqliteReadOnly   = 8
	sqliteIOErr      = 10
	sqliteCorrupt    = 11
	sqliteFull       = 13
	sqliteConstraint = 19
	sqliteNotADB     = 26
)

// scanErrorRE matches Go's database/sql failure to read a stored value
// ("sql: Scan error on column index 1, name \"tijd\": ...").
var scanErrorRE = regexp.MustCompile(`Scan error on column index \d+, name "([^"]*)"`)

// describeReadError makes a stored value the program cannot read (a text
// where a time belongs, put there outside the program) Dutch; other errors
// pass through.
func describeReadError(err error) error {
	m := scanErrorRE.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	return fmt.Errorf("de kolom %s bevat een waarde die het programma niet kan lezen; de database is buiten het programma aangepast. "+
		"Zet een reservekopie terug (restore)", m[1])
}

// describeSQLiteError turns SQLite's failures into Dutch messages that say
// that nothing was saved and what the user can do; other errors pass through.
func describeSQLiteError(err error) error {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return err
	}
	return fmt.Errorf("niet opgeslagen: %s (%w)", sqliteCodeMessage(e.Code()), err)
}

// sqliteCodeMessage says in Dutch what SQLite's result code means for the
// user.
func sqliteCodeMessage(code int) string {
	switch code & 0xff {
	case sqliteFull:
		return "de schijf is vol; maak ruimte vrij en probeer het opnieuw"
	case sqliteIOErr:
		return "schrijffout op de schijf (is een USB-stick of netwerkschijf losgekoppeld?)"
	case sqliteReadOnly:
		return "het bestand kan niet worden beschreven (alleen-lezen)"
	case sqliteBusy:
		return "de database is bezet door een ander programma; probeer het zo opnieuw"
	case sqliteCorrupt, sqliteNotADB:
		return "het databasebestand is beschadigd; open een reservekopie (Instellingen, Reservekopieën)"
	case sqliteConstraint:
		return "de database weigert deze wijziging"
	}
	return "de database gaf een fout"
}
