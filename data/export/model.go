// Package export writes the contents of a Jeugdmonitor database as JSON, as
// CSV the way Dutch Excel reads it (semicolon, UTF-8 with BOM, decimal comma,
// CRLF) or as an Excel workbook (one sheet per kind, typed cells, frozen
// header row). Every figure goes out with its source reference.
package export

import (
	"fmt"
	"slices"
	"time"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/store"
)

// Kind is what to export.
type Kind string

// The kinds of export.
const (
	KindInterventies Kind = "interventies"
	KindBereik       Kind = "bereik"
	KindIndicatoren  Kind = "indicatoren"
	KindBegroting    Kind = "begroting"
	KindBesparingen  Kind = "besparingen"
	KindBeleid       Kind = "beleidsteksten"
	KindWijzigingen  Kind = "wijzigingen"
	KindAlles        Kind = "alles"
)

// Kinds lists every kind of export.
var Kinds = []Kind{KindInterventies, KindBereik, KindIndicatoren, KindBegroting, KindBesparingen, KindBeleid,
	KindWijzigingen, KindAlles}

// Formaat marks a full export ("alles" as JSON), so that an import can tell
// it from any other JSON file.
const Formaat = "Jeugdmonitor volledige export"

// Interventie is an intervention with its targets and reach nested inside it.
// ID is the record's number in the database, as the audit trail names it.
type Interventie struct {
	ID              uint          `json:"id"`
	Naam            string        `json:"naam"`
	Uitvoerder      string        `json:"uitvoerder"`
	Cluster         string        `json:"cluster"`
	Code            string        `json:"code,omitempty"`
	Doel            string        `json:"doel"`
	Doelgroep       string        `json:"doelgroep"`
	LeeftijdVan     *int          `json:"leeftijd_van,omitempty"`
	LeeftijdTot     *int          `json:"leeftijd_tot,omitempty"`
	Werkwijze       string        `json:"werkwijze"`
	Status          string        `json:"status"`
	StatusCategorie string        `json:"status_categorie"`
	Start           domain.Moment `json:"start"`
	BeoogdEinde     domain.Moment `json:"beoogd_einde"`
	Resultaten      string        `json:"resultaten"`
	Ambities        []string      `json:"ambities"`
	Begrotingsdoel  string        `json:"begrotingsdoel,omitempty"`
	Gearchiveerd    bool          `json:"gearchiveerd"`
	Bron            domain.Bron   `json:"bron"`
	// Afgeleid and Veldbronnen are the notes per field (see domain.Veldnoten).
	Afgeleid       domain.Veldnoten `json:"afgeleid,omitempty"`
	Veldbronnen    domain.Veldnoten `json:"veldbronnen,omitempty"`
	Doelstellingen []Doelstelling   `json:"doelstellingen"`
	Bereik         []Bereik         `json:"bereik"`
}

// Doelstelling is a target; GedeeldMet names the other interventions that
// share it. A shared target appears under each of its interventions with the
// same ID, its revisions and the reach recorded against it as a whole.
type Doelstelling struct {
	ID             uint     `json:"id"`
	Omschrijving   string   `json:"omschrijving"`
	Periode        string   `json:"periode"`
	Soort          string   `json:"soort"`
	Waarde         float64  `json:"waarde"`
	WaardeTot      *float64 `json:"waarde_tot,omitempty"`
	Eenheid        string   `json:"eenheid"`
	Leeftijdsgroep string   `json:"leeftijdsgroep,omitempty"`
	// LaatsteJaar and EindeReden say when and why an ended target ended.
	LaatsteJaar *int        `json:"laatste_jaar,omitempty"`
	EindeReden  string      `json:"einde_reden,omitempty"`
	GedeeldMet  []string    `json:"gedeeld_met,omitempty"`
	Bron        domain.Bron `json:"bron"`
	// Afgeleid marks the derived fields with the reasoning.
	Afgeleid     domain.Veldnoten `json:"afgeleid,omitempty"`
	Herzieningen []Herziening     `json:"herzieningen,omitempty"`
	Bereik       []Bereik         `json:"bereik,omitempty"`
}

