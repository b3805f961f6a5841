package chart

import (
	"github.com/wcharczuk/go-chart/v2/drawing"

	"jeugdmonitor/data/dashboard"
)

// grafiek draws a whole chart: header, legend, panels, notes, source line and,
// for a demonstration database, the demo mark.
func (p *pen) grafiek(g dashboard.Grafiek) {
	if v, ok := p.r.(*tekstRaster); ok {
		v.vulAlles(p.t.Achtergrond)
	} else {
		p.rect(0, 0, p.w, p.h, p.t.Achtergrond)
	}
	p.kleuren = kleurenVan(g)
	m := p.px(56)
	y, bottom := p.px(8), p.h-p.px(24)
	if !p.alleen {
		y = p.kop(g, m)
		bottom = p.footer(g, m)
	}
	if p.hoek.Y > 0 { // the plot ends above the free corner
		bottom = min(bottom, p.h-float64(p.hoek.Y))
	}
	if g.HeeftGegevens() {
		y = p.legenda(g, m, y+p.px(20))
	}
	area := [4]float64{m, y + p.px(24), p.w - m, bottom - p.px(20)}
	switch {
	case !g.HeeftGegevens():
		p.melding(g.GeenGegevens, area, 44)
	default:
		p.panelen(g.Panelen, area)
	}
	if g.Demo {
		p.demo()
	}
}

// kop draws the title and the headline message with where it comes from
// (each unless left out), and returns the y below them.
func (p *pen) kop(g dashboard.Grafiek, m float64) float64 {
	y := m
	if !p.zonderTitel {
		y = p.block(g.Titel, m, m, 48, true, p.t.Tekst, 2)
	}
	if g.ToonKernboodschap() {
		if !p.zonderKernboodschap {
			y = p.block(g.Kernboodschap, m, y+p.px(8), 32, false, p.t.Subtekst, 3)
		}
		if g.KernboodschapHerkomst != "" {
			y = p.block(g.KernboodschapHerkomst, m, y, 22, false, p.t.Subtekst, 1)
		}
	}
	return y
}

// block draws wrapped text from top y and returns the y below it.
func (p *pen) block(s string, x, y, size float64, bold bool, c drawing.Color, maxLines int) float64 {
	p.font(size, bold, c)
	lh := p.fontPx(size) * 1.25
	for _, line := range p.wrap(s, p.w-2*x, maxLines) {
		y += lh
		p.text(line, x, y-lh*0.22, -1)
	}
	return y
}

// footer draws the notes and the source line from the bottom up, clear of
// the free corner, and returns the top of what it drew.
func (p *pen) footer(g dashboard.Grafiek, m float64) float64 {
	src := "Bron: " + g.BronTekst() + " · " + g.Peildatum
	breed := p.w - 2*m
	if p.hoek.X > 0 {
		breed = min(breed, p.w-m-float64(p.hoek.X)-p.px(16))
	}
	p.font(22, false, p.t.Subtekst)
	lines := p.wrap(src, breed, 3)
	lh := p.fontPx(22) * 1.3
	y := p.h - p.px(28) - lh*float64(len(lines)-1)
	top := y - lh
	for _, l := range lines {
		p.text(l, m, y, -1)
		y += lh
	}
	if len(g.Opmerkingen) == 0 {
		return top
	}
	p.font(26, true, p.t.Let)
	var notes []string
	for _, o := range g.Opmerkingen {
		notes = append(notes, p.wrap(o, breed, 3)...)
	}
	lh = p.fontPx(26) * 1.3
	y = top - p.px(8) - lh*float64(len(notes)-1)
	top = y - lh
	for _, l := range notes {
		p.text(l, m, y, -1)
		y += lh
	}
	return top
}

// melding writes a message in the middle of an area instead of a chart.
func (p *pen) melding(s string, a [4]float64, size float64) {
	p.font(size, true, p.t.Subtekst)
	lines := p.wrap(s, a[2]-a[0], 3)
	lh := p.fontPx(size) * 1.3
	y := (a[1]+a[3])/2 - lh*float64(len(lines))/2 + lh*0.8
	for _, l := range lines {
		p.text(l, (a[0]+a[2])/2, y, 0)
		y += lh
	}
}

// panelen lays out one panel over the whole area, two side by side, or up to
// four in a two-by-two grid.
func (p *pen) panelen(ps []dashboard.Paneel, a [4]float64) {
	cols, rows := len(ps), 1
	if len(ps) > 2 {
		cols, rows = 2, (len(ps)+1)/2
	}
	gap := p.px(56)
	cw := (a[2] - a[0] - gap*float64(cols-1)) / float64(cols)
	rh := (a[3] - a[1] - gap*float64(rows-1)) / float64(rows)
	for i, pn := range ps {
		x0 := a[0] + float64(i%cols)*(cw+gap)
		y0 := a[1] + float64(i/cols)*(rh+gap)
		p.paneel(pn, [4]float64{x0, y0, x0 + cw, y0 + rh})
	}
}

// paneel draws one panel with its title.
func (p *pen) paneel(pn dashboard.Paneel, a [4]float64) {
	if pn.Titel != "" {
		p.font(28, true, p.t.Tekst)
		lh := p.fontPx(28) * 1.25
		for _, l := range p.wrap(pn.Titel, a[2]-a[0], 2) {
			a[1] += lh
			p.text(l, a[0], a[1]-lh*0.22, -1)
		}
		a[1] += p.px(8)
	}
	if !pn.HeeftGegevens() {
		p.melding(pn.GeenGegevens, a, 32)
		return
	}
	switch pn.Soort {
	case dashboard.SoortGestapeld:
		p.gestapeld(pn, a)
	case dashboard.SoortDoel:
		p.doelen(pn, a)
	default:
		p.staven(pn, a)
	}
}

// demo prints "DEMO - fictieve cijfers" across the chart and in its corner.
func (p *pen) demo() {
	const mark = "DEMO - fictieve cijfers"
	p.font(120, true, p.t.Demo)
	p.rotated(mark, p.w/2, p.h/2+p.px(40), -0.3)
	p.font(30, true, p.t.Demo.WithAlpha(255))
	p.text(mark, p.w-p.px(56), p.px(40), 1)
}
