package team

import (
	"fmt"
	"strings"
)

// collision finds the local record that an added record collides with on
// a unique rule of its table (the same intervention name, the same figure
// for a measure and period): both laptops added the same thing. values are
// the added record's column values. It returns 0 when none is found.
func (a *applier) collision(table string, values map[string]any) (uint, error) {
	var indexes []struct {
		Name   string
		Unique int
	}
	if err := a.db.Raw("SELECT name, \"unique\" FROM pragma_index_list(?)", table).Scan(&indexes).Error; err != nil {
		return 0, err
	}
	for _, ix := range indexes {
		if ix.Unique == 0 {
			continue
		}
		var cols []string
		if err := a.db.Raw("SELECT name FROM pragma_index_info(?) ORDER BY seqno", ix.Name).Scan(&cols).Error; err != nil {
			return 0, err
		}
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
