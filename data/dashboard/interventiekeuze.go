package dashboard

import (
	"errors"
	"slices"
	"strconv"

	"jeugdmonitor/data/store"
)

// bereikInterventieNaam is the name of the chart of one intervention's reach.
const bereikInterventieNaam = "bereik-interventie"

// InterventieKey is the database setting that holds the intervention chosen
// for the chart bereik-interventie on the Overzicht (its number; empty: the
// chart picks one, see kiesInterventie).
const InterventieKey = "overzicht.interventie"

// GekozenInterventie gives the name of the intervention chosen for the chart
// bereik-interventie, or "" when none was chosen or it no longer exists.
func GekozenInterventie(s *store.Store) (string, error) {
	v, found, err := s.Setting(InterventieKey)
	if err != nil || !found || v == "" {
		return "", err
	}
	id, err := strconv.ParseUint(v, 10, 32)
	if err != nil {
		return "", nil
	}
	in, err := s.Interventie(uint(id))
	if errors.Is(err, store.ErrNotFound) {
		return "", nil
	}
	return in.Naam, err
}

// OnthoudInterventie stores the intervention chosen for the chart
// bereik-interventie with the database (audited like every setting), by
// its number so that a new name keeps the choice; "" leaves the choice to
// the chart again. Another intervention than the one stored also returns
// to its default measure (see OnthoudMaat), in the same transaction.
// Choosing what is stored already writes nothing.
func OnthoudInterventie(s *store.Store, naam string) error {
	v := ""
	if naam != "" {
		in, err := s.InterventieByNaam(naam)
		if err != nil {
			return err
		}
		v = strconv.FormatUint(uint64(in.ID), 10)
	}
	if old, found, err := s.Setting(InterventieKey); err != nil || old == v && (found || v == "") {
		return err
	}
	return zetInstellingen(s, map[string]string{InterventieKey: v, MaatKey: ""})
}

// Interventiekeuzes lists, by name, the interventions the chart
// bereik-interventie can show for the years of o: those with reach per
// calendar year in them.
func Interventiekeuzes(s *store.Store, o Opties) ([]string, error) {
	rows, err := s.BereikPerJaar(o.Van, o.Tot)
	if err != nil {
		return nil, err
	}
	var namen []string
	for i, r := range rows {
		if i > 0 && rows[i-1].InterventieID == r.InterventieID {
			continue // rows come by intervention
		}
		in, err := s.Interventie(r.InterventieID)
		if err != nil {
			return nil, err
		}
		namen = append(namen, in.Naam)
	}
	slices.Sort(namen)
	return namen, nil
}
