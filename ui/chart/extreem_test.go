package chart

import (
	"math"
	"testing"
	"time"

	"jeugdmonitor/data/dashboard"
)

// extremeWaarden are values that once made chart drawing hang: scaled to
// pixels they overflow to infinity, or they are no number at all.
var extremeWaarden = []float64{1e308, -1e308, math.MaxFloat64, 1e20, math.NaN(), math.Inf(1), math.Inf(-1), 5e-324}

// TestExtremeWaardenHangenNiet draws every panel shape, final and
// provisional, as PNG and SVG, with each extreme value in a bar, a line and
// a target, and requires every drawing to finish within seconds (before the
// fix 1e308, NaN and Inf made the rasteriser and the hatching of a bar run
// for ever).
func TestExtremeWaardenHangenNiet(t *testing.T) {
	for _, v := range extremeWaarden {
		for _, soort := range []dashboard.Soort{dashboard.SoortStaven, dashboard.SoortGestapeld, dashboard.SoortDoel} {
			for _, voorlopig := range []bool{false, true} {
				for _, formaat := range []Formaat{PNG, SVG} {
					punten := []dashboard.Punt{{Waarde: v, Bekend: true, Voorlopig: voorlopig}, {Waarde: 3, Bekend: true}}
					g := dashboard.Grafiek{Naam: "extreem", Titel: "Extreem", Panelen: []dashboard.Paneel{{
						Titel: "p", Soort: soort, Categorieen: []string{"2023", "2024"},
						Staven: []dashboard.Reeks{{Naam: "a", Eenheid: "aantal", Punten: punten}, {Naam: "b", Eenheid: "aantal", Punten: punten}},
						Lijn:   &dashboard.Reeks{Naam: "l", Eenheid: "aantal", Punten: punten},
						Doelen: []dashboard.Doel{{Van: v, Tot: v, Bekend: true}, {Van: 1, Tot: v, Bekend: true}},
						Labels: []string{"a", "b"}}}}
					o := Standaard()
					o.Formaat = formaat
					done := make(chan error, 1)
					go func() {
						_, err := Teken(g, o)
						done <- err
					}()
					select {
					case err := <-done:
						if err != nil {
							t.Errorf("%v %s voorlopig=%v %s: %v", v, soort, voorlopig, formaat, err)
						}
					case <-time.After(10 * time.Second):
						t.Fatalf("%v %s voorlopig=%v %s: tekenen duurt langer dan 10 s", v, soort, voorlopig, formaat)
					}
				}
			}
		}
	}
}

// TestTicksExtreem checks that the axis steps stay few and finite for any
// top, and never more intervals than there is room for.
func TestTicksExtreem(t *testing.T) {
	for _, top := range append(extremeWaarden, 0, -5, 1, 4100, 1e15) {
		for n := 1; n <= 5; n++ {
			ts := ticks(top, false, n)
			if len(ts) < 2 || len(ts)-1 > n {
				t.Errorf("ticks(%v, %d) = %d stappen", top, n, len(ts))
			}
			for _, v := range ts {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					t.Errorf("ticks(%v) bevat %v", top, v)
				}
			}
		}
	}
}
