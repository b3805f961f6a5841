package chart

import (
	"math"

	"jeugdmonitor/data/dashboard"
	"jeugdmonitor/data/dutchnum"
)

// frame is the plot area of a panel with vertical bars: the pixel columns of
// its categories and the scale of its left axis.
type frame struct {
	x0, x1 float64
	y      scale
	n      int
}

// column gives the left and right edge of category i's group of bars.
func (f frame) column(i int) (float64, float64) {
	w := (f.x1 - f.x0) / float64(f.n)
	return f.x0 + float64(i)*w, f.x0 + float64(i+1)*w
}

// axes draws the grid, the left axis (and the right one when right is set)
// and the category labels, and returns the plot frame. Both axes start at zero.
func (p *pen) axes(pn dashboard.Paneel, a [4]float64, left []float64, leftFmt func(float64) string,
	right []float64, rightFmt func(float64) string) (frame, scale) {
	p.font(24, false, p.t.Subtekst)
	lw := p.width(leftFmt(left[len(left)-1])) + p.px(18)
	rw := 0.0
	if right != nil {
		rw = p.width(rightFmt(right[len(right)-1])) + p.px(18)
	}
	labelH := p.fontPx(24) * 1.3
	f := frame{x0: a[0] + lw, x1: a[2] - rw, n: len(pn.Categorieen)}
	f.y = scale{base: a[3] - 2*labelH - p.px(8), y0: a[1] + p.fontPx(24)*1.6, top: left[len(left)-1]}
	for _, v := range left {
		y := f.y.at(v)
		p.line(f.x0, y, f.x1, y, p.px(2), p.t.Raster, nil)
		p.font(24, false, p.t.Subtekst)
		p.text(leftFmt(v), f.x0-p.px(12), y+p.fontPx(24)*0.35, 1)
	}
	var rs scale
	if right != nil {
		rs = scale{base: f.y.base, y0: f.y.y0, top: right[len(right)-1]}
		p.font(24, false, p.t.Lijn)
		for _, v := range right {
			p.text(rightFmt(v), f.x1+p.px(12), rs.at(v)+p.fontPx(24)*0.35, -1)
		}
	}
	p.line(f.x0, f.y.base, f.x1, f.y.base, p.px(3), p.t.As, nil)
	for i, c := range pn.Categorieen {
		cx0, cx1 := f.column(i)
		p.font(24, false, p.t.Tekst)
		for k, l := range p.wrap(c, cx1-cx0-p.px(8), 2) {
			p.text(l, (cx0+cx1)/2, f.y.base+labelH*float64(k+1), 0)
		}
	}
	return f, rs
}

// top is the largest value an axis must reach.
func top(series []dashboard.Reeks, doelen []dashboard.Doel) float64 {
	t := 0.0
	for _, r := range series {
		for _, pt := range r.Punten {
			if pt.Bekend {
				t = max(t, pt.Waarde)
			}
		}
	}
	for _, d := range doelen {
		if d.Bekend {
			t = max(t, d.Tot)
		}
	}
	return t
}

func formatter(r dashboard.Reeks) func(float64) string {
	return func(v float64) string { return dashboard.Opmaak(r.Eenheid, v) }
}

// staven draws bars per category, series side by side, targets over them and
// an optional line on a second axis.
func (p *pen) staven(pn dashboard.Paneel, a [4]float64) {
	var right []float64
	var rightFmt func(float64) string
	if pn.Lijn != nil && pn.Lijn.Bekend() {
		right, rightFmt = ticks(top([]dashboard.Reeks{*pn.Lijn}, nil)), formatter(*pn.Lijn)
	}
	f, rs := p.axes(pn, a, ticks(top(pn.Staven, pn.Doelen)), formatter(pn.Staven[0]), right, rightFmt)
	for i := range pn.Categorieen {
		cx0, cx1 := f.column(i)
		group := (cx1 - cx0) * 0.72
		bw := group / float64(len(pn.Staven))
		gx := (cx0+cx1)/2 - group/2
		missing := 0
		for k, r := range pn.Staven {
			pt := r.Punten[i]
			if !pt.Bekend {
				missing++
				continue
			}
			bx0, bx1 := gx+float64(k)*bw+p.px(3), gx+float64(k+1)*bw-p.px(3)
			p.bar(bx0, f.y.at(pt.Waarde), bx1, f.y.base, p.kleur(k), pt.Voorlopig)
			yTop := f.y.at(pt.Waarde)
			if right != nil && f.y.base-yTop > p.fontPx(24)*3 {
				yTop = f.y.base - p.fontPx(24)*1.8 // clear of the line, which runs high
			}
			p.valueLabel(dashboard.Opmaak(r.Eenheid, pt.Waarde), bx0, bx1, yTop, f.y.base, pt.Voorlopig)
		}
		if missing == len(pn.Staven) {
			p.font(22, false, p.t.Subtekst)
			p.text("geen cijfer", (cx0+cx1)/2, f.y.base-p.px(14), 0)
		}
		if i < len(pn.Doelen) {
			p.target(pn.Doelen[i], gx-p.px(10), gx+group+p.px(10), f.y)
		}
	}
	if right != nil {
		p.lijn(*pn.Lijn, f, rs, func(i int) float64 { return f.y.at(top(barsAt(pn.Staven, i), nil)) })
	}
}

