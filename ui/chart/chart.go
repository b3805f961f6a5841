// Package chart draws the dashboard's chart specifications (package
// data/dashboard) as PNG or SVG in Jeugdmonitor's house style: value axes from
// zero, Dutch number notation, a colour-blind-safe palette, type that stays
// readable when a 1920x1080 chart is projected, a title, a headline message, a
// source line, provisional values hatched, a message instead of an empty
// chart, and "DEMO - fictieve cijfers" on charts from a demonstration
// database. go-chart's renderers and fonts do the drawing; no other package
// imports go-chart.
package chart

import (
	"bytes"
	"fmt"
	"image"
	"image/png"

	gochart "github.com/wcharczuk/go-chart/v2"

	"jeugdmonitor/data/dashboard"
)

// Formaat is the output format.
type Formaat string

// The output formats.
const (
	PNG Formaat = "png"
	SVG Formaat = "svg"
)

// Formaten lists the output formats.
var Formaten = []Formaat{PNG, SVG}

// The default size: a full-HD projector.
const (
	StandaardBreedte = 1920
	StandaardHoogte  = 1080
)

// The smallest size Teken draws.
const (
	MinBreedte = 320
	MinHoogte  = 180
)

// Opties say how a chart is drawn.
type Opties struct {
	Breedte, Hoogte int
	Formaat         Formaat
	Thema           Thema
	// AlleenGrafiek leaves out the title, the headline message, the notes
	// and the source line, for a document that prints them as text around
	// the chart (the PDF report); the legend and a demo mark stay.
	AlleenGrafiek bool
	// ZonderTitel and ZonderKernboodschap leave the title or the headline
	// message out of the chart's header, for a slide that has it as its
	// own title; where the headline comes from stays under the title.
	ZonderTitel, ZonderKernboodschap bool
	// Tekstschaal enlarges all text against the design for the projector
	// (below 1, as 0, counts as 1): a chart printed 18 cm wide needs 1,4
	// for 9 pt.
	Tekstschaal float64
	// VrijeHoek is a corner at the bottom right, in pixels, that the chart
	// leaves empty: the menu button of a dashboard tile lies over it, and
	// hid the end of the source line.
	VrijeHoek image.Point
}

// Standaard is a 1920x1080 PNG in the light theme.
func Standaard() Opties {
	return Opties{Breedte: StandaardBreedte, Hoogte: StandaardHoogte, Formaat: PNG, Thema: Licht}
}

// Teken draws the chart and returns the PNG or SVG bytes.
func Teken(g dashboard.Grafiek, o Opties) ([]byte, error) {
	body, img, _, err := teken(g, o, nil)
	if err != nil || img == nil {
		return body, err
	}
	var buf bytes.Buffer
	if err := pngEncoder.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// pngEncoder writes a chart's PNG. Its fastest compression makes the ten
// charts of the dashboard 5% larger (2,1 MB instead of 2,0 MB) and the
// encoding, most of the time a chart takes, faster (see
// BenchmarkHuisstijlTegenKaal).
var pngEncoder = png.Encoder{CompressionLevel: png.BestSpeed}

// beeldVanger takes the drawn image from go-chart's PNG renderer (its
// RGBACollector) instead of PNG bytes, so the screen need not encode a
// chart only to decode it again.
type beeldVanger struct{ img *image.RGBA }

func (b *beeldVanger) SetRGBA(img *image.RGBA)     { b.img = img }
func (b *beeldVanger) Write(p []byte) (int, error) { return len(p), nil }

// teken draws the chart: a PNG as an image, an SVG as bytes. A non-nil
// spoor records where its value labels and target lines went.
func teken(g dashboard.Grafiek, o Opties, sp *spoor) ([]byte, *image.RGBA, *pen, error) {
	if o.Breedte < MinBreedte || o.Hoogte < MinHoogte || o.Breedte > 8000 || o.Hoogte > 8000 {
		return nil, nil, nil, fmt.Errorf("ongeldige afmetingen %dx%d: kies tussen %dx%d en 8000x8000", o.Breedte, o.Hoogte, MinBreedte, MinHoogte)
	}
	var provider gochart.RendererProvider
	switch o.Formaat {
	case PNG:
		provider = newTekstRaster
	case SVG:
		provider = gochart.SVG
	default:
		return nil, nil, nil, fmt.Errorf("onbekend formaat %q: kies png of svg", o.Formaat)
	}
	r, err := provider(o.Breedte, o.Hoogte)
	if err != nil {
		return nil, nil, nil, err
	}
	p, err := newPen(r, o)
	if err != nil {
		return nil, nil, nil, err
	}
	p.spoor = sp
	p.grafiek(g)
	if o.Formaat == PNG {
		var v beeldVanger
		err := r.Save(&v)
		return nil, v.img, p, err
	}
	var buf bytes.Buffer
	if err := r.Save(&buf); err != nil {
		return nil, nil, nil, err
	}
	return buf.Bytes(), nil, p, nil
}

// schermLabel is the height in pixels a value label has at least on a
// chart drawn with OpScherm.
const schermLabel = 16

// OpScherm are the options for a chart shown large on a screen (an enlarged
// tile): drawn at the size it is shown, with its text enlarged (up to 1,6
// times) so that a value label is at least schermLabel pixels high. Drawn at
// 1920x1080 and shown at half that, its labels were as small as a tile's.
func OpScherm(breedte, hoogte int, t Thema) Opties {
	o := Opties{Breedte: breedte, Hoogte: hoogte, Formaat: PNG, Thema: t}
	schaal := min(float64(breedte)/StandaardBreedte, float64(hoogte)/StandaardHoogte)
	o.Tekstschaal = min(max(schermLabel/(24*schaal), 1), 1.6)
	return o
}

// TekenBeeld draws the chart as an image for the screen (o.Formaat is
// ignored).
func TekenBeeld(g dashboard.Grafiek, o Opties) (image.Image, error) {
	o.Formaat = PNG
	_, img, _, err := teken(g, o, nil)
	if err != nil {
		return nil, err
	}
	return img, nil
}
