package chart

import (
	"math"
	"slices"

	"github.com/wcharczuk/go-chart/v2/drawing"

	"jeugdmonitor/data/dashboard"
	"jeugdmonitor/data/domain"
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

// as is a value axis: its ticks in at most n intervals and how a tick is
// written.
type as struct {
	ticks func(n int) []float64
	tekst func(float64) string
}

// axes draws the grid, the left axis (and the right one when right is set)
// and the category labels, and returns the plot frame. Both axes start at
// zero and get as many ticks as their height leaves room for, so their
// labels never crowd on a small tile.
func (p *pen) axes(pn dashboard.Paneel, a [4]float64, left as, right *as) (frame, scale) {
	p.font(24, false, p.t.Subtekst)
	labelH := p.fontPx(24) * 1.3
	y := scale{base: a[3] - 2*labelH - p.px(8), y0: a[1] + p.fontPx(24)*1.6}
	n := int((y.base - y.y0) / (p.fontPx(24) * 1.6))
	lt := left.ticks(n)
	lw := p.width(left.tekst(lt[len(lt)-1])) + p.px(18)
	var rt []float64
	rw := 0.0
	if right != nil {
		rt = right.ticks(n)
		rw = p.width(right.tekst(rt[len(rt)-1])) + p.px(18)
	}
	f := frame{x0: a[0] + lw, x1: a[2] - rw, n: len(pn.Categorieen), y: y}
	f.y.top = lt[len(lt)-1]
	p.vlak = vak{f.x0, f.y.y0, f.x1, f.y.base}
	for _, v := range lt {
		y := f.y.at(v)
		p.line(f.x0, y, f.x1, y, p.px(2), p.t.Raster, nil)
	}
	p.font(24, false, p.t.Subtekst)
	p.asLabels(lt, f.y, left.tekst, f.x0-p.px(12), 1)
	var rs scale
	if right != nil {
		rs = scale{base: f.y.base, y0: f.y.y0, top: rt[len(rt)-1]}
		p.font(24, false, p.t.Lijn)
		p.asLabels(rt, rs, right.tekst, f.x1+p.px(12), -1)
	}
	p.line(f.x0, f.y.base, f.x1, f.y.base, p.px(3), p.t.As, nil)
	p.font(24, false, p.t.Tekst)
	elke := p.labelStap(pn.Categorieen, f)
	for i, c := range pn.Categorieen {
		if (len(pn.Categorieen)-1-i)%elke != 0 {
			continue
		}
		cx0, cx1 := f.column(i)
		for k, l := range p.wrap(c, cx1-cx0-p.px(8), 2) {
			p.text(l, p.binnen((cx0+cx1)/2, p.width(l)), f.y.base+labelH*float64(k+1), 0)
		}
	}
	return f, rs
}

// labelStap is how many categories apart their labels are written: every
// one when each fits its column, else every second, third, …, counted back
// from the last (ten years in half a tile: "2015" is wider than its
// column).
func (p *pen) labelStap(categorieen []string, f frame) int {
	if f.n == 0 {
		return 1
	}
	cx0, cx1 := f.column(0)
	breed := 0.0
	for _, c := range categorieen {
		for _, l := range p.wrap(c, cx1-cx0-p.px(8), 2) {
			breed = max(breed, p.width(l))
		}
	}
	return max(1, int(math.Ceil((breed+p.px(16))/(cx1-cx0))))
}

// asLabels writes the labels of an axis's ticks at x, aligned as p.text
// does, from the top down, leaving out a label that would touch the one
// above it: on a panel lower than two labels only the top of the axis is
// written.
func (p *pen) asLabels(ticks []float64, s scale, tekst func(float64) string, x float64, align int) {
	vorige := math.Inf(-1)
	for i := len(ticks) - 1; i >= 0; i-- {
		y := s.at(ticks[i])
		if y-vorige < p.fontPx(24)*1.1 {
			continue
		}
		p.text(tekst(ticks[i]), x, y+p.fontPx(24)*0.35, align)
		vorige = y
	}
}

// binnen gives the centre for a text of width w at cx, moved as far as
// needed to keep the text within the plot frame of its panel (a label
// wider than its bar ran into the axis labels beside the frame).
func (p *pen) binnen(cx, w float64) float64 {
	if w >= p.vlak.x1-p.vlak.x0 {
		return cx
	}
	return min(max(cx, p.vlak.x0+w/2), p.vlak.x1-w/2)
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

// formatter writes the ticks of a value axis for a series: euros in full
// with Dutch thousands separators ("€ 50.000.000"), other units as the
// series writes its values.
func formatter(r dashboard.Reeks) func(float64) string {
	if r.Eenheid == domain.EenheidEuro {
		return func(v float64) string { return dutchnum.FormatEuro(domain.Cents(v)) }
	}
	return r.Tekst
}

// staven draws bars per category, series side by side, targets over them and
// an optional line on a second axis. A panel whose bars have no figure at
// all draws its line on the left axis instead of bars on an empty one.
func (p *pen) staven(pn dashboard.Paneel, a [4]float64) {
	asVan := func(r dashboard.Reeks, top float64) as {
		return as{func(n int) []float64 { return ticksVoor(r.Eenheid, top, n) }, formatter(r)}
	}
	left := asVan(pn.Staven[0], top(pn.Staven, pn.Doelen))
	var right *as
	lijnLinks := false
	if pn.Lijn != nil && pn.Lijn.Bekend() {
		l := asVan(*pn.Lijn, top([]dashboard.Reeks{*pn.Lijn}, nil))
		if bekend(pn.Staven) {
			right = &l
		} else {
			left, lijnLinks = l, true
		}
	}
	f, rs := p.axes(pn, a, left, right)
	if lijnLinks {
		rs = f.y
	}
	for i := range pn.Categorieen {
		cx0, cx1 := f.column(i)
		group := (cx1 - cx0) * 0.72
		bw := group / float64(len(pn.Staven))
		gx := (cx0+cx1)/2 - group/2
		var doel dashboard.Doel
		if i < len(pn.Doelen) {
			doel = pn.Doelen[i]
			p.bezet.lijnen = append(p.bezet.lijnen, p.doelVakken(doel, gx-p.px(10), gx+group+p.px(10), f.y)...)
		}
		missing := 0
		for k, r := range pn.Staven {
			pt := r.Punten[i]
			if !pt.Bekend {
				missing++
				continue
			}
			bx0, bx1 := gx+float64(k)*bw+p.px(3), gx+float64(k+1)*bw-p.px(3)
			kleur := p.reeksKleur(r.Naam)
			p.bar(bx0, f.y.at(pt.Waarde), bx1, f.y.base, kleur, pt.Voorlopig)
			staaf := vak{bx0, f.y.at(pt.Waarde), bx1, f.y.base}
			p.bezet.staven = append(p.bezet.staven, staaf)
			if p.spoor != nil {
				p.spoor.staven = append(p.spoor.staven, staaf)
			}
			yTop := f.y.at(pt.Waarde)
			if pn.Lijn != nil && !lijnLinks && right != nil && f.y.base-yTop > p.fontPx(24)*3 {
				yTop = f.y.base - p.fontPx(24)*1.8 // clear of the line, which runs high
			}
			p.valueLabel(r.Tekst(pt.Waarde), bx0, bx1, yTop, f.y.base, kleur, pt.Voorlopig)
		}
		if missing == len(pn.Staven) && (!lijnLinks || !pn.Lijn.Punten[i].Bekend) {
			p.geenCijfer("geen cijfer", cx0, cx1, f.y.base)
		}
		p.target(doel, gx-p.px(10), gx+group+p.px(10), f.y)
	}
	if pn.Lijn != nil && pn.Lijn.Bekend() {
		p.lijn(*pn.Lijn, f, rs, func(i int) float64 { return f.y.at(top(barsAt(pn.Staven, i), nil)) })
	}
}

// bekend reports whether any of the series has a known value.
func bekend(series []dashboard.Reeks) bool {
	for _, r := range series {
		if r.Bekend() {
			return true
		}
	}
	return false
}

// geenCijfer marks a category without a figure: a break in the base line
// (two short slanted strokes, as on an interrupted axis) with the words
// ("geen cijfer") above it, so a missing year reads as a gap, never as a
// zero. In a column too narrow for the words they go on up to three lines,
// or are left out.
func (p *pen) geenCijfer(woorden string, x0, x1, base float64) {
	x := (x0 + x1) / 2
	d, h := p.px(9), p.px(14)
	p.rect(x-2*d, base-p.px(3), x+2*d, base+p.px(3), p.t.Achtergrond)
	for _, dx := range []float64{-d, d} {
		p.line(x+dx-d/2, base+h/2, x+dx+d/2, base-h/2, p.px(4), p.t.As, nil)
	}
	p.font(22, false, p.t.Subtekst)
	room := x1 - x0 - p.px(8)
	lines := p.wrap(woorden, room, 3)
	for _, l := range lines {
		if p.width(l) > room {
			return
		}
	}
	y := base - h - p.px(8) - p.fontPx(22)*1.2*float64(len(lines)-1)
	for _, l := range lines {
		p.text(l, x, y, 0)
		y += p.fontPx(22) * 1.2
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

// valueLabel writes a bar's value: inside the bar under its top when it fits
// there and is clear of target lines and other labels, in the text or
// background colour that contrasts most with the bar; else above the bar,
// moved up past a target line or a label in the way.
func (p *pen) valueLabel(s string, x0, x1, yTop, base float64, kleur drawing.Color, voorlopig bool) {
	p.font(24, true, p.t.Tekst)
	size := p.fontPx(24)
	w := p.width(s)
	cx := p.binnen((x0+x1)/2, w)
	h := size * 1.25
	binnen := vak{cx - w/2, yTop + size*0.15, cx + w/2, yTop + size*0.15 + h}
	if base-yTop > size*1.8 && !voorlopig && w < x1-x0-p.px(6) && p.bezet.vrij(binnen) {
		p.bezet.labels = append(p.bezet.labels, binnen)
		p.font(24, true, p.t.LabelKleur(kleur))
		p.labelTekst(s, cx, binnen.y1-size*0.3)
		return
	}
	boven := vak{cx - w/2, yTop - p.px(8) - h, cx + w/2, yTop - p.px(8)}
	v := p.bezet.kies(8, p.bovenLijnen(boven)...)
	// on a background of its own: it may lie over a hatched bar or a grid line
	p.rect(v.x0-p.px(4), v.y0, v.x1+p.px(4), v.y1, p.t.Achtergrond)
	p.font(24, true, p.t.Tekst)
	p.labelTekst(s, cx, v.y1-size*0.3)
}

// bovenLijnen gives a label's place and, when a target line crosses it, the
// same place moved up just past that line.
func (p *pen) bovenLijnen(v vak) []vak {
	out := []vak{v}
	for _, l := range p.bezet.lijnen {
		if v.raakt(l) {
			h := v.y1 - v.y0
			out = append(out, vak{v.x0, l.y0 - p.px(4) - h, v.x1, l.y0 - p.px(4)})
		}
	}
	return out
}

// doelVakken are the rectangles a target's dashed lines take, with a margin.
func (p *pen) doelVakken(d dashboard.Doel, x0, x1 float64, s scale) []vak {
	if !d.Bekend {
		return nil
	}
	m := p.px(4) + p.px(6)
	out := []vak{{x0, s.at(d.Van) - m, x1, s.at(d.Van) + m}}
	if d.Band() {
		out = append(out, vak{x0, s.at(d.Tot) - m, x1, s.at(d.Tot) + m})
	}
	return out
}

// target draws a target over a category: a dashed line, or a shaded band
// between dashed lines for a bandwidth.
func (p *pen) target(d dashboard.Doel, x0, x1 float64, s scale) {
	if !d.Bekend {
		return
	}
	if d.Band() {
		p.rect(x0, s.at(d.Tot), x1, s.at(d.Van), p.t.Doel.WithAlpha(40))
		p.doelLijn(x0, x1, s.at(d.Tot))
	}
	p.doelLijn(x0, x1, s.at(d.Van))
}

// lijn draws a series as a line on the second axis, broken where a year is
// missing, with its values in the line's colour: above a point that lies
// above the bars, below one that lies in them, and wherever it is clear of
// the bars' labels and the target lines. On a plot less than ten labels
// high (a dashboard tile) a label there would cut its bar in two: there a
// label goes above or below its point only where that is off the bars, and
// else in a row along the top of the plot. barTop gives the top of the bars
// of a category.
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
		label := r.Tekst(pt.Waarde)
		p.font(24, true, p.t.Lijn)
		w := p.width(label)
		h := p.fontPx(24) * 1.33
		lx := p.binnen(x, w+2*p.px(6))
		boven := vak{lx - w/2 - p.px(6), y - p.px(20) - h, lx + w/2 + p.px(6), y - p.px(20)}
		onder := vak{boven.x0, y + p.px(20), boven.x1, y + p.px(20) + h}
		kandidaten := []vak{boven, onder}
		if y > barTop(i)-p.px(24) && onder.y1 < f.y.base {
			kandidaten = []vak{onder, boven}
		}
		if h > (f.y.base-f.y.y0)/10 {
			kandidaten = slices.DeleteFunc(kandidaten, p.bezet.opStaaf)
			rij := f.y.y0 - p.fontPx(24)*1.6 + p.px(4)
			kandidaten = append(kandidaten, vak{boven.x0, rij, boven.x1, rij + h})
		}
		box := p.bezet.kies(6, kandidaten...)
		if p.spoor != nil {
			p.spoor.lijnLabels = append(p.spoor.lijnLabels, box)
		}
		p.rect(box.x0, box.y0, box.x1, box.y1, p.t.Achtergrond)
		p.font(24, true, p.t.Lijn)
		p.labelTekst(label, lx, box.y0+p.fontPx(24)*1.08)
	}
}

// gestapeld draws one bar per category with its series stacked to 100%.
func (p *pen) gestapeld(pn dashboard.Paneel, a [4]float64) {
	pct := func(v float64) string { return dutchnum.FormatAuto(v) + "%" }
	f, _ := p.axes(pn, a, as{func(n int) []float64 { return ticks(100, false, min(n, 4)) }, pct}, nil)
	for i := range pn.Categorieen {
		cx0, cx1 := f.column(i)
		bx0, bx1 := cx0+(cx1-cx0)*0.2, cx1-(cx1-cx0)*0.2
		shares, ok := pn.Aandelen(i)
		if !ok {
			p.geenCijfer("geen volledig cijfer", cx0, cx1, f.y.base)
			continue
		}
		acc := 0.0
		for k, v := range shares {
			y0, y1 := f.y.at(acc+v), f.y.at(acc)
			acc += v
			r := pn.Staven[k]
			pt := r.Punten[i]
			kleur := p.reeksKleur(r.Naam)
			p.bar(bx0, y0, bx1, y1, kleur, pt.Voorlopig)
			if y1-y0 <= p.fontPx(24)*1.4 {
				continue
			}
			label, cy := pct(math.Round(v)), (y0+y1)/2
			p.font(24, true, p.t.LabelKleur(kleur))
			if pt.Voorlopig { // on hatching: a background box keeps it readable
				w, h := p.width(label), p.fontPx(24)
				p.rect((bx0+bx1)/2-w/2-p.px(6), cy-h*0.75, (bx0+bx1)/2+w/2+p.px(6), cy+h*0.6, p.t.Achtergrond)
				p.font(24, true, p.t.Tekst)
			}
			p.text(label, (bx0+bx1)/2, cy+p.fontPx(24)*0.35, 0)
		}
	}
}
