package chart

// vak is a rectangle on the canvas in pixels: left, top, right, bottom.
type vak struct{ x0, y0, x1, y1 float64 }

// raakt reports whether two rectangles overlap (touching edges do not).
func (a vak) raakt(b vak) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

// bezetting remembers what a chart has put where that a value label must
// stay clear of: the labels already placed and the target lines. Labels are
// placed after the lines of their panel are known, so the rule can be
// checked on the rectangles alone (see plaatsing_test.go).
type bezetting struct {
	labels, lijnen []vak
	// staven are the bars of the panel, which a line's labels on a small
	// chart stay off
	staven []vak
}

// opStaaf reports whether a rectangle covers part of a bar.
func (b *bezetting) opStaaf(v vak) bool {
	for _, s := range b.staven {
		if v.raakt(s) {
			return true
		}
	}
	return false
}

// vrij reports whether a label may take the rectangle.
func (b *bezetting) vrij(v vak) bool {
	for _, o := range b.lijnen {
		if v.raakt(o) {
			return false
		}
	}
	for _, o := range b.labels {
		if v.raakt(o) {
			return false
		}
	}
	return true
}

// kies returns the first candidate that is free, else the highest free
// rectangle found by moving the last candidate up in steps of its own
// height (at most limit steps), else the last candidate. The chosen
// rectangle is taken.
func (b *bezetting) kies(limit int, kandidaten ...vak) vak {
	for _, v := range kandidaten {
		if b.vrij(v) {
			b.labels = append(b.labels, v)
			return v
		}
	}
	v := kandidaten[len(kandidaten)-1]
	h := v.y1 - v.y0
	for range limit {
		v.y0, v.y1 = v.y0-h, v.y1-h
		if b.vrij(v) {
			break
		}
	}
	b.labels = append(b.labels, v)
	return v
}

// spoor records what a chart drew where, for the tests: the boxes of the
// value labels' text and of the target lines, and every text with the box
// it takes (from its ascent to its descent).
type spoor struct {
	labels, doelen []vak
	// lijnLabels are the boxes of a line's value labels, staven the bars
	lijnLabels, staven []vak
	teksten            []string
	tekstVakken        []vak
}

// labelTekst writes a value label centred on x with its baseline at y, and
// records the box of its text.
func (p *pen) labelTekst(s string, x, y float64) { p.spoorTekst(s, x, y, 0, 24) }

// spoorTekst writes a label of a font size (in the design's pixels) aligned
// as p.text does, and records the box of its text.
func (p *pen) spoorTekst(s string, x, y float64, align int, size float64) {
	p.text(s, x, y, align)
	if p.spoor != nil {
		w, h := p.width(s), p.fontPx(size)
		x0 := x - w*float64(align+1)/2
		p.spoor.labels = append(p.spoor.labels, vak{x0, y - h*0.75, x0 + w, y + h*0.2})
	}
}

// doelLijn strokes a horizontal dashed target line and records its box.
func (p *pen) doelLijn(x0, x1, y float64) {
	p.line(x0, y, x1, y, p.px(4), p.t.Doel, p.dash())
	if p.spoor != nil {
		p.spoor.doelen = append(p.spoor.doelen, vak{x0, y - p.px(2), x1, y + p.px(2)})
	}
}

// doelStreep strokes a vertical dashed target line and records its box.
func (p *pen) doelStreep(x, y0, y1 float64) {
	p.line(x, y0, x, y1, p.px(4), p.t.Doel, p.dash())
	if p.spoor != nil {
		p.spoor.doelen = append(p.spoor.doelen, vak{x - p.px(2), y0, x + p.px(2), y1})
	}
}
