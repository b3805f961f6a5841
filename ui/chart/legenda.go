package chart

import (
	"slices"

	"github.com/wcharczuk/go-chart/v2/drawing"

	"jeugdmonitor/data/dashboard"
)

// legendItem is one entry of the legend.
type legendItem struct {
	label string
	kind  int // kindBar, kindHatch, kindLine, kindTarget, kindBand
	color drawing.Color
}

const (
	kindBar = iota
	kindHatch
	kindLine
	kindTarget
	kindBand
)

// legendItems lists the series, the line, the targets and the provisional
// mark of a chart, each once.
func (p *pen) legendItems(g dashboard.Grafiek) []legendItem {
	var items []legendItem
	add := func(it legendItem) {
		if !slices.ContainsFunc(items, func(o legendItem) bool { return o.label == it.label }) {
			items = append(items, it)
		}
	}
	for _, pn := range g.Panelen {
		if !pn.HeeftGegevens() {
			continue
		}
		for _, r := range pn.Staven {
			if bekend(pn.Staven) { // no swatch for bars a panel does not draw
				add(legendItem{r.Naam, kindBar, p.reeksKleur(r.Naam)})
			}
		}
		if pn.Lijn != nil && pn.Lijn.Bekend() {
			naam := pn.Lijn.Naam
			if bekend(pn.Staven) {
				naam += " (rechteras)"
			}
			add(legendItem{naam, kindLine, p.t.Lijn})
		}
		for _, d := range pn.Doelen {
			switch {
			case d.Band():
				add(legendItem{"Doelstelling (bandbreedte)", kindBand, p.t.Doel})
			case d.Bekend:
				add(legendItem{"Doelstelling", kindTarget, p.t.Doel})
			}
		}
	}
	if g.HeeftVoorlopig() {
		add(legendItem{"Gearceerd: voorlopig cijfer", kindHatch, p.t.Subtekst})
	}
	return items
}

// kleurenVan numbers the series of a chart by name in order of appearance:
// every series gets its own colour of the palette, and a series that appears
// in several panels (Zwolle beside Nederland) keeps its colour in each.
func kleurenVan(g dashboard.Grafiek) map[string]int {
	out := map[string]int{}
	for _, pn := range g.Panelen {
		for _, r := range pn.Staven {
			if _, ok := out[r.Naam]; !ok {
				out[r.Naam] = len(out)
			}
		}
	}
	return out
}

// reeksKleur is the colour of the series with this name.
func (p *pen) reeksKleur(naam string) drawing.Color {
	return p.t.Reeksen[p.kleuren[naam]%len(p.t.Reeksen)]
}

// legenda draws the legend in rows from y and returns the y below it.
func (p *pen) legenda(g dashboard.Grafiek, x0, y float64) float64 {
	items := p.legendItems(g)
	if len(items) == 0 {
		return y
	}
	p.font(26, false, p.t.Tekst)
	size := p.fontPx(26)
	sw := size * 1.4
	x, lh := x0, size*1.6
	y += lh
	for _, it := range items {
		w := sw + p.px(12) + p.width(it.label) + p.px(40)
		if x > x0 && x+w > p.w-x0 {
			x, y = x0, y+lh
		}
		p.swatch(it, x, y-size*0.85, sw, size)
		p.font(26, false, p.t.Tekst)
		p.text(it.label, x+sw+p.px(12), y, -1)
		x += w
	}
	return y + size*0.3
}

// swatch draws the sample of a legend entry in a box.
func (p *pen) swatch(it legendItem, x, y, w, h float64) {
	switch it.kind {
	case kindBar:
		p.rect(x, y, x+w, y+h, it.color)
	case kindHatch:
		p.bar(x, y, x+w, y+h, it.color, true)
	case kindLine:
		p.line(x, y+h/2, x+w, y+h/2, p.px(5), it.color, nil)
		p.dot(x+w/2, y+h/2, max(p.px(8), 3), it.color)
	case kindTarget:
		p.line(x, y+h/2, x+w, y+h/2, p.px(5), it.color, p.dash())
	case kindBand:
		p.rect(x, y, x+w, y+h, it.color.WithAlpha(45))
		p.line(x, y, x+w, y, p.px(3), it.color, p.dash())
		p.line(x, y+h, x+w, y+h, p.px(3), it.color, p.dash())
	}
}

// dash is the dash pattern of target lines.
func (p *pen) dash() []float64 { return []float64{max(p.px(14), 4), max(p.px(8), 3)} }
