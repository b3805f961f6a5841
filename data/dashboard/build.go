package dashboard

import (
	"fmt"
	"strconv"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/store"
)

// Opties choose what the charts cover.
type Opties struct {
	// Van and Tot are the first and last calendar year of the series.
	Van, Tot int
	// Interventie names the intervention of the chart bereik-interventie;
	// empty: one with reach against a target in the range (kiesInterventie).
	Interventie string
	// Maat names the measure of that intervention the chart shows; empty, or
	// a measure it does not have: its default measure (standaardMaat).
	Maat string
	// Cluster is the cluster of the chart bereik-cluster; empty: Sociale basis jeugd.
	Cluster domain.Cluster
}

// jaren lists the years of the range.
func (o Opties) jaren() []string {
	var out []string
	for y := o.Van; y <= o.Tot; y++ {
		out = append(out, strconv.Itoa(y))
	}
	return out
}

// geenGegevens is the message for a chart without data in the range.
func (o Opties) geenGegevens() string {
	return fmt.Sprintf("Geen gegevens voor %d-%d", o.Van, o.Tot)
}

// Beschrijving names a chart for lists and menus.
type Beschrijving struct {
	Naam  string
	Titel string
}

// definitie is one chart of the dashboard: its name, title and builder.
type definitie struct {
	Beschrijving
	// indicator is the code of the indicator whose headline message the chart
	// shows; empty when the message is stored with the chart itself.
	indicator string
	bouw      func(b *bouwer, g *Grafiek) error
}

// definities lists the dashboard's charts in their order on the screen.
var definities = []definitie{
	{Beschrijving{"jeugdhulp", "Jeugdigen met jeugdhulp en jaarlijkse uitgaven jeugdhulp"}, codeJeugdigen,
		staafEnLijn(codeJeugdigen, "Jeugdigen met jeugdhulp", codeUitgaven, "Uitgaven jeugdhulp")},
	{Beschrijving{"huisarts", "Jeugdigen met jeugdhulp na verwijzing door een huisarts"}, codeHuisarts,
		staafEnLijn(codeHuisarts, "Jeugdigen na verwijzing huisarts", "", "")},
	{Beschrijving{"verblijf", "Jeugdigen in verblijf en uitgaven jeugdhulp met verblijf"}, codeVerblijf,
		staafEnLijn(codeVerblijf, "Jeugdigen in verblijf", codeVerblijfUitgaven, "Uitgaven jeugdhulp met verblijf")},
	{Beschrijving{"ambulant", "Ambulante jeugdhulp: verhouding zwaar / midden / licht"}, codeZwaar, (*bouwer).ambulant},
	{Beschrijving{"bewegingen", "Bewegingen Spoor 3: naar NUL uithuisplaatsingen en sneller hulp dichtbij"}, codeNul, (*bouwer).bewegingen},
	{Beschrijving{bereikInterventieNaam, "Bereik tegenover doelstelling per jaar"}, "", (*bouwer).bereikInterventie},
	{Beschrijving{"bereik-cluster", "Bereik tegenover doelstelling per interventie"}, "", (*bouwer).bereikCluster},
	{Beschrijving{"preventie-met-gezag", "Preventie met Gezag: Zwolle en Nederland"}, codeMisdrijven, (*bouwer).preventieMetGezag},
	{Beschrijving{"begrotingscriteria", "Begrotingscriteria: streefwaarde en realisatie"}, "", (*bouwer).begrotingscriteria},
	{Beschrijving{"besparingen", "Gerealiseerde besparingen per periode"}, "", (*bouwer).besparingen},
}

