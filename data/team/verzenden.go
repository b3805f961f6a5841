package team

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"time"

	"gorm.io/gorm"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/geschiedenis"
)

// linkField is how a change to a link names its field: the linked
// intervention's key follows, so that linking and unlinking the same pair
// is the same field.
const linkField = "interventie_id:"

// unsent reads the laptop's audit rows after st.VerzondenTot, which a
// synchronisation sends. It scans the columns itself: gorm's scanning by
// reflection took most of the time of reading 10.000 rows.
func unsent(db *gorm.DB, st staat) ([]domain.Wijziging, error) {
	rows, err := db.Raw("SELECT id, tijd, gebruiker, actie, entiteit, entiteit_id, veld, oude_waarde, nieuwe_waarde, keten"+
		" FROM wijzigingen WHERE id > ? ORDER BY id", st.VerzondenTot).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Wijziging
	for rows.Next() {
		var w domain.Wijziging
		if err := rows.Scan(&w.ID, &w.Tijd, &w.Gebruiker, &w.Actie, &w.Entiteit, &w.EntiteitID, &w.Veld, &w.OudeWaarde,
			&w.NieuweWaarde, &w.Keten); err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	return out, rows.Err()
}

// newConverter prepares turning the audit rows rows into changes (each),
// looking up the keys of the records they name in one go.
func newConverter(db *gorm.DB, st staat, rows []domain.Wijziging) (*converter, error) {
	c := &converter{k: newKeys(db), t: &tables{db: db}, st: st, deleted: map[string]bool{}}
	return c, c.k.preloadLocal(rows)
}

// each turns rows into changes, in order, handing those of every row to
// emit, and gives records added since their team-wide key; finish then
// writes the keys.
func (c *converter) each(rows []domain.Wijziging, emit func([]Wijziging) error) error {
	for _, w := range rows {
		changes, err := c.convert(w)
		if err != nil {
			return fmt.Errorf("logboekregel %d (%s %s %d %s): %w", w.ID, w.Actie, w.Entiteit, w.EntiteitID, w.Veld, err)
		}
		if err := emit(changes); err != nil {
			return err
		}
	}
	return nil
}

// finish writes the keys each gave to new records into team_sleutels and
// forgets those of records removed.
func (c *converter) finish() error {
	if err := c.writeKeys(); err != nil {
		return err
	}
	for rec := range c.deleted {
		var table string
		var id uint
		if _, err := fmt.Sscanf(rec, "%s %d", &table, &id); err != nil {
			return err
		}
		if err := c.k.forget(table, id); err != nil {
			return err
		}
	}
	return nil
}

// countChanges is how many changes each will make of rows, without making
// them (for progress): one per row about a shared record, one per field
// for a row with all fields of a new record.
func countChanges(rows []domain.Wijziging) int {
	n := 0
	for _, w := range rows {
		link, shared := gedeeldeEntiteiten[w.Entiteit]
		switch {
		case !shared && w.Entiteit != conflictTable:
		case shared && !link && w.Veld == geschiedenis.AlleVelden:
			n += topLevelFields(w.NieuweWaarde)
		default:
			n++
		}
	}
	return n
}

// topLevelFields counts the members of a JSON object: the colons outside
// strings at its first level (a malformed object fails when converted).
func topLevelFields(object string) int {
	n, depth, inString, escaped := 0, 0, false, false
	for i := 0; i < len(object); i++ {
		b := object[i]
		switch {
		case inString && escaped:
			escaped = false
		case inString && b == '\\':
			escaped = true
		case inString:
			inString = b != '"'
		case b == '"':
			inString = true
		case b == '{' || b == '[':
			depth++
		case b == '}' || b == ']':
			depth--
		case b == ':' && depth == 1:
			n++
		}
	}
	return n
}

// converter turns audit rows into changes, in the order of the trail.
type converter struct {
	k  keys
	t  *tables
	st staat
	// deleted are the records ("table id") removed in the rows read so far;
	// their keys are forgotten at the end (a number can be used again).
	deleted map[string]bool
	// given are the keys given to records added in the rows read so far,
	// written into team_sleutels together by writeKeys.
	given []givenKey
}

// givenKey is a team-wide key given to a local record.
type givenKey struct {
	table string
	id    uint
	key   string
}

// giveKey gives a local record without a key the team-wide key key: at
// once in memory, in team_sleutels with the next ones (writeKeys, every
// writeBatch keys: while a send converts, the team database stores).
func (c *converter) giveKey(table string, id uint, key string) error {
	local := table + " " + strconv.FormatUint(uint64(id), 10)
	// its only key: looked up in team_sleutels before writeKeys, a number
	// used again would seem to have none, and its next row a new record
	c.k.byLocal[local], c.k.all[local] = key, []string{key}
	c.k.byKey[table+" "+key] = id
	c.given = append(c.given, givenKey{table, id, key})
	if len(c.given) < writeBatch {
		return nil
	}
	return c.writeKeys()
}

// writeKeys writes the keys given since the last time into team_sleutels,
// a statement per table and writeBatch keys.
func (c *converter) writeKeys() error {
	for start := 0; start < len(c.given); {
		table := c.given[start].table
		var ids []uint
		var keys []string
		for start < len(c.given) && c.given[start].table == table && len(ids) < writeBatch {
			ids, keys = append(ids, c.given[start].id), append(keys, c.given[start].key)
			start++
		}
		if err := c.k.addAll(table, ids, keys); err != nil {
			return err
		}
	}
	c.given = c.given[:0]
	return nil
}

// convert turns one audit row into changes: none for kinds the team does not
// share, several for a row that records a whole record.
func (c *converter) convert(w domain.Wijziging) ([]Wijziging, error) {
	link, shared := gedeeldeEntiteiten[w.Entiteit]
	if !shared && w.Entiteit != conflictTable {
		return nil, nil
	}
	base := Wijziging{ID: changeID(c.st.Herkomst, w), Herkomst: c.st.Herkomst,
		Basis: c.st.OntvangenTot, Gebruiker: w.Gebruiker, Tijd: w.Tijd, Actie: w.Actie, Entiteit: w.Entiteit, Veld: w.Veld}
	if w.Entiteit == conflictTable {
		return c.convertChoice(base, w)
	}
	if link {
		change, err := linkChange(base, w, c.k.refToKey)
		return []Wijziging{change}, err
	}
	key, err := c.recordKey(w, base.ID)
	if err != nil {
		return nil, err
	}
	base.Sleutel = key
	if key != base.ID { // a record known before: it can have more keys
		if base.aliases, err = c.k.aliasesOf(w.Entiteit, w.EntiteitID, key); err != nil {
			return nil, err
		}
	}
	if w.Veld == geschiedenis.AlleVelden {
		return c.expand(base, w.NieuweWaarde)
	}
	if err := c.translate(&base, w.OudeWaarde, w.NieuweWaarde); err != nil {
		return nil, err
	}
	return []Wijziging{base}, nil
}

// changeID is the team-wide id of the changes an audit row becomes: the
// origin, the row's number and a digest of its content. A restored or
// copied database numbers its new rows as rows already sent; the digest
// makes their ids differ, and lets a synchronisation see that the team
// has changes of its origin this file did not make (see detectCopy).
func changeID(herkomst string, w domain.Wijziging) string {
	return herkomst + "." + strconv.FormatUint(uint64(w.ID), 10) + "." + rowDigest(w)
}

// rowDigest is a short digest (64 bits, hex) of an audit row's content.
func rowDigest(w domain.Wijziging) string {
	h := sha256.New()
	for _, part := range []string{w.Tijd.UTC().Format(time.RFC3339Nano), w.Gebruiker, string(w.Actie), w.Entiteit,
		strconv.FormatUint(uint64(w.EntiteitID), 10), w.Veld, w.OudeWaarde, w.NieuweWaarde} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// recordKey finds, or for a new record makes, the team-wide key of the
// record an audit row is about.
func (c *converter) recordKey(w domain.Wijziging, changeID string) (string, error) {
	rec := fmt.Sprintf("%s %d", w.Entiteit, w.EntiteitID)
	key, err := c.k.keyOf(w.Entiteit, w.EntiteitID)
	if err != nil {
		return "", err
	}
	removed := c.deleted[rec]
	switch {
	case newKeyAt(w, key != "", removed):
		if removed {
			// a number used again: the record removed had keys of its own
			delete(c.deleted, rec)
			if err := c.writeKeys(); err != nil {
				return "", err
			}
			if err := c.k.forget(w.Entiteit, w.EntiteitID); err != nil {
				return "", err
			}
		}
		return changeID, c.giveKey(w.Entiteit, w.EntiteitID, changeID)
	case key == "":
		return "", fmt.Errorf("dit gegeven heeft geen teamsleutel")
	case w.Actie == domain.ActieVerwijderd:
		c.deleted[rec] = true
	}
	return key, nil
}

// translate sets a change's values, a reference written as the key of the
// record it refers to.
func (c *converter) translate(ch *Wijziging, oud, nieuw string) error {
	cols, err := c.t.columns(ch.Entiteit)
	if err != nil {
		return err
	}
	ch.OudeWaarde, ch.NieuweWaarde = oud, nieuw
	ref := cols[ch.Veld].ref
	if ref == "" {
		return nil
	}
	if ch.NieuweWaarde, err = c.k.refToKey(ref, nieuw); err != nil {
		return err
	}
	// the old value of a reference only informs; a record it named may be gone
	if ch.OudeWaarde, err = c.k.refToKey(ref, oud); err != nil {
		ch.OudeWaarde = ""
	}
	return nil
}

// expand turns an audit row with all fields of a new record (a JSON
// object) into one change per field, in the order of the field names.
func (c *converter) expand(base Wijziging, object string) ([]Wijziging, error) {
	names, values, err := allFields(object)
	if err != nil {
		return nil, fmt.Errorf("de velden van het nieuwe gegeven zijn geen JSON-object: %w", err)
	}
	out := make([]Wijziging, 0, len(names))
	for _, name := range names {
		ch := base
		ch.ID, ch.Veld = base.ID+"."+name, name
		if err := c.translate(&ch, "", values[name]); err != nil {
			return nil, err
		}
		out = append(out, ch)
	}
	return out, nil
}

// allFields reads the value of an audit row with all fields of a new
// record (a JSON object): the field names in order, and each field's value
// as text (a value that is no text written as JSON).
func allFields(object string) ([]string, map[string]string, error) {
	var fields map[string]any
	if err := json.Unmarshal([]byte(object), &fields); err != nil {
		return nil, nil, err
	}
	names := make([]string, 0, len(fields))
	values := make(map[string]string, len(fields))
	for name, v := range fields {
		text, ok := v.(string)
		if !ok {
			b, _ := json.Marshal(v)
			text = string(b)
		}
		names, values[name] = append(names, name), text
	}
	sort.Strings(names)
	return names, values, nil
}

// linkChange makes base the change an audit row about a target-intervention
// link becomes: keyed by the target, its field naming the intervention.
// keyOf gives the team-wide key of the record a local number (as text)
// names; a synchronisation and team init's history each have their own.
func linkChange(base Wijziging, row domain.Wijziging, keyOf func(table, number string) (string, error)) (Wijziging, error) {
	target, err := keyOf("doelstellingen", strconv.FormatUint(uint64(row.EntiteitID), 10))
	if err != nil {
		return base, err
	}
	interventie := row.NieuweWaarde
	if row.Actie == domain.ActieVerwijderd {
		interventie = row.OudeWaarde
	}
	ikey, err := keyOf("interventies", interventie)
	if err != nil {
		return base, err
	}
	base.Sleutel, base.Veld = target, linkField+ikey
	if row.Actie == domain.ActieVerwijderd {
		base.OudeWaarde = ikey
	} else {
		base.NieuweWaarde = ikey
	}
	return base, nil
}

// newKeyAt reports whether an audit row gives its record a new team-wide
// key (its change id): it adds a record under a number that names none
// (known: one had it; removed: its record was removed since). A
// synchronisation and team init's history follow this one rule, so that
// both give a record the same key.
func newKeyAt(row domain.Wijziging, known, removed bool) bool {
	return row.Actie == domain.ActieToegevoegd && (!known || removed)
}

// convertChoice turns the choice made in a conflict into a change keyed by
// the conflict's second change, which names the conflict on every laptop.
func (c *converter) convertChoice(base Wijziging, w domain.Wijziging) ([]Wijziging, error) {
	var ids []string
	if err := c.k.db.Raw("SELECT tweede_id FROM team_conflicten WHERE id = ?", w.EntiteitID).Scan(&ids).Error; err != nil {
		return nil, err
	}
	if len(ids) != 1 {
		return nil, fmt.Errorf("conflict %d bestaat niet", w.EntiteitID)
	}
	base.Sleutel, base.OudeWaarde, base.NieuweWaarde = ids[0], w.OudeWaarde, w.NieuweWaarde
	return []Wijziging{base}, nil
}
