package team

import (
	"fmt"
	"slices"
	"strings"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/geschiedenis"
)

// uniqueRules are the columns of each unique rule of a table (the same
// intervention name, the same figure for a measure and period).
func (a *applier) uniqueRules(table string) ([][]string, error) {
	if rules, ok := a.t.rules[table]; ok {
		return rules, nil
	}
	var indexes []struct {
		Name   string
		Unique int
	}
	if err := a.db.Raw("SELECT name, \"unique\" FROM pragma_index_list(?)", table).Scan(&indexes).Error; err != nil {
		return nil, err
	}
	var rules [][]string
	for _, ix := range indexes {
		if ix.Unique == 0 {
			continue
		}
		var cols []string
		if err := a.db.Raw("SELECT name FROM pragma_index_info(?) ORDER BY seqno", ix.Name).Scan(&cols).Error; err != nil {
			return nil, err
		}
		rules = append(rules, cols)
	}
	if a.t.rules == nil {
		a.t.rules = map[string][][]string{}
	}
	a.t.rules[table] = rules
	return rules, nil
}

// onRule reports whether column is part of a unique rule of table.
func (a *applier) onRule(table, column string) (bool, error) {
	rules, err := a.uniqueRules(table)
	for _, rule := range rules {
		if slices.Contains(rule, column) {
			return true, err
		}
	}
	return false, err
}

// collision finds the local record that an added record collides with on
// a unique rule of its table (the same intervention name, the same figure
// for a measure and period): both laptops added the same thing. values are
// the added record's column values. It returns 0 when none is found.
func (a *applier) collision(table string, values map[string]any) (uint, error) {
	rules, err := a.uniqueRules(table)
	if err != nil {
		return 0, err
	}
	for _, cols := range rules {
		var conds []string
		var args []any
		for _, c := range cols {
			v, ok := values[c]
			if !ok || v == nil {
				break // NULL is never the same: this rule does not apply
			}
			conds, args = append(conds, quote(c)+" = ?"), append(args, v)
		}
		if len(conds) == 0 || len(conds) < len(cols) {
			continue
		}
		var ids []uint
		if err := a.db.Raw(fmt.Sprintf("SELECT id FROM %s WHERE %s LIMIT 1", quote(table), strings.Join(conds, " AND ")), args...).
			Scan(&ids).Error; err != nil {
			return 0, err
		}
		if len(ids) == 1 {
			return ids[0], nil
		}
	}
	return 0, nil
}

// addedAs finds the local record that was added with the values r adds on
// a unique rule and has other values there now: changed here, or by a
// colleague, before the team had r. Both laptops added the same thing;
// every laptop sees that alike by the values the additions had, whatever
// changed after, where the values a record has now differ by the order in
// which a laptop got the changes. (A record with those values now makes
// adding r fail, and insert finds it.) It returns 0 when none is found.
func (a *applier) addedAs(r newRow) (uint, error) {
	table := r.group[0].Entiteit
	changed, err := a.changedSinceAdded(table)
	if err != nil || len(changed) == 0 {
		return 0, err
	}
	rules, err := a.uniqueRules(table)
	if err != nil {
		return 0, err
	}
	ids := make([]uint, 0, len(changed))
	for id := range changed {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		if addedAlike(rules, localValues(r), changed[id]) {
			known, err := a.knownToAdder(r, id)
			if err != nil || !known {
				return id, err
			}
		}
	}
	return 0, nil
}

// addedAlike reports whether a record added with adds (a value per
// column) has, on one of the unique rules, values a record was added with
// (added: every value per column).
func addedAlike(rules [][]string, adds map[string]string, added map[string][]string) bool {
	for _, cols := range rules {
		same := true
		for _, c := range cols {
			v, ok := adds[c]
			same = same && ok && v != "" && slices.Contains(added[c], v)
		}
		if same {
			return true
		}
	}
	return false
}

// localValues are the values r adds, per column, as the local audit trail
// writes them.
func localValues(r newRow) map[string]string {
	adds := make(map[string]string, len(r.group))
	for i, c := range r.group {
		adds[c.Veld] = r.locals[i]
	}
	return adds
}

// teamValues are the values a group of received changes adds, per column,
// as the team has them (a reference as the key of the record).
func teamValues(group []received) map[string]string {
	adds := make(map[string]string, len(group))
	for _, c := range group {
		adds[c.Veld] = c.NieuweWaarde
	}
	return adds
}

// knownToAdder reports whether the laptop that added r had the local
// record id already: its addition was among the team's changes that
// laptop had received, or made on that laptop before r. r is then another
// record, added after id was renamed there, whatever values both were
// added with.
func (a *applier) knownToAdder(r newRow, id uint) (bool, error) {
	table := r.group[0].Entiteit
	keys, err := a.k.allOf(table, id)
	if err != nil || len(keys) == 0 || a.srv == nil {
		return false, err
	}
	var n int64
	c := r.group[0]
	err = a.srv.db.Raw("SELECT count(*) FROM team_wijzigingen WHERE entiteit = ? AND sleutel = ANY(?::text[]) AND actie = ?"+
		" AND (volgnummer <= ? OR (herkomst = ? AND volgnummer < ?))", table, array(keys), domain.ActieToegevoegd,
		c.Basis, c.Herkomst, c.Volgnummer).Scan(&n).Error
	return n > 0, err
}

