package cbs

import (
	"context"
	"fmt"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/dutchnum"
	"jeugdmonitor/data/store"
)

// Telling says what storing one table's series does (or did).
type Telling struct {
	Tabel string
	// Nieuw counts values for a period without one yet, Gewijzigd values
	// that differ from the stored one, Ongewijzigd values equal to it (left
	// as they are, with their source).
	Nieuw, Gewijzigd, Ongewijzigd int
	// NieuweIndicatoren names the indicators created ("code (naam)").
	NieuweIndicatoren []string
	// ZonderIndicator counts the series left out because their indicator
	// does not exist and creating it was not confirmed.
	ZonderIndicator int
	// Dubbel counts values an earlier table of the same run already gave.
	Dubbel int
	// Wijzigingen lists the Gewijzigd values: indicator, period, old and
	// new.
	Wijzigingen []Wijziging
}

// Wijziging is a stored figure that a table changes.
type Wijziging struct {
	// Indicator is the indicator's name, Periode the period.
	Indicator, Periode string
	Oud, Nieuw         domain.Meting
}

// wijziging describes how m changes the stored old; false when it says the
// same (gelijk).
func wijziging(ind domain.Indicator, old, m domain.Meting) (Wijziging, bool) {
	if gelijk(old, m) {
		return Wijziging{}, false
	}
	return Wijziging{Indicator: ind.Naam, Periode: m.Periode, Oud: old, Nieuw: m}, true
}

// String gives "Aantal jeugdigen met jeugdhulp, 2022: van 1.300 naar 5", with the
// comparison value or the status when those change too.
func (w Wijziging) String() string {
	s := fmt.Sprintf("%s, %s: van %s naar %s", w.Indicator, w.Periode, dutchnum.FormatAuto(w.Oud.Waarde), dutchnum.FormatAuto(w.Nieuw.Waarde))
	vgl := func(v *float64) string {
		if v == nil {
			return "geen"
		}
		return dutchnum.FormatAuto(*v)
	}
	if a, b := vgl(w.Oud.Vergelijkingswaarde), vgl(w.Nieuw.Vergelijkingswaarde); a != b {
		s += fmt.Sprintf(" (vergelijking van %s naar %s)", a, b)
	}
	if w.Oud.Status != w.Nieuw.Status {
		s += fmt.Sprintf(" (status van %s naar %s)", w.Oud.Status, w.Nieuw.Status)
	}
	return s
}

// Bijwerken stores the series of several tables in one transaction, or
// (schrijven false) only counts what that would do. A value equal to the
// stored one in value, comparison value and status is left alone, so a
// second run changes nothing; metNieuwe allows creating the indicators that
// do not exist yet (the user confirmed them), otherwise their series are
// left out. Every change goes through the audited store. On any error or
// cancellation nothing is stored.
func Bijwerken(ctx context.Context, s *store.Store, results []*Resultaat, metNieuwe, schrijven bool) ([]Telling, error) {
	for _, res := range results {
		if len(res.Problemen) > 0 {
			return nil, fmt.Errorf("tabel %s bevat %s (eerste: %s); er is niets opgeslagen",
				res.Tabel, dutchnum.Aantal(len(res.Problemen)+res.MeerProblemen, "fout", "fouten"), res.Problemen[0])
		}
	}
	stored := map[string]domain.Meting{} // code|periode
	for _, res := range results {
		ms, err := res.bestaand(s)
		if err != nil {
			return nil, err
		}
		for k, m := range ms {
			stored[k] = m
		}
	}
	tellingen := make([]Telling, len(results))
	plan := func(tx *store.Tx) error {
		seen := map[string]bool{}    // code|periode given by this run
		created := map[string]uint{} // new indicators of this run by code
		for i, res := range results {
			t := &tellingen[i]
			*t = Telling{Tabel: res.Tabel}
			for _, r := range res.Reeksen {
				if err := ctx.Err(); err != nil {
					return fmt.Errorf("bijwerken afgebroken; er is niets opgeslagen: %w", err)
				}
				ind := r.Indicator
				if id, ok := created[ind.Code]; r.Nieuw && ok {
					ind.ID = id // created for an earlier table of this run
				} else if r.Nieuw {
					if !metNieuwe {
						t.ZonderIndicator++
						continue
					}
					t.NieuweIndicatoren = append(t.NieuweIndicatoren, fmt.Sprintf("%s (%s)", ind.Code, ind.Naam))
					if tx != nil {
						if err := tx.CreateIndicator(&ind); err != nil {
							return fmt.Errorf("indicator %s: %w", ind.Code, err)
						}
					}
					created[ind.Code] = ind.ID
				}
				for _, m := range r.Metingen {
					key := ind.Code + "|" + m.Periode
					if seen[key] {
						t.Dubbel++
						continue
					}
					seen[key] = true
					old, had := stored[key]
					w, anders := wijziging(ind, old, m)
					switch {
					case had && !anders:
						t.Ongewijzigd++
						continue
					case had:
						t.Gewijzigd++
						t.Wijzigingen = append(t.Wijzigingen, w)
					default:
						t.Nieuw++
					}
					if tx != nil {
						m.IndicatorID = ind.ID
						if err := tx.RecordMeting(&m); err != nil {
							return fmt.Errorf("tabel %s, %s, %s: %w", res.Tabel, r.Label, m.Periode, err)
						}
					}
				}
			}
		}
		return nil
	}
	if !schrijven {
		return tellingen, plan(nil)
	}
	if err := s.Update(plan); err != nil {
		return nil, err
	}
	return tellingen, nil
}

// gelijk reports whether a fetched value says the same as the stored one:
// value, comparison value and status (the source may say another date).
func gelijk(a, b domain.Meting) bool {
	if a.Waarde != b.Waarde || a.Status != b.Status || (a.Vergelijkingswaarde == nil) != (b.Vergelijkingswaarde == nil) {
		return false
	}
	return a.Vergelijkingswaarde == nil || *a.Vergelijkingswaarde == *b.Vergelijkingswaarde
}

// String says what the count holds: "2 nieuw, 1 gewijzigd, 5 ongewijzigd",
// with the new indicators, the series left out and the doubles when there
// are any.
func (t Telling) String() string {
	s := fmt.Sprintf("%d nieuw, %d gewijzigd, %d ongewijzigd", t.Nieuw, t.Gewijzigd, t.Ongewijzigd)
	if n := len(t.NieuweIndicatoren); n > 0 {
		s += ", " + dutchnum.Aantal(n, "nieuwe indicator", "nieuwe indicatoren")
	}
	if t.ZonderIndicator > 0 {
		s += ", " + dutchnum.Aantal(t.ZonderIndicator, "reeks", "reeksen") + " zonder indicator overgeslagen"
	}
	if t.Dubbel > 0 {
		s += fmt.Sprintf(", %d al uit een andere tabel", t.Dubbel)
	}
	return s
}
