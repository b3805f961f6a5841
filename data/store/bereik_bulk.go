package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/geschiedenis"
)

// AlleVelden is the field of an audit row that records all fields of a new
// record at once: its new value is a JSON object of the record's non-empty
// fields, as they would otherwise be logged one row each. Bulk imports write
// these, one per added record.
const AlleVelden = geschiedenis.AlleVelden

// reachColumn is a stored column of a reach figure with its value.
type reachColumn struct {
	name  string
	value func(b *domain.Bereik) any
	// audit is an SQL expression that writes the stored column as the audit
	// trail writes the field (auditText), NULL or '' when it is empty.
	audit string
	// key marks the columns that identify a figure (owner, measure and period),
	// which replacing it never changes.
	key bool
}

// reachColumns are the columns a bulk insert writes, in the order of the
// model's fields (as the audit trail lists them); the ID is left to SQLite.
var reachColumns = []reachColumn{
	{"interventie_id", func(b *domain.Bereik) any { return b.InterventieID }, "CAST(interventie_id AS TEXT)", true},
	{"doelstelling_id", func(b *domain.Bereik) any { return b.DoelstellingID }, "CAST(doelstelling_id AS TEXT)", true},
	{"maat_id", func(b *domain.Bereik) any { return b.MaatID }, "CAST(maat_id AS TEXT)", true},
	{"periode", func(b *domain.Bereik) any { return b.Periode }, "periode", true},
	{"jaar", func(b *domain.Bereik) any { return b.Jaar }, "CAST(jaar AS TEXT)", false},
	{"periode_soort", func(b *domain.Bereik) any { return b.PeriodeSoort }, "periode_soort", false},
	{"soort", func(b *domain.Bereik) any { return string(b.Soort) }, "soort", false},
	{"waarde", func(b *domain.Bereik) any { return b.Waarde }, sqlNumberText("waarde"), false},
	{"waarde_tot", func(b *domain.Bereik) any { return b.WaardeTot }, sqlNumberText("waarde_tot"), false},
	{"eenheid", func(b *domain.Bereik) any { return b.Eenheid }, "eenheid", false},
	{"status", func(b *domain.Bereik) any { return string(b.Status) }, "status", false},
	{"bron", func(b *domain.Bereik) any { return b.BronTekst }, "bron", false},
	{"notitie", func(b *domain.Bereik) any { return b.Notitie }, "notitie", false},
	{"gebruiker", func(b *domain.Bereik) any { return b.Gebruiker }, "gebruiker", false},
	// the moment as auditText writes it, bound as ?1 of selectWholeAuditSQL
	{"vastgelegd", func(b *domain.Bereik) any { return b.Vastgelegd }, "?1", false},
}

// sqlNumberText is an SQL expression that writes a REAL column as the audit
// trail does (strconv.FormatFloat(v, 'f', -1, 64)) for every number of up to
// 15 significant digits between 0,0001 and 10^15, which covers whatever a
// person types or a spreadsheet shows. A longer one, which only arises from
// a calculation, gets 17 digits where FormatFloat may need 16: the same
// number, one digit longer.
func sqlNumberText(column string) string {
	c := column
	return "(CASE WHEN " + c + " IS NULL THEN NULL" +
		" WHEN " + c + " = CAST(" + c + " AS INTEGER) THEN CAST(CAST(" + c + " AS INTEGER) AS TEXT)" +
		" WHEN CAST(printf('%.15g', " + c + ") AS REAL) = " + c + " THEN printf('%.15g', " + c + ")" +
		" ELSE printf('%!.17g', " + c + ") END)"
}

// reachColumnNames are the names of reachColumns, in their order.
var reachColumnNames = func() []string {
	names := make([]string, len(reachColumns))
	for i, c := range reachColumns {
		names[i] = c.name
	}
	return names
}()

// insertReachSQL adds one figure unless its owner has one for the measure
// and period.
var insertReachSQL = "INSERT INTO bereik (" + strings.Join(reachColumnNames, ", ") + ") VALUES (" +
	strings.TrimSuffix(strings.Repeat("?,", len(reachColumns)), ",") + ") ON CONFLICT DO NOTHING"

