package chart

import (
	"image"
	"image/draw"

	"github.com/golang/freetype/truetype"
	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// tekstRaster is go-chart's PNG renderer with its own text drawing: the same
// glyph outlines at the same places, filled at once in the same colour, so
// the pixels are the same, but added to the rasteriser from the last glyph
// to the first. The rasteriser keeps each pixel row's cells in a list sorted
// from left to right and walks it for every new cell, so go-chart's order
// (left to right) walked the whole row of a line for each of its cells, and
// a tile's source line took most of the time the tile took to draw.
type tekstRaster struct {
	gochart.Renderer
	gc     *drawing.RasterGraphicContext
	img    *image.RGBA
	glyph  truetype.GlyphBuf
	letter *truetype.Font
	maat   float64
	kleur  drawing.Color
	// draai is the text's rotation in radians, when set
	draai *float64
}

// newTekstRaster makes a PNG renderer of the given size.
func newTekstRaster(breedte, hoogte int) (gochart.Renderer, error) {
	r, err := gochart.PNG(breedte, hoogte)
	if err != nil {
		return nil, err
	}
	var v beeldVanger
	if err := r.Save(&v); err != nil {
		return nil, err
	}
	gc, err := drawing.NewRasterGraphicContext(v.img)
	if err != nil {
		return nil, err
	}
	return &tekstRaster{Renderer: r, gc: gc, img: v.img}, nil
}

// SetDPI sets the resolution of shapes and text.
func (t *tekstRaster) SetDPI(dpi float64) {
	t.Renderer.SetDPI(dpi)
	t.gc.SetDPI(dpi)
}

// ResetStyle forgets the style as go-chart's renderer does: all but the font.
func (t *tekstRaster) ResetStyle() {
	t.Renderer.ResetStyle()
	t.maat, t.kleur = 0, drawing.Color{}
	t.ClearTextRotation()
}

// SetFont sets the font of the next text.
func (t *tekstRaster) SetFont(f *truetype.Font) {
	t.Renderer.SetFont(f)
	t.letter = f
}

// SetFontSize sets the size of the next text.
func (t *tekstRaster) SetFontSize(size float64) {
	t.Renderer.SetFontSize(size)
	t.maat = size
}

// SetFontColor sets the colour of the next text.
func (t *tekstRaster) SetFontColor(c drawing.Color) {
	t.Renderer.SetFontColor(c)
	t.kleur = c
}

// SetTextRotation turns the next text around its starting point.
func (t *tekstRaster) SetTextRotation(radians float64) {
	t.Renderer.SetTextRotation(radians)
	t.draai = &radians
}

// ClearTextRotation draws text level again.
func (t *tekstRaster) ClearTextRotation() {
	t.Renderer.ClearTextRotation()
	t.gc.SetMatrixTransform(drawing.NewIdentityMatrix())
	t.draai = nil
}

// Text draws body with its baseline starting at x, y.
func (t *tekstRaster) Text(body string, x, y int) {
	if t.letter == nil {
		return
	}
	xf, yf := float64(x), float64(y)
	if t.draai != nil { // as go-chart: the rotation turns around x, y
		t.gc.Translate(xf, yf)
		t.gc.Rotate(*t.draai)
		xf, yf = 0, 0
	}
	t.gc.SetFontSize(t.maat)
	t.gc.SetFillColor(t.kleur)
	// the glyphs' places exactly as go-chart's CreateStringPath adds them up
	scale := fixed.Int26_6(t.maat * t.gc.GetDPI())
	var glyphs []truetype.Index
	var xs []float64
	prev, has := truetype.Index(0), false
	for _, r := range body {
		i := t.letter.Index(r)
		if has {
			xf += units(t.letter.Kern(scale, prev, i))
		}
		glyphs, xs = append(glyphs, i), append(xs, xf)
		xf += units(t.letter.HMetric(scale, i).AdvanceWidth)
		prev, has = i, true
	}
	for k := len(glyphs) - 1; k >= 0; k-- {
		if t.glyph.Load(t.letter, scale, glyphs[k], font.HintingNone) != nil {
			continue
		}
		e0 := 0
		for _, e1 := range t.glyph.Ends {
			drawing.DrawContour(t.gc, t.glyph.Points[e0:e1], xs[k], yf)
			e0 = e1
		}
	}
	t.gc.Fill()
}

// units converts 26.6 fixed point to float as go-chart's drawing does.
func units(x fixed.Int26_6) float64 {
	scaled := x << 2
	return float64(scaled/256) + float64(scaled%256)/256.0
}

// vulAlles fills the whole canvas with c at once, before anything else is
// drawn: on the empty canvas the same pixels as go-chart filling a
// rectangle over it, which it paints pixel by pixel.
func (t *tekstRaster) vulAlles(c drawing.Color) {
	draw.Draw(t.img, t.img.Bounds(), image.NewUniform(c), image.Point{}, draw.Src)
}
