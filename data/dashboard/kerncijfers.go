package dashboard

import (
	"fmt"

	"jeugdmonitor/data/dutchnum"
	"jeugdmonitor/data/store"
)

// Kerncijfer is a key figure shown as a tile above the charts.
type Kerncijfer struct {
	Label       string
	Waarde      string
	Toelichting string
	// Berekend marks a figure the program derived from other figures (the
	// progress on the targets), not one from a source.
	Berekend bool
}

// Kerncijfers gives the key figures of the dashboard for the range: the
// interventions in the register, the progress on the targets of the last
// year (derived from the targets and the reach, VoortgangVan), the latest
// number of young people with youth care, and the realised savings. built are
// charts already built for the same range; the youth-care chart is taken
// from them when it is there, and built otherwise.
func Kerncijfers(s *store.Store, o Opties, built []Grafiek) ([]Kerncijfer, error) {
	all, err := s.Interventies(false)
	if err != nil {
		return nil, err
	}
	v, err := VoortgangVan(s, o.Tot)
	if err != nil {
		return nil, err
	}
	out := []Kerncijfer{
		{Label: "Interventies", Waarde: dutchnum.FormatAuto(float64(len(all))), Toelichting: "in het register"},
		v.kerncijfer(),
	}
	jeugd, err := builtOr(s, "jeugdhulp", o, built)
	if err != nil {
		return nil, err
	}
	k := Kerncijfer{Label: "Jeugdigen met jeugdhulp", Waarde: GeenCijfer, Toelichting: fmt.Sprintf("in %d-%d", o.Van, o.Tot)}
	r := jeugd.Panelen[0].Staven[0]
	for i := len(r.Punten) - 1; i >= 0; i-- {
		if r.Punten[i].Bekend {
			k.Waarde, k.Toelichting = cel(r, i), "in "+jeugd.Panelen[0].Categorieen[i]
			break
		}
	}
	out = append(out, k)
	b, err := s.Besparingsoverzicht()
	if err != nil {
		return nil, err
	}
	k = Kerncijfer{Label: "Gerealiseerde besparingen", Waarde: dutchnum.FormatEuroCompact(b.SomCent), Toelichting: "som van de regels"}
	if b.Gerapporteerd != nil && b.VerschilCent() != 0 {
		k.Toelichting = "som van de regels; gerapporteerd " + dutchnum.FormatEuroCompact(b.Gerapporteerd.BedragCent)
	}
	return append(out, k), nil
}

// builtOr is the chart naam from built, or newly built when it is not there.
func builtOr(s *store.Store, naam string, o Opties, built []Grafiek) (Grafiek, error) {
	for _, g := range built {
		if g.Naam == naam {
			return g, nil
		}
	}
	return Bouw(s, naam, o)
}
