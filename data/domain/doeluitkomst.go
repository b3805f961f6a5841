package domain

import (
	"math"
	"strings"

	"jeugdmonitor/data/dutchnum"
)

// Gehaald reports whether a reach meets the target: at least the value for a
// minimum, more for "meer dan", at most for a maximum, within a bandwidth.
// A reach target "precies" or "ongeveer" counts as met once the reach gets
// to the value.
func (d Doelstelling) Gehaald(waarde float64) bool {
	switch d.Soort {
	case SoortMeerDan:
		return waarde > d.Waarde
	case SoortMaximaal:
		return waarde <= d.Waarde
	case SoortBandbreedte:
		return waarde >= d.Waarde && (d.WaardeTot == nil || waarde <= *d.WaardeTot)
	}
	return waarde >= d.Waarde
}

// Uitkomst says in words whether a reach (in the target's unit) meets the
// target and by how much it falls short of it or stays inside it: "niet
// gehaald: 50 jongeren onder het minimum", "gehaald: 120 jongeren boven het
// minimum", "niet gehaald: 8 meldingen boven de bandbreedte". Every screen,
// chart and report that names the gap uses this wording.
func (d Doelstelling) Uitkomst(waarde float64) string {
	grens, boven := d.Waarde, waarde > d.Waarde
	naam := map[Soort]string{SoortMinimaal: "het minimum", SoortMeerDan: "de ondergrens", SoortMaximaal: "het maximum",
		SoortBandbreedte: "de bandbreedte"}[d.Soort]
	if naam == "" {
		naam = "de doelstelling"
	}
	if d.Soort == SoortBandbreedte && d.WaardeTot != nil && waarde > d.Waarde {
		grens, boven = *d.WaardeTot, waarde > *d.WaardeTot
	}
	verschil := math.Abs(waarde - grens)
	uitslag := "gehaald"
	if !d.Gehaald(waarde) {
		uitslag = "niet gehaald"
	}
	switch {
	case verschil == 0 && d.Soort == SoortMeerDan:
		return uitslag + ": gelijk aan de ondergrens, niet erboven"
	case verschil == 0 || d.Soort == SoortBandbreedte && d.Gehaald(waarde):
		return uitslag
	case boven:
		return uitslag + ": " + aantal(verschil, d.Eenheid) + " boven " + naam
	}
	return uitslag + ": " + aantal(verschil, d.Eenheid) + " onder " + naam
}

// aantal writes a number with its unit: "50 jongeren".
func aantal(v float64, eenheid string) string {
	return strings.TrimSpace(dutchnum.FormatAuto(v) + " " + eenheid)
}
