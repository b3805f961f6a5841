package store

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"jeugdmonitor/data/domain"
)

// ErrReadOnly is returned by every change on a store opened read-only.
var ErrReadOnly = errors.New("deze database is alleen-lezen geopend; wijzigingen worden niet opgeslagen")

// Tx is one transaction in which every change is written together with its
// audit rows, all stamped with the same user and moment. Its exported methods
// validate like the Store's.
type Tx struct {
	db   *gorm.DB
	user string
	at   time.Time
	// last is the audit trail's last row once read (see head).
	last *auditHead
}

// Update runs fn in one transaction: either every change in it and all its
// audit rows are stored, or none.
func (s *Store) Update(fn func(t *Tx) error) error {
	return s.UpdateAs(s.user, fn)
}

// UpdateAs is Update with another name in the audit trail, for changes that
// no user made (loading the built-in register).
func (s *Store) UpdateAs(user string, fn func(t *Tx) error) error {
	if s.readOnly {
		if s.notice != "" {
			return fmt.Errorf("%w (%s)", ErrReadOnly, s.notice)
		}
		return ErrReadOnly
	}
	at := s.now().UTC()
	err := describeSQLiteError(s.db.Transaction(func(tx *gorm.DB) error {
		return fn(&Tx{db: tx, user: user, at: at})
	}))
	if err == nil {
		s.anchorAfterChange()
	}
	return err
}

// auditedFields lists the stored fields of a model with their text values.
func (t *Tx) auditedFields(model any) (table string, id uint, values map[string]string, order []string, err error) {
	stmt := &gorm.Statement{DB: t.db}
	if err = stmt.Parse(model); err != nil {
		return "", 0, nil, nil, err
	}
	rv := reflect.Indirect(reflect.ValueOf(model))
	values = map[string]string{}
	for _, f := range stmt.Schema.Fields {
		if f.DBName == "" {
			continue
		}
		v, _ := f.ValueOf(context.Background(), rv)
		if f.Serializer != nil {
			// ValueOf wraps a serialized field (a JSON list) in gorm's
			// serializer; the audit trail wants the list itself.
			v = rv.FieldByIndex(f.StructField.Index).Interface()
		}
		if f.PrimaryKey {
			if n, ok := v.(uint); ok {
				id = n
			}
		}
		values[f.DBName] = auditText(v)
		order = append(order, f.DBName)
	}
	return stmt.Schema.Table, id, values, order, nil
}

// auditText renders a field value for the audit trail: plain numbers with a
// dot, times in RFC 3339 to the nanosecond (to the second, a figure replaced
// within the same second changed its moment without an audit row, and the
// team sync, which sends what the trail records, lost it), lists as JSON,
// nil as empty.
func auditText(v any) string {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() || ((rv.Kind() == reflect.Pointer || rv.Kind() == reflect.Slice) && rv.IsNil()) {
		return ""
	}
	if rv.Kind() == reflect.Map {
		if rv.Len() == 0 {
			return ""
		}
		b, _ := json.Marshal(v)
		return string(b)
	}
	v = reflect.Indirect(rv).Interface()
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case time.Time:
		if x.IsZero() {
			return ""
		}
		return x.UTC().Format(time.RFC3339Nano)
	case []string, []uint:
		b, _ := json.Marshal(x)
		return string(b)
	default:
		if s, ok := v.(fmt.Stringer); ok {
			return s.String()
		}
		return fmt.Sprint(v)
	}
}

// log appends one audit row.
func (t *Tx) log(actie domain.Actie, table string, id uint, field, oldValue, newValue string) error {
	return t.logAll([]domain.Wijziging{t.row(actie, table, id, field, oldValue, newValue)})
}

// row is an audit row stamped with the transaction's user and moment.
func (t *Tx) row(actie domain.Actie, table string, id uint, field, oldValue, newValue string) domain.Wijziging {
	return domain.Wijziging{Tijd: t.at, Gebruiker: t.user, Actie: actie, Entiteit: table, EntiteitID: id,
		Veld: field, OudeWaarde: oldValue, NieuweWaarde: newValue}
}