// Herziening is a revision of a target: the value before and after, when,
// why and by whom.
type Herziening struct {
	ID              uint      `json:"id"`
	Datum           time.Time `json:"datum"`
	OudeWaarde      float64   `json:"oude_waarde"`
	OudeWaardeTot   *float64  `json:"oude_waarde_tot,omitempty"`
	NieuweWaarde    float64   `json:"nieuwe_waarde"`
	NieuweWaardeTot *float64  `json:"nieuwe_waarde_tot,omitempty"`
	Reden           string    `json:"reden"`
	Gebruiker       string    `json:"gebruiker"`
}

// Bereik is one reach figure.
type Bereik struct {
	ID          uint      `json:"id"`
	Interventie string    `json:"interventie,omitempty"`
	Maat        string    `json:"maat,omitempty"`
	Periode     string    `json:"periode"`
	Soort       string    `json:"soort"`
	Waarde      float64   `json:"waarde"`
	WaardeTot   *float64  `json:"waarde_tot,omitempty"`
	Eenheid     string    `json:"eenheid"`
	Status      string    `json:"status"`
	Bron        string    `json:"bron"`
	Notitie     string    `json:"notitie,omitempty"`
	Gebruiker   string    `json:"vastgelegd_door"`
	Vastgelegd  time.Time `json:"vastgelegd_op"`
	// Afgeleid marks the derived fields with the reasoning.
	Afgeleid domain.Veldnoten `json:"afgeleid,omitempty"`
}

// Wijziging is one row of the audit trail.
type Wijziging struct {
	ID           uint      `json:"id"`
	Tijd         time.Time `json:"tijd"`
	Gebruiker    string    `json:"gebruiker"`
	Actie        string    `json:"actie"`
	Entiteit     string    `json:"entiteit"`
	EntiteitID   uint      `json:"entiteit_id"`
	Veld         string    `json:"veld"`
	OudeWaarde   string    `json:"oude_waarde"`
	NieuweWaarde string    `json:"nieuwe_waarde"`
	// Keten is the row's link in the audit trail's chain, so an import can
	// verify the history it copies.
	Keten string `json:"keten,omitempty"`
}

// Indicator is an indicator with its measurements.
type Indicator struct {
	ID            uint        `json:"id"`
	Code          string      `json:"code"`
	Naam          string      `json:"naam"`
	Eenheid       string      `json:"eenheid"`
	Groep         string      `json:"groep"`
	Vergelijking  string      `json:"vergelijking,omitempty"`
	Kernboodschap string      `json:"kernboodschap,omitempty"`
	Bron          domain.Bron `json:"bron"`
	Metingen      []Meting    `json:"metingen"`
}

// Meting is one measurement.
type Meting struct {
	ID                  uint        `json:"id"`
	Periode             string      `json:"periode"`
	Waarde              float64     `json:"waarde"`
	Vergelijkingswaarde *float64    `json:"vergelijkingswaarde,omitempty"`
	Status              string      `json:"status"`
	Bron                domain.Bron `json:"bron"`
}

// Begrotingsdoel is a budget goal with its criteria and lines.
type Begrotingsdoel struct {
	ID             uint              `json:"id"`
	Code           string            `json:"code"`
	Naam           string            `json:"naam"`
	Beschrijving   string            `json:"beschrijving"`
	Begrotingsjaar int               `json:"begrotingsjaar"`
	Activiteiten   []string          `json:"activiteiten"`
	Bron           domain.Bron       `json:"bron"`
	Criteria       []Criterium       `json:"criteria"`
	Regels         []Begrotingsregel `json:"regels"`
}

