package team

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/geschiedenis"
)

// newRecord reports whether group adds a record that is not here (nor
// among adds, waiting to be added).
func (a *applier) newRecord(group []received, adds *additions) (bool, error) {
	first := group[0]
	if first.Actie != domain.ActieToegevoegd || first.Entiteit == linkTable || first.Entiteit == conflictTable ||
		adds.keys[first.Sleutel] {
		return false, nil
	}
	id, err := a.k.localID(first.Entiteit, first.Sleutel)
	return id == 0, err
}

// newRow is a record to add, as a group of received changes gives it.
type newRow struct {
	group []received
	cols  map[string]column
	// names are the quoted columns and values their values; locals are
	// the fields' values as the local audit trail writes them.
	names  []string
	values []any
	locals []string
}

// rowOf makes the record a group adds; a refusal when a value is not
// valid here.
func (a *applier) rowOf(group []received) (newRow, error) {
	cols, err := a.t.columns(group[0].Entiteit)
	if err != nil {
		return newRow{}, err
	}
	r := newRow{group: group, cols: cols, names: make([]string, 0, len(group)), values: make([]any, 0, len(group)),
		locals: make([]string, 0, len(group))}
	for _, c := range group {
		_, value, local, err := a.newValue(cols, c)
		if err != nil {
			return newRow{}, err
		}
		r.names, r.values, r.locals = append(r.names, quote(c.Veld)), append(r.values, value), append(r.locals, local)
	}
	for _, name := range sortedColumns(cols) {
		if cols[name].emptyText && !slices.Contains(r.names, quote(name)) {
			r.names, r.values = append(r.names, quote(name)), append(r.values, "")
		}
	}
	return r, nil
}

// additions are new records of one table with the same columns, waiting
// to be added with one statement: SQLite compiles a statement, and keeps a
// journal of it, in about the time it adds a record.
type additions struct {
	rows []newRow
	// keys are the team-wide keys of rows
	keys map[string]bool
}

// maxAdditionValues bounds the values of one statement of additions: the
// driver binds a statement's values in a time that grows with their
// number squared.
const maxAdditionValues = 600

// fits reports whether r can be added with the rows of adds.
func (adds *additions) fits(r newRow) bool {
	if len(adds.rows) == 0 {
		return true
	}
	first := adds.rows[0]
	table := first.group[0].Entiteit
	if r.group[0].Entiteit != table || !slices.Equal(r.names, first.names) || (len(adds.rows)+1)*len(r.names) > maxAdditionValues {
		return false
	}
	for _, col := range r.cols {
		if col.ref == table {
			return false // it may refer to one of them
		}
	}
	return true
}

// add adds the record of group with the ones in adds, or, when it does not
// fit there, adds those first.
func (a *applier) add(group []received, adds *additions) error {
	if len(adds.rows) > 0 && adds.rows[0].group[0].Entiteit != group[0].Entiteit {
		// its references may name one of them
		if err := a.addAll(adds); err != nil {
			return err
		}
	}
	r, err := a.rowOf(group)
	if err != nil {
		if gone, ferr := a.refusedForRemoved(group); ferr != nil || gone {
			return errors.Join(ferr, a.finish(group, nil, nil))
		}
		return a.finish(group, nil, err)
	}
	same, err := a.addedAs(r)
	if err != nil {
		return err
	}
	if same != 0 {
		if err := a.addAll(adds); err != nil {
			return err
		}
		var merged []logged
		err := a.savepoint(func() (err error) {
			merged, err = a.merge(r.group, r.cols, same)
			return err
		})
		return a.finish(group, merged, refusedByRule(err))
	}
	gone, err := a.removedAs(r)
	if err != nil {
		return err
	}
	if gone {
		return a.finish(group, nil, nil) // removed here with the record it is
	}
	if !adds.fits(r) {
		if err := a.addAll(adds); err != nil {
			return err
		}
	}
	if adds.keys == nil {
		adds.keys = map[string]bool{}
	}
	adds.rows = append(adds.rows, r)
	adds.keys[group[0].Sleutel] = true
	return nil
}

// addAll adds the records waiting in adds: with one statement, or, when
// SQLite refuses one of them, one at a time, each refused or merged with
// one added here too as insert does.
func (a *applier) addAll(adds *additions) error {
	rows := adds.rows
	adds.rows, adds.keys = nil, nil
	if len(rows) == 0 {
		return nil
	}
	// one may be merged with a record here, read with the queued changes
	if err := a.flush(); err != nil {
		return err
	}
	var ids []uint
	if len(rows) > 1 {
		var err error
		if ids, err = a.insertAll(rows); err != nil {
			return err
		}
	}
	if ids == nil {
		for _, r := range rows {
			done, err := a.insert(r)
			if err := a.finish(r.group, done, refusedByRule(err)); err != nil {
				return err
			}
		}
		return nil
	}
	table := rows[0].group[0].Entiteit
	keys := make([]string, len(rows))
	for i, r := range rows {
		keys[i] = r.group[0].Sleutel
	}
	if err := a.k.addAll(table, ids, keys); err != nil {
		return err
	}
	for i, r := range rows {
		done, err := addedRows(r.group, ids[i], r.locals)
		if err := a.finish(r.group, done, err); err != nil {
			return err
		}
	}
	return nil
}

