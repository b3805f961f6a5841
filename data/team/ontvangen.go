package team

import (
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/dutchnum"
	"jeugdmonitor/data/store"
)

// applier applies changes from other laptops to the local database in one
// transaction, writing each into the local audit trail under its own author
// and moment.
type applier struct {
	r   *store.RawTx
	db  *gorm.DB
	k   keys
	t   *tables
	st  staat
	srv *Server
	// applied counts the changes that changed something here; skipped
	// those that did not (superseded, or about a record that is gone).
	applied, skipped int
	conflicts        []conflict
	// saved is how many of conflicts are in team_conflicten.
	saved int
	// received are the changes applied so far and audit the local audit
	// rows they became, both written at the end.
	received []ontvangen
	audit    []domain.Wijziging
	// prepared are the statements exec prepared in the transaction.
	prepared map[string]*sql.Stmt
	// queue holds changes to fields until the records are read or
	// written otherwise, or the batch ends (nil: none are queued).
	queue *fieldQueue
	// added are, per table, the records changed on a unique rule since
	// they were added, with the values they were added with (addedAs).
	added map[string]map[uint]map[string][]string
	// removed are the records this laptop removed after the batch's
	// changes reached the team (removedLater; nil: not read yet).
	removed *[]removedHere
}

// exec runs a statement in the applier's transaction, prepared once per
// text: SQLite parses an UPDATE of one field in longer than it runs it, and
// a batch runs the same few thousands of times. Statements prepared in a
// transaction end with it.
func (a *applier) exec(query string, args ...any) error {
	tx, ok := a.db.Statement.ConnPool.(*sql.Tx)
	if !ok {
		return a.db.Exec(query, args...).Error
	}
	ctx := a.db.Statement.Context
	stmt, ok := a.prepared[query]
	if !ok {
		var err error
		if stmt, err = tx.PrepareContext(ctx, query); err != nil {
			return a.translated(err)
		}
		if a.prepared == nil {
			a.prepared = map[string]*sql.Stmt{}
		}
		a.prepared[query] = stmt
	}
	_, err := stmt.ExecContext(ctx, args...)
	return a.translated(err)
}

// translated is err as gorm names the errors of the database (a broken
// rule as gorm.ErrDuplicatedKey, ...), as for a statement run through gorm.
func (a *applier) translated(err error) error {
	if t, ok := a.db.Dialector.(gorm.ErrorTranslator); ok && err != nil {
		return t.Translate(err)
	}
	return err
}

// apply applies a batch of changes fetched from the team database, in order,
// looking up the local numbers of the records it names in one go and
// noting the changes as received in a few statements at the end.
func (a *applier) apply(batch []received) error {
	if err := a.k.preload(batch); err != nil {
		return err
	}
	a.queue = &fieldQueue{}
	defer func() { a.queue = nil }()
	adds := &additions{}
	for i := 0; i < len(batch); {
		n := groupLength(batch[i:])
		if err := a.applyGroup(batch[i:i+n], adds); err != nil {
			return err
		}
		i += n
	}
	if err := a.addAll(adds); err != nil {
		return err
	}
	if err := a.flush(); err != nil {
		return err
	}
	return a.remember()
}

// groupLength is how many changes at the start of batch add or remove one
// record together (1 for any other change).
func groupLength(batch []received) int {
	first := batch[0]
	if first.Entiteit == linkTable || first.Actie == domain.ActieGewijzigd {
		return 1
	}
	n := 1
	for n < len(batch) {
		c := batch[n]
		if c.Herkomst != first.Herkomst || c.Actie != first.Actie || c.Entiteit != first.Entiteit || c.Sleutel != first.Sleutel {
			break
		}
		n++
	}
	return n
}