// Criterium is a criterion of a budget goal; Indicator is the code of the
// indicator that measures it.
type Criterium struct {
	ID             uint        `json:"id"`
	Omschrijving   string      `json:"omschrijving"`
	Streefwaarde   *float64    `json:"streefwaarde,omitempty"`
	Soort          string      `json:"soort,omitempty"`
	Referentiejaar *int        `json:"referentiejaar,omitempty"`
	Doeljaar       *int        `json:"doeljaar,omitempty"`
	Indicator      string      `json:"indicator,omitempty"`
	Bron           domain.Bron `json:"bron"`
}

// Begrotingsregel is one amount of a budget goal, in euros.
type Begrotingsregel struct {
	ID           uint        `json:"id"`
	Jaar         int         `json:"jaar"`
	Soort        string      `json:"soort"`
	Bedrag       float64     `json:"bedrag"`
	Omschrijving string      `json:"omschrijving,omitempty"`
	Bron         domain.Bron `json:"bron"`
	// Afgeleid marks the derived fields with the reasoning.
	Afgeleid domain.Veldnoten `json:"afgeleid,omitempty"`
}

// Besparingen are the savings lines, their sum, the totals the documents
// report and the difference between the last reported total and the sum.
type Besparingen struct {
	Regels    []Besparing       `json:"regels"`
	SomRegels float64           `json:"som_regels"`
	Totalen   []BesparingTotaal `json:"gerapporteerde_totalen"`
	Verschil  float64           `json:"verschil"`
}

// Besparing is one realised saving, in euros.
type Besparing struct {
	ID           uint        `json:"id"`
	Periode      string      `json:"periode"`
	Rapportage   string      `json:"rapportage"`
	Omschrijving string      `json:"omschrijving"`
	Bedrag       float64     `json:"bedrag"`
	Bron         domain.Bron `json:"bron"`
}

// BesparingTotaal is a total of realised savings as a document reports it.
type BesparingTotaal struct {
	ID     uint        `json:"id"`
	Bedrag float64     `json:"bedrag"`
	Bron   domain.Bron `json:"bron"`
}

// Beleidstekst is a piece of policy text without figures.
type Beleidstekst struct {
	ID    uint        `json:"id"`
	Soort string      `json:"soort"`
	Titel string      `json:"titel"`
	Tekst string      `json:"tekst"`
	Bron  domain.Bron `json:"bron"`
}

// Presentatie is a saved presentation: charts by name, in slide order.
type Presentatie struct {
	ID   uint     `json:"id"`
	Naam string   `json:"naam"`
	Dias []string `json:"dias"`
}

// Importkoppeling is a remembered column mapping of one source of
// spreadsheets for one kind of import.
type Importkoppeling struct {
	ID        uint              `json:"id"`
	Bron      string            `json:"bron"`
	Soort     string            `json:"soort"`
	Koppeling map[string]string `json:"koppeling"`
}

// Alles holds every kind together: the full export, from which an empty
// database can be rebuilt with the same content (see package importer).
type Alles struct {
	Formaat          string           `json:"formaat"`
	Schema           int              `json:"schema"`
	Interventies     []Interventie    `json:"interventies"`
	Indicatoren      []Indicator      `json:"indicatoren"`
	Begrotingsdoelen []Begrotingsdoel `json:"begrotingsdoelen"`
	Besparingen      Besparingen      `json:"besparingen"`
	Beleidsteksten   []Beleidstekst   `json:"beleidsteksten"`
	// Presentaties and Importkoppelingen are the user's saved presentations
	// and remembered import mappings: no kind of their own, but part of
	// the database's content.
	Presentaties      []Presentatie     `json:"presentaties"`
	Importkoppelingen []Importkoppeling `json:"importkoppelingen"`
	// Instellingen are the settings stored in the database, such as the
	// headline message of a chart without an indicator, or the mark of a
	// demo database.
	Instellingen map[string]string `json:"instellingen,omitempty"`
	Wijzigingen  []Wijziging       `json:"wijzigingen"`
}

