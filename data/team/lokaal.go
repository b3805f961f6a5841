package team

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"gorm.io/gorm"

	"jeugdmonitor/data/domain"
)

// The laptop's team state, kept in team_staat.
const (
	staatHerkomst     = "herkomst"      // this laptop's origin id
	staatTeam         = "team"          // the id of the team it belongs to
	staatVerzondenTot = "verzonden_tot" // the last audit row sent (or received)
	staatOntvangenTot = "ontvangen_tot" // the last team change received
	staatVoorgangers  = "voorgangers"   // earlier origins of this file, see staat.Voorgangers
	staatEigenTot     = "eigen_tot"     // see staat.EigenTot
)

// staat is the laptop's team state.
type staat struct {
	Herkomst     string
	Team         string
	VerzondenTot uint
	OntvangenTot int64
	// EigenTot is a team number at or after this laptop's last change in
	// the team database: after it, the team has none of its changes.
	// Receiving looks for the laptop's own later changes to a field only
	// up to there (math.MaxInt64 for a database from before it was kept).
	EigenTot int64
	// Voorgangers are the origins this database file had before it was
	// found restored or copied, each with the last team change it had
	// received then: that origin's changes up to there are in this file,
	// its later ones were made by another copy (or before the restore) and
	// are fetched like anyone else's.
	Voorgangers map[string]int64
}

// ErrNotInTeam is returned by a synchronisation of a database that has not
// joined a team.
var ErrNotInTeam = errors.New("deze database hoort nog niet bij een team (eerst: jeugdmonitor team init of team koppel)")

// readState reads the team state; ok is false before the laptop joined a team.
func readState(db *gorm.DB) (st staat, ok bool, err error) {
	var rows []struct{ Sleutel, Waarde string }
	if err := db.Raw("SELECT sleutel, waarde FROM team_staat").Scan(&rows).Error; err != nil {
		return st, false, err
	}
	m := map[string]string{}
	for _, r := range rows {
		m[r.Sleutel] = r.Waarde
	}
	if m[staatHerkomst] == "" {
		return st, false, nil
	}
	st.Herkomst, st.Team = m[staatHerkomst], m[staatTeam]
	v, err1 := strconv.ParseUint(m[staatVerzondenTot], 10, 64)
	o, err2 := strconv.ParseInt(m[staatOntvangenTot], 10, 64)
	if err := errors.Join(err1, err2); err != nil {
		return st, false, fmt.Errorf("de teamstatus van deze database is beschadigd: %w", err)
	}
	st.VerzondenTot, st.OntvangenTot, st.EigenTot = uint(v), o, math.MaxInt64
	if text, ok := m[staatEigenTot]; ok {
		if st.EigenTot, err = strconv.ParseInt(text, 10, 64); err != nil {
			return st, false, fmt.Errorf("de teamstatus van deze database is beschadigd: %w", err)
		}
	}
	st.Voorgangers = map[string]int64{}
	for _, item := range strings.Split(m[staatVoorgangers], ",") {
		if item == "" {
			continue
		}
		h, tot, _ := strings.Cut(item, ":")
		n, err := strconv.ParseInt(tot, 10, 64)
		if err != nil {
			return st, false, fmt.Errorf("de teamstatus van deze database is beschadigd: %w", err)
		}
		st.Voorgangers[h] = n
	}
	return st, true, nil
}

// writeState stores the team state.
func writeState(db *gorm.DB, st staat) error {
	var voorgangers []string
	for h, tot := range st.Voorgangers {
		voorgangers = append(voorgangers, h+":"+strconv.FormatInt(tot, 10))
	}
	sort.Strings(voorgangers)
	for k, v := range map[string]string{staatHerkomst: st.Herkomst, staatTeam: st.Team,
		staatVerzondenTot: strconv.FormatUint(uint64(st.VerzondenTot), 10),
		staatOntvangenTot: strconv.FormatInt(st.OntvangenTot, 10),
		staatEigenTot:     strconv.FormatInt(st.EigenTot, 10),
		staatVoorgangers:  strings.Join(voorgangers, ",")} {
		if err := db.Exec("INSERT INTO team_staat (sleutel, waarde) VALUES (?, ?)"+
			" ON CONFLICT (sleutel) DO UPDATE SET waarde = excluded.waarde", k, v).Error; err != nil {
			return err
		}
	}
	return nil
}