// The indicator codes of the built-in register the charts are drawn from.
const (
	codeJeugdigen        = "jeugdhulp-jeugdigen"
	codeUitgaven         = "jeugdhulp-uitgaven"
	codeHuisarts         = "jeugdhulp-huisarts"
	codeVerblijf         = "jeugdhulp-verblijf"
	codeVerblijfUitgaven = "jeugdhulp-verblijf-uitgaven"
	codeZwaar            = "jeugdhulp-ambulant-zwaar"
	codeMidden           = "jeugdhulp-ambulant-midden"
	codeLicht            = "jeugdhulp-ambulant-licht"
	codeNul              = "beweging-nul-uithuisplaatsingen"
	codeDichtbij         = "beweging-sneller-hulp-dichtbij"
	codeMisdrijven       = "pmg-misdrijven"
)

// Grafieken lists every chart of the dashboard in screen order.
func Grafieken() []Beschrijving {
	out := make([]Beschrijving, len(definities))
	for i, d := range definities {
		out[i] = d.Beschrijving
	}
	return out
}

func zoek(naam string) (definitie, error) {
	for _, d := range definities {
		if d.Naam == naam {
			return d, nil
		}
	}
	return definitie{}, fmt.Errorf("onbekende grafiek %q; kies uit: %s", naam, namenTekst())
}

func namenTekst() string {
	var s string
	for i, d := range definities {
		if i > 0 {
			s += ", "
		}
		s += d.Naam
	}
	return s
}

// Bouw builds the chart with the given name from the store.
func Bouw(s *store.Store, naam string, o Opties) (Grafiek, error) {
	d, err := zoek(naam)
	if err != nil {
		return Grafiek{}, err
	}
	if o.Van > o.Tot || o.Van < domain.MinJaar || o.Tot > domain.MaxJaar {
		return Grafiek{}, fmt.Errorf("ongeldige jaren %d-%d", o.Van, o.Tot)
	}
	b := &bouwer{s: s, o: o, bronnen: map[string]bool{}}
	g := Grafiek{Naam: d.Naam, Titel: d.Titel, GeenGegevens: o.geenGegevens()}
	if err := d.bouw(b, &g); err != nil {
		return Grafiek{}, fmt.Errorf("grafiek %s: %w", naam, err)
	}
	if g.Kernboodschap, g.KernboodschapHerkomst, err = kernboodschap(s, d, b); err != nil {
		return Grafiek{}, err
	}
	if g.Demo, err = IsDemo(s); err != nil {
		return Grafiek{}, err
	}
	g.Bronnen = b.bronLijst
	g.Peildatum = b.peildatum()
	return g, nil
}