// updateReachSQL writes the columns of the figure with the ID that comes
// last, except the key ones: leaving the owner alone spares SQLite checking
// its foreign key, and with it a statement journal per replaced figure.
var updateReachSQL = func() string {
	var set []string
	for _, c := range reachColumns {
		if !c.key {
			set = append(set, c.name+" = ?")
		}
	}
	return "UPDATE OR FAIL bereik SET " + strings.Join(set, ", ") + " WHERE id = ?"
}()

// selectReachSQL reads the ID and columns of an owner's figure for a
// measure (NULL for a shared target) and period; %s is the owner's column.
const selectReachSQL = "SELECT id, %s FROM bereik WHERE %s = ? AND maat_id IS ? AND periode = ?"

// selectWholeAuditSQL gives the record number and the AlleVelden value of
// the figures whose numbers are in the JSON array ?2, in their order, with
// ?1 the moment as the audit trail writes it. The JSON object is made by
// SQLite from the stored figure: one statement for many figures, where the
// driver would compile and bind a statement for every one.
var selectWholeAuditSQL = func() string {
	fields := make([]string, len(reachColumns))
	for i, c := range reachColumns {
		key, _ := json.Marshal(c.name)
		// json_quote gives 'null' for NULL; both it and "" leave the field out
		fields[i] = SQLText(string(key)+":") + " || nullif(nullif(json_quote(" + c.audit + "), 'null'), '\"\"')"
	}
	return "SELECT id, '{' || concat_ws(',', " + strings.Join(fields, ", ") + ") || '}'" +
		" FROM bereik WHERE id IN (SELECT value FROM json_each(?2)) ORDER BY id"
}()

// insertWholeAuditSQL appends the AlleVelden audit rows given as the JSON
// array ?3 of [number, figure's number, value, keten], in its order, with ?1
// and ?2 as the moment and user of the rows: one statement for all.
var insertWholeAuditSQL = "INSERT OR FAIL INTO wijzigingen" +
	" (id, tijd, gebruiker, actie, entiteit, entiteit_id, veld, oude_waarde, nieuwe_waarde, keten)" +
	" SELECT value->>0, ?1, ?2, " + SQLText(string(domain.ActieToegevoegd)) + ", 'bereik', value->>1, " +
	SQLText(AlleVelden) + ", '', value->>2, value->>3 FROM json_each(?3)"

// AddBereikBulk stores many reach figures in this transaction, for imports.
// Each figure's measure is found first (or added, see maatResolver.resolve).
// A figure for a measure and period that has none yet is inserted with one prepared
// statement and gets one audit row with all its fields (AlleVelden), made
// for all new figures together; a figure that replaces an existing one is
// stored as RecordBereik stores it, with an audit row per changed field.
// Every figure is validated first; a problem is returned as a BatchError
// naming the row (index into rows), and the caller's transaction must then
// be rolled back.
func (t *Tx) AddBereikBulk(rows []domain.Bereik) error {
	maten := newMaatResolver(t)
	for i := range rows {
		if err := maten.resolve(&rows[i]); err != nil {
			return &BatchError{Rows: []RowError{{Row: i, Err: err}}}
		}
		if err := rows[i].Validate(); err != nil {
			return &BatchError{Rows: []RowError{{Row: i, Err: err}}}
		}
		rows[i].ID, rows[i].Gebruiker, rows[i].Vastgelegd = 0, t.user, t.at
	}
	sqlTx, ok := t.db.Statement.ConnPool.(*sql.Tx)
	if !ok {
		return errors.New("bereik opslaan: geen transactie")
	}
	insertReach, err := sqlTx.Prepare(insertReachSQL)
	if err != nil {
		return describeSQLiteError(err)
	}
	defer insertReach.Close()
	audit := wholeReachAudit{tx: t, sqlTx: sqlTx}
	args := make([]any, len(reachColumns))
	for i := range rows {
		b := &rows[i]
		for k, c := range reachColumns {
			args[k] = c.value(b)
		}
		res, err := insertReach.Exec(args...)
		if err != nil {
			return &BatchError{Rows: []RowError{{Row: i, Err: describeSQLiteError(err)}}}
		}
		if n, _ := res.RowsAffected(); n == 0 { // the period has a figure: replace it, audited per field
			// audit the new figures first: the one replaced may be among them
			if err := audit.write(); err != nil {
				return err
			}
			if err := t.replaceReach(sqlTx, b); err != nil {
				return &BatchError{Rows: []RowError{{Row: i, Err: err}}}
			}
			continue
		}
		id, err := res.LastInsertId()
		if err != nil {
			return err
		}
		b.ID = uint(id)
		audit.ids = append(audit.ids, b.ID)
	}
	return audit.write()
}