// own reports whether a team change was made in this database file: by
// its origin, or by an earlier origin of the file before it was restored
// or copied.
func (st staat) own(c Wijziging) bool {
	if c.Herkomst == st.Herkomst {
		return true
	}
	tot, ok := st.Voorgangers[c.Herkomst]
	return ok && c.Volgnummer <= tot
}

// newID is a random id (128 bits, hex) for a laptop or a team.
func newID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	return hex.EncodeToString(b)
}

// lastAuditRow is the number of the last row of the local audit trail.
func lastAuditRow(db *gorm.DB) (uint, error) {
	var n uint
	err := db.Raw("SELECT coalesce(max(id), 0) FROM wijzigingen").Scan(&n).Error
	return n, err
}

// column is one column of a shared table.
type column struct {
	name     string
	typ      string // INTEGER, REAL, DATETIME, TEXT
	nullable bool
	// emptyText: a text column that may be empty but has no default, so
	// a record added from audit rows (which leave empty fields out) must
	// name it (an indicator whose source names no unit).
	emptyText bool
	ref       string // the table a reference points to, or ""
}

// tables knows the columns of the shared tables, read once per transaction.
type tables struct {
	db   *gorm.DB
	cols map[string]map[string]column
	// rules are the columns of each unique rule per table (uniqueRules).
	rules map[string][][]string
	// checks are the columns a CHECK rule names, per table (checked).
	checks map[string]map[string]bool
}

// columns lists the columns of a shared table by name.
func (t *tables) columns(table string) (map[string]column, error) {
	if c, ok := t.cols[table]; ok {
		return c, nil
	}
	if t.cols == nil {
		t.cols = map[string]map[string]column{}
	}
	var info []struct {
		Name      string
		Type      string
		Notnull   int
		DfltValue *string
	}
	if err := t.db.Raw("SELECT name, type, \"notnull\", dflt_value FROM pragma_table_info(?)", table).Scan(&info).Error; err != nil {
		return nil, err
	}
	if len(info) == 0 {
		return nil, fmt.Errorf("onbekende tabel %s", table)
	}
	var fks []struct {
		From  string
		Table string
	}
	if err := t.db.Raw("SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?)", table).Scan(&fks).Error; err != nil {
		return nil, err
	}
	cols := map[string]column{}
	for _, c := range info {
		typ := strings.ToUpper(c.Type)
		cols[c.Name] = column{name: c.Name, typ: typ, nullable: c.Notnull == 0,
			emptyText: c.Notnull != 0 && c.DfltValue == nil && typ == "TEXT"}
	}
	for _, fk := range fks {
		c := cols[fk.From]
		c.ref = fk.Table
		cols[fk.From] = c
	}
	t.cols[table] = cols
	return cols, nil
}

// keys maps local record numbers to team-wide keys and back, in a
// transaction, remembering what it looked up.
type keys struct {
	db      *gorm.DB
	byLocal map[string]string   // "table id" -> first key
	byKey   map[string]uint     // "table key" -> local number (0: none)
	all     map[string][]string // "table id" -> every key, oldest first
}

// newKeys maps keys in the transaction db.
func newKeys(db *gorm.DB) keys {
	return keys{db: db, byLocal: map[string]string{}, byKey: map[string]uint{}, all: map[string][]string{}}
}

// allOf is every team-wide key of a local record, oldest first: a record
// added on more laptops before they synchronised has the key of each. The
// list is shared: callers do not change it.
func (k keys) allOf(table string, id uint) ([]string, error) {
	local := table + " " + strconv.FormatUint(uint64(id), 10)
	if _, known := k.all[local]; !known {
		if err := k.loadLocal(table, []uint{id}); err != nil {
			return nil, err
		}
	}
	return k.all[local], nil
}

// aliasesOf is every key of a local record other than key (nil for a
// record with one key, as most have).
func (k keys) aliasesOf(table string, id uint, key string) ([]string, error) {
	all, err := k.allOf(table, id)
	if err != nil || len(all) < 2 {
		return nil, err
	}
	var others []string
	for _, a := range all {
		if a != key {
			others = append(others, a)
		}
	}
	return others, nil
}

