package store

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/foutmelding"
)

// The audit trail holds every change of every record, field by field: played
// back from the start it gives each record as it is stored now. verifyTrail
// plays it back and compares, so a figure changed without a trail row, or a
// trail that was emptied or cut short (in a database, or in a full export
// before it is read in) is found, named by the first record that differs.

// trailTables are the tables whose records the trail describes whole, with
// their models. Measures (maten) are not among them: a migration made the
// first ones from the units of the reach figures, without trail rows, and
// a full export names a figure's measure instead of numbering it.
var trailTables = []struct {
	table string
	model any
}{
	{"interventies", domain.Interventie{}},
	{"doelstellingen", domain.Doelstelling{}},
	{"doelstelling_herzieningen", domain.DoelstellingHerziening{}},
	{"bereik", domain.Bereik{}},
	{"indicatoren", domain.Indicator{}},
	{"metingen", domain.Meting{}},
	{"begrotingsdoelen", domain.Begrotingsdoel{}},
	{"criteria", domain.Criterium{}},
	{"begrotingsregels", domain.Begrotingsregel{}},
	{"besparingen", domain.Besparing{}},
	{"besparing_totalen", domain.BesparingTotaal{}},
	{"beleidsteksten", domain.Beleidstekst{}},
	{"presentaties", Presentatie{}},
	{"importkoppelingen", Importkoppeling{}},
}

// untrailed are the columns the trail does not follow: a figure's measure
// (see trailTables).
var untrailed = map[string]bool{"bereik.maat_id": true}

// trailBatch is how many records are compared at a time; memory is their
// records and trail rows.
const trailBatch = 500

// TrailError names the first record that does not agree with the audit
// trail played back.
type TrailError struct {
	Table string
	ID    uint
	// Field, Stored and Logged name the field that differs and its value in
	// the record and after the trail; Field is empty when the record
	// itself is missing from one of the two.
	Field, Stored, Logged string
	// InTrail says, when Field is empty, which of the two has the record.
	InTrail bool
}

// Error gives the Dutch message.
func (e *TrailError) Error() string {
	what := fmt.Sprintf("%s nummer %d", e.Table, e.ID)
	if e.Table == "instellingen" {
		what = "instellingen"
	}
	var detail string
	switch {
	case e.Field != "":
		detail = fmt.Sprintf("%s, veld %s, is %s, maar volgens het wijzigingenlogboek %s", what, e.Field, quoteValue(e.Stored), quoteValue(e.Logged))
	case e.InTrail:
		detail = what + " staat in het wijzigingenlogboek, maar niet in de gegevens"
	default:
		detail = what + " staat in de gegevens zonder regels in het wijzigingenlogboek"
	}
	return "de gegevens kloppen niet met het wijzigingenlogboek: " + detail +
		"; de gegevens of het logboek zijn buiten het programma aangepast"
}

// quoteValue quotes a value for a message, "(leeg)" when it is empty.
func quoteValue(v string) string {
	if v == "" {
		return "(leeg)"
	}
	return foutmelding.Citeer(v)
}

// trailState is a record as the trail played back so far makes it.
type trailState struct {
	fields map[string]string
	exists bool
}

// verifyTrail plays back the audit trail and compares every record of the
// trailTables and every link of a target with an intervention with it; it
// returns a *TrailError for the first that differs. It reads a batch of
// records at a time, with their trail rows (by the trail's index on record).
func verifyTrail(db *gorm.DB) error {
	for _, tt := range trailTables {
		if err := verifyTable(db, tt.table, reflect.TypeOf(tt.model)); err != nil {
			return err
		}
	}
	return verifyLinks(db)
}

// verifyTable compares the records of one table with the trail, a batch of
// record numbers at a time: the range after the last batch's last number up
// to this batch's last (the final batch: every number after).
func verifyTable(db *gorm.DB, table string, model reflect.Type) error {
	t := &Tx{db: db}
	after := uint(0)
	for {
		batch := reflect.New(reflect.SliceOf(model))
		if err := db.Table(table).Where("id > ?", after).Order("id").Limit(trailBatch).Find(batch.Interface()).Error; err != nil {
			return describeReadError(err)
		}
		records := batch.Elem()
		last := uint(math.MaxInt64)
		full := records.Len() == trailBatch
		if full {
			last = uint(records.Index(records.Len() - 1).FieldByName("ID").Uint())
		}
		states, err := replay(db, table, after, last)
		if err != nil {
			return err
		}
		for i := 0; i < records.Len(); i++ {
			rec := records.Index(i).Addr().Interface()
			_, id, values, order, err := t.auditedFields(rec)
			if err != nil {
				return err
			}
			st := states[id]
			if st == nil || !st.exists {
				return &TrailError{Table: table, ID: id}
			}
			for _, f := range order {
				if f == "id" || untrailed[table+"."+f] {
					continue
				}
				if !sameValue(values[f], st.fields[f]) {
					return &TrailError{Table: table, ID: id, Field: f, Stored: values[f], Logged: st.fields[f]}
				}
			}
			delete(states, id)
		}
		for _, id := range slices.Sorted(maps.Keys(states)) {
			if states[id].exists {
				return &TrailError{Table: table, ID: id, InTrail: true}
			}
		}
		if !full {
			return nil
		}
		after = last
	}
}

