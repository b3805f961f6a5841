package dashboard

import (
	"jeugdmonitor/data/dutchnum"
)

// GeenCijfer is written in a table where the store has no value.
const GeenCijfer = "geen cijfer"

// cel writes a value for a table; a provisional one gets an asterisk.
func cel(r Reeks, i int) string {
	pt := r.Punten[i]
	switch {
	case !pt.Bekend:
		return GeenCijfer
	case pt.Voorlopig:
		return r.Tekst(pt.Waarde) + " *"
	}
	return r.Tekst(pt.Waarde)
}

// Tabel gives the key figures of a panel as a table: a header and one row
// per category. Missing values read "geen cijfer", provisional ones end in
// " *".
func (p Paneel) Tabel() (kop []string, rijen [][]string) {
	kop = []string{""}
	for _, r := range p.Staven {
		kop = append(kop, r.Naam)
	}
	if p.Lijn != nil {
		kop = append(kop, p.Lijn.Naam)
	}
	if p.Soort == SoortDoel {
		kop = append(kop, "Toelichting")
	}
	for i, c := range p.Categorieen {
		rij := []string{c}
		shares, ok := p.Aandelen(i)
		for k, r := range p.Staven {
			v := cel(r, i)
			if p.Soort == SoortGestapeld && ok {
				v += " (" + dutchnum.Format(shares[k], 0) + "%)"
			}
			rij = append(rij, v)
		}
		if p.Lijn != nil {
			rij = append(rij, cel(*p.Lijn, i))
		}
		if p.Soort == SoortDoel && i < len(p.Labels) {
			rij = append(rij, p.Labels[i])
		}
		rijen = append(rijen, rij)
	}
	return kop, rijen
}