// applyGroup applies one change, or the changes that add or remove one
// record. A new record joins adds, added with the next ones; anything else
// first adds those.
func (a *applier) applyGroup(group []received, adds *additions) error {
	if !oneField(group) {
		// it may read or remove the records the queued changes are about
		if err := a.flush(); err != nil {
			return err
		}
	}
	for _, c := range group {
		// two choices in one conflict are no conflict of their own: the
		// values they kept meet as changes to the field; nor is a change
		// made before its laptop had all of the team's history
		if c.ConflictMet != "" && c.teLang == "" && c.Entiteit != conflictTable && !a.historyID(c.ConflictMet) {
			a.conflict(conflict{tweede: c.Wijziging, eersteID: c.ConflictMet})
		}
	}
	own, err := a.madeHere(group[0].Wijziging)
	if err != nil {
		return err
	}
	if own {
		return nil // this file's own change: here already
	}
	if a.isHistory(group[0].Wijziging) {
		// the records it names may be among adds
		if err := a.addAll(adds); err != nil {
			return err
		}
		done, err := a.logHistory(group)
		if err != nil {
			return err
		}
		a.skipped += len(group)
		return a.note(group, done)
	}
	if refused := screen(group); refused != nil {
		if err := a.addAll(adds); err != nil {
			return err
		}
		return a.finish(group, nil, refused)
	}
	isNew, err := a.newRecord(group, adds)
	if err != nil {
		return err
	}
	if isNew {
		return a.add(group, adds)
	}
	if err := a.addAll(adds); err != nil {
		return err
	}
	var done []logged
	write := func() error {
		switch {
		case group[0].Entiteit == linkTable:
			done, err = a.applyLink(group[0].Wijziging)
		case group[0].Entiteit == conflictTable:
			done, err = a.applyChoice(group[0].Wijziging)
		case group[0].Actie == domain.ActieVerwijderd:
			done, err = a.applyRemoval(group)
		default:
			done, err = a.applyFields(group)
		}
		return err
	}
	if oneField(group) {
		// one UPDATE, which SQLite undoes by itself when it refuses it: a
		// savepoint would copy every page the change touches first, at
		// more cost than the change
		err = refusedByRule(write())
	} else {
		err = a.savepoint(write)
	}
	return a.finish(group, done, err)
}

// oneField reports whether group is one change to a field of a shared
// record, which applyFields makes with one statement.
func oneField(group []received) bool {
	c := group[0]
	return len(group) == 1 && c.Actie == domain.ActieGewijzigd && c.Entiteit != linkTable && c.Entiteit != conflictTable
}

// madeHere reports whether a change was made in this database file: by
// its origin, by an earlier origin up to where that origin's changes are
// known to be this file's (staat.Voorgangers), or by an earlier origin
// after that with an id that names an audit row here of the same content:
// a file that took a new origin (a copy found, or its id taken) sent those
// before it did, and must not apply them again.
func (a *applier) madeHere(c Wijziging) (bool, error) {
	if a.st.own(c) {
		return true, nil
	}
	if _, earlier := a.st.Voorgangers[c.Herkomst]; !earlier {
		return false, nil
	}
	n, err := auditRowMadeHere(a.db, c.Herkomst, c.ID)
	return n > 0, err
}

// screen refuses a group that was too long to fetch whole, or is about a
// table the team does not share (written into the team database past the
// program: nor one of the laptop's own bookkeeping); nil: neither.
func screen(group []received) error {
	for _, c := range group {
		if c.teLang != "" {
			return &refusal{reden: c.teLang}
		}
	}
	if _, shared := gedeeldeEntiteiten[group[0].Entiteit]; !shared && group[0].Entiteit != conflictTable {
		return &refusal{reden: fmt.Sprintf("onbekende tabel %q", group[0].Entiteit)}
	}
	return nil
}

// finish notes what applying group did: done, the changes that changed
// something here, or err, a refusal (kept as a conflict) or a failure.
func (a *applier) finish(group []received, done []logged, err error) error {
	var refused *refusal
	if errors.As(err, &refused) {
		// the change cannot be applied here (a rule of the database refuses
		// it): it is kept as a conflict for the user to decide
		for _, c := range group {
			a.conflict(conflict{tweede: c.Wijziging, reden: refused.reden})
		}
		done, err = nil, nil
	}
	if err != nil {
		return err
	}
	applied := 0
	for _, d := range done {
		applied += len(d.changeIDs)
	}
	a.applied += applied
	a.skipped += len(group) - applied
	if a.unlogged(group[0].Wijziging) {
		done = nil
	}
	return a.note(group, done)
}

