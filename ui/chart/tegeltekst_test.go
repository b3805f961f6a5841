package chart

import (
	"image"
	"math"
	"slices"
	"testing"

	gochart "github.com/wcharczuk/go-chart/v2"

	"jeugdmonitor/data/dashboard"
	"jeugdmonitor/data/domain"
)

// TestTileTextsClearOfEachOther draws every chart of the register and of a
// demo database at the sizes of a dashboard tile (at 1366x697 and at
// 1920x1080) and checks every text the chart writes: none overlaps
// another, and each lies on the canvas; on the small tile no label of a
// line lies on a bar.
func TestTileTextsClearOfEachOther(t *testing.T) {
	for _, demo := range []bool{false, true} {
		graphs, err := dashboard.BouwAlle(fixture(t, demo), dashboard.Opties{Van: 2020, Tot: 2024})
		if err != nil {
			t.Fatal(err)
		}
		for _, size := range [][2]int{{559, 315}, {520, 292}, {960, 540}} {
			for _, g := range graphs {
				o := Standaard()
				o.Breedte, o.Hoogte = size[0], size[1]
				controleerTeksten(t, g, o)
			}
		}
		// enlarged on a screen of 1366x697 and 1920x1080, and at the
		// smallest an enlarged chart gets
		for _, size := range [][2]int{{800, 450}, {1220, 480}, {1766, 870}} {
			for _, g := range graphs {
				controleerTeksten(t, g, OpScherm(size[0], size[1], Licht))
			}
		}
	}
}

// TestEnlargedChartTextFitsTheScreen: a chart drawn with OpScherm at the
// sizes an enlarged chart is shown at has value labels of at least
// schermLabel pixels and no text under 11.
func TestEnlargedChartTextFitsTheScreen(t *testing.T) {
	graphs, err := dashboard.BouwAlle(fixture(t, true), dashboard.Opties{Van: 2020, Tot: 2024})
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range [][2]int{{800, 450}, {1220, 480}, {1766, 870}} {
		o := OpScherm(size[0], size[1], Licht)
		r, err := gochart.PNG(MinBreedte, MinHoogte) // only its fonts and styles are used
		if err != nil {
			t.Fatal(err)
		}
		p, err := newPen(ongeverfd{r}, o)
		if err != nil {
			t.Fatal(err)
		}
		if label := p.fontPx(24); label < schermLabel-0.01 {
			t.Errorf("%dx%d: waardelabels van %.1f px", size[0], size[1], label)
		}
		for _, g := range graphs {
			rec := &letterMaten{Renderer: ongeverfd{r}, kleinste: math.Inf(1)}
			p.r = rec
			p.grafiek(g)
			if rec.kleinste < 11 {
				t.Errorf("%s %dx%d: kleinste letter %.1f px", g.Naam, size[0], size[1], rec.kleinste)
			}
		}
	}
}

// controleerTeksten fails when two texts of a chart come closer than 2
// pixels or one leaves the canvas, and on a tile of 1366x697 when a line's
// value label lies over a bar (its background box cut the bar in two).
func controleerTeksten(t *testing.T, g dashboard.Grafiek, o Opties) {
	t.Helper()
	sp := &spoor{}
	if err := legAan(g, o, sp); err != nil {
		t.Fatal(err)
	}
	for _, l := range sp.lijnLabels {
		for _, s := range sp.staven {
			if o.Breedte < 600 && l.raakt(s) {
				t.Errorf("%s %dx%d: label van de lijn %v ligt op staaf %v", g.Naam, o.Breedte, o.Hoogte, l, s)
			}
		}
	}
	doek := vak{0, 0, float64(o.Breedte), float64(o.Hoogte)}
	for i, a := range sp.tekstVakken {
		if a.x0 < doek.x0 || a.y0 < doek.y0 || a.x1 > doek.x1 || a.y1 > doek.y1 {
			t.Errorf("%s %dx%d: %q valt buiten de grafiek: %v", g.Naam, o.Breedte, o.Hoogte, sp.teksten[i], a)
		}
		for j := i + 1; j < len(sp.tekstVakken); j++ {
			if b := sp.tekstVakken[j]; a.raakt(vak{b.x0 - 2, b.y0 - 1, b.x1 + 2, b.y1 + 1}) {
				t.Errorf("%s %dx%d: %q %v en %q %v overlappen", g.Naam, o.Breedte, o.Hoogte, sp.teksten[i], a, sp.teksten[j], b)
			}
		}
	}
}

