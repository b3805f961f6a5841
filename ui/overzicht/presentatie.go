package overzicht

import (
	"fmt"
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/dashboard"
	"jeugdmonitor/ui/chart"
	"jeugdmonitor/ui/uitvoer"
)

// Presentatie is the presentation mode: a full-screen window with one chart
// per slide. Right, Down, Page Down and Space go on; Left, Up, Page Up and
// Backspace go back; Home and End jump to the first and last slide; Esc leaves.
type Presentatie struct {
	Venster fyne.Window
	Beeld   *canvas.Image
	Teller  *widget.Label
	Dias    []dashboard.Grafiek
	Index   int
	// Menu saves or copies the slide's chart (a right click on the slide).
	Menu *fyne.Menu

	beelden map[int]image.Image
	thema   chart.Thema
	ui      func(f func()) // the screen's way to the UI goroutine
}

// presenteer opens the presentation of the given charts, in their order.
// voorlopig are their tiles as drawn on the Overzicht (nil where none is):
// a slide shows its tile, enlarged, at once, until it is drawn sharp at
// the projector's size, so the first slide is never blank.
func (s *Screen) presenteer(dias []dashboard.Grafiek, voorlopig []image.Image) *Presentatie {
	p := &Presentatie{Venster: fyne.CurrentApp().NewWindow("Presentatie"), Beeld: canvas.NewImageFromImage(nil),
		Teller: widget.NewLabel(""), Dias: dias, beelden: map[int]image.Image{}, thema: s.Thema(), ui: s.ui}
	for i, img := range voorlopig {
		if img != nil && i < len(dias) {
			p.beelden[i] = img
		}
	}
	p.Beeld.FillMode = canvas.ImageFillContain
	bg := canvas.NewRectangle(p.thema.Achtergrond)
	p.Menu = fyne.NewMenu("", uitvoer.GrafiekMenu(p.Venster, p.getoond)...)
	p.Venster.SetContent(container.NewStack(bg, newDiaVlak(p.Beeld, p.toonMenu),
		container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), p.Teller), nil, nil)))
	p.Venster.Canvas().SetOnTypedKey(p.toets)
	p.Venster.SetFullScreen(true)
	p.Venster.Show()
	p.Ga(0)
	go p.teken()
	return p
}

// Ga shows slide i (clamped to the slides there are); a slide not drawn yet
// shows its tile, or stays empty until it is drawn, never showing the
// previous one under a new number.
func (p *Presentatie) Ga(i int) {
	i = max(0, min(i, len(p.Dias)-1))
	p.Index = i
	p.Teller.SetText(fmt.Sprintf("%d / %d", i+1, len(p.Dias)))
	p.Beeld.Image = p.beelden[i]
	p.Beeld.Refresh()
}

// teken draws every slide in order off the UI goroutine, one at a time so the
// slide being shown is not slowed down by the others.
func (p *Presentatie) teken() {
	for i, g := range p.Dias {
		img, err := chart.TekenBeeld(g, chart.Opties{Breedte: chart.StandaardBreedte, Hoogte: chart.StandaardHoogte, Thema: p.thema})
		if err != nil {
			fyne.LogError("dia tekenen", err)
			return
		}
		p.ui(func() {
			p.beelden[i] = img
			if p.Index == i {
				p.Ga(i)
			}
		})
	}
}

// toets moves through the slides as a presentation clicker does.
func (p *Presentatie) toets(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyRight, fyne.KeyDown, fyne.KeyPageDown, fyne.KeySpace:
		p.Ga(p.Index + 1)
	case fyne.KeyLeft, fyne.KeyUp, fyne.KeyPageUp, fyne.KeyBackspace:
		p.Ga(p.Index - 1)
	case fyne.KeyHome:
		p.Ga(0)
	case fyne.KeyEnd:
		p.Ga(len(p.Dias) - 1)
	case fyne.KeyEscape:
		p.Venster.Close()
	}
}

// getoond is the chart of the slide on show, as drawn (for saving and
// copying).
func (p *Presentatie) getoond() (dashboard.Grafiek, chart.Thema, bool) {
	if p.Index < 0 || p.Index >= len(p.Dias) {
		return dashboard.Grafiek{}, p.thema, false
	}
	return p.Dias[p.Index], p.thema, true
}

// toonMenu opens the slide's menu at an absolute position.
func (p *Presentatie) toonMenu(at fyne.Position) {
	widget.ShowPopUpMenuAtPosition(p.Menu, p.Venster.Canvas(), at)
}

// diaVlak is the slide's picture, which opens the menu on a right click.
type diaVlak struct {
	widget.BaseWidget
	beeld *canvas.Image
	menu  func(fyne.Position)
}

func newDiaVlak(beeld *canvas.Image, menu func(fyne.Position)) *diaVlak {
	d := &diaVlak{beeld: beeld, menu: menu}
	d.ExtendBaseWidget(d)
	return d
}

// CreateRenderer draws the picture.
func (d *diaVlak) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(d.beeld) }

// TappedSecondary opens the menu where the slide was right-clicked.
func (d *diaVlak) TappedSecondary(e *fyne.PointEvent) { d.menu(e.AbsolutePosition) }
