package dashboard

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/dutchnum"
)

// preventieMetGezag draws each police indicator in its own panel: Zwolle
// beside Nederland for every year of the range that has a measurement.
func (b *bouwer) preventieMetGezag(g *Grafiek) error {
	inds, err := b.s.Indicatoren(domain.GroepPreventieGezag)
	if err != nil {
		return err
	}
	for _, ind := range inds {
		p := Paneel{Titel: korteNaam(ind.Naam), Soort: SoortStaven, GeenGegevens: b.o.geenGegevens()}
		zwolle := Reeks{Naam: "Zwolle", Eenheid: ind.Eenheid}
		nl := Reeks{Naam: ind.Vergelijking, Eenheid: ind.Eenheid}
		if nl.Naam == "" {
			nl.Naam = "Vergelijking"
		}
		rows, err := b.s.Jaarreeks(ind.ID, b.o.Van, b.o.Tot)
		if err != nil {
			return err
		}
		for _, m := range rows {
			p.Categorieen = append(p.Categorieen, strconv.Itoa(m.Jaar))
			voorlopig := m.Status == domain.StatusVoorlopig
			zwolle.Punten = append(zwolle.Punten, Punt{Waarde: m.Waarde, Bekend: true, Voorlopig: voorlopig})
			vgl := Punt{Voorlopig: voorlopig}
			if m.Vergelijkingswaarde != nil {
				vgl.Waarde, vgl.Bekend = *m.Vergelijkingswaarde, true
			}
			nl.Punten = append(nl.Punten, vgl)
			b.bron(domain.Bron{Document: m.BronDocument, Sectie: m.BronSectie}, m.Jaar)
		}
		p.Staven = []Reeks{zwolle, nl}
		g.Panelen = append(g.Panelen, p)
	}
	return nil
}

// korteNaam drops the wording that every police indicator shares.
func korteNaam(naam string) string {
	for _, prefix := range []string{"Het totaal aantal ", "het totaal aantal "} {
		if rest, ok := strings.CutPrefix(naam, prefix); ok {
			return strings.ToUpper(rest[:1]) + rest[1:]
		}
	}
	return naam
}

// begrotingscriteria draws every budget criterion that has a target value and
// an indicator: its latest measurement up to the last year against the target.
func (b *bouwer) begrotingscriteria(g *Grafiek) error {
	goals, err := b.s.Begrotingsdoelen()
	if err != nil {
		return err
	}
	p := Paneel{Soort: SoortDoel, Staven: []Reeks{{Naam: "Gerealiseerd", Eenheid: domain.EenheidPercentage}},
		GeenGegevens: fmt.Sprintf("Geen metingen van begrotingscriteria t/m %d", b.o.Tot)}
	g.GeenGegevens = p.GeenGegevens
	inds, err := b.s.Indicatoren(domain.GroepBegroting)
	if err != nil {
		return err
	}
	for _, goal := range goals {
		criteria, err := b.s.Criteria(goal.ID)
		if err != nil {
			return err
		}
		for _, c := range criteria {
			if c.Streefwaarde == nil || c.IndicatorID == nil {
				continue
			}
			if err := b.criterium(&p, c, inds); err != nil {
				return err
			}
		}
	}
	if b.voorVan > 0 {
		wie := fmt.Sprintf("%d criteria hebben", b.voorVan)
		if b.voorVan == 1 {
			wie = "1 criterium heeft"
		}
		g.Opmerkingen = append(g.Opmerkingen, fmt.Sprintf(
			"%s geen meting in %d-%d; daar staat de laatste meting van ervoor", wie, b.o.Van, b.o.Tot))
	}
	g.Panelen = []Paneel{p}
	return nil
}