// insertAll adds rows (of one table, with the same columns) with one
// statement and gives their numbers, in the order of rows; none when
// SQLite refused one of them (then none is added).
func (a *applier) insertAll(rows []newRow) ([]uint, error) {
	marks := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(rows[0].names)), ", ") + ")"
	values := make([]any, 0, len(rows)*len(rows[0].names))
	for _, r := range rows {
		values = append(values, r.values...)
	}
	query := fmt.Sprintf("INSERT INTO %s (%s) VALUES %s RETURNING id", quote(rows[0].group[0].Entiteit),
		strings.Join(rows[0].names, ", "), strings.TrimSuffix(strings.Repeat(marks+", ", len(rows)), ", "))
	var ids []uint
	err := a.savepoint(func() error {
		// straight to the connection: gorm's processing of a statement
		// costs more than SQLite's work for this one
		result, err := a.db.Statement.ConnPool.QueryContext(a.db.Statement.Context, query, values...)
		if err != nil {
			return err
		}
		for result.Next() {
			var id uint
			if err := result.Scan(&id); err != nil {
				result.Close()
				return err
			}
			ids = append(ids, id)
		}
		return errors.Join(result.Err(), result.Close())
	})
	if errors.As(err, new(*refusal)) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if len(ids) != len(rows) {
		return nil, fmt.Errorf("%d gegevens toegevoegd, %d nummers terug", len(rows), len(ids))
	}
	// SQLite numbers new records in the order it adds them, which is the
	// order of VALUES, but returns them in an order of its choosing
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids, nil
}

// insert adds a record with one statement, which SQLite undoes by itself
// when it is refused; one added here too (the same figure, say) is
// merged with it.
func (a *applier) insert(r newRow) ([]logged, error) {
	first := r.group[0]
	var id uint
	err := a.db.Statement.ConnPool.QueryRowContext(a.db.Statement.Context, fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s) RETURNING id",
		quote(first.Entiteit), strings.Join(r.names, ", "), strings.TrimSuffix(strings.Repeat("?, ", len(r.names)), ", ")),
		r.values...).Scan(&id)
	if err != nil && isConstraint(err) {
		byColumn := map[string]any{}
		for i, c := range r.group {
			byColumn[c.Veld] = r.values[i]
		}
		same, cerr := a.collision(first.Entiteit, byColumn)
		if cerr != nil || same == 0 {
			return nil, errors.Join(err, cerr)
		}
		changed, cerr := a.changedSinceAdded(first.Entiteit)
		if _, other := changed[same]; other || cerr != nil {
			// it has those values by a change since it was added with
			// others (addedAs found none the same): another record, as
			// a laptop that got that change later sees it too
			return nil, errors.Join(err, cerr)
		}
		var merged []logged
		err = a.savepoint(func() (err error) {
			merged, err = a.merge(r.group, r.cols, same)
			return err
		})
		return merged, err
	}
	if err != nil {
		return nil, err
	}
	if err := a.k.add(first.Entiteit, id, first.Sleutel); err != nil {
		return nil, err
	}
	return addedRows(r.group, id, r.locals)
}

// addedRows are the local audit rows of a record added from group, whose
// fields became locals: one row with all fields (AlleVelden, as a bulk
// import writes a new figure), as one author adds a record at one moment;
// else a row per field. A received register is written a tenth as fast
// with a row per field.
func addedRows(group []received, id uint, locals []string) ([]logged, error) {
	first := group[0]
	fields := make(map[string]string, len(group))
	ids := make([]string, len(group))
	for i, c := range group {
		if c.Gebruiker != first.Gebruiker || !c.Tijd.Equal(first.Tijd) || c.Veld == geschiedenis.AlleVelden {
			return fieldRows(group, id, locals), nil
		}
		fields[c.Veld], ids[i] = locals[i], c.ID
	}
	if len(group) == 1 {
		return fieldRows(group, id, locals), nil
	}
	all, err := json.Marshal(fields)
	if err != nil {
		return nil, err
	}
	row := auditRow(first.Wijziging, id, geschiedenis.AlleVelden, "", string(all))
	row.changeIDs = ids
	return []logged{row}, nil
}

// fieldRows are the local audit rows of a record added from group, a row
// per field.
func fieldRows(group []received, id uint, locals []string) []logged {
	rows := make([]logged, len(group))
	for i, c := range group {
		rows[i] = auditRow(c.Wijziging, id, c.Veld, "", locals[i])
	}
	return rows
}