// replay plays back the trail rows of the records of table numbered after
// first up to last.
func replay(db *gorm.DB, table string, after, last uint) (map[uint]*trailState, error) {
	rows, err := db.Raw("SELECT entiteit_id, actie, veld, nieuwe_waarde FROM wijzigingen"+
		" WHERE entiteit = ? AND entiteit_id > ? AND entiteit_id <= ? ORDER BY entiteit_id, id", table, after, last).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	states := map[uint]*trailState{}
	for rows.Next() {
		var id uint
		var actie, veld, value string
		if err := rows.Scan(&id, &actie, &veld, &value); err != nil {
			return nil, describeReadError(err)
		}
		st := states[id]
		if st == nil {
			st = &trailState{fields: map[string]string{}}
			states[id] = st
		}
		st.exists = domain.Actie(actie) != domain.ActieVerwijderd
		if veld != AlleVelden {
			st.fields[veld] = value
			continue
		}
		var all map[string]string
		if err := json.Unmarshal([]byte(value), &all); err != nil {
			return nil, &TrailError{Table: table, ID: id, Field: AlleVelden, Logged: value}
		}
		for f, v := range all {
			st.fields[f] = v
		}
	}
	return states, rows.Err()
}

// sameValue compares a stored field with the trail's: as text, or as the
// same number, truth value or moment written another way (a bulk import
// writes a rare number of 16 or more digits with one digit more; the team
// synchronisation logs values as SQLite gives them: 0 for false, a moment
// with a space).
func sameValue(stored, logged string) bool {
	return stored == logged || canonical(stored) == canonical(logged)
}

// timeLayouts are the ways a moment is written in the trail.
var timeLayouts = []string{time.RFC3339Nano, "2006-01-02 15:04:05.999999999-07:00", "2006-01-02 15:04:05.999999999Z07:00", "2006-01-02 15:04:05"}

// canonical writes a value one way: a number as the shortest decimal, a
// truth value as 0 or 1, a moment as UTC to the second.
func canonical(v string) string {
	switch v {
	case "true":
		return "1"
	case "false":
		return "0"
	}
	if f, err := strconv.ParseFloat(v, 64); err == nil {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, v); err == nil {
			return t.UTC().Truncate(time.Second).Format(time.RFC3339)
		}
	}
	return v
}

// verifyLinks compares which interventions share each target with the
// trail, whose rows for table doelstelling_interventies add (new value) or
// remove (old value) one link of the target they are numbered by.
func verifyLinks(db *gorm.DB) error {
	type link struct{ target, intervention string }
	logged := map[link]bool{}
	rows, err := db.Raw("SELECT entiteit_id, actie, oude_waarde, nieuwe_waarde FROM wijzigingen" +
		" WHERE entiteit = 'doelstelling_interventies' ORDER BY id").Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id uint
		var actie, oud, nieuw string
		if err := rows.Scan(&id, &actie, &oud, &nieuw); err != nil {
			return describeReadError(err)
		}
		target := strconv.FormatUint(uint64(id), 10)
		if domain.Actie(actie) == domain.ActieVerwijderd {
			delete(logged, link{target, oud})
		} else {
			logged[link{target, nieuw}] = true
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	var stored []domain.DoelstellingInterventie
	if err := db.Order("doelstelling_id, interventie_id").Find(&stored).Error; err != nil {
		return err
	}
	for _, l := range stored {
		k := link{strconv.FormatUint(uint64(l.DoelstellingID), 10), strconv.FormatUint(uint64(l.InterventieID), 10)}
		if !logged[k] {
			return &TrailError{Table: "doelstelling_interventies", ID: l.DoelstellingID, Field: "interventie_id",
				Stored: k.intervention, Logged: ""}
		}
		delete(logged, k)
	}
	for _, k := range slices.SortedFunc(maps.Keys(logged), func(a, b link) int { return strings.Compare(a.target+" "+a.intervention, b.target+" "+b.intervention) }) {
		id, _ := strconv.ParseUint(k.target, 10, 64)
		return &TrailError{Table: "doelstelling_interventies", ID: uint(id), Field: "interventie_id", Logged: k.intervention}
	}
	return verifySettings(db)
}

// verifySettings compares the settings with the trail, whose rows for
// table instellingen name the setting as their field.
func verifySettings(db *gorm.DB) error {
	logged := map[string]string{}
	rows, err := db.Raw("SELECT actie, veld, nieuwe_waarde FROM wijzigingen WHERE entiteit = 'instellingen' ORDER BY id").Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var actie, veld, value string
		if err := rows.Scan(&actie, &veld, &value); err != nil {
			return describeReadError(err)
		}
		if domain.Actie(actie) == domain.ActieVerwijderd {
			delete(logged, veld)
		} else {
			logged[veld] = value
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	var stored []instelling
	if err := db.Order("sleutel").Find(&stored).Error; err != nil {
		return err
	}
	for _, st := range stored {
		want, ok := logged[st.Sleutel]
		if !ok || want != st.Waarde {
			return &TrailError{Table: "instellingen", Field: st.Sleutel, Stored: st.Waarde, Logged: want}
		}
		delete(logged, st.Sleutel)
	}
	for _, key := range slices.Sorted(maps.Keys(logged)) {
		return &TrailError{Table: "instellingen", Field: key, Logged: logged[key]}
	}
	return nil
}