// note keeps the audit rows of a group of received changes and notes the
// changes as received, for remember. Changes that became one audit row
// together (the fields of a record added whole) are noted once, with the
// first of them: team_ontvangen is read only for the audit row of a
// removal, which writes a row per field, and a row per change of a bulk
// import was most of the work of receiving it.
func (a *applier) note(group []received, done []logged) error {
	logregels := map[string]int{}
	for _, d := range done {
		for _, id := range d.changeIDs {
			logregels[id] = len(a.audit)
		}
		a.audit = append(a.audit, d.row)
	}
	for i, c := range group {
		r := ontvangen{id: c.ID, volgnummer: c.Volgnummer, audit: -1}
		if j, ok := logregels[c.ID]; ok {
			r.audit = j
		}
		if i > 0 && r.audit >= 0 && r.audit == a.received[len(a.received)-1].audit {
			continue
		}
		a.received = append(a.received, r)
	}
	return a.keepAdded(done)
}

// logged are received changes that changed something here, with the local
// audit row that records them.
type logged struct {
	changeIDs []string
	row       domain.Wijziging
}

// bookkeeping are the fields that say who entered a figure and when: they
// differ whenever two people enter one, and are no conflict of their own.
var bookkeeping = map[string]bool{"gebruiker": true, "vastgelegd": true}

// conflict keeps a conflict, unless it is about bookkeeping only.
func (a *applier) conflict(c conflict) {
	if !bookkeeping[c.tweede.Veld] {
		a.conflicts = append(a.conflicts, c)
	}
}

// refusal is a change the local database refuses (a unique name, a
// reference): not applied, kept as a conflict.
type refusal struct{ reden string }

func (r *refusal) Error() string { return r.reden }

// savepoint runs fn so that a refused change leaves nothing behind. The
// queued changes are made first: fn reads the records as the team's order
// left them, and rolling back keeps those; the changes fn queued are
// dropped with the rest of it. The savepoint statements are prepared
// (exec): gorm's processing of a statement costs more than SQLite's work
// for these.
func (a *applier) savepoint(fn func() error) error {
	if err := a.flush(); err != nil {
		return err
	}
	if err := a.exec("SAVEPOINT team_toepassen"); err != nil {
		return err
	}
	if err := fn(); err != nil {
		if a.queue != nil {
			a.queue.columns, a.queue.at = nil, nil
		}
		if e := a.exec("ROLLBACK TO team_toepassen"); e != nil {
			return errors.Join(err, e)
		}
		if e := a.exec("RELEASE team_toepassen"); e != nil {
			return errors.Join(err, e)
		}
		return refusedByRule(err)
	}
	return a.exec("RELEASE team_toepassen")
}

// refusedByRule makes an error of SQLite refusing a statement for a rule
// of the schema a refusal, which says in Dutch which rule.
func refusedByRule(err error) error {
	if err != nil && !errors.As(err, new(*refusal)) && isConstraint(err) {
		return &refusal{reden: "de database hier weigert de wijziging: " + brokenRule(err)}
	}
	return err
}

// constraintRE reads the rule SQLite names when it refuses a statement
// ("NOT NULL constraint failed: bereik.vastgelegd").
var constraintRE = regexp.MustCompile(`(UNIQUE|NOT NULL|CHECK|FOREIGN KEY) constraint failed(?:: ([^ ()]+))?`)

// brokenRule says in Dutch which rule of the schema the refused statement
// of err broke: the conflict shows it to the user.
func brokenRule(err error) string {
	kind, where := "", ""
	if m := constraintRE.FindStringSubmatch(err.Error()); m != nil {
		kind = m[1]
		if m[2] != "" {
			where = " (" + m[2] + ")"
		}
	}
	switch {
	case kind == "UNIQUE" || errors.Is(err, gorm.ErrDuplicatedKey):
		return "de waarde moet uniek zijn en is hier al in gebruik" + where
	case kind == "FOREIGN KEY" || errors.Is(err, gorm.ErrForeignKeyViolated):
		return "het gegeven waarnaar het verwijst bestaat hier niet" + where
	case kind == "NOT NULL":
		return "een verplicht veld is leeg" + where
	}
	return "de waarde voldoet niet aan een regel van de database" + where
}

// isConstraint reports whether SQLite refused a statement for a rule of the schema.
func isConstraint(err error) bool {
	return errors.Is(err, gorm.ErrDuplicatedKey) || errors.Is(err, gorm.ErrForeignKeyViolated) ||
		strings.Contains(err.Error(), "constraint failed")
}