// wholeReachAudit collects the record numbers of new figures until their
// AlleVelden audit rows are written together.
type wholeReachAudit struct {
	tx    *Tx
	sqlTx *sql.Tx
	ids   []uint
}

// write appends the audit rows of the collected figures, as they are
// stored now, linked into the audit trail's chain.
func (a *wholeReachAudit) write() error {
	if len(a.ids) == 0 {
		return nil
	}
	ids, err := json.Marshal(a.ids)
	if err != nil {
		return err
	}
	rows, err := a.sqlTx.Query(selectWholeAuditSQL, auditText(a.tx.at), string(ids))
	if err != nil {
		return describeSQLiteError(err)
	}
	audit := make([]domain.Wijziging, 0, len(a.ids))
	for rows.Next() {
		var id uint
		var value string
		if err := rows.Scan(&id, &value); err != nil {
			rows.Close()
			return err
		}
		audit = append(audit, a.tx.row(domain.ActieToegevoegd, "bereik", id, AlleVelden, "", value))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return describeSQLiteError(err)
	}
	if len(audit) != len(a.ids) {
		return errors.New("bereik opslaan: niet elk nieuw cijfer kreeg zijn regel in het wijzigingenlogboek")
	}
	if err := a.tx.chainRows(audit); err != nil {
		return err
	}
	list := make([][4]any, len(audit))
	for i, w := range audit {
		list[i] = [4]any{w.ID, w.EntiteitID, w.NieuweWaarde, w.Keten}
	}
	body, err := json.Marshal(list)
	if err != nil {
		return err
	}
	res, err := a.sqlTx.Exec(insertWholeAuditSQL, a.tx.at, a.tx.user, string(body))
	if err != nil {
		a.tx.last = nil
		return describeSQLiteError(err)
	}
	if n, _ := res.RowsAffected(); n != int64(len(audit)) {
		return errors.New("bereik opslaan: niet elk nieuw cijfer kreeg zijn regel in het wijzigingenlogboek")
	}
	a.ids = a.ids[:0]
	return nil
}

// replaceReach stores b over the figure its owner already has for the
// measure and period, as RecordBereik does (every column written, an audit row for each
// field that changed, nothing when none did), reading and writing the
// figure with plain statements instead of gorm's reflection: this is the
// path of a file imported again with corrections. The changes are logged
// as every change is (logAll).
func (t *Tx) replaceReach(sqlTx *sql.Tx, b *domain.Bereik) error {
	owner, id := "interventie_id", b.InterventieID
	if id == nil {
		owner, id = "doelstelling_id", b.DoelstellingID
	}
	var stored uint
	before := make([]any, len(reachColumns))
	dest := []any{&stored}
	for i := range before {
		dest = append(dest, &before[i])
	}
	query := fmt.Sprintf(selectReachSQL, strings.Join(reachColumnNames, ", "), owner)
	if err := sqlTx.QueryRow(query, *id, b.MaatID, b.Periode).Scan(dest...); err != nil {
		return describeSQLiteError(err)
	}
	b.ID = stored
	var changes []domain.Wijziging
	after := make([]any, 0, len(reachColumns)+1)
	for i, c := range reachColumns {
		value := c.value(b)
		if !c.key {
			after = append(after, value)
		}
		if old, updated := auditText(before[i]), auditText(value); old != updated {
			changes = append(changes, t.row(domain.ActieGewijzigd, "bereik", b.ID, c.name, old, updated))
		}
	}
	if len(changes) == 0 {
		return nil
	}
	if _, err := sqlTx.Exec(updateReachSQL, append(after, b.ID)...); err != nil {
		return describeSQLiteError(err)
	}
	return t.logAll(changes)
}
