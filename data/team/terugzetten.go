package team

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/geschiedenis"
	"jeugdmonitor/data/store"
)

// KeuzeTerugzetten resolves a conflict of removing against changing by
// restoring the removed record with the changed value.
const KeuzeTerugzetten = "terugzetten"

// KanTerugzetten reports whether the conflict is a record removed on one
// laptop and changed on another that is gone here, so that it can be
// restored with the changed value.
func (c Conflict) KanTerugzetten() bool {
	_, _, ok := c.restoreSides()
	return ok && c.LokaalID == 0 && c.Entiteit != linkTable
}

// restoreSides gives the removing and the changing side of a conflict of
// removing against changing.
func (c Conflict) restoreSides() (removal, change Wijziging, ok bool) {
	changed := func(w Wijziging) bool {
		return w.Actie == domain.ActieGewijzigd || w.Actie == domain.ActieToegevoegd
	}
	switch {
	case c.Eerste.Actie == domain.ActieVerwijderd && changed(c.Tweede):
		return c.Eerste, c.Tweede, true
	case c.Tweede.Actie == domain.ActieVerwijderd && changed(c.Eerste):
		return c.Tweede, c.Eerste, true
	}
	return Wijziging{}, Wijziging{}, false
}

// restore adds the removed record of a conflict again, with the values it
// had when it was removed (as this laptop's audit trail has them) and the
// changed value, under its old team-wide key: logged as added by user, it
// reaches the other laptops as the same record.
func restore(r *store.RawTx, c *Conflict, user string) error {
	if !c.KanTerugzetten() {
		return errors.New("terugzetten kan alleen bij een gegeven dat op de ene laptop is verwijderd en op de andere gewijzigd, en dat hier weg is")
	}
	removal, change, _ := c.restoreSides()
	db := r.DB()
	st, _, err := readState(db)
	if err != nil {
		return err
	}
	fields, err := removedFields(r, st, removal.ID)
	if err != nil {
		return err
	}
	a := &applier{r: r, db: db, k: newKeys(db), t: &tables{db: db}, st: st}
	cols, err := a.t.columns(c.Entiteit)
	if err != nil {
		return err
	}
	// the removed values are written as the local trail writes them: a
	// reference as the local number, which must still name a record
	for name, local := range fields {
		if ref := cols[name].ref; ref != "" {
			if fields[name], err = a.k.refToKey(ref, local); err != nil {
				return fmt.Errorf("terugzetten kan niet: de %s waarnaar het verwees bestaat hier niet meer", geschiedenis.VeldNaam(c.Entiteit, name))
			}
		}
	}
	fields[c.Veld] = change.NieuweWaarde
	var names, marks []string
	var values []any
	var rows []domain.Wijziging
	now := time.Now().UTC()
	for _, name := range sortedColumns(cols) {
		text, set := fields[name]
		if name == "id" || (!set && !cols[name].emptyText) {
			continue
		}
		value, local, err := a.value(cols[name], text)
		if err != nil {
			return fmt.Errorf("terugzetten kan niet: %w", err)
		}
		names, marks, values = append(names, quote(name)), append(marks, "?"), append(values, value)
		if local != "" {
			rows = append(rows, domain.Wijziging{Tijd: now, Gebruiker: user, Actie: domain.ActieToegevoegd,
				Entiteit: c.Entiteit, Veld: name, NieuweWaarde: local})
		}
	}
	var id uint
	if err := db.Raw(fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s) RETURNING id", quote(c.Entiteit),
		strings.Join(names, ", "), strings.Join(marks, ", ")), values...).Scan(&id).Error; err != nil {
		if isConstraint(err) {
			return fmt.Errorf("terugzetten kan niet: er is hier al zo'n gegeven (%v)", err)
		}
		return err
	}
	if err := a.k.add(c.Entiteit, id, c.Eerste.Sleutel); err != nil {
		return err
	}
	for i := range rows {
		rows[i].EntiteitID = id
	}
	return r.Log(rows)
}

// maxFields bounds the number of fields of a record, so of the audit rows
// one removal writes.
const maxFields = 64

// removedFields reads from the local audit trail the fields a record had
// when the change with id removed it: the audit rows of that removal,
// this laptop's own or the ones it wrote on receiving it, which are
// consecutive rows of the same moment and author.
func removedFields(r *store.RawTx, st staat, id string) (map[string]string, error) {
	db := r.DB()
	logregel, err := auditRowOf(r, st, id)
	if err != nil {
		return nil, err
	}
	var rows []domain.Wijziging
	if logregel > 0 {
		if err := db.Where("id BETWEEN ? AND ?", max(logregel, maxFields)-maxFields, logregel+maxFields).Order("id").
			Find(&rows).Error; err != nil {
			return nil, err
		}
	}
	at := -1
	for i, row := range rows {
		if row.ID == logregel && row.Actie == domain.ActieVerwijderd {
			at = i
		}
	}
	if at < 0 {
		return nil, errors.New("terugzetten kan niet: het verwijderen staat niet in het logboek van deze laptop; voer het gegeven opnieuw in")
	}
	same := func(i int) bool {
		w, x := rows[at], rows[i]
		return x.Actie == w.Actie && x.Entiteit == w.Entiteit && x.EntiteitID == w.EntiteitID && x.Gebruiker == w.Gebruiker &&
			x.Tijd.Equal(w.Tijd)
	}
	first, last := at, at
	for first > 0 && rows[first-1].ID == rows[first].ID-1 && same(first-1) {
		first--
	}
	for last < len(rows)-1 && rows[last+1].ID == rows[last].ID+1 && same(last+1) {
		last++
	}
	fields := map[string]string{}
	for _, row := range rows[first : last+1] {
		fields[row.Veld] = row.OudeWaarde
	}
	return fields, nil
}

// auditRowOf is the number of the local audit row of a team change: the
// row it was made from (this file's own change) or the row it became here
// (a received one); 0 when there is none.
func auditRowOf(r *store.RawTx, st staat, id string) (uint, error) {
	if herkomst, _, _ := strings.Cut(id, "."); st.own(Wijziging{Herkomst: herkomst}) {
		return auditRowMadeHere(r.DB(), herkomst, id)
	}
	var ids []*uint
	if err := r.DB().Raw("SELECT logregel FROM team_ontvangen WHERE wijziging_id = ?", id).Scan(&ids).Error; err != nil ||
		len(ids) != 1 || ids[0] == nil {
		return 0, err
	}
	return *ids[0], nil
}
