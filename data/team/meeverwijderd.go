package team

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/geschiedenis"
)

// A record removed on one laptop while a colleague added a record that
// refers to it (a figure for an intervention removed meanwhile): the
// removal stands on every laptop, and the record that referred to it goes
// with it, as a conflict that keeps its values. The laptop that removed
// it cannot add the record; the others remove it when the removal comes.
// Both keep the same conflict, so that one choice closes it everywhere.

// removedWithAction is the second side of a conflict about a record that
// went with a record a colleague removed.
const removedWithAction = "mee verwijderd"

// MeeVerwijderd reports whether the conflict is about a record that went
// with a record a colleague removed: it can only be left removed (its
// values are in the conflict, to enter again once the other is back).
func (c Conflict) MeeVerwijderd() bool { return c.Tweede.Actie == removedWithAction }

// maxReferenceDepth bounds how far removeReferring follows records that
// refer to records that refer (an intervention, its measures, their figures).
const maxReferenceDepth = 4

// removeReferring removes, before the local record id of table goes by
// the team's removal rem (made on the team's version basis), the records
// here that refer to it and that the remover did not have (those it had,
// it removed before, or the database removes with it). Each is logged as
// removed by rem's author and kept as a conflict with its values.
func (a *applier) removeReferring(rem Wijziging, basis int64, table string, id uint, depth int) ([]logged, error) {
	if depth > maxReferenceDepth {
		return nil, nil
	}
	var out []logged
	for _, other := range sharedTables() {
		cols, err := a.t.columns(other)
		if err != nil {
			return nil, err
		}
		for _, name := range sortedColumns(cols) {
			if cols[name].ref != table {
				continue
			}
			var done []logged
			if other == linkTable {
				done, err = a.unlinkReferring(rem, basis, name, id)
			} else {
				done, err = a.removeReferringBy(rem, basis, other, cols, name, id, depth)
			}
			if err != nil {
				return nil, err
			}
			out = append(out, done...)
		}
	}
	return out, nil
}

// removeReferringBy is removeReferring for the records of table other that
// refer by column col to the record id.
func (a *applier) removeReferringBy(rem Wijziging, basis int64, other string, cols map[string]column, col string, id uint, depth int) ([]logged, error) {
	var ids []uint
	if err := a.db.Raw(fmt.Sprintf("SELECT id FROM %s WHERE %s = ? ORDER BY id", quote(other), quote(col)), id).
		Scan(&ids).Error; err != nil {
		return nil, err
	}
	var out []logged
	for _, x := range ids {
		key, err := a.k.keyOf(other, x)
		if err != nil {
			return nil, err
		}
		unknown, err := a.unknownToRemover(rem, basis, other, key, "")
		if err != nil {
			return nil, err
		}
		deeper, err := a.removeReferring(rem, basis, other, x, depth+1)
		if err != nil {
			return nil, err
		}
		out = append(out, deeper...)
		if !unknown {
			// the remover had it: the database removes it with the record,
			// as there, and its keys go with it (its number can come again);
			// the trail says it went, as the remover's does (its own
			// removal finds it gone when it comes)
			rows, _, err := a.removalRows(rem, other, cols, x)
			if err != nil {
				return nil, err
			}
			out = append(out, rows...)
			if err := a.k.forget(other, x); err != nil {
				return nil, err
			}
			continue
		}
		done, err := a.removeWith(rem, other, cols, col, x, key)
		if err != nil {
			return nil, err
		}
		out = append(out, done...)
	}
	return out, nil
}

// unknownToRemover reports whether the record with key of table (or its
// link veld) was not in the team's version basis the removal rem was made
// on, nor added on the remover's laptop before it, or is not in the team
// yet: the remover did not have it.
func (a *applier) unknownToRemover(rem Wijziging, basis int64, table, key, veld string) (bool, error) {
	if key == "" || a.srv == nil {
		return true, nil
	}
	q := "SELECT volgnummer, herkomst FROM team_wijzigingen WHERE entiteit = ? AND sleutel = ? AND actie = ?"
	args := []any{table, key, domain.ActieToegevoegd}
	if veld != "" {
		q, args = q+" AND veld = ?", append(args, veld)
	}
	var added []serverRow
	if err := a.srv.db.Raw(q+" ORDER BY volgnummer LIMIT 1", args...).Scan(&added).Error; err != nil || len(added) == 0 {
		return true, err
	}
	first := added[0]
	return first.Volgnummer > basis && (first.Herkomst != rem.Herkomst || first.Volgnummer > rem.Volgnummer), nil
}