// changedSinceAdded lists the local records of table whose values on a
// unique rule changed after they were added, each with every value it was
// added with per column (a record added on more laptops was added more
// than once). It reads the audit trail, with the rows of this batch not
// yet written, once per table and batch; noteAdded keeps it up to date.
func (a *applier) changedSinceAdded(table string) (map[uint]map[string][]string, error) {
	if known, ok := a.added[table]; ok {
		return known, nil
	}
	rules, err := a.uniqueRules(table)
	if err != nil {
		return nil, err
	}
	var cols []string
	for _, rule := range rules {
		cols = append(cols, rule...)
	}
	var ids []uint
	if len(cols) > 0 {
		if err := a.db.Raw("SELECT DISTINCT entiteit_id FROM wijzigingen WHERE entiteit = ? AND actie = ? AND veld IN ?",
			table, domain.ActieGewijzigd, cols).Scan(&ids).Error; err != nil {
			return nil, err
		}
	}
	for _, row := range a.audit {
		if row.Entiteit == table && row.Actie == domain.ActieGewijzigd && slices.Contains(cols, row.Veld) {
			ids = append(ids, row.EntiteitID)
		}
	}
	if a.added == nil {
		a.added = map[string]map[uint]map[string][]string{}
	}
	a.added[table] = map[uint]map[string][]string{}
	for _, id := range ids {
		if err := a.noteAdded(table, id); err != nil {
			return nil, err
		}
	}
	return a.added[table], nil
}

// noteAdded reads every value the local record id of table was added with
// since it was last removed, from the audit trail and the rows of this
// batch not yet written, into changedSinceAdded's list.
func (a *applier) noteAdded(table string, id uint) error {
	var rows []domain.Wijziging
	if err := a.db.Raw(`SELECT veld, actie, nieuwe_waarde FROM wijzigingen WHERE entiteit = ? AND entiteit_id = ?
    AND actie IN (?, ?) ORDER BY id`, table, id, domain.ActieToegevoegd, domain.ActieVerwijderd).Scan(&rows).Error; err != nil {
		return err
	}
	for _, row := range a.audit {
		if row.Entiteit == table && row.EntiteitID == id {
			rows = append(rows, row)
		}
	}
	values, err := addedValues(table, id, rows)
	if err != nil {
		return err
	}
	if values == nil {
		delete(a.added[table], id)
		return nil
	}
	a.added[table][id] = values
	return nil
}

// addedValues are, per column, the values the local record id of table
// was added with since it was last removed, read from its audit rows of
// additions and removals, oldest first; nil when it was removed last or
// added with none.
func addedValues(table string, id uint, rows []domain.Wijziging) (map[string][]string, error) {
	values := map[string][]string{}
	for _, row := range rows {
		switch {
		case row.Actie == domain.ActieVerwijderd:
			values = map[string][]string{}
		case row.Actie != domain.ActieToegevoegd:
		case row.Veld != geschiedenis.AlleVelden:
			values[row.Veld] = append(values[row.Veld], row.NieuweWaarde)
		default:
			_, fields, err := allFields(row.NieuweWaarde)
			if err != nil {
				return nil, fmt.Errorf("logboekregel van %s %d: %w", table, id, err)
			}
			for name, v := range fields {
				values[name] = append(values[name], v)
			}
		}
	}
	if len(values) == 0 || rows[len(rows)-1].Actie == domain.ActieVerwijderd {
		return nil, nil
	}
	return values, nil
}

// keepAdded keeps changedSinceAdded's list of the table of audit rows
// just noted up to date, once it has been read in this batch.
func (a *applier) keepAdded(rows []logged) error {
	for _, d := range rows {
		row := d.row
		known, loaded := a.added[row.Entiteit]
		if !loaded {
			continue
		}
		_, listed := known[row.EntiteitID]
		onRule, err := a.onRule(row.Entiteit, row.Veld)
		if err != nil {
			return err
		}
		if listed || (row.Actie == domain.ActieGewijzigd && onRule) {
			if err := a.noteAdded(row.Entiteit, row.EntiteitID); err != nil {
				return err
			}
		}
	}
	return nil
}

// laterOwn reports whether this laptop changed the field a received change
// is about later (in the team's order) than that change: then the
// laptop's own value stands. The team database answers for the change's
// key; a record added on two laptops has more keys, and is asked about by
// all of them.
func (a *applier) laterOwn(c received, id uint) (bool, error) {
	if c.LaterEigen {
		return true, nil
	}
	keys, err := a.k.allOf(c.Entiteit, id)
	if err != nil || len(keys) < 2 {
		return false, err
	}
	var n int64
	err = a.srv.db.Raw("SELECT count(*) FROM team_wijzigingen WHERE entiteit = ? AND sleutel = ANY(?::text[]) AND veld = ?"+
		" AND volgnummer > ? AND herkomst = ?", c.Entiteit, array(keys), c.Veld, c.Volgnummer, a.st.Herkomst).Scan(&n).Error
	return n > 0, err
}
