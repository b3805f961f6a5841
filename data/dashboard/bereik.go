package dashboard

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/dutchnum"
	"jeugdmonitor/data/period"
	"jeugdmonitor/data/store"
)

// bereikInterventie draws the yearly reach of one intervention in one of
// its measures (the one chosen, or its default: standaardMaat) against the
// targets in that measure's unit that apply to those years.
func (b *bouwer) bereikInterventie(g *Grafiek) error {
	g.GeenGegevens = fmt.Sprintf("Geen bereikcijfers per kalenderjaar voor %d-%d", b.o.Van, b.o.Tot)
	rows, err := b.toonInterventie()
	id := b.interventie
	if err != nil || id == 0 {
		g.Panelen = []Paneel{{Soort: SoortStaven, GeenGegevens: g.GeenGegevens}}
		return err
	}
	in, err := b.s.Interventie(id)
	if err != nil {
		return err
	}
	b.bron(in.Bron, 0)
	targets, err := b.s.Doelstellingen(id)
	if err != nil {
		return err
	}
	maten, err := b.matenVan(rows, id, targets)
	if err != nil {
		return err
	}
	m, _ := b.toonMaat(maten, rows, id, targets)
	std, _ := standaardMaat(maten, rows, id, targets)
	g.Maatkeuze = Maatkeuze{Interventie: in.Naam, Maat: m.naam, Standaard: std.naam}
	if m.naam != std.naam {
		b.andereMaat = m.naam
	}
	for _, mt := range maten {
		g.Maatkeuze.Maten = append(g.Maatkeuze.Maten, KeuzeMaat{Naam: mt.naam, Eenheid: mt.eenheid})
	}
	naam := in.Naam
	if len(maten) > 1 { // say which of them the bars count
		naam += " (" + m.naam + ")"
	}
	g.Titel = "Bereik tegenover doelstelling: " + naam
	unit := m.eenheid
	r := Reeks{Naam: "Bereik (" + unit + ")", Eenheid: domain.EenheidAantal, Punten: make([]Punt, b.o.Tot-b.o.Van+1)}
	for _, row := range rows {
		if row.InterventieID == id && m.telt(row) {
			r.Punten[row.Jaar-b.o.Van] = Punt{Waarde: row.Waarde, Bekend: true, Voorlopig: row.Voorlopig}
			b.bron(domain.BereikBron(row.Bron, row.Gebruiker), row.Jaar)
		}
	}
	doelen := make([]Doel, len(r.Punten))
	var used []*domain.Doelstelling
	years := map[uint][]int{}
	for i := range doelen {
		if t := store.DoelVoorPeriode(targets, strconv.Itoa(b.o.Van+i), unit); unit != "" && t != nil {
			doelen[i] = doelVan(t.Waarde, t.WaardeTot)
			b.bron(t.Bron, 0)
			if len(years[t.ID]) == 0 {
				used = append(used, t)
			}
			years[t.ID] = append(years[t.ID], b.o.Van+i)
		}
	}
	if len(used) == 0 {
		g.Titel = "Bereik per jaar: " + naam
	}
	if zonder := jarenZonderDoel(r, doelen, b.o.Van); len(zonder) > 0 {
		g.Opmerkingen = append(g.Opmerkingen, "Geen doelstelling voor "+jarenTekst(zonder))
	}
	g.Opmerkingen = append(g.Opmerkingen, doelOpmerkingen(used, years)...)
	if u := laatsteUitkomst(r, targets, unit, b.o.Van); u != "" {
		g.Opmerkingen = append(g.Opmerkingen, u)
	}
	g.Panelen = []Paneel{{Soort: SoortStaven, Categorieen: b.o.jaren(), Staven: []Reeks{r}, Doelen: doelen,
		GeenGegevens: g.GeenGegevens}}
	return nil
}

// doelOpmerkingen says once which target the chart draws in which years:
// "Doelstelling 2021-2023: min. 3.500 jongeren" for three targets of the
// same value, each for its own year, and "Doelstelling 2024-2025: min.
// 3.600 jongeren (jaarlijkse doelstelling)" where the target's period is not
// just the years it is drawn for. years holds the years of each target.
func doelOpmerkingen(used []*domain.Doelstelling, years map[uint][]int) []string {
	var tekst []string
	jaren := map[string][]int{}
	for _, t := range used {
		v := doelTekst(t.Soort, t.Waarde, t.WaardeTot, t.Eenheid)
		if t.Periode != jarenTekst(years[t.ID]) {
			v += " (" + welkDoel(*t) + ")"
		}
		if _, ok := jaren[v]; !ok {
			tekst = append(tekst, v)
		}
		jaren[v] = append(jaren[v], years[t.ID]...)
	}
	out := make([]string, len(tekst))
	for i, v := range tekst {
		slices.Sort(jaren[v])
		out[i] = fmt.Sprintf("Doelstelling %s: %s", jarenTekst(jaren[v]), v)
	}
	return out
}

