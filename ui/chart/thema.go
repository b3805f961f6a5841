package chart

import "github.com/wcharczuk/go-chart/v2/drawing"

// Thema holds the colours of a chart.
type Thema struct {
	Naam        string
	Achtergrond drawing.Color
	Tekst       drawing.Color
	Subtekst    drawing.Color
	As          drawing.Color
	Raster      drawing.Color
	// Reeksen colour the series in order; Lijn colours a line on a second axis.
	Reeksen []drawing.Color
	Lijn    drawing.Color
	Doel    drawing.Color
	Let     drawing.Color
	Demo    drawing.Color
}

func hex(s string) drawing.Color { return drawing.ColorFromHex(s) }

// Licht is the light theme with the Okabe-Ito palette, safe for colour-blind
// viewers.
var Licht = Thema{
	Naam: "licht", Achtergrond: hex("ffffff"), Tekst: hex("1a1a1a"), Subtekst: hex("3d3d3d"),
	As: hex("555555"), Raster: hex("dddddd"),
	Reeksen: []drawing.Color{hex("0072B2"), hex("E69F00"), hex("009E73"), hex("CC79A7"), hex("56B4E9")},
	Lijn:    hex("D55E00"), Doel: hex("1a1a1a"), Let: hex("B34700"), Demo: hex("C00000").WithAlpha(60),
}

// HoogContrast is white and bright Okabe-Ito colours on black, for rooms with
// a weak projector.
var HoogContrast = Thema{
	Naam: "hoog-contrast", Achtergrond: hex("000000"), Tekst: hex("ffffff"), Subtekst: hex("f0f0f0"),
	As: hex("ffffff"), Raster: hex("5a5a5a"),
	Reeksen: []drawing.Color{hex("56B4E9"), hex("F0E442"), hex("FFFFFF"), hex("E69F00"), hex("CC79A7")},
	Lijn:    hex("FF7F3F"), Doel: hex("ffffff"), Let: hex("F0E442"), Demo: hex("FF5050").WithAlpha(90),
}

// Themas lists the themes by name.
var Themas = []Thema{Licht, HoogContrast}
