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

	beelden map[int]image.Image
	thema   chart.Thema
	ui      func(f func()) // the screen's way to the UI goroutine
}

// presenteer opens the presentation of the given charts, in their order.
func (s *Screen) presenteer(dias []dashboard.Grafiek) *Presentatie {
	p := &Presentatie{Venster: fyne.CurrentApp().NewWindow("Presentatie"), Beeld: canvas.NewImageFromImage(nil),
		Teller: widget.NewLabel(""), Dias: dias, beelden: map[int]image.Image{}, thema: s.Thema(), ui: s.ui}
	p.Beeld.FillMode = canvas.ImageFillContain
	bg := canvas.NewRectangle(p.thema.Achtergrond)
	p.Venster.SetContent(container.NewStack(bg, p.Beeld, container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), p.Teller), nil, nil)))
	p.Venster.Canvas().SetOnTypedKey(p.toets)
	p.Venster.SetFullScreen(true)
	p.Venster.Show()
	p.Ga(0)
	go p.teken()
	return p
}

// Ga shows slide i (clamped to the slides there are); a slide not drawn yet
// stays empty until it is, never showing the previous one under a new number.
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
		img, err := chart.TekenBeeld(g, chart.StandaardBreedte, chart.StandaardHoogte, p.thema)
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