// TestTileLeavesTheMenuCornerFree: with a corner to leave free (where a
// tile's menu button lies), no text of any chart, the long source lines of
// the register's included, reaches into it.
func TestTileLeavesTheMenuCornerFree(t *testing.T) {
	for _, demo := range []bool{false, true} {
		graphs, err := dashboard.BouwAlle(fixture(t, demo), dashboard.Opties{Van: 2020, Tot: 2024})
		if err != nil {
			t.Fatal(err)
		}
		for _, size := range [][2]int{{559, 315}, {520, 292}, {960, 540}} {
			for _, g := range graphs {
				o := Standaard()
				o.Breedte, o.Hoogte, o.VrijeHoek = size[0], size[1], image.Pt(36, 36)
				sp := &spoor{}
				if err := legAan(g, o, sp); err != nil {
					t.Fatal(err)
				}
				hoek := vak{float64(size[0] - 36), float64(size[1] - 36), float64(size[0]), float64(size[1])}
				for i, v := range sp.tekstVakken {
					if v.raakt(hoek) {
						t.Errorf("%s %dx%d: %q %v ligt in de hoek van de menuknop", g.Naam, size[0], size[1], sp.teksten[i], v)
					}
				}
			}
		}
	}
}

// TestKopLaatWegWatDeDiaAlHeeft: a chart drawn without its headline message
// writes its title and where the headline comes from, not the headline;
// without its title, not the title.
func TestKopLaatWegWatDeDiaAlHeeft(t *testing.T) {
	g := doelGrafiek([]float64{10, 20}, 1, false, domain.EenheidAantal, 1)
	g.Titel, g.Kernboodschap, g.KernboodschapHerkomst = "Een titel", "Een kernboodschap", "Kernboodschap uit een document"
	if !g.ToonKernboodschap() {
		t.Fatal("de proefgrafiek toont geen kernboodschap")
	}
	for _, c := range []struct {
		o         Opties
		wel, niet []string
	}{
		{Opties{}, []string{g.Titel, g.Kernboodschap, g.KernboodschapHerkomst}, nil},
		{Opties{ZonderKernboodschap: true}, []string{g.Titel, g.KernboodschapHerkomst}, []string{g.Kernboodschap}},
		{Opties{ZonderTitel: true}, []string{g.Kernboodschap}, []string{g.Titel}},
	} {
		o := c.o
		o.Breedte, o.Hoogte, o.Formaat = 1920, 1080, SVG
		sp := &spoor{}
		if err := legAan(g, o, sp); err != nil {
			t.Fatal(err)
		}
		for _, s := range c.wel {
			if !slices.Contains(sp.teksten, s) {
				t.Errorf("%+v: %q ontbreekt in %q", c.o, s, sp.teksten)
			}
		}
		for _, s := range c.niet {
			if slices.Contains(sp.teksten, s) {
				t.Errorf("%+v: %q staat er toch", c.o, s)
			}
		}
	}
}

// TestTextsClearOverTenYearsAndThree: over ten years (columns narrower than
// "2015") and over three, every chart of the register and a demo database
// keeps its texts apart on a tile, on the projector, in the PDF report and
// enlarged on a laptop: a category label is written for every second or
// third column where needed, "geen volledig cijfer" wraps in its column.
func TestTextsClearOverTenYearsAndThree(t *testing.T) {
	for _, demo := range []bool{false, true} {
		for _, jaren := range [][2]int{{2015, 2024}, {2022, 2024}} {
			graphs, err := dashboard.BouwAlle(fixture(t, demo), dashboard.Opties{Van: jaren[0], Tot: jaren[1]})
			if err != nil {
				t.Fatal(err)
			}
			rapport := Standaard()
			rapport.Breedte, rapport.Hoogte, rapport.AlleenGrafiek, rapport.Tekstschaal = 1800, 1200, true, 1.4
			for _, g := range graphs {
				for _, o := range []Opties{{Breedte: 559, Hoogte: 315}, Standaard(), rapport, OpScherm(1220, 480, Licht)} {
					o.Formaat = PNG
					controleerTeksten(t, g, o)
				}
			}
		}
	}
}

// legAan lays a chart out as teken does and records it in sp, without
// rasterising (under the race detector the drawing took minutes): every
// text, label and bar goes where it would, nothing is painted.
func legAan(g dashboard.Grafiek, o Opties, sp *spoor) error {
	r, err := gochart.PNG(MinBreedte, MinHoogte) // only its fonts and styles are used
	if err != nil {
		return err
	}
	p, err := newPen(ongeverfd{r}, o)
	if err != nil {
		return err
	}
	p.spoor = sp
	p.grafiek(g)
	return nil
}

// ongeverfd is a renderer that keeps every setting and paints nothing.
type ongeverfd struct{ gochart.Renderer }

func (ongeverfd) Fill()                    {}
func (ongeverfd) Stroke()                  {}
func (ongeverfd) FillStroke()              {}
func (ongeverfd) Text(string, int, int)    {}
func (ongeverfd) MoveTo(int, int)          {}
func (ongeverfd) LineTo(int, int)          {}
func (ongeverfd) Close()                   {}
func (ongeverfd) Circle(float64, int, int) {}
