package chart

import (
	"html"
	"image"
	"math"
	"strings"
	"sync"

	"fyne.io/fyne/v2/theme"
	"github.com/golang/freetype/truetype"
	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
	"golang.org/x/image/font/gofont/gomedium"
	"golang.org/x/image/math/fixed"
)

// fonts are Go Medium for text, heavier than go-chart's default so that it
// survives a projector, and for titles and values Noto Sans Bold, the bold
// of the window and the council report (Fyne's, in the program already).
var fonts = sync.OnceValues(func() ([2]*truetype.Font, error) {
	medium, err := truetype.Parse(gomedium.TTF)
	if err != nil {
		return [2]*truetype.Font{}, err
	}
	bold, err := truetype.Parse(theme.DefaultTextBoldFont().Content())
	return [2]*truetype.Font{medium, bold}, err
})

// pen draws on a go-chart renderer in pixels of a 1920x1080 design, scaled to
// the real size.
type pen struct {
	r            gochart.Renderer
	t            Thema
	w, h         float64
	scale        float64
	svg          bool
	medium, bold *truetype.Font
	// kleuren gives each series of the chart its place in the palette.
	kleuren map[string]int
	// bezet is what value labels must stay clear of.
	bezet bezetting
	// vlak is the plot frame of the panel being drawn, which its value
	// labels stay within.
	vlak vak
	// spoor, when set, records where labels and target lines went.
	spoor *spoor
	// alleen draws the chart without its title, headline and footer.
	alleen bool
	// zonderTitel and zonderKernboodschap leave those out of the header.
	zonderTitel, zonderKernboodschap bool
	// tekst scales the text beyond the scale of the canvas.
	tekst float64
	// hoek is the corner at the bottom right to leave empty.
	hoek image.Point
	// letter and maat are the font and size of the next text.
	letter *truetype.Font
	maat   float64
}

func newPen(r gochart.Renderer, o Opties) (*pen, error) {
	f, err := fonts()
	if err != nil {
		return nil, err
	}
	if o.Thema.Naam == "" {
		o.Thema = Licht
	}
	r.SetDPI(72) // font sizes are then pixels
	w, h := float64(o.Breedte), float64(o.Hoogte)
	return &pen{r: r, t: o.Thema, w: w, h: h, scale: min(w/StandaardBreedte, h/StandaardHoogte),
		svg: o.Formaat == SVG, medium: f[0], bold: f[1], alleen: o.AlleenGrafiek, zonderTitel: o.ZonderTitel, zonderKernboodschap: o.ZonderKernboodschap, tekst: max(o.Tekstschaal, 1), hoek: o.VrijeHoek, letter: f[0], maat: 11}, nil
}

// px scales a size of the 1920x1080 design; text never drops below 11 pixels.
func (p *pen) px(v float64) float64 { return v * p.scale }

func (p *pen) fontPx(v float64) float64 { return max(v*p.scale*p.tekst, 11) }

// font selects a face and size for the next text.
func (p *pen) font(size float64, bold bool, c drawing.Color) {
	p.r.ResetStyle()
	p.letter, p.maat = p.medium, p.fontPx(size)
	if bold {
		p.letter = p.bold
	}
	p.r.SetFont(p.letter)
	p.r.SetFontSize(p.maat)
	p.r.SetFontColor(c)
}

// width measures a text in the current font from its glyphs' advances and
// kerning, the way go-chart places them, without loading their outlines as
// go-chart's MeasureText does (that made measuring, mostly while wrapping
// text, the larger part of drawing a small chart). go-chart's PNG renderer
// takes 64ths where TrueType means 72nds, so its glyphs are 72/64 of the
// size asked; its SVG renderer writes the size asked.
func (p *pen) width(s string) float64 {
	em := p.maat * 72 // in 26.6 fixed point, as the PNG renderer scales
	if p.svg {
		em = p.maat * 64
	}
	scale := fixed.Int26_6(em)
	var w fixed.Int26_6
	prev, has := truetype.Index(0), false
	for _, r := range s {
		i := p.letter.Index(r)
		if has {
			w += p.letter.Kern(scale, prev, i)
		}
		w += p.letter.HMetric(scale, i).AdvanceWidth
		prev, has = i, true
	}
	return float64(w) / 64
}

// text draws s with its baseline at y; align -1 left of x, 0 centred, 1 right.
func (p *pen) text(s string, x, y float64, align int) {
	switch align {
	case 0:
		x -= p.width(s) / 2
	case 1:
		x -= p.width(s)
	}
	if p.spoor != nil {
		p.spoor.teksten = append(p.spoor.teksten, s)
		p.spoor.tekstVakken = append(p.spoor.tekstVakken, vak{x, y - p.maat*0.75, x + p.width(s), y + p.maat*0.2})
	}
	if p.svg {
		s = html.EscapeString(s)
	}
	p.r.Text(s, int(math.Round(x)), int(math.Round(y)))
}