// ontvangen is a received change as team_ontvangen lists it: with the
// local audit row it became (its place in applier.audit), if it changed
// something here.
type ontvangen struct {
	id         string
	volgnummer int64
	audit      int // -1: none
}

// writeBatch is how many keys one statement writes into team_sleutels
// (verzenden.go): the SQLite driver binds a statement's parameters in a
// time that grows with their number squared, so more is slower.
const writeBatch = 40

// remember writes the audit rows of the changes applied in this
// transaction, then notes the changes as received with the audit row each
// became: a change noted before makes it fail.
func (a *applier) remember() error {
	if err := a.r.Log(a.audit); err != nil {
		return err
	}
	for start := 0; start < len(a.received); start += noteBatch {
		part := a.received[start:min(start+noteBatch, len(a.received))]
		if _, err := a.db.Statement.ConnPool.ExecContext(a.db.Statement.Context, a.noteStatement(part)); err != nil {
			return fmt.Errorf("een wijziging is al eens ontvangen (%s … %s): %w", part[0].id, part[len(part)-1].id, a.translated(err))
		}
	}
	a.received, a.audit = nil, nil
	return nil
}

// noteBatch is how many received changes one statement notes in
// team_ontvangen.
const noteBatch = 1000

// noteStatement is the statement that notes part as received, with the
// values written in it rather than bound: the SQLite driver binds a
// statement's parameters in a time that grows with their number squared,
// and 10.000 rows took 2,5x as long in statements of 40 with parameters as
// in statements of 1.000 without. OR FAIL spares
// the statement journal: an error rolls back the whole transaction.
func (a *applier) noteStatement(part []ontvangen) string {
	var q strings.Builder
	q.WriteString("INSERT OR FAIL INTO team_ontvangen (wijziging_id, volgnummer, logregel) VALUES ")
	for i, r := range part {
		if i > 0 {
			q.WriteString(", ")
		}
		q.WriteString("(" + store.SQLText(r.id) + ", " + strconv.FormatInt(r.volgnummer, 10) + ", ")
		if r.audit >= 0 {
			q.WriteString(strconv.FormatUint(uint64(a.audit[r.audit].ID), 10) + ")")
		} else {
			q.WriteString("NULL)")
		}
	}
	return q.String()
}

// auditRow is the local audit row of a received change.
func auditRow(c Wijziging, id uint, veld, oud, nieuw string) logged {
	return logged{changeIDs: []string{c.ID}, row: domain.Wijziging{Tijd: c.Tijd, Gebruiker: c.Gebruiker, Actie: c.Actie,
		Entiteit: c.Entiteit, EntiteitID: id, Veld: veld, OudeWaarde: oud, NieuweWaarde: nieuw}}
}

// applyFields changes fields of a record that exists here (a new record is
// added by add).
func (a *applier) applyFields(group []received) ([]logged, error) {
	first := group[0]
	cols, err := a.t.columns(first.Entiteit)
	if err != nil {
		return nil, err
	}
	id, err := a.k.localID(first.Entiteit, first.Sleutel)
	if err != nil {
		return nil, err
	}
	if id == 0 && first.LaterEigen {
		// this laptop removed the record later, without knowing this
		// change: the team has that removal as the conflict with this
		// change, on every laptop, and one choice settles it; a refusal
		// here would be a second conflict about the same
		return nil, nil
	}
	if id == 0 {
		// not added here, as its removal in the team came before the
		// same record from this laptop (removedBeforeHere): a colleague
		// who gets every change in the team's order changes it and
		// removes it, without a conflict
		if removal, err := a.removalAfter(first); err != nil || removal > 0 {
			return nil, err
		}
		return nil, &refusal{reden: "dit gegeven is hier verwijderd"}
	}
	var rows []logged
	for _, c := range group {
		later, err := a.laterOwn(c, id)
		if err != nil {
			return nil, err
		}
		if later {
			continue // this laptop changed the field later: its value stands
		}
		col, value, local, err := a.newValue(cols, c)
		if err != nil {
			return nil, err
		}
		if err := a.setField(c.Entiteit, c.Veld, value, id); err != nil {
			return nil, err
		}
		oud, _, _ := a.localText(col, c.OudeWaarde)
		rows = append(rows, auditRow(c.Wijziging, id, c.Veld, oud, local))
	}
	return rows, nil
}

