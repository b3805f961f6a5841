package domain

import (
	"math"
	"time"
)

// Bron is the source reference of a record: the document and the section in it,
// or the user or file it was entered from.
type Bron struct {
	Document string `gorm:"column:bron_document" json:"document"`
	Sectie   string `gorm:"column:bron_sectie" json:"sectie"`
}

// String gives the reference as it is printed under a figure.
func (b Bron) String() string {
	switch {
	case b.Document == "":
		return b.Sectie
	case b.Sectie == "":
		return b.Document
	default:
		return b.Document + ", " + b.Sectie
	}
}

// Moment is a start or intended end as the documents give it: a year and
// possibly a month, "structureel" (no end), and always the original words.
type Moment struct {
	Jaar        *int   `json:"jaar,omitempty"`
	Maand       *int   `json:"maand,omitempty"`
	Structureel bool   `json:"structureel,omitempty"`
	Tekst       string `json:"tekst"`
}

// Interventie is one intervention of the youth policy.
type Interventie struct {
	ID               uint `gorm:"primaryKey"`
	Naam             string
	Uitvoerder       string
	Cluster          Cluster
	Code             string
	Doel             string
	Doelgroep        string
	LeeftijdVan      *int
	LeeftijdTot      *int
	Werkwijze        string
	StatusTekst      string
	StatusCategorie  StatusCategorie
	Start            Moment `gorm:"embedded;embeddedPrefix:start_"`
	Einde            Moment `gorm:"embedded;embeddedPrefix:einde_"`
	Resultaten       string
	Ambities         []string `gorm:"serializer:json"`
	BegrotingsdoelID *uint
	Bron             Bron `gorm:"embedded"`
	Gearchiveerd     bool
	// Afgeleid marks the fields whose value the register derived rather
	// than quoted, with the reasoning; Veldbronnen gives the section of a
	// field quoted from elsewhere in the document than Bron. A change of
	// such a field by a user drops its note.
	Afgeleid    Veldnoten `gorm:"serializer:json"`
	Veldbronnen Veldnoten `gorm:"serializer:json"`
}

// TableName is the table of interventions.
func (Interventie) TableName() string { return "interventies" }

// Doelstelling is a quantitative target, for one intervention or shared by
// several interventions together.
type Doelstelling struct {
	ID             uint `gorm:"primaryKey"`
	Omschrijving   string
	Periode        string
	Soort          Soort
	Waarde         float64
	WaardeTot      *float64
	Eenheid        string
	Leeftijdsgroep string
	Bron           Bron `gorm:"embedded"`
	// LaatsteJaar is the last calendar year the target applies to once it is
	// ended (nil: not ended); EindeReden says why it was ended.
	LaatsteJaar *int
	EindeReden  string
	// Afgeleid marks the fields the register derived rather than quoted
	// (a yearly period read from "jaarlijks"), with the reasoning.
	Afgeleid Veldnoten `gorm:"serializer:json"`
	// InterventieIDs are the interventions that share this target; the store
	// keeps them in the table doelstelling_interventies.
	InterventieIDs []uint `gorm:"-"`
}

// TableName is the table of targets.
func (Doelstelling) TableName() string { return "doelstellingen" }

// DoelstellingHerziening records a revision of a target: the old value, when
// and why, so that a revised target never loses its history.
type DoelstellingHerziening struct {
	ID              uint `gorm:"primaryKey"`
	DoelstellingID  uint
	Datum           time.Time
	OudeWaarde      float64
	OudeWaardeTot   *float64
	NieuweWaarde    float64
	NieuweWaardeTot *float64
	Reden           string
	Gebruiker       string
}

// TableName is the table of target revisions.
func (DoelstellingHerziening) TableName() string { return "doelstelling_herzieningen" }

// Maat is a measure of an intervention: what its reach counts, with a name
// ("diagnostiek", "casussen besproken") and a unit ("leerlingen", "casussen").
// An intervention's reach is one series per measure.
type Maat struct {
	ID            uint `gorm:"primaryKey"`
	InterventieID uint
	Naam          string
	Eenheid       string
}

// TableName is the table of measures.
func (Maat) TableName() string { return "maten" }

// Bereik is the reach of an intervention in one of its measures, or of the
// interventions sharing a target, in one period.
type Bereik struct {
	ID             uint `gorm:"primaryKey"`
	InterventieID  *uint
	DoelstellingID *uint
	// MaatID is the measure of an intervention's reach (nil for the reach
	// of a shared target); the store finds or adds it from MaatNaam and
	// Eenheid when it is not given.
	MaatID *uint
	// MaatNaam names the measure when a figure is entered or imported
	// (empty: the measure of the intervention in the figure's unit); it is
	// not stored with the figure.
	MaatNaam     string `gorm:"-"`
	Periode      string
	Jaar         int
	PeriodeSoort string
	Soort        Soort
	Waarde       float64
	WaardeTot    *float64
	Eenheid      string
	Status       Status
	BronTekst    string `gorm:"column:bron"`
	Notitie      string
	Gebruiker    string
	Vastgelegd   time.Time
	// Afgeleid marks the fields the register derived rather than quoted
	// (a period the document does not name), with the reasoning.
	Afgeleid Veldnoten `gorm:"serializer:json"`
}

// TableName is the table of reach figures.
func (Bereik) TableName() string { return "bereik" }

