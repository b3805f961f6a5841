package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"strings"

	"jeugdmonitor/data/domain"
)

// AlleVelden is the field of an audit row that records all fields of a new
// record at once: its new value is a JSON object of the record's non-empty
// fields, as they would otherwise be logged one row each. Bulk imports write
// these, one per added record.
const AlleVelden = "alle velden"

// reachColumn is a stored column of a reach figure with its value.
type reachColumn struct {
	name  string
	value func(b *domain.Bereik) any
	// audit is an SQL expression that writes the stored column as the audit
	// trail writes the field (auditText), NULL or '' when it is empty.
	audit string
}

// reachColumns are the columns a bulk insert writes, in the order of the
// model's fields (as the audit trail lists them); the ID is left to SQLite.
var reachColumns = []reachColumn{
	{"interventie_id", func(b *domain.Bereik) any { return b.InterventieID }, "CAST(interventie_id AS TEXT)"},
	{"doelstelling_id", func(b *domain.Bereik) any { return b.DoelstellingID }, "CAST(doelstelling_id AS TEXT)"},
	{"periode", func(b *domain.Bereik) any { return b.Periode }, "periode"},
	{"jaar", func(b *domain.Bereik) any { return b.Jaar }, "CAST(jaar AS TEXT)"},
	{"periode_soort", func(b *domain.Bereik) any { return b.PeriodeSoort }, "periode_soort"},
	{"soort", func(b *domain.Bereik) any { return string(b.Soort) }, "soort"},
	{"waarde", func(b *domain.Bereik) any { return b.Waarde }, sqlNumberText("waarde")},
	{"waarde_tot", func(b *domain.Bereik) any { return b.WaardeTot }, sqlNumberText("waarde_tot")},
	{"eenheid", func(b *domain.Bereik) any { return b.Eenheid }, "eenheid"},
	{"status", func(b *domain.Bereik) any { return string(b.Status) }, "status"},
	{"bron", func(b *domain.Bereik) any { return b.BronTekst }, "bron"},
	{"notitie", func(b *domain.Bereik) any { return b.Notitie }, "notitie"},
	{"gebruiker", func(b *domain.Bereik) any { return b.Gebruiker }, "gebruiker"},
	// the moment as auditText writes it, bound as ?3 of insertWholeAuditSQL
	{"vastgelegd", func(b *domain.Bereik) any { return b.Vastgelegd }, "?3"},
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

// insertReachSQL adds one figure unless its owner has one for the period.
var insertReachSQL = func() string {
	names := make([]string, len(reachColumns))
	for i, c := range reachColumns {
		names[i] = c.name
	}
	return "INSERT INTO bereik (" + strings.Join(names, ", ") + ") VALUES (" +
		strings.TrimSuffix(strings.Repeat("?,", len(names)), ",") + ") ON CONFLICT DO NOTHING"
}()

// insertWholeAuditSQL appends the AlleVelden audit rows of the figures whose
// record numbers are in the JSON array ?4, in their order, with ?1 and ?2 as
// the moment and user of the rows and ?3 the moment as the audit trail
// writes it. The JSON object is made by SQLite from the stored figure: one
// statement for many figures, where the driver would compile and bind a
// statement for every one.
var insertWholeAuditSQL = func() string {
	fields := make([]string, len(reachColumns))
	for i, c := range reachColumns {
		key, _ := json.Marshal(c.name)
		// json_quote gives 'null' for NULL; both it and "" leave the field out
		fields[i] = sqlQuote(string(key)+":") + " || nullif(nullif(json_quote(" + c.audit + "), 'null'), '\"\"')"
	}
	return "INSERT INTO wijzigingen (tijd, gebruiker, actie, entiteit, entiteit_id, veld, oude_waarde, nieuwe_waarde)" +
		" SELECT ?1, ?2, " + sqlQuote(string(domain.ActieToegevoegd)) + ", 'bereik', id, " + sqlQuote(AlleVelden) + ", ''," +
		" '{' || concat_ws(',', " + strings.Join(fields, ", ") + ") || '}'" +
		" FROM bereik WHERE id IN (SELECT value FROM json_each(?4)) ORDER BY id"
}()

// sqlQuote is text as an SQL string literal.
func sqlQuote(text string) string {
	return "'" + strings.ReplaceAll(text, "'", "''") + "'"
}

// AddBereikBulk stores many reach figures in this transaction, for imports.
// A figure for a period that has none yet is inserted with one prepared
// statement and gets one audit row with all its fields (AlleVelden), made
// for all new figures together; a figure that replaces an existing one is
// stored as RecordBereik stores it, with an audit row per changed field.
// Every figure is validated first; a problem is returned as a BatchError
// naming the row (index into rows), and the caller's transaction must then
// be rolled back.
func (t *Tx) AddBereikBulk(rows []domain.Bereik) error {
	for i := range rows {
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
			if _, err := t.recordBereik(b); err != nil {
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

// write appends the audit rows of the collected figures, as they are stored now.
func (a *wholeReachAudit) write() error {
	if len(a.ids) == 0 {
		return nil
	}
	ids, err := json.Marshal(a.ids)
	if err != nil {
		return err
	}
	res, err := a.sqlTx.Exec(insertWholeAuditSQL, a.tx.at, a.tx.user, auditText(a.tx.at), string(ids))
	if err != nil {
		return describeSQLiteError(err)
	}
	if n, _ := res.RowsAffected(); n != int64(len(a.ids)) {
		return errors.New("bereik opslaan: niet elk nieuw cijfer kreeg zijn regel in het wijzigingenlogboek")
	}
	a.ids = a.ids[:0]
	return nil
}
