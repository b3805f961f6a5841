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
}

// reachColumns are the columns a bulk insert writes, in the order of the
// model's fields (as the audit trail lists them); the ID is left to SQLite.
var reachColumns = []reachColumn{
	{"interventie_id", func(b *domain.Bereik) any { return b.InterventieID }},
	{"doelstelling_id", func(b *domain.Bereik) any { return b.DoelstellingID }},
	{"periode", func(b *domain.Bereik) any { return b.Periode }},
	{"jaar", func(b *domain.Bereik) any { return b.Jaar }},
	{"periode_soort", func(b *domain.Bereik) any { return b.PeriodeSoort }},
	{"soort", func(b *domain.Bereik) any { return string(b.Soort) }},
	{"waarde", func(b *domain.Bereik) any { return b.Waarde }},
	{"waarde_tot", func(b *domain.Bereik) any { return b.WaardeTot }},
	{"eenheid", func(b *domain.Bereik) any { return b.Eenheid }},
	{"status", func(b *domain.Bereik) any { return string(b.Status) }},
	{"bron", func(b *domain.Bereik) any { return b.BronTekst }},
	{"notitie", func(b *domain.Bereik) any { return b.Notitie }},
	{"gebruiker", func(b *domain.Bereik) any { return b.Gebruiker }},
	{"vastgelegd", func(b *domain.Bereik) any { return b.Vastgelegd }},
}

// insertReachSQL adds one figure unless its owner has one for the period.
var insertReachSQL = func() string {
	names := make([]string, len(reachColumns))
	for i, c := range reachColumns {
		names[i] = c.name
	}
	return insertSQL("bereik", names) + " ON CONFLICT DO NOTHING"
}()

// insertAuditSQL appends one audit row.
var insertAuditSQL = insertSQL("wijzigingen",
	[]string{"tijd", "gebruiker", "actie", "entiteit", "entiteit_id", "veld", "oude_waarde", "nieuwe_waarde"})

// insertSQL is an INSERT of one row into the columns of table.
func insertSQL(table string, columns []string) string {
	return "INSERT INTO " + table + " (" + strings.Join(columns, ", ") + ") VALUES (" +
		strings.TrimSuffix(strings.Repeat("?,", len(columns)), ",") + ")"
}

// AddBereikBulk stores many reach figures in this transaction, for imports.
// A figure for a period that has none yet is inserted with one prepared
// statement and gets one audit row with all its fields (AlleVelden); a
// figure that replaces an existing one is stored as RecordBereik stores it,
// with an audit row per changed field. Every figure is validated first; a
// problem is returned as a BatchError naming the row (index into rows), and
// the caller's transaction must then be rolled back.
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
	insertAudit, err := sqlTx.Prepare(insertAuditSQL)
	if err != nil {
		return describeSQLiteError(err)
	}
	defer insertAudit.Close()
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
		if _, err := insertAudit.Exec(t.at, t.user, domain.ActieToegevoegd, "bereik", b.ID, AlleVelden, "",
			wholeReach(b)); err != nil {
			return describeSQLiteError(err)
		}
	}
	return nil
}

// wholeReach is a figure's non-empty fields as one JSON object, each written
// as the audit trail writes a field.
func wholeReach(b *domain.Bereik) string {
	var obj strings.Builder
	obj.WriteString("{")
	for _, c := range reachColumns {
		v := auditText(c.value(b))
		if v == "" {
			continue
		}
		if obj.Len() > 1 {
			obj.WriteString(",")
		}
		k, _ := json.Marshal(c.name)
		text, _ := json.Marshal(v)
		obj.Write(k)
		obj.WriteString(":")
		obj.Write(text)
	}
	obj.WriteString("}")
	return obj.String()
}
