package team

import (
	"sort"
	"strconv"
	"strings"

	"gorm.io/gorm"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/geschiedenis"
)

// The audit trail a laptop had before team init travels to the team as
// history: after the snapshot of the laptop's records (which gives every
// laptop the state), each audit row of a shared kind of record follows as
// a change whose id is marked historyMark, with its own author and moment.
// A laptop that receives one writes it into its audit trail, naming the
// record by its number there (0 when the record is gone), and applies
// nothing: the snapshot set the state, so nothing is applied twice. The
// snapshot itself is then not written into the audit trail of the
// receiving laptops: the founder's trail has no such rows either, and the
// history says who made each value and when.

// historyMark is the second part of the id of a change that is history.
const historyMark = "historie"

// snapshotMark is the second part of the id of a change of team init's snapshot.
const snapshotMark = "init"

// historyPage is how many audit rows team init reads at a time.
const historyPage = 2000

// recordWalk follows, through the audit trail in its order, which record a
// local number names: a number removed and used again names a new record.
type recordWalk struct {
	herkomst string
	// current is the team-wide key of the record a number ("table id")
	// named last; removed are the numbers whose record was removed since.
	current map[string]string
	removed map[string]bool
}

func newRecordWalk(herkomst string) *recordWalk {
	return &recordWalk{herkomst: herkomst, current: map[string]string{}, removed: map[string]bool{}}
}

// initKey is the key team init gives a record the audit trail does not
// show being added (the built-in register of an older database, say).
func initKey(herkomst, table string, id uint) string {
	return herkomst + "." + snapshotMark + "." + table + "." + strconv.FormatUint(uint64(id), 10)
}

// key is the team-wide key of the record a number names at this point of the walk.
func (w *recordWalk) key(table string, id uint) string {
	if key, ok := w.current[table+" "+strconv.FormatUint(uint64(id), 10)]; ok {
		return key
	}
	return initKey(w.herkomst, table, id)
}

// step notes an audit row about a record (not a link) and gives that
// record's key: a row that adds a record under a number that names none
// gives it the key a synchronisation would give it (its change id).
func (w *recordWalk) step(row domain.Wijziging) string {
	rec := row.Entiteit + " " + strconv.FormatUint(uint64(row.EntiteitID), 10)
	key, known := w.current[rec]
	switch {
	case newKeyAt(row, known, w.removed[rec]):
		key = changeID(w.herkomst, row)
		delete(w.removed, rec)
	case !known:
		key = initKey(w.herkomst, row.Entiteit, row.EntiteitID)
	}
	w.current[rec] = key
	if row.Actie == domain.ActieVerwijderd {
		w.removed[rec] = true
	}
	return key
}

// snapshotKey is the key of a record that exists now, after the whole
// walk: the key of the history that added it, or, when the trail does not
// explain it (never added there, or removed there), a key of its own.
func (w *recordWalk) snapshotKey(table string, id uint) string {
	rec := table + " " + strconv.FormatUint(uint64(id), 10)
	key, known := w.current[rec]
	switch {
	case !known:
		return initKey(w.herkomst, table, id)
	case w.removed[rec]:
		return w.herkomst + ".stand." + table + "." + strconv.FormatUint(uint64(id), 10)
	}
	return key
}

// eachAuditPage calls fn with the audit trail's rows about shared kinds of
// record, a page at a time, in order.
func eachAuditPage(db *gorm.DB, fn func([]domain.Wijziging) error) error {
	kinds := make([]string, 0, len(gedeeldeEntiteiten))
	for kind := range gedeeldeEntiteiten {
		kinds = append(kinds, kind)
	}
	sort.Strings(kinds)
	var after uint
	for {
		var rows []domain.Wijziging
		if err := db.Where("id > ? AND entiteit IN ?", after, kinds).Order("id").Limit(historyPage).Find(&rows).Error; err != nil {
			return err
		}
		if len(rows) == 0 {
			return nil
		}
		if err := fn(rows); err != nil {
			return err
		}
		after = rows[len(rows)-1].ID
	}
}

// walkTrail walks the whole audit trail, for the keys of the records that
// exist at its end.
func walkTrail(db *gorm.DB, herkomst string) (*recordWalk, error) {
	w := newRecordWalk(herkomst)
	err := eachAuditPage(db, func(rows []domain.Wijziging) error {
		for _, row := range rows {
			if row.Entiteit != linkTable {
				w.step(row)
			}
		}
		return nil
	})
	return w, err
}

// historyConverter turns audit rows into history, following the records
// their numbers name.
type historyConverter struct {
	walk *recordWalk
	t    *tables
}