// applyRemoval removes a record.
func (a *applier) applyRemoval(group []received) ([]logged, error) {
	first := group[0]
	id, err := a.k.localID(first.Entiteit, first.Sleutel)
	if err != nil || id == 0 {
		return nil, err // already gone here: nothing to do
	}
	kept, err := a.keptByLater(group, id)
	if err != nil {
		return nil, err
	}
	if len(kept) > 0 {
		// added again after this removal, by a colleague who did not
		// know it: that addition is the record now
		gone, err := a.k.allOf(first.Entiteit, id)
		if err != nil {
			return nil, err
		}
		return nil, a.k.drop(first.Entiteit, id, slices.DeleteFunc(slices.Clone(gone), func(k string) bool { return slices.Contains(kept, k) }))
	}
	cols, err := a.t.columns(first.Entiteit)
	if err != nil {
		return nil, err
	}
	// the removal as the conflicts of what goes with it name it: its
	// first change, with the name the record had
	rem := first.Wijziging
	for _, c := range group {
		if c.Veld == "naam" {
			rem.OudeWaarde = c.OudeWaarde
		}
	}
	referring, err := a.removeReferring(rem, first.Basis, first.Entiteit, id, 0)
	if err != nil {
		return nil, err
	}
	rows, err := a.removedFieldsHere(group, cols, id)
	if err != nil {
		return nil, err
	}
	if err := a.db.Exec(fmt.Sprintf("DELETE FROM %s WHERE id = ?", quote(first.Entiteit)), id).Error; err != nil {
		return nil, err
	}
	if err := a.k.forget(first.Entiteit, id); err != nil {
		return nil, err
	}
	return append(referring, rows...), nil
}

// removedFieldsHere are the audit rows of the removal group of the local
// record id: a row per removed change, and one for each other field the
// record has here, which a colleague's addition merged with it gave it
// where the remover had none (a note): the trail says it went too.
func (a *applier) removedFieldsHere(group []received, cols map[string]column, id uint) ([]logged, error) {
	first := group[0]
	var rows []logged
	logged := map[string]bool{}
	for _, c := range group {
		oud, _, _ := a.localText(cols[c.Veld], c.OudeWaarde)
		rows = append(rows, auditRow(c.Wijziging, id, c.Veld, oud, ""))
		logged[c.Veld] = true
	}
	values, err := a.recordValues(first.Entiteit, id)
	if err != nil {
		return nil, err
	}
	for _, name := range sortedColumns(cols) {
		if text := rawText(values[name]); name != "id" && text != "" && !logged[name] {
			row := auditRow(first.Wijziging, id, name, text, "")
			row.changeIDs = nil
			rows = append(rows, row)
		}
	}
	return rows, nil
}

// applyLink adds or removes a target-intervention link.
func (a *applier) applyLink(c Wijziging) ([]logged, error) {
	target, err := a.k.localID("doelstellingen", c.Sleutel)
	if err != nil {
		return nil, err
	}
	interventie, err := a.k.localID("interventies", strings.TrimPrefix(c.Veld, linkField))
	if err != nil {
		return nil, err
	}
	if target == 0 || interventie == 0 {
		if gone, err := a.linkForRemoved(c); err != nil || gone {
			return nil, err
		}
		return nil, &refusal{reden: "de doelstelling of de interventie is hier verwijderd"}
	}
	ref := strconv.FormatUint(uint64(interventie), 10)
	if c.Actie == domain.ActieVerwijderd {
		err = a.db.Exec("DELETE FROM doelstelling_interventies WHERE doelstelling_id = ? AND interventie_id = ?", target, interventie).Error
		return []logged{auditRow(c, target, "interventie_id", ref, "")}, err
	}
	err = a.db.Exec("INSERT OR IGNORE INTO doelstelling_interventies (doelstelling_id, interventie_id) VALUES (?, ?)", target, interventie).Error
	return []logged{auditRow(c, target, "interventie_id", "", ref)}, err
}

