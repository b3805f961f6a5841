package team

import (
	"slices"

	"jeugdmonitor/data/domain"
)

// A record added on two laptops before either had the other's addition is
// one record (merge). When one of them removes it before it has the other's
// addition, the team's order decides, as for a colleague who gets every
// change in that order: an addition that reached the team before the
// removal was that record and is removed with it; one that came after is
// a record of its own, which stays.

// keptByLater lists the keys of the local record id, which the received
// removal group removes, that were added after that removal reached the
// team: a colleague added the same record without knowing the removal. The
// record stays under those keys (nil: none, the removal removes it).
func (a *applier) keptByLater(group []received, id uint) ([]string, error) {
	first := group[0]
	all, err := a.k.allOf(first.Entiteit, id)
	if err != nil || len(all) < 2 || a.srv == nil {
		return nil, err
	}
	var rows []struct {
		Sleutel    string
		Volgnummer int64
	}
	if err := a.srv.db.Raw("SELECT sleutel, min(volgnummer) AS volgnummer FROM team_wijzigingen WHERE entiteit = ?"+
		" AND sleutel = ANY(?::text[]) AND actie = ? GROUP BY sleutel", first.Entiteit, array(all), domain.ActieToegevoegd).
		Scan(&rows).Error; err != nil {
		return nil, err
	}
	added := map[string]int64{}
	for _, r := range rows {
		added[r.Sleutel] = r.Volgnummer
	}
	var kept []string
	for _, key := range all {
		// a key without an addition in the team is this laptop's, added
		// after it sent: later than the removal too
		if n, ok := added[key]; key != first.Sleutel && (!ok || n > first.Volgnummer) {
			kept = append(kept, key)
		}
	}
	return kept, nil
}

// removedHere is a record this laptop removed itself after the changes
// being received reached the team.
type removedHere struct {
	table string
	// removal is the team's number of the removal, added that of the
	// addition of the key it was removed under.
	removal, added int64
	// values are, per column, the values it was added with.
	values map[string][]string
}

// removedAs reports whether the record r adds is one this laptop removed
// after r reached the team, without either laptop knowing the other's
// addition: r was added with values that record was added with, on a
// unique rule. r was then that record, and is removed with it.
func (a *applier) removedAs(r newRow) (bool, error) {
	c := r.group[0]
	removed, err := a.removedLater(c.Volgnummer)
	if err != nil || len(removed) == 0 {
		return false, err
	}
	rules, err := a.uniqueRules(c.Entiteit)
	if err != nil {
		return false, err
	}
	return slices.ContainsFunc(removed, func(x removedHere) bool {
		return x.table == c.Entiteit && x.removal > c.Volgnummer && x.added > c.Basis && addedAlike(rules, r, x.values)
	}), nil
}

// removedLater lists the records this laptop removed itself after team
// number after, as far as the team has its changes (staat.EigenTot): read
// once per batch, at the first addition that needs it.
func (a *applier) removedLater(after int64) ([]removedHere, error) {
	if a.removed != nil {
		return *a.removed, nil
	}
	if a.srv == nil {
		return nil, nil
	}
	var rows []struct {
		Entiteit, Sleutel      string
		Verwijderd, Toegevoegd int64
		WijzigingID            string
	}
	err := a.srv.db.Raw(`SELECT r.entiteit, min(r.volgnummer) AS verwijderd, min(r.wijziging_id) AS wijziging_id,
    coalesce((SELECT min(t.volgnummer) FROM team_wijzigingen t WHERE t.sleutel = r.sleutel AND t.entiteit = r.entiteit
        AND t.actie = ?), 0) AS toegevoegd
FROM team_wijzigingen r WHERE r.volgnummer > ? AND r.volgnummer <= ? AND r.herkomst = ? AND r.actie = ?
GROUP BY r.entiteit, r.sleutel`, domain.ActieToegevoegd, after, a.st.EigenTot, a.st.Herkomst, domain.ActieVerwijderd).
		Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	list := []removedHere{}
	for _, row := range rows {
		n, _, ok := ownIDParts(a.st.Herkomst, row.WijzigingID)
		if !ok || row.Toegevoegd == 0 {
			continue
		}
		var audit []domain.Wijziging
		if err := a.db.Raw(`SELECT entiteit_id, veld, actie, nieuwe_waarde FROM wijzigingen WHERE entiteit = ? AND actie IN (?, ?) AND id < ?
    AND entiteit_id = (SELECT entiteit_id FROM wijzigingen WHERE id = ?) ORDER BY id`,
			row.Entiteit, domain.ActieToegevoegd, domain.ActieVerwijderd, n, n).Scan(&audit).Error; err != nil {
			return nil, err
		}
		if len(audit) == 0 {
			continue
		}
		values, err := addedValues(row.Entiteit, audit[0].EntiteitID, audit)
		if err != nil {
			return nil, err
		}
		if values == nil {
			continue
		}
		list = append(list, removedHere{table: row.Entiteit, removal: row.Verwijderd, added: row.Toegevoegd, values: values})
	}
	a.removed = &list
	return list, nil
}