// convert turns one audit row into history: one change, or one per field
// for a row with all fields of a new record.
func (h *historyConverter) convert(row domain.Wijziging) ([]Wijziging, error) {
	base := Wijziging{ID: h.walk.herkomst + "." + historyMark + "." + strconv.FormatUint(uint64(row.ID), 10) + "." + rowDigest(row),
		Herkomst: h.walk.herkomst, Gebruiker: row.Gebruiker, Tijd: row.Tijd, Actie: row.Actie, Entiteit: row.Entiteit, Veld: row.Veld}
	if row.Entiteit == linkTable {
		change, err := linkChange(base, row, func(table, number string) (string, error) { return h.ref(table, number), nil })
		return []Wijziging{change}, err
	}
	base.Sleutel = h.walk.step(row)
	cols, err := h.t.columns(row.Entiteit)
	if err != nil {
		return nil, err
	}
	if row.Veld != geschiedenis.AlleVelden {
		base.OudeWaarde, base.NieuweWaarde = h.value(cols[row.Veld], row.OudeWaarde), h.value(cols[row.Veld], row.NieuweWaarde)
		return []Wijziging{base}, nil
	}
	names, values, err := allFields(row.NieuweWaarde)
	if err != nil {
		// a row of all fields that cannot be read travels as it is
		base.NieuweWaarde = row.NieuweWaarde
		return []Wijziging{base}, nil
	}
	out := make([]Wijziging, 0, len(names))
	for _, name := range names {
		ch := base
		ch.ID, ch.Veld, ch.NieuweWaarde = base.ID+"."+name, name, h.value(cols[name], values[name])
		out = append(out, ch)
	}
	return out, nil
}

// value writes an audit row's value as it travels: a reference as the key
// of the record it named then.
func (h *historyConverter) value(col column, text string) string {
	if col.ref == "" {
		return text
	}
	return h.ref(col.ref, text)
}

// ref is the key of the record a local number named then ("" for none).
func (h *historyConverter) ref(table, text string) string {
	id, err := strconv.ParseUint(text, 10, 64)
	if err != nil || id == 0 {
		return ""
	}
	return h.walk.key(table, uint(id))
}

// sendHistory sends the audit trail as history in the team database's
// transaction t, a page at a time, and reports how many changes it sent.
func sendHistory(t txn, db *gorm.DB, herkomst string) (int, error) {
	h := &historyConverter{walk: newRecordWalk(herkomst), t: &tables{db: db}}
	sent := 0
	err := eachAuditPage(db, func(rows []domain.Wijziging) error {
		var changes []Wijziging
		for _, row := range rows {
			c, err := h.convert(row)
			if err != nil {
				return err
			}
			changes = append(changes, c...)
		}
		sent += len(changes)
		return sendChanges(t, changes, nil)
	})
	return sent, err
}

// isHistory reports whether a received change is history of the laptop
// that set up the team: marked so, and among the team's first changes.
func (a *applier) isHistory(c Wijziging) bool {
	return a.srv != nil && c.Volgnummer <= a.srv.historieTot && idMark(c.ID) == historyMark
}

// historyID reports whether a change id, which a received change was
// found in conflict with, names history: the conflict is none, for the
// history changed nothing (a laptop whose joining was cut off before all
// history arrived made its change without knowing it).
func (a *applier) historyID(id string) bool {
	return a.srv != nil && a.srv.historieTot > 0 && idMark(id) == historyMark
}

// unlogged reports whether a received change is not written into the
// audit trail: a change of the snapshot of team init, in a team whose
// history says who made the values.
func (a *applier) unlogged(c Wijziging) bool {
	return a.srv != nil && c.Volgnummer <= a.srv.historieTot && idMark(c.ID) == snapshotMark
}

// idMark is the second part of a change id (after the origin).
func idMark(id string) string {
	_, rest, _ := strings.Cut(id, ".")
	mark, _, _ := strings.Cut(rest, ".")
	return mark
}

// logHistory writes history into the audit trail, naming each record by
// its number here (0: not here) and each reference likewise; it changes
// no record. Left out are a change of history that is no valid text, and
// one of a field this laptop changed later (it joined, was cut off before
// all history arrived, and changed the field): the trail, played back in
// its order, must end with the field's value here.
func (a *applier) logHistory(group []received) ([]logged, error) {
	var out []logged
	for _, c := range group {
		if _, shared := gedeeldeEntiteiten[c.Entiteit]; !shared || c.LaterEigen || c.teLang != "" {
			continue
		}
		if checkText("veld", c.Veld) != nil || checkText(c.Veld, c.OudeWaarde) != nil || checkText(c.Veld, c.NieuweWaarde) != nil {
			continue
		}
		if c.Entiteit == linkTable {
			target, err := a.k.localID("doelstellingen", c.Sleutel)
			if err != nil {
				return nil, err
			}
			col := column{name: "interventie_id", ref: "interventies"}
			oud, _, err := a.localText(col, c.OudeWaarde)
			if err != nil {
				return nil, err
			}
			nieuw, _, err := a.localText(col, c.NieuweWaarde)
			if err != nil {
				return nil, err
			}
			out = append(out, auditRow(c.Wijziging, target, col.name, oud, nieuw))
			continue
		}
		id, err := a.k.localID(c.Entiteit, c.Sleutel)
		if err != nil {
			return nil, err
		}
		cols, err := a.t.columns(c.Entiteit)
		if err != nil {
			return nil, err
		}
		oud, _, err := a.localText(cols[c.Veld], c.OudeWaarde)
		if err != nil {
			return nil, err
		}
		nieuw, _, err := a.localText(cols[c.Veld], c.NieuweWaarde)
		if err != nil {
			return nil, err
		}
		out = append(out, auditRow(c.Wijziging, id, c.Veld, oud, nieuw))
	}
	return out, nil
}