// newValue finds the local column the change c sets among cols (never the
// record's own number) and converts its new value (see value).
func (a *applier) newValue(cols map[string]column, c received) (column, any, string, error) {
	col, ok := cols[c.Veld]
	if !ok || c.Veld == "id" {
		return column{}, nil, "", &refusal{reden: "onbekend veld " + c.Veld}
	}
	value, local, err := a.value(col, c.NieuweWaarde)
	return col, value, local, err
}

// value converts a change's text to the value of a local column, and
// gives the text as the local audit trail writes it (a reference as the
// local number).
func (a *applier) value(col column, text string) (any, string, error) {
	local, found, err := a.localText(col, text)
	if err != nil {
		return nil, "", err
	}
	if !found {
		return nil, "", &refusal{reden: fmt.Sprintf("het gegeven waarnaar %s verwijst is hier verwijderd", col.name)}
	}
	if local == "" && (col.nullable || col.ref != "") {
		return nil, local, nil
	}
	switch {
	case strings.Contains(col.typ, "INT"):
		switch local {
		case "true":
			return 1, local, nil
		case "false", "":
			return 0, local, nil
		}
		n, err := strconv.ParseInt(local, 10, 64)
		if err != nil {
			return nil, "", &refusal{reden: fmt.Sprintf("%s: %q is geen geheel getal", col.name, local)}
		}
		return n, local, nil
	case strings.Contains(col.typ, "REAL"):
		if local == "" {
			return 0.0, local, nil
		}
		f, err := strconv.ParseFloat(local, 64)
		if err != nil {
			return nil, "", &refusal{reden: fmt.Sprintf("%s: %q is geen getal", col.name, local)}
		}
		if _, err := dutchnum.CheckStored(f); err != nil {
			return nil, "", &refusal{reden: fmt.Sprintf("%s: %v", col.name, err)}
		}
		return f, local, nil
	case isTime(col):
		t, err := parseTime(local)
		if err != nil {
			return nil, "", &refusal{reden: fmt.Sprintf("%s: %q is geen tijdstip", col.name, local)}
		}
		return t.UTC(), local, nil
	default:
		if err := checkText(col.name, local); err != nil {
			return nil, "", err
		}
		return local, local, nil
	}
}

// checkText holds a received text to the rules of every other way in
// (domain.CheckTekst: at most domain.MaxTekst characters, UTF-8, no
// control characters other than tab and line breaks).
func checkText(veld, text string) error {
	if err := domain.CheckTekst(veld, text); err != nil {
		return &refusal{reden: err.Error()}
	}
	return nil
}

// localText writes a change's text as the local audit trail would: a
// reference's key as the local number; found is false when the referenced
// record does not exist here.
func (a *applier) localText(col column, text string) (string, bool, error) {
	if col.ref == "" {
		return text, true, nil
	}
	return a.k.keyToRef(col.ref, text)
}

// timeLayouts are how a moment can be written: as the audit trail writes
// it, and as SQLite stores it.
var timeLayouts = []string{time.RFC3339Nano, "2006-01-02 15:04:05.999999999-07:00", "2006-01-02 15:04:05.999999999", "2006-01-02"}

// parseTime reads a moment in any of timeLayouts.
func parseTime(text string) (time.Time, error) {
	var err error
	for _, layout := range timeLayouts {
		var t time.Time
		if t, err = time.Parse(layout, text); err == nil {
			return t, nil
		}
	}
	return time.Time{}, err
}