// BouwAlle builds every chart of the dashboard.
func BouwAlle(s *store.Store, o Opties) ([]Grafiek, error) {
	out := make([]Grafiek, 0, len(definities))
	for _, d := range definities {
		g, err := Bouw(s, d.Naam, o)
		if err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, nil
}

// bouwer collects the sources and the latest year while a chart is built.
type bouwer struct {
	s         *store.Store
	o         Opties
	bronnen   map[string]bool // the references listed, as printed
	bronLijst []domain.Bron
	laatste   int
	voorVan   int // criteria shown with a measurement from before the range
	// interventie is the number of the intervention the reach chart shows;
	// andereMaat the name of its measure shown when that is not its default.
	interventie uint
	andereMaat  string
}

// bron records a source reference of a figure on the chart, once however
// it is split over document and section.
func (b *bouwer) bron(br domain.Bron, jaar int) {
	if br != (domain.Bron{}) && !b.bronnen[br.String()] {
		b.bronnen[br.String()] = true
		b.bronLijst = append(b.bronLijst, br)
	}
	b.laatste = max(b.laatste, jaar)
}

// peildatum says up to which year the chart has figures.
func (b *bouwer) peildatum() string {
	if b.laatste == 0 {
		return "geen cijfers in de gekozen periode"
	}
	return fmt.Sprintf("cijfers t/m %d", b.laatste)
}

// zoekIndicator finds an indicator by code; ok is false when the database has none.
func zoekIndicator(s *store.Store, code string) (domain.Indicator, bool, error) {
	ind, err := s.IndicatorByCode(code)
	if domain.FieldProblems(err) != nil {
		return ind, false, nil
	}
	return ind, err == nil, err
}

// jaarreeks gives the yearly series of an indicator over the range, one point
// per year; a year without a measurement stays unknown.
func (b *bouwer) jaarreeks(code, naam string) (Reeks, error) {
	r := Reeks{Naam: naam, Eenheid: domain.EenheidAantal, Punten: make([]Punt, b.o.Tot-b.o.Van+1)}
	ind, ok, err := zoekIndicator(b.s, code)
	if !ok {
		return r, err
	}
	r.Eenheid = ind.Eenheid
	rows, err := b.s.Jaarreeks(ind.ID, b.o.Van, b.o.Tot)
	if err != nil {
		return r, err
	}
	for _, w := range rows {
		r.Punten[w.Jaar-b.o.Van] = Punt{Waarde: w.Waarde, Bekend: true, Voorlopig: w.Status == domain.StatusVoorlopig}
		b.bron(domain.Bron{Document: w.BronDocument, Sectie: w.BronSectie}, w.Jaar)
	}
	if len(rows) == 0 {
		b.bron(ind.Bron, 0)
	}
	return r, nil
}

// staafEnLijn builds a chart of one indicator as bars per year, with a second
// indicator as a line on its own axis when lijnCode is set.
func staafEnLijn(staafCode, staafNaam, lijnCode, lijnNaam string) func(*bouwer, *Grafiek) error {
	return func(b *bouwer, g *Grafiek) error {
		p := Paneel{Soort: SoortStaven, Categorieen: b.o.jaren(), GeenGegevens: b.o.geenGegevens()}
		staaf, err := b.jaarreeks(staafCode, staafNaam)
		if err != nil {
			return err
		}
		p.Staven = []Reeks{staaf}
		if lijnCode != "" {
			lijn, err := b.jaarreeks(lijnCode, lijnNaam)
			if err != nil {
				return err
			}
			p.Lijn = &lijn
		}
		g.Panelen = []Paneel{p}
		return nil
	}
}

func (b *bouwer) ambulant(g *Grafiek) error {
	p := Paneel{Soort: SoortGestapeld, Categorieen: b.o.jaren(), GeenGegevens: b.o.geenGegevens()}
	for _, c := range []struct{ code, naam string }{{codeZwaar, "Zwaar"}, {codeMidden, "Midden"}, {codeLicht, "Licht"}} {
		r, err := b.jaarreeks(c.code, c.naam)
		if err != nil {
			return err
		}
		p.Staven = append(p.Staven, r)
	}
	g.Panelen = []Paneel{p}
	return nil
}

func (b *bouwer) bewegingen(g *Grafiek) error {
	for _, c := range []struct{ code, naam string }{{codeNul, "Naar NUL uithuisplaatsingen"}, {codeDichtbij, "Sneller hulp dichtbij"}} {
		r, err := b.jaarreeks(c.code, c.naam)
		if err != nil {
			return err
		}
		g.Panelen = append(g.Panelen, Paneel{Titel: c.naam, Soort: SoortStaven, Categorieen: b.o.jaren(),
			Staven: []Reeks{r}, GeenGegevens: b.o.geenGegevens()})
	}
	return nil
}

// Aandelen gives the shares in percent of each series in category i of a
// stacked panel; ok is false when a value of that category is missing or all
// are zero, for then no honest 100% can be drawn.
func (p Paneel) Aandelen(i int) (aandelen []float64, ok bool) {
	var total float64
	for _, r := range p.Staven {
		if !r.Punten[i].Bekend {
			return nil, false
		}
		total += r.Punten[i].Waarde
	}
	if total <= 0 {
		return nil, false
	}
	for _, r := range p.Staven {
		aandelen = append(aandelen, r.Punten[i].Waarde/total*100)
	}
	return aandelen, true
}

// jaarVan reads the year of a calendar-year period ("2023"); ok is false for
// other periods.
func jaarVan(periode string) (int, bool) {
	y, err := strconv.Atoi(periode)
	return y, err == nil
}
