package overzicht

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/dashboard"
	"jeugdmonitor/ui/chart"
	"jeugdmonitor/ui/uidraad"
	"jeugdmonitor/ui/uitvoer"
)

// Vergroting is an enlarged chart with its headline message to edit.
type Vergroting struct {
	Naam          string
	Beeld         *canvas.Image
	Kernboodschap *widget.Entry
	Opslaan       *widget.Button
	// Acties save the chart as PNG or SVG or copy it.
	Acties  []fyne.CanvasObject
	Dialoog *dialog.CustomDialog

	grafiek dashboard.Grafiek // as drawn last, with its headline message
}

// Vergroting is the enlarged chart that is open, or nil.
func (s *Screen) Vergroting() *Vergroting { return s.vergroting }

// vergroot shows chart i large, with its headline message to edit.
func (s *Screen) vergroot(i int) {
	g, ok := s.grafiek(i)
	if !ok {
		return
	}
	v := &Vergroting{Naam: g.Naam, Beeld: canvas.NewImageFromImage(nil), Kernboodschap: widget.NewMultiLineEntry(), grafiek: g}
	v.Beeld.FillMode = canvas.ImageFillContain
	v.Beeld.SetMinSize(fyne.NewSize(800, 450))
	v.Kernboodschap.SetText(g.Kernboodschap)
	v.Kernboodschap.SetMinRowsVisible(2)
	v.Kernboodschap.SetPlaceHolder("Kernboodschap: wat moet de raad uit deze grafiek onthouden?")
	v.Opslaan = widget.NewButton("Kernboodschap opslaan", func() { s.opslaanKernboodschap(v) })
	form := container.NewBorder(nil, nil, nil, v.Opslaan, v.Kernboodschap)
	v.Acties = uitvoer.GrafiekKnoppen(s.window, func() (dashboard.Grafiek, chart.Thema, bool) { return v.grafiek, s.Thema(), true })
	v.Dialoog = dialog.NewCustom(g.Titel, "Sluiten", container.NewBorder(container.NewHBox(v.Acties...), form, nil, nil, v.Beeld), s.window)
	v.Dialoog.SetOnClosed(func() { s.vergroting = nil })
	size := s.window.Canvas().Size()
	v.Dialoog.Resize(fyne.NewSize(size.Width*0.92, size.Height*0.92))
	s.vergroting = v
	v.Dialoog.Show()
	s.tekenGroot(v, g)
}

// tekenGroot draws the enlarged chart off the UI goroutine.
func (s *Screen) tekenGroot(v *Vergroting, g dashboard.Grafiek) {
	uidraad.Go(func() {
		img, err := chart.TekenBeeld(g, chart.Opties{Breedte: chart.StandaardBreedte, Hoogte: chart.StandaardHoogte, Thema: s.Thema()})
		if err != nil {
			s.fout(err)
			return
		}
		s.ui(func() {
			v.grafiek = g
			v.Beeld.Image = img
			v.Beeld.Refresh()
		})
	})
}

// opslaanKernboodschap stores the edited headline message and redraws.
func (s *Screen) opslaanKernboodschap(v *Vergroting) {
	text := v.Kernboodschap.Text
	uidraad.Go(func() {
		if err := dashboard.SetKernboodschap(s.store, v.Naam, text); err != nil {
			s.ui(func() { dialog.ShowError(err, s.window) })
			return
		}
		s.mu.Lock()
		o := s.opties
		s.mu.Unlock()
		g, err := dashboard.Bouw(s.store, v.Naam, o)
		if err != nil {
			s.fout(err)
			return
		}
		s.tekenGroot(v, g)
		s.ui(func() {
			s.Status.SetText("Kernboodschap opgeslagen")
			s.Refresh()
		})
	})
}