// orFail makes an INSERT stop at a constraint violation without undoing its
// own earlier rows (OR FAIL instead of the default ABORT), which spares
// SQLite a statement journal per statement. That is safe because every write
// runs in Store.Update's transaction, which is rolled back as a whole on any
// error.
var orFail = clause.Insert{Modifier: "OR FAIL"}

// logAll appends audit rows, numbered after the last one and linked into
// its chain, auditBatch rows per statement.
func (t *Tx) logAll(rows []domain.Wijziging) error {
	if len(rows) == 0 {
		return nil
	}
	if err := t.chainRows(rows); err != nil {
		return err
	}
	for start := 0; start < len(rows); start += auditBatch {
		// straight to the connection: gorm copies a statement byte by
		// byte looking for parameters, a tenth of the time here
		_, err := t.db.Statement.ConnPool.ExecContext(t.db.Statement.Context, auditInsert(rows[start:min(start+auditBatch, len(rows))]))
		if err != nil {
			if tr, ok := t.db.Dialector.(gorm.ErrorTranslator); ok {
				err = tr.Translate(err)
			}
			t.last = nil // some rows may be in: read the last one again
			return err
		}
	}
	return nil
}

// auditBatch is how many audit rows one statement writes.
const auditBatch = 200

// auditInsert is the statement that appends rows to the audit trail, with
// their values written in it rather than bound: the SQLite driver binds a
// statement's parameters in a time that grows with their number squared,
// and a team sync that receives 10.000 changes writes as many rows. Each
// value is written as the driver would bind it (a moment as text in its
// layout), so what is stored does not change. OR FAIL as orFail.
func auditInsert(rows []domain.Wijziging) string {
	var q strings.Builder
	q.WriteString("INSERT OR FAIL INTO wijzigingen (id, tijd, gebruiker, actie, entiteit, entiteit_id, veld, oude_waarde, nieuwe_waarde, keten) VALUES ")
	for i, w := range rows {
		if i > 0 {
			q.WriteString(", ")
		}
		q.WriteString("(" + strconv.FormatUint(uint64(w.ID), 10) + ", ")
		q.WriteString(SQLText(w.Tijd.Format(driverTimeLayout)))
		for _, text := range []string{w.Gebruiker, string(w.Actie), w.Entiteit} {
			q.WriteString(", ")
			q.WriteString(SQLText(text))
		}
		q.WriteString(", " + strconv.FormatUint(uint64(w.EntiteitID), 10))
		for _, text := range []string{w.Veld, w.OudeWaarde, w.NieuweWaarde, w.Keten} {
			q.WriteString(", ")
			q.WriteString(SQLText(text))
		}
		q.WriteString(")")
	}
	return q.String()
}

// driverTimeLayout is how the SQLite driver writes a time.Time it binds.
const driverTimeLayout = "2006-01-02 15:04:05.999999999-07:00"