// removeWith removes the local record x of table, which refers by col to a
// record the removal rem removes, logging it as removed by rem's author and
// keeping it as a conflict with its values.
func (a *applier) removeWith(rem Wijziging, table string, cols map[string]column, col string, x uint, key string) ([]logged, error) {
	out, texts, err := a.removalRows(rem, table, cols, x)
	if err != nil {
		return nil, err
	}
	var adder []domain.Wijziging
	if err := a.db.Raw("SELECT gebruiker, tijd FROM wijzigingen WHERE entiteit = ? AND entiteit_id = ? AND actie = ? ORDER BY id DESC LIMIT 1",
		table, x, domain.ActieToegevoegd).Scan(&adder).Error; err != nil {
		return nil, err
	}
	added := Wijziging{Actie: domain.ActieToegevoegd, NieuweWaarde: recordText(table, cols, texts)}
	if len(adder) == 1 {
		added.Gebruiker, added.Tijd = adder[0].Gebruiker, adder[0].Tijd
	}
	if err := a.exec(fmt.Sprintf("DELETE FROM %s WHERE id = ?", quote(table)), x); err != nil {
		return nil, err
	}
	if err := a.k.forget(table, x); err != nil {
		return nil, err
	}
	a.conflict(removedWithConflict(rem, table, key, col, added))
	return out, nil
}

// removalRows are the audit rows that log the local record x of table as
// removed by the removal rem's author, a row per non-empty field, and the
// fields' values as text.
func (a *applier) removalRows(rem Wijziging, table string, cols map[string]column, x uint) ([]logged, map[string]string, error) {
	values, err := a.recordValues(table, x)
	if err != nil {
		return nil, nil, err
	}
	texts := map[string]string{}
	var out []logged
	for _, name := range sortedColumns(cols) {
		text := rawText(values[name])
		if name == "id" || text == "" {
			continue
		}
		texts[name] = text
		out = append(out, logged{row: domain.Wijziging{Tijd: rem.Tijd, Gebruiker: rem.Gebruiker, Actie: domain.ActieVerwijderd,
			Entiteit: table, EntiteitID: x, Veld: name, OudeWaarde: text}})
	}
	return out, texts, nil
}

// unlinkReferring removes the links here of the record id (by col, the
// target's or the intervention's column) that the remover did not have,
// logged and kept as conflicts like removeWith's records.
func (a *applier) unlinkReferring(rem Wijziging, basis int64, col string, id uint) ([]logged, error) {
	var links []domain.DoelstellingInterventie
	if err := a.db.Raw(fmt.Sprintf("SELECT * FROM %s WHERE %s = ?", quote(linkTable), quote(col)), id).Scan(&links).Error; err != nil {
		return nil, err
	}
	var out []logged
	for _, l := range links {
		target, err := a.k.keyOf("doelstellingen", l.DoelstellingID)
		if err != nil {
			return nil, err
		}
		interventie, err := a.k.keyOf("interventies", l.InterventieID)
		if err != nil {
			return nil, err
		}
		unknown, err := a.unknownToRemover(rem, basis, linkTable, target, linkField+interventie)
		if err != nil || !unknown {
			if err != nil {
				return nil, err
			}
			continue // the remover had it: the database removes it with the record, as there
		}
		if err := a.exec("DELETE FROM doelstelling_interventies WHERE doelstelling_id = ? AND interventie_id = ?",
			l.DoelstellingID, l.InterventieID); err != nil {
			return nil, err
		}
		out = append(out, logged{row: domain.Wijziging{Tijd: rem.Tijd, Gebruiker: rem.Gebruiker, Actie: domain.ActieVerwijderd,
			Entiteit: linkTable, EntiteitID: l.DoelstellingID, Veld: "interventie_id", OudeWaarde: fmt.Sprint(l.InterventieID)}})
		a.conflict(removedWithConflict(rem, linkTable, target, linkField+interventie, Wijziging{Actie: domain.ActieToegevoegd}))
	}
	return out, nil
}

// removedWithConflict is the conflict about the record with key of table
// (its field col) that went with the record the team's removal rem
// removed: first the record as added, second the removal. Its id is made
// of the removal's and the key, alike on every laptop.
func removedWithConflict(rem Wijziging, table, key, col string, added Wijziging) conflict {
	second := Wijziging{ID: rem.ID + "|" + key, Actie: removedWithAction, Entiteit: table, Sleutel: key, Veld: col,
		NieuweWaarde: strings.TrimSpace("met " + geschiedenis.Soort(rem.Entiteit) + " " + rem.OudeWaarde), Gebruiker: rem.Gebruiker, Tijd: rem.Tijd}
	if table == linkTable {
		second.ID += "|" + col
	}
	return conflict{tweede: second, eerste: &added}
}