// rotated draws s turned by the angle (radians) around its centre at x, y.
func (p *pen) rotated(s string, x, y, angle float64) {
	w := p.width(s)
	p.r.SetTextRotation(angle)
	dx, dy := -w/2*math.Cos(angle), -w/2*math.Sin(angle)
	if p.svg {
		s = html.EscapeString(s)
	}
	p.r.Text(s, int(x+dx), int(y+dy))
	p.r.ClearTextRotation()
}

// wrap breaks s into lines no wider than maxW in the current font; explicit
// newlines are kept. At most maxLines lines; the last is cut with "…".
func (p *pen) wrap(s string, maxW float64, maxLines int) []string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			try := strings.TrimSpace(line + " " + word)
			if line != "" && p.width(try) > maxW {
				out = append(out, line)
				line = word
				continue
			}
			line = try
		}
		out = append(out, line)
	}
	if len(out) > maxLines {
		out = out[:maxLines]
		last := out[maxLines-1]
		for last != "" && p.width(last+" …") > maxW {
			last = last[:len(last)-1]
		}
		out[maxLines-1] = strings.TrimSpace(last) + " …"
	}
	return out
}

// onCanvas brings a coordinate within a margin of the canvas: an extreme
// value (1e308 scaled to pixels overflows to infinity) or NaN would
// otherwise make the rasteriser, or the hatching of a bar, run for ever.
// Shapes stay exactly as they are wherever they touch the canvas.
func (p *pen) onCanvas(v float64) float64 {
	if math.IsNaN(v) {
		return 0
	}
	limit := 2 * max(p.w, p.h)
	return min(max(v, -limit), limit)
}

// rect fills a rectangle.
func (p *pen) rect(x0, y0, x1, y1 float64, c drawing.Color) {
	p.r.ResetStyle()
	p.r.SetFillColor(c)
	p.path(x0, y0, x1, y1)
	p.r.Fill()
}

func (p *pen) path(x0, y0, x1, y1 float64) {
	x0, y0, x1, y1 = p.onCanvas(x0), p.onCanvas(y0), p.onCanvas(x1), p.onCanvas(y1)
	p.r.MoveTo(int(math.Round(x0)), int(math.Round(y0)))
	p.r.LineTo(int(math.Round(x1)), int(math.Round(y0)))
	p.r.LineTo(int(math.Round(x1)), int(math.Round(y1)))
	p.r.LineTo(int(math.Round(x0)), int(math.Round(y1)))
	p.r.Close()
}

// line strokes a line; dash is nil for a solid line.
func (p *pen) line(x0, y0, x1, y1, width float64, c drawing.Color, dash []float64) {
	p.r.ResetStyle()
	p.r.SetStrokeColor(c)
	p.r.SetStrokeWidth(max(width, 1))
	p.r.SetStrokeDashArray(dash)
	x0, y0, x1, y1 = p.onCanvas(x0), p.onCanvas(y0), p.onCanvas(x1), p.onCanvas(y1)
	p.r.MoveTo(int(math.Round(x0)), int(math.Round(y0)))
	p.r.LineTo(int(math.Round(x1)), int(math.Round(y1)))
	p.r.Stroke()
}

// bar fills a bar; a provisional one gets a lighter fill with diagonal hatching
// and an outline, so it reads as "not final" also in black and white.
func (p *pen) bar(x0, y0, x1, y1 float64, c drawing.Color, voorlopig bool) {
	x0, y0, x1, y1 = p.onCanvas(x0), p.onCanvas(y0), p.onCanvas(x1), p.onCanvas(y1)
	if !voorlopig {
		p.rect(x0, y0, x1, y1, c)
		return
	}
	p.rect(x0, y0, x1, y1, c.WithAlpha(90))
	step := max(p.px(14), 5)
	for k := step; k < (x1-x0)+(y1-y0); k += step {
		// the diagonal x - x0 + (y1 - y) = k, clipped to the bar
		ax, ay := x0+max(0, k-(y1-y0)), y1-min(k, y1-y0)
		bx, by := x0+min(k, x1-x0), y1-max(0, k-(x1-x0))
		p.line(ax, ay, bx, by, p.px(3), c, nil)
	}
	p.r.ResetStyle()
	p.r.SetStrokeColor(c)
	p.r.SetStrokeWidth(max(p.px(3), 1))
	p.path(x0, y0, x1, y1)
	p.r.Stroke()
}

// dot draws a filled circle.
func (p *pen) dot(x, y, radius float64, c drawing.Color) {
	p.r.ResetStyle()
	p.r.SetFillColor(c)
	p.r.SetStrokeColor(p.t.Achtergrond)
	p.r.SetStrokeWidth(max(p.px(2), 1))
	p.r.Circle(radius, int(p.onCanvas(x)), int(p.onCanvas(y)))
	p.r.FillStroke()
}