// loadLocal looks up every key of the local records ids of table, a query
// per preloadBatch of them: byLocal gets the first, all every one.
func (k keys) loadLocal(table string, ids []uint) error {
	for start := 0; start < len(ids); start += preloadBatch {
		part := ids[start:min(start+preloadBatch, len(ids))]
		var found []struct {
			LokaalID uint
			Sleutel  string
		}
		if err := k.db.Raw("SELECT lokaal_id, sleutel FROM team_sleutels WHERE entiteit = ? AND lokaal_id IN ? ORDER BY rowid",
			table, part).Scan(&found).Error; err != nil {
			return err
		}
		for _, id := range part {
			local := table + " " + strconv.FormatUint(uint64(id), 10)
			k.byLocal[local], k.all[local] = "", nil // unless found
		}
		for _, f := range found {
			local := table + " " + strconv.FormatUint(uint64(f.LokaalID), 10)
			if k.byLocal[local] == "" {
				k.byLocal[local] = f.Sleutel
			}
			k.all[local] = append(k.all[local], f.Sleutel)
		}
	}
	return nil
}

// keyOf is the team-wide key of a local record ("" when it has none).
func (k keys) keyOf(table string, id uint) (string, error) {
	local := table + " " + strconv.FormatUint(uint64(id), 10)
	if key, ok := k.byLocal[local]; ok {
		return key, nil
	}
	var key string
	err := k.db.Raw("SELECT sleutel FROM team_sleutels WHERE entiteit = ? AND lokaal_id = ? ORDER BY rowid LIMIT 1", table, id).
		Scan(&key).Error
	if err == nil {
		k.byLocal[local] = key
	}
	return key, err
}

// localID is the local number of the record with a team-wide key (0: none here).
func (k keys) localID(table, key string) (uint, error) {
	if id, ok := k.byKey[table+" "+key]; ok {
		return id, nil
	}
	var id uint
	err := k.db.Raw("SELECT lokaal_id FROM team_sleutels WHERE sleutel = ? AND entiteit = ?", key, table).Scan(&id).Error
	if err == nil {
		k.byKey[table+" "+key] = id
	}
	return id, err
}

// preloadBatch is how many keys one lookup of preload asks for.
const preloadBatch = 200

// preload looks up the local numbers of the records a batch of received
// changes is about, and every key of those here, a few queries for the
// whole batch instead of one per record or change; localID and allOf then
// answer from memory.
func (k keys) preload(batch []received) error {
	wanted := map[string]bool{}
	var list []string
	for _, c := range batch {
		if c.Entiteit == linkTable || wanted[c.Sleutel] {
			continue
		}
		wanted[c.Sleutel] = true
		list = append(list, c.Sleutel)
		k.byKey[c.Entiteit+" "+c.Sleutel] = 0 // unless found below
	}
	for start := 0; start < len(list); start += preloadBatch {
		var rows []struct {
			Sleutel, Entiteit string
			LokaalID          uint
		}
		if err := k.db.Raw("SELECT sleutel, entiteit, lokaal_id FROM team_sleutels WHERE sleutel IN ?",
			list[start:min(start+preloadBatch, len(list))]).Scan(&rows).Error; err != nil {
			return err
		}
		for _, r := range rows {
			k.byKey[r.Entiteit+" "+r.Sleutel] = r.LokaalID
		}
	}
	here := map[string][]uint{}
	for key, id := range k.byKey {
		table, _, _ := strings.Cut(key, " ")
		if _, known := k.all[table+" "+strconv.FormatUint(uint64(id), 10)]; id != 0 && !known {
			here[table] = append(here[table], id)
		}
	}
	for table, ids := range here {
		slices.Sort(ids)
		if err := k.loadLocal(table, slices.Compact(ids)); err != nil {
			return err
		}
	}
	return nil
}