// momentText is the start or end as the user reads it: the document's words,
// or the year and month, or "structureel".
func momentText(m domain.Moment) string {
	switch {
	case m.Tekst != "":
		return m.Tekst
	case m.Structureel:
		return "structureel"
	case m.Jaar != nil && m.Maand != nil:
		return fmt.Sprintf("%02d-%d", *m.Maand, *m.Jaar)
	case m.Jaar != nil:
		return fmt.Sprint(*m.Jaar)
	}
	return ""
}

// collector reads everything the exports need from the store.
type collector struct {
	s *store.Store
	// interventions are all interventions, archived ones too, read once.
	interventions []domain.Interventie
	names         map[uint]string
	// maten are the measures of the interventions, read once.
	maten map[uint]domain.Maat
}

func newCollector(s *store.Store) (*collector, error) {
	all, err := s.Interventies(true)
	if err != nil {
		return nil, err
	}
	maten, err := s.AlleMaten()
	if err != nil {
		return nil, err
	}
	c := &collector{s: s, interventions: all, names: map[uint]string{}, maten: maten}
	for _, i := range all {
		c.names[i.ID] = i.Naam
	}
	return c, nil
}

func (c *collector) interventies() ([]Interventie, error) {
	all := c.interventions
	goals, err := c.s.Begrotingsdoelen()
	if err != nil {
		return nil, err
	}
	goalCode := map[uint]string{}
	for _, g := range goals {
		goalCode[g.ID] = g.Code
	}
	out := make([]Interventie, 0, len(all))
	for _, i := range all {
		e := Interventie{ID: i.ID, Naam: i.Naam, Uitvoerder: i.Uitvoerder, Cluster: string(i.Cluster), Code: i.Code, Doel: i.Doel,
			Doelgroep: i.Doelgroep, LeeftijdVan: i.LeeftijdVan, LeeftijdTot: i.LeeftijdTot, Werkwijze: i.Werkwijze,
			Status: i.StatusTekst, StatusCategorie: string(i.StatusCategorie), Start: i.Start,
			BeoogdEinde: i.Einde, Resultaten: i.Resultaten, Ambities: nonNil(i.Ambities),
			Gearchiveerd: i.Gearchiveerd, Bron: i.Bron, Afgeleid: i.Afgeleid, Veldbronnen: i.Veldbronnen,
			Doelstellingen: []Doelstelling{}, Bereik: []Bereik{}}
		if i.BegrotingsdoelID != nil {
			e.Begrotingsdoel = goalCode[*i.BegrotingsdoelID]
		}
		targets, err := c.s.Doelstellingen(i.ID)
		if err != nil {
			return nil, err
		}
		for _, t := range targets {
			d, err := c.doelstelling(t, i.ID)
			if err != nil {
				return nil, err
			}
			e.Doelstellingen = append(e.Doelstellingen, d)
		}
		reach, err := c.s.BereikVan(i.ID)
		if err != nil {
			return nil, err
		}
		for _, b := range reach {
			r := c.bereik(b)
			r.Interventie = ""
			e.Bereik = append(e.Bereik, r)
		}
		out = append(out, e)
	}
	return out, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// doelstelling is a target as seen from one of its interventions (self),
// with its revisions and the reach recorded against it as a whole.
func (c *collector) doelstelling(t domain.Doelstelling, self uint) (Doelstelling, error) {
	d := Doelstelling{ID: t.ID, Omschrijving: t.Omschrijving, Periode: t.Periode, Soort: string(t.Soort), Waarde: t.Waarde,
		WaardeTot: t.WaardeTot, Eenheid: t.Eenheid, Leeftijdsgroep: t.Leeftijdsgroep, Bron: t.Bron,
		LaatsteJaar: t.LaatsteJaar, EindeReden: t.EindeReden, Afgeleid: t.Afgeleid}
	for _, id := range t.InterventieIDs {
		if id != self {
			d.GedeeldMet = append(d.GedeeldMet, c.names[id])
		}
	}
	revisions, err := c.s.Herzieningen(t.ID)
	if err != nil {
		return d, err
	}
	for _, h := range revisions {
		d.Herzieningen = append(d.Herzieningen, Herziening{ID: h.ID, Datum: h.Datum, OudeWaarde: h.OudeWaarde,
			OudeWaardeTot: h.OudeWaardeTot, NieuweWaarde: h.NieuweWaarde, NieuweWaardeTot: h.NieuweWaardeTot,
			Reden: h.Reden, Gebruiker: h.Gebruiker})
	}
	reach, err := c.s.BereikVanDoelstelling(t.ID)
	if err != nil {
		return d, err
	}
	for _, b := range reach {
		d.Bereik = append(d.Bereik, c.bereik(b))
	}
	return d, nil
}

// bereik is one figure for export, with the name of its measure.
func (c *collector) bereik(b domain.Bereik) Bereik {
	maat := ""
	if b.MaatID != nil {
		maat = c.maten[*b.MaatID].Naam
	}
	return Bereik{ID: b.ID, Maat: maat, Periode: b.Periode, Soort: string(b.Soort), Waarde: b.Waarde, WaardeTot: b.WaardeTot,
		Eenheid: b.Eenheid, Status: string(b.Status), Bron: b.BronTekst, Notitie: b.Notitie,
		Gebruiker: b.Gebruiker, Vastgelegd: b.Vastgelegd, Afgeleid: b.Afgeleid}
}

// bereikRows lists every reach figure with its intervention's name (or the
// shared target's description).
func (c *collector) bereikRows() ([]Bereik, error) {
	all := c.interventions
	var out []Bereik
	for _, i := range all {
		reach, err := c.s.BereikVan(i.ID)
		if err != nil {
			return nil, err
		}
		for _, b := range reach {
			r := c.bereik(b)
			r.Interventie = i.Naam
			out = append(out, r)
		}
	}
	targets, err := c.s.AlleDoelstellingen()
	if err != nil {
		return nil, err
	}
	for _, t := range targets {
		reach, err := c.s.BereikVanDoelstelling(t.ID)
		if err != nil {
			return nil, err
		}
		for _, b := range reach {
			r := c.bereik(b)
			r.Interventie = "Doelstelling: " + t.Omschrijving
			out = append(out, r)
		}
	}
	return out, nil
}

func (c *collector) indicatoren() ([]Indicator, error) {
	all, err := c.s.Indicatoren("")
	if err != nil {
		return nil, err
	}
	out := make([]Indicator, 0, len(all))
	for _, i := range all {
		e := Indicator{ID: i.ID, Code: i.Code, Naam: i.Naam, Eenheid: string(i.Eenheid), Groep: string(i.Groep),
			Vergelijking: i.Vergelijking, Kernboodschap: i.Kernboodschap, Bron: i.Bron, Metingen: []Meting{}}
		ms, err := c.s.Metingen(i.ID)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			e.Metingen = append(e.Metingen, Meting{ID: m.ID, Periode: m.Periode, Waarde: m.Waarde,
				Vergelijkingswaarde: m.Vergelijkingswaarde, Status: string(m.Status), Bron: m.Bron})
		}
		out = append(out, e)
	}
	return out, nil
}