// quote quotes an SQL name.
func quote(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// merge makes a record added here and on another laptop one record: the
// other laptop's key now names the local record too, and the record's
// fields follow the team's order: the values of the addition that reached
// the team later win, a field only one of them set is kept. Differing
// values are kept as conflicts.
func (a *applier) merge(group []received, cols map[string]column, id uint) ([]logged, error) {
	first := group[0]
	localKeys, err := a.k.allOf(first.Entiteit, id)
	if err != nil {
		return nil, err
	}
	if gone, err := a.removedBeforeHere(first, localKeys); err != nil || gone {
		return nil, err
	}
	if err := a.k.add(first.Entiteit, id, first.Sleutel); err != nil {
		return nil, err
	}
	current, err := a.recordValues(first.Entiteit, id)
	if err != nil {
		return nil, err
	}
	var out []logged
	for _, c := range group {
		value, local, err := a.value(cols[c.Veld], c.NieuweWaarde)
		if err != nil {
			return nil, err
		}
		old, here := rawText(current[c.Veld]), rawText(value)
		if old == here {
			continue
		}
		h, err := a.holder(c, localKeys)
		if err != nil {
			return nil, err
		}
		// the conflict is the two changes in the team's order on every
		// laptop, so that a choice made on one closes it on all
		switch {
		case old == "" && h.Volgnummer > c.Volgnummer:
			// emptied here by a change that reached the team later (a
			// note cleared before sending): that change came after this
			// addition, and empties the field on every laptop
			continue
		case old == "":
		case h.Volgnummer > c.Volgnummer: // the value here reached the team later: it stays
			a.conflict(conflict{tweede: h.Wijziging, eersteID: c.ID})
			continue
		case h.Volgnummer > 0:
			a.conflict(conflict{tweede: c.Wijziging, eersteID: h.ID})
		default:
			a.conflict(conflict{tweede: c.Wijziging, reden: fmt.Sprintf("hier al %q, nog niet in het team; de waarde van de andere laptop vervangt die", old)})
		}
		if err := a.setField(c.Entiteit, c.Veld, value, id); err != nil {
			return nil, err
		}
		out = append(out, auditRow(c.Wijziging, id, c.Veld, old, local))
	}
	return out, nil
}

// removedBeforeHere reports whether the team removed the record the
// received addition c adds (the first removal of its key after c) before
// any of keys, the team keys of the local record c is the same as, was
// added there: in the team's order that record came after c was gone, a
// record of its own, as for a colleague who gets every change in that
// order. c is then not added here, nor merged: its removal finds nothing
// to remove. A key the team has no addition of is this laptop's, not sent
// yet: later too.
func (a *applier) removedBeforeHere(c received, keys []string) (bool, error) {
	removal, err := a.removalAfter(c)
	if err != nil || removal == 0 {
		return false, err
	}
	var before int64
	err = a.srv.db.Raw("SELECT count(*) FROM team_wijzigingen WHERE entiteit = ? AND sleutel = ANY(?::text[]) AND actie = ?"+
		" AND volgnummer < ?", c.Entiteit, array(keys), domain.ActieToegevoegd, removal).Scan(&before).Error
	return before == 0, err
}

// removalAfter is the team's number of the first removal of the record of
// the received change c after c; 0 when the team has none.
func (a *applier) removalAfter(c received) (int64, error) {
	if a.srv == nil {
		return 0, nil
	}
	var removal []int64
	err := a.srv.db.Raw("SELECT volgnummer FROM team_wijzigingen WHERE entiteit = ? AND sleutel = ? AND actie = ?"+
		" AND volgnummer > ? ORDER BY volgnummer LIMIT 1", c.Entiteit, c.Sleutel, domain.ActieVerwijderd, c.Volgnummer).
		Scan(&removal).Error
	if err != nil || len(removal) == 0 {
		return 0, err
	}
	return removal[0], nil
}

// recordValues reads every column of the local record id of table.
func (a *applier) recordValues(table string, id uint) (map[string]any, error) {
	values := map[string]any{}
	rows, err := a.db.Raw(fmt.Sprintf("SELECT * FROM %s WHERE id = ?", quote(table)), id).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		if err := a.db.ScanRows(rows, &values); err != nil {
			return nil, err
		}
	}
	return values, rows.Err()
}

// holder finds the change whose value the field of the received change c
// holds here, among those to the record's local keys: the latest that
// reached the team before c (received here in the team's order), or a
// later one made on this laptop itself (Volgnummer 0: none there, e.g. not
// sent yet). Merging by the team's number rather than by which key came
// first keeps every laptop on the last arrival, however many laptops added
// the record.
func (a *applier) holder(c received, keys []string) (received, error) {
	var rows []serverRow
	err := a.srv.db.Raw("SELECT "+boundedColumns+" FROM team_wijzigingen w WHERE w.entiteit = ? AND w.sleutel = ANY(?::text[])"+
		" AND w.veld = ? AND (w.volgnummer < ? OR w.herkomst = ?) ORDER BY w.volgnummer DESC LIMIT 1",
		c.Entiteit, array(keys), c.Veld, c.Volgnummer, a.st.Herkomst).Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return received{}, err
	}
	h, teLang := rows[0].change()
	return received{Wijziging: h, teLang: teLang}, nil
}
