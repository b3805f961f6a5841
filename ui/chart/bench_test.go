package chart

import (
	"bytes"
	"testing"
	"time"

	gochart "github.com/wcharczuk/go-chart/v2"

	"jeugdmonitor/data/dashboard"
)

// kaal draws the known bar values of a chart with go-chart's plain defaults:
// one BarChart of 1920x1080, no house style. It is the yardstick of
// BenchmarkHuisstijlTegenKaal.
func kaal(g dashboard.Grafiek) error {
	c := gochart.BarChart{Width: StandaardBreedte, Height: StandaardHoogte}
	for _, p := range g.Panelen {
		for _, r := range p.Reeksen() {
			for i, pt := range r.Punten {
				if pt.Bekend {
					c.Bars = append(c.Bars, gochart.Value{Label: p.Categorieen[i], Value: pt.Waarde})
				}
			}
		}
	}
	var buf bytes.Buffer
	return c.Render(gochart.PNG, &buf)
}

// BenchmarkHuisstijlTegenKaal draws every dashboard chart of a demo database
// at 1920x1080 in the house style and, in the same run, the same values with
// go-chart's plain defaults, and reports the ratio (goal: at most 1,3).
func BenchmarkHuisstijlTegenKaal(b *testing.B) {
	graphs, err := dashboard.BouwAlle(fixture(b, true), dashboard.Opties{Van: 2019, Tot: 2024})
	if err != nil {
		b.Fatal(err)
	}
	var house, plain time.Duration
	for b.Loop() {
		t0 := time.Now()
		for _, g := range graphs {
			if _, err := Teken(g, Standaard()); err != nil {
				b.Fatal(err)
			}
		}
		t1 := time.Now()
		for _, g := range graphs {
			if err := kaal(g); err != nil {
				b.Fatal(err)
			}
		}
		house, plain = house+t1.Sub(t0), plain+time.Since(t1)
	}
	n := float64(b.N)
	b.ReportMetric(float64(house.Milliseconds())/n, "ms-huisstijl/op")
	b.ReportMetric(float64(plain.Milliseconds())/n, "ms-kaal/op")
	b.ReportMetric(float64(house)/float64(plain), "verhouding")
}