func (c *collector) begroting() ([]Begrotingsdoel, error) {
	goals, err := c.s.Begrotingsdoelen()
	if err != nil {
		return nil, err
	}
	indicators, err := c.s.Indicatoren("")
	if err != nil {
		return nil, err
	}
	indicatorCode := map[uint]string{}
	for _, i := range indicators {
		indicatorCode[i.ID] = i.Code
	}
	out := make([]Begrotingsdoel, 0, len(goals))
	for _, g := range goals {
		e := Begrotingsdoel{ID: g.ID, Code: g.Code, Naam: g.Naam, Beschrijving: g.Beschrijving, Begrotingsjaar: g.Begrotingsjaar,
			Activiteiten: nonNil(g.Activiteiten), Bron: g.Bron, Criteria: []Criterium{}, Regels: []Begrotingsregel{}}
		criteria, err := c.s.Criteria(g.ID)
		if err != nil {
			return nil, err
		}
		for _, k := range criteria {
			crit := Criterium{ID: k.ID, Omschrijving: k.Omschrijving, Streefwaarde: k.Streefwaarde, Soort: string(k.Soort),
				Referentiejaar: k.Referentiejaar, Doeljaar: k.Doeljaar, Bron: k.Bron}
			if k.IndicatorID != nil {
				crit.Indicator = indicatorCode[*k.IndicatorID]
			}
			e.Criteria = append(e.Criteria, crit)
		}
		lines, err := c.s.Begrotingsregels(g.ID)
		if err != nil {
			return nil, err
		}
		for _, r := range lines {
			e.Regels = append(e.Regels, Begrotingsregel{ID: r.ID, Jaar: r.Jaar, Soort: string(r.Soort), Bedrag: domain.Euros(r.BedragCent),
				Omschrijving: r.Omschrijving, Bron: r.Bron, Afgeleid: r.Afgeleid})
		}
		out = append(out, e)
	}
	return out, nil
}

