package store

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"jeugdmonitor/data/domain"
)

// AlleVelden is the field of an audit row that records all fields of a new
// record at once: its new value is a JSON object of the record's non-empty
// fields, as they would otherwise be logged one row each. Bulk imports write
// these, one per added record.
const AlleVelden = "alle velden"

// insertReach adds a figure unless its owner has one for the period
// already; it reports whether it added it (and set its ID).
const insertReach = "INSERT INTO bereik (interventie_id, doelstelling_id, periode, jaar, periode_soort, soort, waarde, " +
	"waarde_tot, eenheid, status, bron, notitie, gebruiker, vastgelegd) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) " +
	"ON CONFLICT DO NOTHING"

// insertAudit appends one audit row.
const insertAudit = "INSERT INTO wijzigingen (tijd, gebruiker, actie, entiteit, entiteit_id, veld, oude_waarde, " +
	"nieuwe_waarde) VALUES (?,?,?,?,?,?,?,?)"

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
		return fmt.Errorf("bereik opslaan: geen transactie")
	}
	reach, err := sqlTx.Prepare(insertReach)
	if err != nil {
		return describeSQLiteError(err)
	}
	defer reach.Close()
	audit, err := sqlTx.Prepare(insertAudit)
	if err != nil {
		return describeSQLiteError(err)
	}
	defer audit.Close()
	for i := range rows {
		b := &rows[i]
		res, err := reach.Exec(b.InterventieID, b.DoelstellingID, b.Periode, b.Jaar, b.PeriodeSoort, b.Soort, b.Waarde,
			b.WaardeTot, b.Eenheid, b.Status, b.BronTekst, b.Notitie, b.Gebruiker, b.Vastgelegd)
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
		w, err := t.wholeRecordRow(b)
		if err != nil {
			return err
		}
		if _, err := audit.Exec(w.Tijd, w.Gebruiker, w.Actie, w.Entiteit, w.EntiteitID, w.Veld, w.OudeWaarde,
			w.NieuweWaarde); err != nil {
			return describeSQLiteError(err)
		}
	}
	return nil
}

// wholeRecordRow is the audit row of a new record with all its non-empty
// fields as one JSON object.
func (t *Tx) wholeRecordRow(model any) (domain.Wijziging, error) {
	table, id, values, order, err := t.auditedFields(model)
	if err != nil {
		return domain.Wijziging{}, err
	}
	var obj strings.Builder
	obj.WriteString("{")
	for _, f := range order {
		if f == "id" || values[f] == "" {
			continue
		}
		if obj.Len() > 1 {
			obj.WriteString(",")
		}
		k, _ := json.Marshal(f)
		v, _ := json.Marshal(values[f])
		obj.Write(k)
		obj.WriteString(":")
		obj.Write(v)
	}
	obj.WriteString("}")
	return t.row(domain.ActieToegevoegd, table, id, AlleVelden, "", obj.String()), nil
}
