package domain

import "testing"

// TestUitkomstNoemtHetVerschil checks the words for a reach against every
// kind of target: met or not, and by how much in the target's unit.
func TestUitkomstNoemtHetVerschil(t *testing.T) {
	tot := 135.0
	for _, tt := range []struct {
		d      Doelstelling
		waarde float64
		want   string
	}{
		{Doelstelling{Soort: SoortMinimaal, Waarde: 3700, Eenheid: "jongeren"}, 3650, "niet gehaald: 50 jongeren onder het minimum"},
		{Doelstelling{Soort: SoortMinimaal, Waarde: 3700, Eenheid: "jongeren"}, 3820, "gehaald: 120 jongeren boven het minimum"},
		{Doelstelling{Soort: SoortMinimaal, Waarde: 3700, Eenheid: "jongeren"}, 3700, "gehaald"},
		{Doelstelling{Soort: SoortMaximaal, Waarde: 40, Eenheid: "wachtenden"}, 52.5, "niet gehaald: 12,5 wachtenden boven het maximum"},
		{Doelstelling{Soort: SoortMaximaal, Waarde: 40, Eenheid: "wachtenden"}, 31, "gehaald: 9 wachtenden onder het maximum"},
		{Doelstelling{Soort: SoortBandbreedte, Waarde: 90, WaardeTot: &tot, Eenheid: "meldingen"}, 143, "niet gehaald: 8 meldingen boven de bandbreedte"},
		{Doelstelling{Soort: SoortBandbreedte, Waarde: 90, WaardeTot: &tot, Eenheid: "meldingen"}, 80, "niet gehaald: 10 meldingen onder de bandbreedte"},
		{Doelstelling{Soort: SoortBandbreedte, Waarde: 90, WaardeTot: &tot, Eenheid: "meldingen"}, 100, "gehaald"},
		{Doelstelling{Soort: SoortMeerDan, Waarde: 60}, 60, "niet gehaald: gelijk aan de ondergrens, niet erboven"},
		{Doelstelling{Soort: SoortMeerDan, Waarde: 60}, 58, "niet gehaald: 2 onder de ondergrens"},
		{Doelstelling{Soort: SoortOngeveer, Waarde: 200, Eenheid: "ouders"}, 150, "niet gehaald: 50 ouders onder de doelstelling"},
	} {
		if got := tt.d.Uitkomst(tt.waarde); got != tt.want {
			t.Errorf("%s %v tegen %v: %q, verwacht %q", tt.d.Soort, tt.waarde, tt.d.Waarde, got, tt.want)
		}
	}
}

// TestGehaald: which reach meets which kind of target.
func TestGehaald(t *testing.T) {
	band := 135.0
	for _, c := range []struct {
		soort  Soort
		waarde float64
		tot    *float64
		bereik float64
		ok     bool
	}{{SoortMinimaal, 10, nil, 10, true}, {SoortMeerDan, 10, nil, 10, false}, {SoortMaximaal, 10, nil, 11, false},
		{SoortBandbreedte, 90, &band, 136, false}, {SoortBandbreedte, 90, &band, 90, true}, {SoortPrecies, 10, nil, 9, false}} {
		if got := (Doelstelling{Soort: c.soort, Waarde: c.waarde, WaardeTot: c.tot}).Gehaald(c.bereik); got != c.ok {
			t.Errorf("%s %v bij bereik %v: gehaald %v", c.soort, c.waarde, c.bereik, got)
		}
	}
}