// preloadLocal looks up the keys of the shared records audit rows are
// about, a few queries for all of them instead of one per record; keyOf
// then answers from memory.
func (k keys) preloadLocal(rows []domain.Wijziging) error {
	byTable := map[string][]uint{}
	for _, w := range rows {
		local := w.Entiteit + " " + strconv.FormatUint(uint64(w.EntiteitID), 10)
		if link, shared := gedeeldeEntiteiten[w.Entiteit]; !shared || link {
			continue
		}
		if _, known := k.byLocal[local]; known {
			continue
		}
		k.byLocal[local] = "" // asked below
		byTable[w.Entiteit] = append(byTable[w.Entiteit], w.EntiteitID)
	}
	for table, ids := range byTable {
		if err := k.loadLocal(table, ids); err != nil {
			return err
		}
	}
	return nil
}

// add gives a local record a team-wide key (a record can have more).
func (k keys) add(table string, id uint, key string) error {
	return k.addAll(table, []uint{id}, []string{key})
}

// addAll gives local records of a table (numbered ids) team-wide keys, one
// each, with one statement.
func (k keys) addAll(table string, ids []uint, keys []string) error {
	marks := make([]string, len(ids))
	args := make([]any, 0, 3*len(ids))
	for i, id := range ids {
		local := table + " " + strconv.FormatUint(uint64(id), 10)
		if k.byLocal[local] == "" {
			delete(k.byLocal, local) // it may have had a key before: ask again
		}
		k.byKey[table+" "+keys[i]] = id
		if list, known := k.all[local]; known {
			k.all[local] = append(list, keys[i])
		}
		marks[i] = "(?, ?, ?)"
		args = append(args, keys[i], table, int64(id))
	}
	_, err := k.db.Statement.ConnPool.ExecContext(k.db.Statement.Context,
		"INSERT INTO team_sleutels (sleutel, entiteit, lokaal_id) VALUES "+strings.Join(marks, ", "), args...)
	return err
}

// forget removes every key of a local record that no longer exists.
func (k keys) forget(table string, id uint) error {
	delete(k.byLocal, table+" "+strconv.FormatUint(uint64(id), 10))
	delete(k.all, table+" "+strconv.FormatUint(uint64(id), 10))
	for key, local := range k.byKey {
		if local == id && strings.HasPrefix(key, table+" ") {
			delete(k.byKey, key)
		}
	}
	return k.db.Exec("DELETE FROM team_sleutels WHERE entiteit = ? AND lokaal_id = ?", table, id).Error
}

// drop removes some keys of a local record that stays under its others.
func (k keys) drop(table string, id uint, gone []string) error {
	local := table + " " + strconv.FormatUint(uint64(id), 10)
	delete(k.byLocal, local) // asked again
	delete(k.all, local)
	for _, key := range gone {
		k.byKey[table+" "+key] = 0
	}
	return k.db.Exec("DELETE FROM team_sleutels WHERE entiteit = ? AND lokaal_id = ? AND sleutel IN ?", table, id, gone).Error
}

// refToKey writes a reference (a local number as text) as the referenced
// record's team-wide key.
func (k keys) refToKey(table, value string) (string, error) {
	if value == "" {
		return "", nil
	}
	id, err := strconv.ParseUint(value, 10, 64)
	if err != nil {
		return "", fmt.Errorf("verwijzing %q naar %s is geen nummer", value, table)
	}
	key, err := k.keyOf(table, uint(id))
	if err != nil {
		return "", err
	}
	if key == "" {
		return "", fmt.Errorf("%s nummer %d heeft geen teamsleutel (het is buiten het logboek om toegevoegd)", table, id)
	}
	return key, nil
}

// keyToRef writes a team-wide key as the local number of that record;
// found is false when the record does not exist here.
func (k keys) keyToRef(table, key string) (ref string, found bool, err error) {
	if key == "" {
		return "", true, nil
	}
	id, err := k.localID(table, key)
	if err != nil || id == 0 {
		return "", false, err
	}
	return strconv.FormatUint(uint64(id), 10), true, nil
}

// sortedColumns lists a table's column names in name order.
func sortedColumns(cols map[string]column) []string {
	names := make([]string, 0, len(cols))
	for name := range cols {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// isTime reports whether a column holds moments.
func isTime(col column) bool {
	return strings.Contains(col.typ, "DATE") || strings.Contains(col.typ, "TIME")
}
