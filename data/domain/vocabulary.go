// Package domain holds the types of Jeugdmonitor Zwolle (interventions, targets,
// reach, indicators, budget goals, savings, audit trail) and their validation,
// with messages in Dutch that name the field and the problem.
package domain

// Cluster is the group an intervention belongs to in the source documents.
type Cluster string

// The clusters of the Routekaart, Preventie met Gezag and Spoor 3 Jeugd.
const (
	ClusterHVA            Cluster = "Interventies HVA"
	ClusterRegulier       Cluster = "Interventies Regulier"
	ClusterSocialeBasis   Cluster = "Sociale basis jeugd"
	ClusterPreventieGezag Cluster = "Preventie met Gezag"
	ClusterSpoor3Jeugd    Cluster = "Spoor 3 Jeugd"
)

// Clusters lists every cluster in the order of the Routekaart's overview.
var Clusters = []Cluster{ClusterHVA, ClusterRegulier, ClusterSocialeBasis, ClusterPreventieGezag, ClusterSpoor3Jeugd}

// StatusCategorie classifies an intervention's status text.
type StatusCategorie string

// The status categories.
const (
	StatusGepland     StatusCategorie = "gepland" // decided, not started yet
	StatusPilot       StatusCategorie = "pilot"
	StatusLopend      StatusCategorie = "lopend"
	StatusStructureel StatusCategorie = "structureel"
	StatusAfgerond    StatusCategorie = "afgerond"
)

// StatusCategorieen lists every status category.
var StatusCategorieen = []StatusCategorie{StatusGepland, StatusPilot, StatusLopend, StatusStructureel, StatusAfgerond}

// Ambities are the three ambitions of the Routekaart Jeugdbeleid.
var Ambities = []string{
	"Veerkrachtige jeugdigen en opvoeders",
	"Ontwikkelen op school",
	"Stimulerende leefomgeving",
}

// Soort says how a target or a reported figure is meant.
type Soort string

// The kinds of targets and reported figures.
const (
	SoortPrecies     Soort = "precies"
	SoortMinimaal    Soort = "minimaal"
	SoortMeerDan     Soort = "meer dan" // more than the value, as "meer dan 60"
	SoortMaximaal    Soort = "maximaal"
	SoortOngeveer    Soort = "ongeveer"
	SoortBandbreedte Soort = "bandbreedte"
)

// Soorten lists every kind.
var Soorten = []Soort{SoortPrecies, SoortMinimaal, SoortMeerDan, SoortMaximaal, SoortOngeveer, SoortBandbreedte}

// Status says whether a figure may still change.
type Status string

// The statuses of a figure.
const (
	StatusVoorlopig  Status = "voorlopig"
	StatusDefinitief Status = "definitief"
)

// Statussen lists every status of a figure.
var Statussen = []Status{StatusVoorlopig, StatusDefinitief}

// Eenheid is the unit of an indicator.
type Eenheid string

// The units of indicators.
const (
	EenheidAantal     Eenheid = "aantal"
	EenheidEuro       Eenheid = "euro"
	EenheidPercentage Eenheid = "percentage"
	EenheidPer10000   Eenheid = "per 10.000 inwoners"
)

// Eenheden lists every indicator unit.
var Eenheden = []Eenheid{EenheidAantal, EenheidEuro, EenheidPercentage, EenheidPer10000}

// IndicatorGroep is the part of the application an indicator belongs to.
type IndicatorGroep string

// The indicator groups.
const (
	GroepDashboard      IndicatorGroep = "dashboard jeugdhulp"
	GroepBeweging       IndicatorGroep = "beweging"
	GroepPreventieGezag IndicatorGroep = "Preventie met Gezag"
	GroepBegroting      IndicatorGroep = "begrotingscriterium"
)

// IndicatorGroepen lists every indicator group.
var IndicatorGroepen = []IndicatorGroep{GroepDashboard, GroepBeweging, GroepPreventieGezag, GroepBegroting}

// RegelSoort is the kind of amount on a budget line.
type RegelSoort string

// The kinds of budget lines, as in the "Overzicht baten en lasten".
const (
	RegelLasten              RegelSoort = "lasten"
	RegelBaten               RegelSoort = "baten"
	RegelSaldo               RegelSoort = "saldo"
	RegelToevoegingReserves  RegelSoort = "toevoeging reserves"
	RegelOnttrekkingReserves RegelSoort = "onttrekking reserves"
	RegelGeraamdResultaat    RegelSoort = "geraamd resultaat"
	RegelMaximaalBudget      RegelSoort = "maximaal budget"
	RegelAfwijking           RegelSoort = "afwijking"
	// RegelIncidenteel is an amount added to a year's budget once.
	RegelIncidenteel RegelSoort = "incidentele toevoeging"
	// RegelVerwachteBesparing is a saving a budget expects, not yet realised.
	RegelVerwachteBesparing RegelSoort = "verwachte besparing"
)

// RegelSoorten lists every kind of budget line.
var RegelSoorten = []RegelSoort{RegelLasten, RegelBaten, RegelSaldo, RegelToevoegingReserves,
	RegelOnttrekkingReserves, RegelGeraamdResultaat, RegelMaximaalBudget, RegelAfwijking, RegelIncidenteel,
	RegelVerwachteBesparing}

// TekstSoort is the kind of a policy text.
type TekstSoort string

// The kinds of policy texts.
const (
	TekstVisie           TekstSoort = "visie"
	TekstAmbitie         TekstSoort = "ambitie"
	TekstPrincipe        TekstSoort = "leidend principe"
	TekstSpoor           TekstSoort = "spoor"
	TekstBeoogdResultaat TekstSoort = "beoogd resultaat"
	TekstPartner         TekstSoort = "partner"
	TekstRisico          TekstSoort = "risico"
	TekstMonitoring      TekstSoort = "monitoring"
	TekstBeweging        TekstSoort = "beweging"
	TekstHervorming      TekstSoort = "hervorming"
)

// TekstSoorten lists every kind of policy text.
var TekstSoorten = []TekstSoort{TekstVisie, TekstAmbitie, TekstPrincipe, TekstSpoor, TekstBeoogdResultaat,
	TekstPartner, TekstRisico, TekstMonitoring, TekstBeweging, TekstHervorming}

// CountUnits are target and reach units that count whole things: a fraction in
// one of them is an input error.
var CountUnits = []string{"jongeren", "jeugdigen", "kinderen", "leerlingen", "lessen", "groepen",
	"bijeenkomsten", "trajecten", "koppelingen", "gezinnen", "studenten", "meldingen", "casussen",
	"partners", "professionals", "scholen", "huisartsen", "deelnemers", "ouders"}
