package chart

import (
	"path/filepath"
	"testing"

	"jeugdmonitor/data/dashboard"
)

// TestGoldenSecondMeasure draws the reach chart of the register's
// intervention with two measures in the one that is not its default: the
// share of the general practices in 2019 instead of the share of the
// doctors in 2023, with the measure named in the title and its unit in the
// legend.
func TestGoldenSecondMeasure(t *testing.T) {
	s := fixture(t, false)
	o := dashboard.Opties{Van: 2019, Tot: 2024, Interventie: "Jeugd- en gezinswerkers bij de huisarts",
		Maat: "huisartsenpraktijken met een jeugd- en gezinswerker"}
	g, err := dashboard.Bouw(s, "bereik-interventie", o)
	if err != nil {
		t.Fatal(err)
	}
	if g.Maatkeuze.Maat != o.Maat {
		t.Fatalf("de grafiek toont de maat %q", g.Maatkeuze.Maat)
	}
	got, err := Teken(g, Standaard())
	if err != nil {
		t.Fatal(err)
	}
	compareGolden(t, filepath.Join("testdata", "register-bereik-interventie-tweede-maat.png"), got)
}