// laatsteUitkomst says how the reach of the latest year with both reach and
// a target met that target: "2024: 3.650 jongeren, niet gehaald: 50
// jongeren onder het minimum"; "" when no year has both.
func laatsteUitkomst(r Reeks, targets []domain.Doelstelling, unit string, van int) string {
	for i := len(r.Punten) - 1; i >= 0; i-- {
		t := store.DoelVoorPeriode(targets, strconv.Itoa(van+i), unit)
		if p := r.Punten[i]; p.Bekend && t != nil {
			return fmt.Sprintf("%d: %s %s, %s", van+i, dutchnum.FormatAuto(p.Waarde), unit, t.Uitkomst(p.Waarde))
		}
	}
	return ""
}

// toonInterventie reads the yearly reach in the range and picks the
// intervention the chart shows (b.interventie; 0 when none has reach).
func (b *bouwer) toonInterventie() ([]store.BereikJaartotaal, error) {
	rows, err := b.s.BereikPerJaar(b.o.Van, b.o.Tot)
	if err != nil {
		return nil, err
	}
	b.interventie, err = b.kiesInterventie(rows)
	return rows, err
}

// kiesInterventie picks the intervention of the chart: the one named in the
// options; else, of those with yearly reach in the range, the one whose reach
// met a target of its year most recently, then one with any target, then the
// one with the most yearly figures (on a tie the first). So reach entered for
// an intervention without a target never takes the place of one with a target.
func (b *bouwer) kiesInterventie(rows []store.BereikJaartotaal) (uint, error) {
	if b.o.Interventie != "" {
		in, err := b.s.InterventieByNaam(b.o.Interventie)
		return in.ID, err
	}
	var best uint
	var bestScore [3]int
	for i, r := range rows {
		if i > 0 && rows[i-1].InterventieID == r.InterventieID {
			continue // rows come by intervention
		}
		score, err := b.interventieScore(rows, r.InterventieID)
		if err != nil {
			return 0, err
		}
		if best == 0 || slices.Compare(score[:], bestScore[:]) > 0 {
			best, bestScore = r.InterventieID, score
		}
	}
	return best, nil
}

// interventieScore ranks an intervention for the chart: the latest year its
// reach in its default measure has a target of that year, whether it has a target at all, and its
// number of yearly figures in the range.
func (b *bouwer) interventieScore(rows []store.BereikJaartotaal, id uint) ([3]int, error) {
	targets, err := b.s.Doelstellingen(id)
	if err != nil {
		return [3]int{}, err
	}
	var score [3]int
	if len(targets) > 0 {
		score[1] = 1
	}
	maten, err := b.matenVan(rows, id, targets)
	if err != nil {
		return score, err
	}
	m, _ := standaardMaat(maten, rows, id, targets)
	for _, r := range rows {
		if r.InterventieID != id {
			continue
		}
		score[2]++
		if m.eenheid != "" && m.telt(r) && store.DoelVoorPeriode(targets, strconv.Itoa(r.Jaar), m.eenheid) != nil {
			score[0] = max(score[0], r.Jaar)
		}
	}
	return score, nil
}

func doelVan(waarde float64, tot *float64) Doel {
	d := Doel{Van: waarde, Tot: waarde, Bekend: true}
	if tot != nil {
		d.Tot = *tot
	}
	return d
}

// welkDoel says which target a chart measures against: "jaarlijkse
// doelstelling" or "doelstelling voor 2023/2024".
func welkDoel(t domain.Doelstelling) string {
	if t.Periode == string(period.Jaarlijks) {
		return "jaarlijkse doelstelling"
	}
	return "doelstelling voor " + t.Periode
}

