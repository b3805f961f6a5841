package store

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"time"

	"gorm.io/gorm"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/foutmelding"
)

// chainVersion is the schema version from which the audit trail is chained.
const chainVersion = 4

// chainLink is the Keten of an audit row: the SHA-256 (hex) of the previous
// row's Keten and the row's own fields (number, moment in UTC to the
// nanosecond, user, action, record, field, old and new value), each written
// with its length so no two rows can give the same input. Changing, deleting
// or inserting a row anywhere breaks the chain from there on.
func chainLink(prev string, w *domain.Wijziging) string {
	buf := make([]byte, 0, 256+len(w.OudeWaarde)+len(w.NieuweWaarde))
	field := func(s string) {
		buf = strconv.AppendInt(buf, int64(len(s)), 10)
		buf = append(buf, ':')
		buf = append(buf, s...)
	}
	field(prev)
	field(strconv.FormatUint(uint64(w.ID), 10))
	field(w.Tijd.UTC().Format(time.RFC3339Nano))
	field(w.Gebruiker)
	field(string(w.Actie))
	field(w.Entiteit)
	field(strconv.FormatUint(uint64(w.EntiteitID), 10))
	field(w.Veld)
	field(w.OudeWaarde)
	field(w.NieuweWaarde)
	sum := sha256.Sum256(buf)
	return hex.EncodeToString(sum[:])
}

// auditHead is the last row of the audit trail as a transaction appends to it.
type auditHead struct {
	id    uint
	keten string
}

// head reads the last audit row once per transaction; the transaction keeps
// it up to date as it appends.
func (t *Tx) head() (*auditHead, error) {
	if t.last != nil {
		return t.last, nil
	}
	var row struct {
		ID    uint
		Keten string
	}
	if err := t.db.Raw("SELECT id, keten FROM wijzigingen ORDER BY id DESC LIMIT 1").Scan(&row).Error; err != nil {
		return nil, err
	}
	t.last = &auditHead{id: row.ID, keten: row.Keten}
	return t.last, nil
}

// chainRows numbers new audit rows after the last one and gives each its Keten.
func (t *Tx) chainRows(rows []domain.Wijziging) error {
	h, err := t.head()
	if err != nil {
		return err
	}
	for i := range rows {
		h.id++
		rows[i].ID = h.id
		rows[i].Keten = chainLink(h.keten, &rows[i])
		h.keten = rows[i].Keten
	}
	return nil
}

// ChainError names the first audit row at which the chain does not hold.
type ChainError struct {
	// Row is the row's place in the trail (1 = the oldest), ID its number.
	Row int
	ID  uint
	// Content describes the row in Dutch (moment, user, what).
	Content string
}

// Error gives the Dutch message.
func (e *ChainError) Error() string {
	return fmt.Sprintf("het wijzigingenlogboek is buiten het programma aangepast: regel %d (nummer %d, %s) past niet in de keten; "+
		"deze regel of de regel ervoor is gewijzigd, verwijderd of ingevoegd", e.Row, e.ID, e.Content)
}

// verifyChain walks the audit trail oldest first, reading one row at a
// time, and returns a *ChainError for the first row whose Keten is not the
// one its content and the previous row give.
func verifyChain(db *gorm.DB) error {
	rows, err := db.Raw("SELECT id, tijd, gebruiker, actie, entiteit, entiteit_id, veld, oude_waarde, nieuwe_waarde, keten" +
		" FROM wijzigingen ORDER BY id").Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	return walkChain(func(w *domain.Wijziging) (bool, error) {
		if !rows.Next() {
			return false, rows.Err()
		}
		return true, scanAuditRow(rows, w)
	})
}

// scanAuditRow reads one row of verifyChain's query; a moment that is no
// time (written outside the program) is a *badTimeError.
func scanAuditRow(rows *sql.Rows, w *domain.Wijziging) error {
	var actie string
	var tijd any
	if err := rows.Scan(&w.ID, &tijd, &w.Gebruiker, &actie, &w.Entiteit, &w.EntiteitID, &w.Veld, &w.OudeWaarde, &w.NieuweWaarde, &w.Keten); err != nil {
		return err
	}
	w.Actie = domain.Actie(actie)
	t, ok := tijd.(time.Time)
	if !ok {
		return &badTimeError{id: w.ID, raw: fmt.Sprint(tijd)}
	}
	w.Tijd = t
	return nil
}

// badTimeError is an audit row whose moment SQLite does not read as a time.
type badTimeError struct {
	id  uint
	raw string
}

func (e *badTimeError) Error() string {
	return fmt.Sprintf("wijziging %d: de tijd %s is geen tijd", e.id, foutmelding.Citeer(e.raw))
}

// walkChain checks the rows next gives, in order, against the chain.
func walkChain(next func(w *domain.Wijziging) (bool, error)) error {
	prev := ""
	var w domain.Wijziging
	for n := 1; ; n++ {
		ok, err := next(&w)
		var bad *badTimeError
		if errors.As(err, &bad) {
			return &ChainError{Row: n, ID: bad.id, Content: "de tijd " + foutmelding.Citeer(bad.raw) + " is geen tijd"}
		}
		if err != nil || !ok {
			return err
		}
		if chainLink(prev, &w) != w.Keten {
			return &ChainError{Row: n, ID: w.ID, Content: fmt.Sprintf("%s, %s, %s %s %d %s",
				FormatDatumTijd(w.Tijd), w.Gebruiker, w.Actie, w.Entiteit, w.EntiteitID, w.Veld)}
		}
		prev = w.Keten
	}
}

// fillAuditChain gives the rows of an audit trail that has no chain yet
// their Keten, oldest first, a thousand rows at a time (the migration to
// schema version 4).
func fillAuditChain(tx *gorm.DB) error {
	const batch = 1000
	prev, after := "", uint(0)
	for {
		var rows []domain.Wijziging
		if err := tx.Where("id > ?", after).Order("id").Limit(batch).Find(&rows).Error; err != nil {
			return err
		}
		for i := range rows {
			rows[i].Keten = chainLink(prev, &rows[i])
			prev = rows[i].Keten
			if err := tx.Exec("UPDATE wijzigingen SET keten = ? WHERE id = ?", rows[i].Keten, rows[i].ID).Error; err != nil {
				return err
			}
		}
		if len(rows) < batch {
			return nil
		}
		after = rows[len(rows)-1].ID
	}
}
