package chart

import (
	"math"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// MinContrast is the contrast ratio WCAG 2 level AA asks of normal text
// against its background.
const MinContrast = 4.5

// luminantie is the relative luminance of a colour as WCAG 2 defines it
// (sRGB channels linearised, weighted 0,2126 / 0,7152 / 0,0722).
func luminantie(c drawing.Color) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// Contrast is the WCAG 2 contrast ratio of two opaque colours, from 1 (the
// same) to 21 (black on white).
func Contrast(a, b drawing.Color) float64 {
	la, lb := luminantie(a), luminantie(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// opWit is a colour with its transparency laid over a background, as the
// renderer paints it.
func opWit(c, achtergrond drawing.Color) drawing.Color {
	a := float64(c.A) / 255
	mix := func(v, w uint8) uint8 { return uint8(math.Round(float64(v)*a + float64(w)*(1-a))) }
	return drawing.Color{R: mix(c.R, achtergrond.R), G: mix(c.G, achtergrond.G), B: mix(c.B, achtergrond.B), A: 255}
}

// LabelKleur picks the theme's text colour or its background colour for a
// label written on a fill, whichever contrasts more with it: white on
// Okabe-Ito blue, near-black on orange, yellow or sky blue.
func (t Thema) LabelKleur(vulling drawing.Color) drawing.Color {
	vulling = opWit(vulling, t.Achtergrond)
	if Contrast(t.Tekst, vulling) >= Contrast(t.Achtergrond, vulling) {
		return t.Tekst
	}
	return t.Achtergrond
}