// SQLText writes s as an SQL text literal, for a statement that carries
// its values in its text (the SQLite driver binds parameters in a time
// that grows with their number squared): quotes doubled, and a text with a
// NUL (which would end the statement early) as its bytes cast to text.
func SQLText(s string) string {
	if strings.IndexByte(s, 0) >= 0 {
		return "CAST(X'" + hex.EncodeToString([]byte(s)) + "' AS TEXT)"
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// logFields logs one audit row per field that differs between before and
// after (in the order of the model's fields), skipping the primary key, and
// reports how many it logged.
func (t *Tx) logFields(actie domain.Actie, table string, id uint, order []string, before, after map[string]string) (int, error) {
	var rows []domain.Wijziging
	for _, f := range order {
		if f == "id" || before[f] == after[f] {
			continue
		}
		rows = append(rows, t.row(actie, table, id, f, before[f], after[f]))
	}
	return len(rows), t.logAll(rows)
}

// insert stores a new record and logs each of its non-empty fields.
func (t *Tx) insert(model any) error {
	if err := t.db.Create(model).Error; err != nil {
		return translate(err)
	}
	table, id, values, order, err := t.auditedFields(model)
	if err != nil {
		return err
	}
	_, err = t.logFields(domain.ActieToegevoegd, table, id, order, nil, values)
	return err
}

// update saves a changed record and logs each field that differs from old,
// which must be the same record as it is stored now. It reports whether
// anything changed.
func (t *Tx) update(old, updated any) (bool, error) {
	table, id, before, _, err := t.auditedFields(old)
	if err != nil {
		return false, err
	}
	_, _, after, order, err := t.auditedFields(updated)
	if err != nil {
		return false, err
	}
	if dropChangedNotes(old, updated, before, after) {
		if _, _, after, order, err = t.auditedFields(updated); err != nil {
			return false, err
		}
	}
	n, err := t.logFields(domain.ActieGewijzigd, table, id, order, before, after)
	if err != nil || n == 0 {
		return false, err
	}
	return true, translate(t.db.Select("*").Save(updated).Error)
}

// dropChangedNotes drops the note on every field of updated whose stored
// value differs from old's: a value a user changed is no longer the
// register's derivation, nor quoted from the section the note names. A note
// the caller set anew (differing from old's, as an undo restoring a derived
// value does) stays; a caller that gives no notes keeps old's on the fields
// it left alone. It reports whether it changed updated's notes.
func dropChangedNotes(old, updated any, before, after map[string]string) bool {
	o, ok1 := old.(domain.Notities)
	u, ok2 := updated.(domain.Notities)
	if !ok1 || !ok2 {
		return false
	}
	changed := false
	oldNotes, newNotes := o.Noten(), u.Noten()
	for k, np := range newNotes {
		prev := *oldNotes[k]
		notes := *np
		if notes == nil && len(prev) > 0 {
			notes, changed = maps.Clone(prev), true
		}
		for veld, text := range notes {
			if prevText, had := prev[veld]; had && prevText == text && fieldChanged(veld, before, after) {
				delete(notes, veld)
				changed = true
			}
		}
		if len(notes) == 0 {
			notes = nil
		}
		*np = notes
	}
	return changed
}

// fieldChanged reports whether a stored column the field covers differs.
func fieldChanged(veld string, before, after map[string]string) bool {
	for col, v := range after {
		if domain.Dekt(veld, col) && before[col] != v {
			return true
		}
	}
	return false
}

// remove deletes a record and logs each of its non-empty fields as removed.
func (t *Tx) remove(model any) error {
	if err := t.logRemoved(model); err != nil {
		return err
	}
	return translate(t.db.Delete(model).Error)
}

// logRemoved logs each non-empty field of a record as removed (remove does
// that before deleting it; a record the database removes with another is
// logged so too).
func (t *Tx) logRemoved(model any) error {
	table, id, values, order, err := t.auditedFields(model)
	if err != nil {
		return err
	}
	_, err = t.logFields(domain.ActieVerwijderd, table, id, order, values, nil)
	return err
}

// ErrDuplicate is returned when a record would repeat a unique value.
var ErrDuplicate = errors.New("bestaat al")

// ErrNotFound is returned when a record does not exist.
var ErrNotFound = errors.New("niet gevonden")

// translate turns gorm's errors into the store's.
func translate(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, gorm.ErrDuplicatedKey):
		return ErrDuplicate
	case errors.Is(err, gorm.ErrRecordNotFound):
		return ErrNotFound
	default:
		return err
	}
}

// actionFor is the audit action for writing a value that did or did not exist.
func actionFor(existed bool) domain.Actie {
	if existed {
		return domain.ActieGewijzigd
	}
	return domain.ActieToegevoegd
}

// Record is a stored record that checks itself before it is written.
type Record interface {
	Validate() error
}

// Create validates and stores a new record of a kind without special rules
// (budget goals, criteria, budget lines, savings, policy texts).
func (s *Store) Create(r Record) error {
	return s.Update(func(t *Tx) error { return t.Create(r) })
}

// Create validates and stores a new record in this transaction.
func (t *Tx) Create(r Record) error {
	if err := r.Validate(); err != nil {
		return err
	}
	err := t.insert(r)
	if errors.Is(err, ErrDuplicate) {
		return fmt.Errorf("%w: dit gegeven staat er al in", ErrDuplicate)
	}
	return err
}