// BereikBron is the source a chart or report names for a reach figure: the
// source entered with it, or, when none was, that a user entered it in the
// program (a figure typed without a source is never credited to a document).
func BereikBron(bronTekst, gebruiker string) Bron {
	if bronTekst != "" {
		return Bron{Document: bronTekst}
	}
	if gebruiker == "" {
		return Bron{Document: "Ingevoerd in Jeugdmonitor, zonder bron"}
	}
	return Bron{Document: "Ingevoerd in Jeugdmonitor door " + gebruiker + ", zonder bron"}
}

// Indicator is a monitored series: the youth-care dashboard, the Preventie met
// Gezag police figures, a budget criterion, a movement of Spoor 3.
type Indicator struct {
	ID            uint `gorm:"primaryKey"`
	Code          string
	Naam          string
	Eenheid       Eenheid
	Groep         IndicatorGroep
	Vergelijking  string
	Kernboodschap string
	Bron          Bron `gorm:"embedded"`
}

// TableName is the table of indicators.
func (Indicator) TableName() string { return "indicatoren" }

// Meting is one value of an indicator in a period, with an optional
// comparison value (Nederland).
type Meting struct {
	ID                  uint `gorm:"primaryKey"`
	IndicatorID         uint
	Periode             string
	Jaar                int
	PeriodeSoort        string
	Waarde              float64
	Vergelijkingswaarde *float64
	Status              Status
	Bron                Bron `gorm:"embedded"`
}

// TableName is the table of measurements.
func (Meting) TableName() string { return "metingen" }

// Begrotingsdoel is a goal of the municipal budget with its criteria and lines.
type Begrotingsdoel struct {
	ID             uint `gorm:"primaryKey"`
	Code           string
	Naam           string
	Beschrijving   string
	Begrotingsjaar int
	Activiteiten   []string `gorm:"serializer:json"`
	Bron           Bron     `gorm:"embedded"`
}

// TableName is the table of budget goals.
func (Begrotingsdoel) TableName() string { return "begrotingsdoelen" }

// Criterium is a criterion of a budget goal; its realisation is measured by an
// indicator where one is linked.
type Criterium struct {
	ID               uint `gorm:"primaryKey"`
	BegrotingsdoelID uint
	Omschrijving     string
	Streefwaarde     *float64
	Soort            Soort
	Referentiejaar   *int
	Doeljaar         *int
	IndicatorID      *uint
	Bron             Bron `gorm:"embedded"`
}

// TableName is the table of budget criteria.
func (Criterium) TableName() string { return "criteria" }

// Begrotingsregel is one amount of a budget goal, in euro cents.
type Begrotingsregel struct {
	ID               uint `gorm:"primaryKey"`
	BegrotingsdoelID uint
	Jaar             int
	Soort            RegelSoort
	BedragCent       int64
	Omschrijving     string
	Bron             Bron `gorm:"embedded"`
	// Afgeleid marks the fields the register derived rather than quoted
	// (a year the document does not name), with the reasoning.
	Afgeleid Veldnoten `gorm:"serializer:json"`
}

// TableName is the table of budget lines.
func (Begrotingsregel) TableName() string { return "begrotingsregels" }

// Cents converts an amount in euros (as documents and exports give it) to
// whole cents, rounding to the nearest cent.
func Cents(euro float64) int64 { return int64(math.Round(euro * 100)) }

// Euros converts whole cents to euros.
func Euros(cents int64) float64 { return float64(cents) / 100 }

// Besparing is one realised saving, in euro cents.
type Besparing struct {
	ID           uint `gorm:"primaryKey"`
	Periode      string
	Rapportage   string
	Omschrijving string
	BedragCent   int64
	Bron         Bron `gorm:"embedded"`
}

// TableName is the table of savings.
func (Besparing) TableName() string { return "besparingen" }

// BesparingTotaal is the total of realised savings as a document reports it,
// kept beside the lines so a difference with their sum stays visible.
type BesparingTotaal struct {
	ID         uint `gorm:"primaryKey"`
	BedragCent int64
	Bron       Bron `gorm:"embedded"`
}

// TableName is the table of reported savings totals.
func (BesparingTotaal) TableName() string { return "besparing_totalen" }

// Beleidstekst is policy text without figures: an ambition, a principle, a
// track, a desired result, a partner, a risk.
type Beleidstekst struct {
	ID    uint `gorm:"primaryKey"`
	Soort TekstSoort
	Titel string
	Tekst string
	Bron  Bron `gorm:"embedded"`
}

// TableName is the table of policy texts.
func (Beleidstekst) TableName() string { return "beleidsteksten" }

// Actie is the kind of change recorded in the audit trail.
type Actie string

// The kinds of change.
const (
	ActieToegevoegd Actie = "toegevoegd"
	ActieGewijzigd  Actie = "gewijzigd"
	ActieVerwijderd Actie = "verwijderd"
)

// Wijziging is one row of the append-only audit trail: one field of one record
// changed by one user at one moment.
type Wijziging struct {
	ID           uint `gorm:"primaryKey;autoIncrement:false"`
	Tijd         time.Time
	Gebruiker    string
	Actie        Actie
	Entiteit     string
	EntiteitID   uint
	Veld         string
	OudeWaarde   string
	NieuweWaarde string
	// Keten is the row's link in the tamper-evident chain: a hash over its
	// content and the previous row's Keten (the store computes it).
	Keten string
}

// TableName is the table of the audit trail.
func (Wijziging) TableName() string { return "wijzigingen" }

// DoelstellingInterventie links a target to one of the interventions sharing it.
type DoelstellingInterventie struct {
	DoelstellingID uint `gorm:"primaryKey"`
	InterventieID  uint `gorm:"primaryKey"`
}

// TableName is the link table of targets and interventions.
func (DoelstellingInterventie) TableName() string { return "doelstelling_interventies" }
