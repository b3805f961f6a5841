// Package register reads the built-in register: every intervention, target and
// figure from the municipality's source documents, kept as readable JSON in
// assets/register (one file per document) and loaded into a new database on
// first start. Every entry carries the section of the document it came from.
package register

import "jeugdmonitor/data/domain"

// Document is one JSON file of the register: everything taken from one source
// document. Entries name only their section; the document is given once here.
type Document struct {
	// Bestand is the file name of the text extract the entries were taken from.
	Bestand string `json:"bestand"`
	// Titel is the document's title as it appears in source references,
	// for example "Routekaart Jeugdbeleid Zwolle (mei 2023)".
	Titel string `json:"titel"`
	// Peildatum is the reference date of the document, as text ("mei 2023").
	Peildatum string `json:"peildatum"`

	Interventies     []Interventie    `json:"interventies,omitempty"`
	Doelstellingen   []Doelstelling   `json:"doelstellingen,omitempty"`
	Bereik           []Bereik         `json:"bereik,omitempty"`
	Indicatoren      []Indicator      `json:"indicatoren,omitempty"`
	Begrotingsdoelen []Begrotingsdoel `json:"begrotingsdoelen,omitempty"`
	Besparingen      *Besparingen     `json:"besparingen,omitempty"`
	Beleidsteksten   []Beleidstekst   `json:"beleidsteksten,omitempty"`
}

// Interventie is one intervention card.
type Interventie struct {
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
	Einde           domain.Moment `json:"einde"`
	Resultaten      string        `json:"resultaten"`
	Ambities        []string      `json:"ambities,omitempty"`
	Begrotingsdoel  string        `json:"begrotingsdoel,omitempty"`
	// Afgeleid gives, per field the register derived rather than quoted,
	// the reasoning; Veldbronnen the section of a field quoted from another
	// section than Sectie (both keyed by the stored column, see
	// domain.Veldnoten).
	Afgeleid    domain.Veldnoten `json:"afgeleid,omitempty"`
	Veldbronnen domain.Veldnoten `json:"veldbronnen,omitempty"`
	Sectie      string           `json:"sectie"`
}

// Doelstelling is a quantitative target, for one intervention or shared by
// several (Interventies holds their names).
type Doelstelling struct {
	Omschrijving   string   `json:"omschrijving"`
	Interventies   []string `json:"interventies"`
	Periode        string   `json:"periode"`
	Soort          string   `json:"soort"`
	Waarde         float64  `json:"waarde"`
	WaardeTot      *float64 `json:"waarde_tot,omitempty"`
	Eenheid        string   `json:"eenheid"`
	Leeftijdsgroep string   `json:"leeftijdsgroep,omitempty"`
	// Afgeleid gives the reasoning per derived field.
	Afgeleid domain.Veldnoten `json:"afgeleid,omitempty"`
	Sectie   string           `json:"sectie"`
}

// Bereik is a reported reach of an intervention in a period.
type Bereik struct {
	Interventie string   `json:"interventie"`
	Maat        string   `json:"maat,omitempty"` // the measure's name; empty: the unit
	Periode     string   `json:"periode"`
	Soort       string   `json:"soort"`
	Waarde      float64  `json:"waarde"`
	WaardeTot   *float64 `json:"waarde_tot,omitempty"`
	Eenheid     string   `json:"eenheid"`
	Status      string   `json:"status"`
	Notitie     string   `json:"notitie,omitempty"`
	// Afgeleid gives the reasoning per derived field.
	Afgeleid domain.Veldnoten `json:"afgeleid,omitempty"`
	Sectie   string           `json:"sectie"`
}

// Indicator is a monitored series (dashboard, Preventie met Gezag, budget
// criterion) with the values the document gives; none where it gives none.
type Indicator struct {
	Code          string   `json:"code"`
	Naam          string   `json:"naam"`
	Eenheid       string   `json:"eenheid"`
	Groep         string   `json:"groep"`
	Vergelijking  string   `json:"vergelijking,omitempty"`
	Kernboodschap string   `json:"kernboodschap,omitempty"`
	Sectie        string   `json:"sectie"`
	Metingen      []Meting `json:"metingen,omitempty"`
}

// Meting is one value of an indicator in a period.
type Meting struct {
	Periode             string   `json:"periode"`
	Waarde              float64  `json:"waarde"`
	Vergelijkingswaarde *float64 `json:"vergelijkingswaarde,omitempty"`
	Status              string   `json:"status"`
	Sectie              string   `json:"sectie"`
}

// Begrotingsdoel is a budget goal with its criteria and budget lines.
type Begrotingsdoel struct {
	Code           string            `json:"code"`
	Naam           string            `json:"naam"`
	Beschrijving   string            `json:"beschrijving"`
	Begrotingsjaar int               `json:"begrotingsjaar"`
	Sectie         string            `json:"sectie"`
	Criteria       []Criterium       `json:"criteria,omitempty"`
	Regels         []Begrotingsregel `json:"regels,omitempty"`
	Activiteiten   []string          `json:"activiteiten,omitempty"`
}

// Criterium is one criterion of a budget goal; Indicator names the indicator
// (by code) whose measurements say how far it is realised.
type Criterium struct {
	Omschrijving   string   `json:"omschrijving"`
	Streefwaarde   *float64 `json:"streefwaarde,omitempty"`
	Soort          string   `json:"soort,omitempty"`
	Referentiejaar *int     `json:"referentiejaar,omitempty"`
	Doeljaar       *int     `json:"doeljaar,omitempty"`
	Indicator      string   `json:"indicator,omitempty"`
}

// Begrotingsregel is one amount in euros of a budget goal (lasten, baten, saldo,
// toevoeging reserves, onttrekking reserves, geraamd resultaat, afwijking).
type Begrotingsregel struct {
	Jaar         int     `json:"jaar"`
	Soort        string  `json:"soort"`
	Bedrag       float64 `json:"bedrag"`
	Omschrijving string  `json:"omschrijving,omitempty"`
	// Afgeleid gives the reasoning per derived field.
	Afgeleid domain.Veldnoten `json:"afgeleid,omitempty"`
	Sectie   string           `json:"sectie"`
}

// Besparingen holds the realised savings lines and the total the document
// reports, kept apart so that a difference between them stays visible.
type Besparingen struct {
	Regels              []Besparing `json:"regels"`
	GerapporteerdTotaal float64     `json:"gerapporteerd_totaal"`
	TotaalSectie        string      `json:"totaal_sectie"`
}

// Besparing is one realised saving in euros over a period.
type Besparing struct {
	Periode      string  `json:"periode"`
	Rapportage   string  `json:"rapportage"`
	Omschrijving string  `json:"omschrijving"`
	Bedrag       float64 `json:"bedrag"`
	Sectie       string  `json:"sectie"`
}

// Beleidstekst is a piece of policy text without figures: an ambition, a
// leading principle, a track of a programme, a desired result, a partner, a risk,
// a movement of the dashboard.
type Beleidstekst struct {
	Soort  string `json:"soort"`
	Titel  string `json:"titel"`
	Tekst  string `json:"tekst"`
	Sectie string `json:"sectie"`
}