// jarenTekst writes ascending years, a run as "2020-2024": "2020-2022, 2024".
func jarenTekst(years []int) string {
	var parts []string
	for i := 0; i < len(years); {
		j := i
		for j+1 < len(years) && years[j+1] == years[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("%d-%d", years[i], years[j]))
		} else {
			parts = append(parts, strconv.Itoa(years[i]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

// doelTekst writes a target as "min. 3.500 jongeren" or "90-135 meldingen".
func doelTekst(soort domain.Soort, waarde float64, tot *float64, eenheid string) string {
	v := dutchnum.FormatAuto(waarde)
	switch {
	case tot != nil:
		v += "-" + dutchnum.FormatAuto(*tot)
	case soort == domain.SoortMinimaal:
		v = "min. " + v
	case soort == domain.SoortMeerDan:
		v = "meer dan " + v
	case soort == domain.SoortMaximaal:
		v = "max. " + v
	case soort == domain.SoortOngeveer:
		v = "ca. " + v
	}
	return strings.TrimSpace(v + " " + eenheid)
}

// bereikCluster draws, for one year, the reach of every target of a cluster
// as a share of that target, the target itself at 100% (a band for a
// bandwidth); each label says which target (the period it is set for).
func (b *bouwer) bereikCluster(g *Grafiek) error {
	cluster := b.o.Cluster
	if cluster == "" {
		cluster = domain.ClusterSocialeBasis
	}
	jaar := b.o.Tot
	g.Titel = fmt.Sprintf("Bereik tegenover doelstelling: %s, %d", cluster, jaar)
	rows, err := b.doelRealisaties(cluster, jaar)
	if err != nil {
		return err
	}
	if g.GeenGegevens, err = b.clusterOntbreekt(cluster, jaar, rows); err != nil {
		return err
	}
	p := Paneel{Soort: SoortDoel, Staven: []Reeks{{Naam: "Bereik als deel van de doelstelling", Eenheid: domain.EenheidPercentage, Heel: true}},
		GeenGegevens: g.GeenGegevens}
	for _, r := range rows {
		d := r.doel
		target := doelTekst(d.Soort, d.Waarde, d.WaardeTot, d.Eenheid)
		p.Categorieen = append(p.Categorieen, r.naam)
		band := doelVan(100, nil)
		if d.WaardeTot != nil && d.Waarde > 0 {
			band.Tot = *d.WaardeTot / d.Waarde * 100
		}
		p.Doelen = append(p.Doelen, band)
		b.bron(d.Bron, 0)
		if r.bereik == nil || d.Waarde <= 0 {
			p.Staven[0].Punten = append(p.Staven[0].Punten, Punt{})
			p.Labels = append(p.Labels, "geen bereik vastgelegd · doel "+target+" ("+welkDoel(d)+")")
			continue
		}
		b.bron(domain.BereikBron(r.bereik.BronTekst, r.bereik.Gebruiker), jaar)
		share := r.bereik.Waarde / d.Waarde * 100
		p.Staven[0].Punten = append(p.Staven[0].Punten, Punt{Waarde: share, Bekend: true,
			Voorlopig: r.bereik.Status == domain.StatusVoorlopig})
		p.Labels = append(p.Labels, fmt.Sprintf("%s van %s (%s%%), %s · %s", dutchnum.FormatAuto(r.bereik.Waarde), target,
			dutchnum.Format(share, 0), d.Uitkomst(r.bereik.Waarde), welkDoel(d)))
		b.laatste = max(b.laatste, jaar)
	}
	g.Panelen = []Paneel{p}
	return nil
}

// clusterOntbreekt says what the cluster chart of a year lacks when it has
// no bar: reach against its targets, or targets for the reach there is.
// Reach without a target is named as such, never as no figures.
func (b *bouwer) clusterOntbreekt(cluster domain.Cluster, jaar int, rows []doelRealisatie) (string, error) {
	zonder, err := b.bereikZonderDoel(cluster, jaar, rows)
	if err != nil {
		return "", err
	}
	var msg string
	switch {
	case len(rows) == 1:
		msg = fmt.Sprintf("Geen bereikcijfer voor %d bij de doelstelling van dat jaar", jaar)
	case len(rows) > 1:
		msg = fmt.Sprintf("Geen bereikcijfers voor %d bij de %d doelstellingen van dat jaar", jaar, len(rows))
	case len(zonder) > 0:
		msg = fmt.Sprintf("Geen doelstelling voor %d", jaar)
	default:
		return fmt.Sprintf("Geen doelstelling en geen bereikcijfers voor %d", jaar), nil
	}
	if len(zonder) > 0 {
		msg += fmt.Sprintf(". Bereik voor %d zonder doelstelling: %s", jaar, strings.Join(zonder, ", "))
	}
	return msg, nil
}

// bereikZonderDoel names the interventions of a cluster that have reach for
// a whole year but no target of that year among rows.
func (b *bouwer) bereikZonderDoel(cluster domain.Cluster, jaar int, rows []doelRealisatie) ([]string, error) {
	reach, err := b.s.BereikPerJaar(jaar, jaar)
	if err != nil {
		return nil, err
	}
	all, err := b.s.Interventies(false)
	if err != nil {
		return nil, err
	}
	met := map[uint]bool{}
	for _, r := range rows {
		for _, id := range r.doel.InterventieIDs {
			met[id] = true
		}
	}
	var out []string
	for _, in := range all {
		if in.Cluster != cluster || met[in.ID] {
			continue
		}
		for _, r := range reach {
			if r.InterventieID == in.ID {
				out = append(out, in.Naam)
				break
			}
		}
	}
	return out, nil
}

// jarenZonderDoel lists the years, from van, that have reach but no target.
func jarenZonderDoel(r Reeks, doelen []Doel, van int) []int {
	var out []int
	for i, p := range r.Punten {
		if p.Bekend && !doelen[i].Bekend {
			out = append(out, van+i)
		}
	}
	return out
}
