package team

import "jeugdmonitor/data/domain"

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
	// addition of the key it was removed under, made by the laptop addedBy.
	removal, added int64
	addedBy        string
	// values are, per column, the values it was added with, as the team
	// has them.
	values map[string][]string
}

// removedAs reports whether the record r adds is one this laptop removed
// after r reached the team, without either laptop knowing the other's
// addition (as knownToAdder): r was added with values that record was
// added with, on a unique rule (a reference by the record it names here,
// under whichever of its keys). r was then that record, and is removed
// with it.
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
	adds := localValues(r)
	for _, x := range removed {
		known := x.added <= c.Basis || (x.addedBy == c.Herkomst && x.added < c.Volgnummer)
		if x.table != c.Entiteit || x.removal <= c.Volgnummer || known {
			continue
		}
		values, err := a.localAdded(r.cols, x.values)
		if err != nil || addedAlike(rules, adds, values) {
			return err == nil, err
		}
	}
	return false, nil
}

// localAdded are the values a record was added with (as the team has
// them), as the local audit trail writes them: a reference as the number
// of the record its key names here now. A record added on more laptops is
// one record under more keys (a measure both entered a figure with), and
// additions that name it by different keys name the same record. A key
// that names nothing here is left out.
func (a *applier) localAdded(cols map[string]column, values map[string][]string) (map[string][]string, error) {
	local := make(map[string][]string, len(values))
	for name, texts := range values {
		for _, text := range texts {
			v, found, err := a.localText(cols[name], text)
			if err != nil {
				return nil, err
			}
			if found {
				local[name] = append(local[name], v)
			}
		}
	}
	return local, nil
}

// removedLater lists the records this laptop removed itself after team
// number after, as far as the team has its changes (staat.EigenTot), with
// the values the team has their additions with (references as keys, which
// name one record for good, where a local number can be given again):
// read once per batch, at the first addition that needs it.
func (a *applier) removedLater(after int64) ([]removedHere, error) {
	if a.removed != nil {
		return *a.removed, nil
	}
	if a.srv == nil {
		return nil, nil
	}
	var removals []struct {
		Entiteit, Sleutel string
		Verwijderd        int64
	}
	if err := a.srv.db.Raw(`SELECT entiteit, sleutel, min(volgnummer) AS verwijderd FROM team_wijzigingen
WHERE volgnummer > ? AND volgnummer <= ? AND herkomst = ? AND actie = ? GROUP BY entiteit, sleutel`,
		after, a.st.EigenTot, a.st.Herkomst, domain.ActieVerwijderd).Scan(&removals).Error; err != nil {
		return nil, err
	}
	list := []removedHere{}
	if len(removals) > 0 {
		keys := make([]string, len(removals))
		for i, r := range removals {
			keys[i] = r.Sleutel
		}
		var added []serverRow
		if err := a.srv.db.Raw("SELECT entiteit, sleutel, veld, nieuwe_waarde, volgnummer, herkomst FROM team_wijzigingen"+
			" WHERE sleutel = ANY(?::text[]) AND actie = ? ORDER BY volgnummer", array(keys), domain.ActieToegevoegd).
			Scan(&added).Error; err != nil {
			return nil, err
		}
		for _, r := range removals {
			x := removedHere{table: r.Entiteit, removal: r.Verwijderd, values: map[string][]string{}}
			for _, row := range added {
				if row.Entiteit == r.Entiteit && row.Sleutel == r.Sleutel && row.Volgnummer < r.Verwijderd {
					if x.added == 0 {
						x.added, x.addedBy = row.Volgnummer, row.Herkomst
					}
					x.values[row.Veld] = append(x.values[row.Veld], row.NieuweWaarde)
				}
			}
			if x.added > 0 {
				list = append(list, x)
			}
		}
	}
	a.removed = &list
	return list, nil
}
