package chart

import (
	"math"
	"testing"

	gochart "github.com/wcharczuk/go-chart/v2"

	"jeugdmonitor/data/dashboard"
)

// letterMaten records the smallest font size a chart is drawn with.
type letterMaten struct {
	gochart.Renderer
	kleinste float64
}

func (l *letterMaten) SetFontSize(size float64) {
	l.kleinste = min(l.kleinste, size)
	l.Renderer.SetFontSize(size)
}

// TestTileTextAtLeast11Pixels: drawn at the size of the smallest dashboard
// tile at 1366x697 (559x315; the grid never makes one narrower than 520
// pixels there), every text of every chart is at least 11 pixels (at 72
// DPI, font size is pixels), from the register and from a demo database.
func TestTileTextAtLeast11Pixels(t *testing.T) {
	for _, demo := range []bool{false, true} {
		graphs, err := dashboard.BouwAlle(fixture(t, demo), dashboard.Opties{Van: 2020, Tot: 2024})
		if err != nil {
			t.Fatal(err)
		}
		for _, size := range [][2]int{{559, 315}, {520, 292}} {
			for _, g := range graphs {
				r, err := gochart.PNG(size[0], size[1])
				if err != nil {
					t.Fatal(err)
				}
				rec := &letterMaten{Renderer: r, kleinste: math.Inf(1)}
				p, err := newPen(rec, Opties{Breedte: size[0], Hoogte: size[1], Formaat: PNG, Thema: Licht})
				if err != nil {
					t.Fatal(err)
				}
				p.grafiek(g)
				if rec.kleinste < 11 || math.IsInf(rec.kleinste, 1) {
					t.Errorf("%s op %dx%d (demo %v): kleinste letter %.1f px", g.Naam, size[0], size[1], demo, rec.kleinste)
				}
			}
		}
	}
}