// barsAt gives the series reduced to their point in category i.
func barsAt(series []dashboard.Reeks, i int) []dashboard.Reeks {
	out := make([]dashboard.Reeks, len(series))
	for k, r := range series {
		out[k] = dashboard.Reeks{Punten: r.Punten[i : i+1]}
	}
	return out
}

// valueLabel writes a bar's value below yTop inside the bar when it fits
// there, else just above it.
func (p *pen) valueLabel(s string, x0, x1, yTop, base float64, voorlopig bool) {
	p.font(24, true, p.t.Tekst)
	size := p.fontPx(24)
	if base-yTop > size*1.8 && !voorlopig && p.width(s) < x1-x0-p.px(6) {
		p.font(24, true, p.t.Achtergrond)
		p.text(s, (x0+x1)/2, yTop+size*1.2, 0)
		return
	}
	p.text(s, (x0+x1)/2, yTop-p.px(10), 0)
}

// target draws a target over a category: a dashed line, or a shaded band
// between dashed lines for a bandwidth.
func (p *pen) target(d dashboard.Doel, x0, x1 float64, s scale) {
	if !d.Bekend {
		return
	}
	if d.Band() {
		p.rect(x0, s.at(d.Tot), x1, s.at(d.Van), p.t.Doel.WithAlpha(40))
		p.line(x0, s.at(d.Tot), x1, s.at(d.Tot), p.px(4), p.t.Doel, p.dash())
	}
	p.line(x0, s.at(d.Van), x1, s.at(d.Van), p.px(4), p.t.Doel, p.dash())
}

// lijn draws a series as a line on the second axis, broken where a year is
// missing, with its values in the line's colour: above a point that lies
// above the bars, below one that lies in them, so the bars' own labels stay
// readable. barTop gives the top of the bars of a category.
func (p *pen) lijn(r dashboard.Reeks, f frame, s scale, barTop func(int) float64) {
	prevX, prevY, have := 0.0, 0.0, false
	for i, pt := range r.Punten {
		if !pt.Bekend {
			have = false
			continue
		}
		cx0, cx1 := f.column(i)
		x, y := (cx0+cx1)/2, s.at(pt.Waarde)
		if have {
			var dash []float64
			if pt.Voorlopig || r.Punten[i-1].Voorlopig {
				dash = p.dash()
			}
			p.line(prevX, prevY, x, y, p.px(6), p.t.Lijn, dash)
		}
		prevX, prevY, have = x, y, true
	}
	for i, pt := range r.Punten {
		if !pt.Bekend {
			continue
		}
		cx0, cx1 := f.column(i)
		x, y := (cx0+cx1)/2, s.at(pt.Waarde)
		p.dot(x, y, max(p.px(11), 3), p.t.Lijn)
		label := dashboard.Opmaak(r.Eenheid, pt.Waarde)
		p.font(24, true, p.t.Lijn)
		w := p.width(label)
		box := y - p.px(52) // top of the label's box, above the point
		if y > barTop(i)-p.px(24) && y+p.px(52) < f.y.base {
			box = y + p.px(20)
		}
		p.rect(x-w/2-p.px(6), box, x+w/2+p.px(6), box+p.px(32), p.t.Achtergrond)
		p.font(24, true, p.t.Lijn)
		p.text(label, x, box+p.px(26), 0)
	}
}

// gestapeld draws one bar per category with its series stacked to 100%.
func (p *pen) gestapeld(pn dashboard.Paneel, a [4]float64) {
	pct := func(v float64) string { return dutchnum.FormatAuto(v) + "%" }
	f, _ := p.axes(pn, a, []float64{0, 25, 50, 75, 100}, pct, nil, nil)
	for i := range pn.Categorieen {
		cx0, cx1 := f.column(i)
		bx0, bx1 := cx0+(cx1-cx0)*0.2, cx1-(cx1-cx0)*0.2
		shares, ok := pn.Aandelen(i)
		if !ok {
			p.font(22, false, p.t.Subtekst)
			p.text("geen volledig cijfer", (cx0+cx1)/2, f.y.base-p.px(14), 0)
			continue
		}
		acc := 0.0
		for k, v := range shares {
			y0, y1 := f.y.at(acc+v), f.y.at(acc)
			acc += v
			pt := pn.Staven[k].Punten[i]
			p.bar(bx0, y0, bx1, y1, p.kleur(k), pt.Voorlopig)
			if y1-y0 > p.fontPx(24)*1.4 {
				c := p.t.Achtergrond
				if pt.Voorlopig {
					c = p.t.Tekst
				}
				p.font(24, true, c)
				p.text(pct(math.Round(v)), (bx0+bx1)/2, (y0+y1)/2+p.fontPx(24)*0.35, 0)
			}
		}
	}
}
