// Package dashboard turns the store's data into chart specifications: plain
// structs that say what a chart shows (series per year, targets, comparison
// values, provisional marks, sources) and leave how it looks to the chart
// renderer. A figure absent from the store is absent from the chart: a
// missing year is a gap, never a zero.
package dashboard

import (
	"math"
	"strings"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/dutchnum"
)

// Soort is the shape of a chart panel.
type Soort string

// The panel shapes.
const (
	// SoortStaven draws vertical bars per category, series side by side,
	// with an optional line on a second axis.
	SoortStaven Soort = "staven"
	// SoortGestapeld draws one bar per category, its series stacked to 100%.
	SoortGestapeld Soort = "gestapeld100"
	// SoortDoel draws a horizontal bar per category against its target.
	SoortDoel Soort = "doel"
)

// Punt is one value of a series; Bekend is false where the store has none.
type Punt struct {
	Waarde    float64
	Bekend    bool
	Voorlopig bool
}

// Reeks is a named series with one point per category of its panel.
type Reeks struct {
	Naam    string
	Eenheid domain.Eenheid
	Punten  []Punt
	// Heel shows the values rounded to whole numbers, on the chart and in
	// its table alike (a share of a target: 110%, not 110,33%).
	Heel bool
}

// Tekst writes a value of the series as the chart and its table show it.
func (r Reeks) Tekst(v float64) string {
	if r.Heel {
		v = math.Round(v)
	}
	return Opmaak(r.Eenheid, v)
}

// Bekend reports whether the series has at least one known value.
func (r Reeks) Bekend() bool {
	for _, p := range r.Punten {
		if p.Bekend {
			return true
		}
	}
	return false
}

// Doel is the target of one category of a SoortDoel panel: a single value
// (Tot equal to Van) or a band from Van to Tot.
type Doel struct {
	Van, Tot float64
	Bekend   bool
}

// Band reports whether the target is a bandwidth rather than one value.
func (d Doel) Band() bool { return d.Bekend && d.Tot > d.Van }

// Paneel is one chart area with its own axis.
type Paneel struct {
	Titel       string
	Soort       Soort
	Categorieen []string
	// Staven are the bar series (SoortDoel: exactly one, the realised values).
	Staven []Reeks
	// Lijn is an optional series drawn as a line on a second axis.
	Lijn *Reeks
	// Doelen holds the target of every category (SoortDoel only).
	Doelen []Doel
	// Labels holds a text per category drawn beside its bar (SoortDoel only).
	Labels []string
	// GeenGegevens is the message shown instead of the panel when it has no data.
	GeenGegevens string
}

// Reeksen gives the bar series followed by the line, if any.
func (p Paneel) Reeksen() []Reeks {
	if p.Lijn == nil {
		return p.Staven
	}
	return append(p.Staven[:len(p.Staven):len(p.Staven)], *p.Lijn)
}

// HeeftGegevens reports whether any series of the panel has a known value.
func (p Paneel) HeeftGegevens() bool {
	for _, r := range p.Reeksen() {
		if r.Bekend() {
			return true
		}
	}
	return false
}

// Grafiek is the specification of one chart.
type Grafiek struct {
	// Naam identifies the chart on the command line and in presentations.
	Naam          string
	Titel         string
	Kernboodschap string
	// KernboodschapHerkomst says where the headline message comes from: its
	// document and date, or who changed it and when.
	KernboodschapHerkomst string
	Panelen               []Paneel
	// Bronnen are the documents and sections the figures come from.
	Bronnen []domain.Bron
	// Peildatum says how recent the figures are ("stand 22-11-2026").
	Peildatum string
	// Opmerkingen are notes drawn on the chart, such as a reported total that
	// differs from the sum of its lines.
	Opmerkingen []string
	// GeenGegevens is the message when no panel has data.
	GeenGegevens string
	// Demo marks a chart drawn from a demonstration database.
	Demo bool
	// Maatkeuze is, for the chart bereik-interventie, the measure shown and
	// those it can show instead.
	Maatkeuze Maatkeuze
}

// HeeftGegevens reports whether any panel has data.
func (g Grafiek) HeeftGegevens() bool {
	for _, p := range g.Panelen {
		if p.HeeftGegevens() {
			return true
		}
	}
	return false
}

// ToonKernboodschap reports whether the headline message belongs on the
// chart: a chart without figures shows none, for a message about a trend
// would claim what nothing on it shows.
func (g Grafiek) ToonKernboodschap() bool {
	return strings.TrimSpace(g.Kernboodschap) != "" && g.HeeftGegevens()
}

// HeeftVoorlopig reports whether any known value is provisional.
func (g Grafiek) HeeftVoorlopig() bool {
	for _, p := range g.Panelen {
		for _, r := range p.Reeksen() {
			for _, pt := range r.Punten {
				if pt.Bekend && pt.Voorlopig {
					return true
				}
			}
		}
	}
	return false
}

// BronTekst writes the sources as one line, each document once with its
// sections: "Routekaart (mei 2023): Grafieken > ...; Spoor 3 Jeugd: ...".
func (g Grafiek) BronTekst() string {
	if len(g.Bronnen) == 0 {
		return "geen"
	}
	var docs []string
	secties := map[string][]string{}
	for _, b := range g.Bronnen {
		if _, ok := secties[b.Document]; !ok {
			docs = append(docs, b.Document)
			secties[b.Document] = nil
		}
		if b.Sectie != "" {
			secties[b.Document] = append(secties[b.Document], b.Sectie)
		}
	}
	parts := make([]string, len(docs))
	for i, d := range docs {
		parts[i] = strings.TrimPrefix(strings.TrimSuffix(d+": "+strings.Join(secties[d], "; "), ": "), ": ")
	}
	return strings.Join(parts, " · ")
}

// Opmaak writes a value in Dutch notation for its unit: "3.500", "€ 2,8 mln",
// "53,99", "82%".
func Opmaak(e domain.Eenheid, v float64) string {
	switch e {
	case domain.EenheidEuro:
		return dutchnum.FormatEuroCompact(domain.Cents(v))
	case domain.EenheidPercentage:
		return dutchnum.FormatAuto(v) + "%"
	default:
		return dutchnum.FormatAuto(v)
	}
}
