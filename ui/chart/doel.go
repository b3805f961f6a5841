package chart

import (
	"jeugdmonitor/data/dashboard"
)

// doelen draws a horizontal bar per category against its target, with the
// category's name on the left and its label under the bar.
func (p *pen) doelen(pn dashboard.Paneel, a [4]float64) {
	r := pn.Staven[0]
	fmtV := formatter(r)
	nameW := (a[2] - a[0]) * 0.32
	// as many ticks as their labels leave room for, the last one's label
	// within the panel
	p.font(24, false, p.t.Subtekst)
	t := ticksVoor(r.Eenheid, top(pn.Staven, pn.Doelen), 5)
	tw := p.width(fmtV(t[len(t)-1]))
	x0, x1 := a[0]+nameW+p.px(24), a[2]-max(p.px(40), tw/2)
	t = ticksVoor(r.Eenheid, top(pn.Staven, pn.Doelen), int((x1-x0)/(tw+p.fontPx(24))))
	axisH := p.fontPx(24) * 1.8
	rowH := min((a[3]-a[1]-axisH)/float64(len(pn.Categorieen)), max(p.px(150), p.fontPx(24)*5.6))
	at := func(v float64) float64 { return x0 + (x1-x0)*v/t[len(t)-1] }
	bottom := a[1] + rowH*float64(len(pn.Categorieen))
	for _, v := range t {
		p.line(at(v), a[1], at(v), bottom, p.px(2), p.t.Raster, nil)
		p.font(24, false, p.t.Subtekst)
		p.text(fmtV(v), at(v), bottom+axisH*0.8, 0)
	}
	p.line(x0, a[1], x0, bottom, p.px(3), p.t.As, nil)
	for i, name := range pn.Categorieen {
		y := a[1] + rowH*float64(i)
		p.font(24, false, p.t.Tekst)
		lh := p.fontPx(24) * 1.2
		lines := p.wrap(name, nameW, max(3, int(rowH*0.95/lh)))
		ly := y + rowH/2 - lh*float64(len(lines))/2 + lh*0.8
		for _, l := range lines {
			p.text(l, a[0], ly, -1)
			ly += lh
		}
		by0, by1 := y+rowH*0.12, y+rowH*0.52
		if pt := r.Punten[i]; pt.Bekend {
			p.bar(x0, by0, at(pt.Waarde), by1, p.reeksKleur(r.Naam), pt.Voorlopig)
		}
		// the target's dashed lines span the bar and a little more; the
		// label goes below their ends, so the two never cross
		ly0, ly1 := by0-p.px(8), by1+p.px(8)
		if i < len(pn.Doelen) && pn.Doelen[i].Bekend {
			d := pn.Doelen[i]
			if d.Band() {
				p.rect(at(d.Van), ly0, at(d.Tot), ly1, p.t.Doel.WithAlpha(40))
				p.doelStreep(at(d.Tot), ly0, ly1)
			}
			p.doelStreep(at(d.Van), ly0, ly1)
		}
		// the label only where it fits in its row (on a small tile the
		// rows are too tight; the enlarged chart and the table have it)
		if base := ly1 + p.px(6) + p.fontPx(22)*0.8; i < len(pn.Labels) && base+p.fontPx(22)*0.25 <= y+rowH {
			p.font(22, false, p.t.Subtekst)
			p.spoorTekst(p.wrap(pn.Labels[i], x1-x0, 1)[0], x0, base, -1, 22)
		}
	}
}