// criterium adds one criterion to the panel; inds are the budget indicators.
// Its latest measurement up to the last year is shown, also when that lies
// before the range (counted in b.voorVan, so the chart can say so).
func (b *bouwer) criterium(p *Paneel, c domain.Criterium, inds []domain.Indicator) error {
	i := slices.IndexFunc(inds, func(ind domain.Indicator) bool { return ind.ID == *c.IndicatorID })
	if i < 0 {
		return nil
	}
	ind := inds[i]
	metingen, err := b.s.Metingen(ind.ID)
	if err != nil {
		return err
	}
	target := "streefwaarde " + Opmaak(ind.Eenheid, *c.Streefwaarde)
	pt, label, laatste := Punt{}, "geen meting · "+target, 0
	for _, m := range metingen {
		if m.Jaar <= b.o.Tot {
			laatste = m.Jaar
			pt = Punt{Waarde: m.Waarde, Bekend: true, Voorlopig: m.Status == domain.StatusVoorlopig}
			label = fmt.Sprintf("%s in %s · %s", Opmaak(ind.Eenheid, m.Waarde), m.Periode, target)
			b.bron(m.Bron, m.Jaar)
		}
	}
	if pt.Bekend && laatste < b.o.Van {
		b.voorVan++
	}
	b.bron(c.Bron, 0)
	p.Categorieen = append(p.Categorieen, ind.Naam)
	p.Staven[0].Punten = append(p.Staven[0].Punten, pt)
	p.Doelen = append(p.Doelen, doelVan(*c.Streefwaarde, nil))
	p.Labels = append(p.Labels, label)
	return nil
}

// besparingen draws the realised savings per period and, beside them, the sum
// of those lines and the total the document reports; a difference between the
// two is flagged, never corrected.
func (b *bouwer) besparingen(g *Grafiek) error {
	o, err := b.s.Besparingsoverzicht()
	if err != nil {
		return err
	}
	g.GeenGegevens = "Geen gerealiseerde besparingen vastgelegd"
	perPeriode := Paneel{Titel: "Per periode", Soort: SoortStaven, GeenGegevens: g.GeenGegevens,
		Staven: []Reeks{{Naam: "Gerealiseerde besparing", Eenheid: domain.EenheidEuro}}}
	vorig := 0
	var buiten []int
	for _, r := range o.Regels {
		y, jaar := jaarVan(r.Periode)
		// a year without a line between two years is a gap on the chart (up
		// to a decade of them, so the bars stay readable)
		for gat := vorig + 1; jaar && vorig > 0 && y-vorig <= 10 && gat < y; gat++ {
			perPeriode.Categorieen = append(perPeriode.Categorieen, strconv.Itoa(gat))
			perPeriode.Staven[0].Punten = append(perPeriode.Staven[0].Punten, Punt{})
		}
		if vorig = 0; jaar {
			vorig = y
		}
		perPeriode.Categorieen = append(perPeriode.Categorieen, r.Periode)
		perPeriode.Staven[0].Punten = append(perPeriode.Staven[0].Punten, Punt{Waarde: domain.Euros(r.BedragCent), Bekend: true})
		b.bron(r.Bron, y)
		if jaar && (y < b.o.Van || y > b.o.Tot) {
			buiten = append(buiten, y)
		}
	}
	if len(buiten) > 0 {
		slices.Sort(buiten)
		g.Opmerkingen = append(g.Opmerkingen, fmt.Sprintf(
			"Buiten de gekozen jaren %d-%d: %s. De grafiek toont alle vastgelegde perioden en hun som", b.o.Van, b.o.Tot, jarenTekst(buiten)))
	}
	totaal := Paneel{Titel: "Totaal", Soort: SoortStaven, GeenGegevens: g.GeenGegevens,
		Categorieen: []string{"Som van de regels"},
		Staven:      []Reeks{{Naam: "Gerealiseerde besparing", Eenheid: domain.EenheidEuro, Punten: []Punt{{Waarde: domain.Euros(o.SomCent), Bekend: len(o.Regels) > 0}}}}}
	if o.Gerapporteerd != nil {
		totaal.Categorieen = append(totaal.Categorieen, "Gerapporteerd totaal")
		totaal.Staven[0].Punten = append(totaal.Staven[0].Punten, Punt{Waarde: domain.Euros(o.Gerapporteerd.BedragCent), Bekend: true})
		b.bron(o.Gerapporteerd.Bron, 0)
		if d := o.VerschilCent(); d != 0 {
			g.Opmerkingen = append(g.Opmerkingen, fmt.Sprintf(
				"Let op: het gerapporteerde totaal (%s) wijkt %s af van de som van de regels (%s). Beide staan hier zoals de bron ze geeft.",
				dutchnum.FormatEuro(o.Gerapporteerd.BedragCent), dutchnum.FormatEuro(abs(d)), dutchnum.FormatEuro(o.SomCent)))
		}
	}
	g.Panelen = []Paneel{perPeriode, totaal}
	return nil
}

func abs(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}
