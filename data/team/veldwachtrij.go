package team

import (
	"fmt"
	"strings"
)

// fieldQueue gathers the changes of a batch to fields that no rule of the
// database can refuse (no reference, no unique rule, a value where one is
// required), to make them with a statement per column and a few hundred
// records: the SQLite driver prepares every statement anew, and a bulk
// import changed thousands of fields one UPDATE at a time. A change that a
// rule could refuse, and anything else that reads or writes the records,
// makes the queued ones first (flush), so the order of the team holds.
type fieldQueue struct {
	columns []queuedColumn
	at      map[[2]string]int // table and column -> index in columns
}

// queuedColumn is the values queued for one column of a table, the last
// one per record.
type queuedColumn struct {
	table, column string
	ids           []uint
	values        []any
	at            map[uint]int // record -> index in ids
}

// maxQueuedValues bounds the values one statement of flush binds: the
// driver binds a statement's values in a time that grows with their number
// squared.
const maxQueuedValues = 400

// setField gives field of the local record id of table value: queued when
// no rule can refuse it, else at once, after the queued changes.
func (a *applier) setField(table, field string, value any, id uint) error {
	queued, err := a.queueable(table, field, value)
	if err != nil {
		return err
	}
	if queued {
		a.queue.add(table, field, value, id)
		return nil
	}
	if err := a.flush(); err != nil {
		return err
	}
	return a.exec(fmt.Sprintf("UPDATE %s SET %s = ? WHERE id = ?", quote(table), quote(field)), value, id)
}

// queueable reports whether the change of field of table to value can wait
// in the queue: one is kept (apply), and no rule of the database can
// refuse it.
func (a *applier) queueable(table, field string, value any) (bool, error) {
	if a.queue == nil {
		return false, nil
	}
	cols, err := a.t.columns(table)
	if err != nil {
		return false, err
	}
	col, ok := cols[field]
	if !ok || col.ref != "" || (value == nil && !col.nullable) {
		return false, nil
	}
	ruled, err := a.onRule(table, field)
	if err != nil || ruled {
		return false, err
	}
	checked, err := a.t.checked(table)
	return !checked[field], err
}

// checked lists the columns of table that a CHECK rule of its definition
// names (a figure is for an intervention or a target, not both).
func (t *tables) checked(table string) (map[string]bool, error) {
	if c, ok := t.checks[table]; ok {
		return c, nil
	}
	var sql string
	if err := t.db.Raw("SELECT coalesce(sql, '') FROM sqlite_master WHERE type = 'table' AND name = ?", table).Scan(&sql).Error; err != nil {
		return nil, err
	}
	cols, err := t.columns(table)
	if err != nil {
		return nil, err
	}
	found := map[string]bool{}
	upper := strings.ToUpper(sql)
	for i := strings.Index(upper, "CHECK"); i >= 0; {
		rule := balanced(sql[i+len("CHECK"):])
		for name := range cols {
			if strings.Contains(rule, name) {
				found[name] = true
			}
		}
		next := strings.Index(upper[i+1:], "CHECK")
		if next < 0 {
			break
		}
		i += 1 + next
	}
	if t.checks == nil {
		t.checks = map[string]map[string]bool{}
	}
	t.checks[table] = found
	return found, nil
}

// balanced is the text of the first parenthesised part of s, with the
// parts it holds.
func balanced(s string) string {
	start := strings.IndexByte(s, '(')
	if start < 0 {
		return ""
	}
	depth := 0
	for i := start; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return s[start : i+1]
			}
		}
	}
	return s[start:]
}

// add queues value for field of the record id of table.
func (q *fieldQueue) add(table, field string, value any, id uint) {
	if q.at == nil {
		q.at = map[[2]string]int{}
	}
	k := [2]string{table, field}
	i, ok := q.at[k]
	if !ok {
		i = len(q.columns)
		q.at[k] = i
		q.columns = append(q.columns, queuedColumn{table: table, column: field, at: map[uint]int{}})
	}
	c := &q.columns[i]
	if j, ok := c.at[id]; ok {
		c.values[j] = value // a later change of the same field: its value stands
		return
	}
	c.at[id] = len(c.ids)
	c.ids, c.values = append(c.ids, id), append(c.values, value)
}

// flush makes the queued changes, a statement per column and up to
// maxQueuedValues values.
func (a *applier) flush() error {
	if a.queue == nil || len(a.queue.columns) == 0 {
		return nil
	}
	columns := a.queue.columns
	a.queue.columns, a.queue.at = nil, nil
	for _, c := range columns {
		for start := 0; start < len(c.ids); start += maxQueuedValues / 2 {
			end := min(start+maxQueuedValues/2, len(c.ids))
			args := make([]any, 0, 2*(end-start))
			for i := start; i < end; i++ {
				args = append(args, c.ids[i], c.values[i])
			}
			query := fmt.Sprintf("UPDATE %s SET %s = v.column2 FROM (VALUES %s) AS v WHERE %s.id = v.column1",
				quote(c.table), quote(c.column), strings.TrimSuffix(strings.Repeat("(?, ?), ", end-start), ", "), quote(c.table))
			if _, err := a.db.Statement.ConnPool.ExecContext(a.db.Statement.Context, query, args...); err != nil {
				return fmt.Errorf("%s.%s bijwerken: %w", c.table, c.column, a.translated(err))
			}
		}
	}
	return nil
}