// removalOf is the team's (first) removal of the record with key of
// table, with its number, origin, author, moment and the name the record
// had (OudeWaarde, when it has one); an empty ID when the team has none.
func (a *applier) removalOf(table, key string) (Wijziging, error) {
	if a.srv == nil || key == "" {
		return Wijziging{}, nil
	}
	var rows []serverRow
	err := a.srv.db.Raw(`SELECT wijziging_id, volgnummer, herkomst, gebruiker, tijd, coalesce((SELECT n.oude_waarde FROM team_wijzigingen n
    WHERE n.sleutel = w.sleutel AND n.entiteit = w.entiteit AND n.actie = w.actie AND n.veld = 'naam' LIMIT 1), '') AS oude_waarde
FROM team_wijzigingen w WHERE entiteit = ? AND sleutel = ? AND actie = ? ORDER BY volgnummer LIMIT 1`,
		table, key, domain.ActieVerwijderd).Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return Wijziging{}, err
	}
	r := rows[0]
	return Wijziging{ID: r.WijzigingID, Volgnummer: r.Volgnummer, Herkomst: r.Herkomst, Entiteit: table, Sleutel: key,
		Gebruiker: r.Gebruiker, Tijd: r.Tijd, OudeWaarde: r.OudeWaarde}, nil
}

// refusedForRemoved keeps a received record that cannot be added here,
// because a record it refers to was removed in the team, as the conflict
// the laptops that had it keep (removeWith), and reports whether it did.
func (a *applier) refusedForRemoved(group []received) (bool, error) {
	first := group[0]
	cols, err := a.t.columns(first.Entiteit)
	if err != nil {
		return false, err
	}
	texts := teamValues(group)
	for _, c := range group {
		col, ok := cols[c.Veld]
		if !ok || col.ref == "" || c.NieuweWaarde == "" {
			continue
		}
		rem, err := a.goneRemoved(col.ref, c.NieuweWaarde)
		if err != nil || rem.ID == "" {
			if err != nil {
				return false, err
			}
			continue
		}
		added := Wijziging{Actie: domain.ActieToegevoegd, NieuweWaarde: recordText(first.Entiteit, cols, texts),
			Gebruiker: first.Gebruiker, Tijd: first.Tijd}
		a.conflict(removedWithConflict(rem, first.Entiteit, first.Sleutel, c.Veld, added))
		return true, nil
	}
	return false, nil
}

// linkForRemoved keeps a received link that cannot be added here, because
// its target or intervention was removed in the team, as the conflict the
// laptops that had it keep (unlinkReferring), and reports whether it did.
func (a *applier) linkForRemoved(c Wijziging) (bool, error) {
	if c.Actie != domain.ActieToegevoegd {
		return false, nil
	}
	rem, err := a.goneRemoved("interventies", strings.TrimPrefix(c.Veld, linkField))
	if err == nil && rem.ID == "" {
		rem, err = a.goneRemoved("doelstellingen", c.Sleutel)
	}
	if err != nil || rem.ID == "" {
		return false, err
	}
	a.conflict(removedWithConflict(rem, linkTable, c.Sleutel, c.Veld, Wijziging{Actie: domain.ActieToegevoegd,
		Gebruiker: c.Gebruiker, Tijd: c.Tijd}))
	return true, nil
}

// goneRemoved is the team's removal of the record with key of table when
// that record is not here; an empty ID when it is here or the team never
// removed it.
func (a *applier) goneRemoved(table, key string) (Wijziging, error) {
	if _, found, err := a.k.keyToRef(table, key); err != nil || found {
		return Wijziging{}, err
	}
	return a.removalOf(table, key)
}

// recordText writes a record's values for people: each field that is not a
// reference or bookkeeping, by its Dutch name, in the table's order.
func recordText(table string, cols map[string]column, values map[string]string) string {
	var parts []string
	for _, name := range sortedColumns(cols) {
		derived := followsFromPeriod[name] && values["periode"] != ""
		if v := values[name]; v != "" && name != "id" && cols[name].ref == "" && !bookkeeping[name] && !derived {
			parts = append(parts, geschiedenis.VeldNaam(table, name)+" "+v)
		}
	}
	return strings.Join(parts, ", ")
}

// followsFromPeriod are the columns the program derives from a record's
// period ("2025" gives jaar 2025 and soort periode jaar): recordText names
// the period only.
var followsFromPeriod = map[string]bool{"jaar": true, "periode_soort": true}

// sharedTables are the shared tables in a fixed order.
func sharedTables() []string {
	names := make([]string, 0, len(gedeeldeEntiteiten))
	for name := range gedeeldeEntiteiten {
		names = append(names, name)
	}
	sort.Strings(names)
	return slices.Clip(names)
}
