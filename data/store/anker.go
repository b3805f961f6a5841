package store

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"gorm.io/gorm"

	"jeugdmonitor/data/bestand"
)

// The chain of the audit trail has no key: whoever changes rows outside the
// program and computes the chain anew passes the chain check. An anchor
// kept outside the database file closes part of that gap: after every
// change the program writes the number and chain value of the trail's last
// row into a small file in this installation's settings folder, one per
// database. As the trail only grows, that row must still be there with the
// same chain value later; check reports it when not. What an anchor cannot
// see: rows added after it, a database that has no anchor here (made or last
// changed on another computer: check only warns), and someone who changes
// the anchor too (it is in the user's own folder).

// anchors is the folder anchors are kept in ("" when the program keeps
// none: tests, and databases opened by other tools). Temporary databases
// (a restore or import under way, see TempBeside) get none.
var anchors struct {
	sync.Mutex
	dir string
}

// SetAnchorFolder makes every store opened afterwards keep the anchor of
// its audit trail in dir ("" for none).
func SetAnchorFolder(dir string) {
	anchors.Lock()
	anchors.dir = dir
	anchors.Unlock()
}

// anchorFolder is the folder set by SetAnchorFolder.
func anchorFolder() string {
	anchors.Lock()
	defer anchors.Unlock()
	return anchors.dir
}

// DefaultAnchorFolder is the folder in the user's settings where this
// installation keeps its anchors.
func DefaultAnchorFolder() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("geen map voor instellingen gevonden: %w", err)
	}
	return filepath.Join(dir, "Jeugdmonitor", "ketenankers"), nil
}

// anchorFile is the anchor of the database at the resolved path dbPath.
func anchorFile(dir, dbPath string) string {
	sum := sha256.Sum256([]byte(dbPath))
	return filepath.Join(dir, hex.EncodeToString(sum[:16])+".anker")
}

// anchor is the last row of an audit trail as this installation last saw it.
type anchor struct {
	id    uint
	keten string
}

// tempRE matches the names TempBeside gives temporary databases.
var tempRE = regexp.MustCompile(`^\..+\.(` + TempRestore + `|` + TempImport + `|` + TempBackup + `|` + TempNew + `)-[^/\\]*\.db$`)

// anchorAfterChange records the trail's last row after a change, where the
// program keeps anchors and this is no temporary database. A failure is
// not the change's: it is saved, and check then reports an anchor that
// lags behind as still matching (rows are only added).
func (s *Store) anchorAfterChange() {
	if dir := anchorFolder(); dir != "" && !tempRE.MatchString(filepath.Base(s.path)) {
		writeAnchor(dir, s.path, s.db)
	}
}

// writeAnchor records the last row of the trail of db, the database at
// dbPath, in dir.
func writeAnchor(dir, dbPath string, db *gorm.DB) error {
	var row struct {
		ID    uint
		Keten string
	}
	if err := db.Raw("SELECT id, keten FROM wijzigingen ORDER BY id DESC LIMIT 1").Scan(&row).Error; err != nil {
		return err
	}
	if row.ID == 0 {
		return nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	return bestand.Schrijf(anchorFile(dir, dbPath), func(w io.Writer) error {
		_, err := fmt.Fprintf(w, "%d %s\n%s\n", row.ID, row.Keten, dbPath)
		return err
	})
}

// readAnchor reads the anchor of the database at dbPath; ok is false when
// there is none.
func readAnchor(dir, dbPath string) (a anchor, ok bool, err error) {
	b, err := os.ReadFile(anchorFile(dir, dbPath))
	if errors.Is(err, os.ErrNotExist) {
		return a, false, nil
	}
	if err != nil {
		return a, false, fmt.Errorf("het anker %s lezen mislukte: %s", anchorFile(dir, dbPath), describeFileError(err))
	}
	first, _, _ := strings.Cut(string(b), "\n")
	idText, keten, found := strings.Cut(first, " ")
	id, perr := strconv.ParseUint(idText, 10, 64)
	if !found || perr != nil || len(keten) != 64 {
		return a, false, fmt.Errorf("het anker %s is onleesbaar", anchorFile(dir, dbPath))
	}
	return anchor{id: uint(id), keten: keten}, true, nil
}

// checkAnchor compares the trail of the store with this installation's
// anchor: problem says the row the anchor names is gone or changed,
// warning that there is no anchor to compare with.
func (s *Store) checkAnchor() (problem, warning string, err error) {
	dir := anchorFolder()
	if dir == "" {
		return "", "", nil
	}
	a, ok, err := readAnchor(dir, s.path)
	if err != nil {
		return "", "", err
	}
	if !ok {
		var n int64
		if err := s.db.Table("wijzigingen").Count(&n).Error; err != nil || n == 0 {
			return "", "", err
		}
		return "", "deze computer heeft geen anker van het wijzigingenlogboek van deze database (gemaakt of het laatst gewijzigd " +
			"op een andere computer, of buiten het programma gekopieerd); het logboek is alleen op samenhang gecontroleerd", nil
	}
	var keten []string
	if err := s.db.Raw("SELECT keten FROM wijzigingen WHERE id = ?", a.id).Scan(&keten).Error; err != nil {
		return "", "", err
	}
	if len(keten) == 1 && keten[0] == a.keten {
		return "", "", nil
	}
	what := "is er niet meer"
	if len(keten) == 1 {
		what = "is anders dan toen"
	}
	return fmt.Sprintf("het wijzigingenlogboek past niet bij het anker dat deze computer bij de laatste wijziging bewaarde: regel nummer %d %s. "+
		"De database is buiten het programma aangepast of vervangen (of op een andere computer teruggezet); zet zo nodig een reservekopie terug", a.id, what), "", nil
}

// Reanchor records the trail of the database at path, which the program
// just put in place (a restore, a database built from a full export), as
// this installation's anchor of it.
func Reanchor(path string) error {
	dir := anchorFolder()
	if dir == "" {
		return nil
	}
	s, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer s.Close()
	return writeAnchor(dir, s.path, s.db)
}