func (c *collector) besparingen() (Besparingen, error) {
	o, err := c.s.Besparingsoverzicht()
	if err != nil {
		return Besparingen{}, err
	}
	out := Besparingen{Regels: []Besparing{}, SomRegels: domain.Euros(o.SomCent), Totalen: []BesparingTotaal{},
		Verschil: domain.Euros(o.VerschilCent())}
	for _, r := range o.Regels {
		out.Regels = append(out.Regels, Besparing{ID: r.ID, Periode: r.Periode, Rapportage: r.Rapportage,
			Omschrijving: r.Omschrijving, Bedrag: domain.Euros(r.BedragCent), Bron: r.Bron})
	}
	totals, err := c.s.BesparingTotalen()
	if err != nil {
		return out, err
	}
	for _, t := range totals {
		out.Totalen = append(out.Totalen, BesparingTotaal{ID: t.ID, Bedrag: domain.Euros(t.BedragCent), Bron: t.Bron})
	}
	return out, nil
}

// beleidsteksten lists every policy text.
func (c *collector) beleidsteksten() ([]Beleidstekst, error) {
	all, err := c.s.Beleidsteksten("")
	if err != nil {
		return nil, err
	}
	out := make([]Beleidstekst, len(all))
	for i, t := range all {
		out[i] = Beleidstekst{ID: t.ID, Soort: string(t.Soort), Titel: t.Titel, Tekst: t.Tekst, Bron: t.Bron}
	}
	return out, nil
}

// savedSettings reads the saved presentations and import mappings.
func (c *collector) savedSettings() ([]Presentatie, []Importkoppeling, error) {
	ps, err := c.s.Presentaties()
	if err != nil {
		return nil, nil, err
	}
	presentaties := make([]Presentatie, len(ps))
	for i, p := range ps {
		presentaties[i] = Presentatie{ID: p.ID, Naam: p.Naam, Dias: p.Dias}
	}
	ks, err := c.s.Importkoppelingen()
	if err != nil {
		return nil, nil, err
	}
	koppelingen := make([]Importkoppeling, len(ks))
	for i, k := range ks {
		koppelingen[i] = Importkoppeling{ID: k.ID, Bron: k.Bron, Soort: k.Soort, Koppeling: k.Koppeling}
	}
	return presentaties, koppelingen, nil
}

// wijzigingen lists the whole audit trail, oldest first.
func (c *collector) wijzigingen() ([]Wijziging, error) {
	all, err := c.s.Wijzigingen(store.WijzigingFilter{})
	if err != nil {
		return nil, err
	}
	out := make([]Wijziging, len(all))
	for i, w := range all {
		out[i] = Wijziging{ID: w.ID, Tijd: w.Tijd, Gebruiker: w.Gebruiker, Actie: string(w.Actie), Entiteit: w.Entiteit,
			EntiteitID: w.EntiteitID, Veld: w.Veld, OudeWaarde: w.OudeWaarde, NieuweWaarde: w.NieuweWaarde, Keten: w.Keten}
	}
	slices.Reverse(out)
	return out, nil
}
