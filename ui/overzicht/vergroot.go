package overzicht

import (
	"image"
	"time"

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
	// maat is the size in pixels the chart is shown at (zero until laid
	// out), maatTijd when it last changed and wacht whether a drawing
	// waits for it to settle; all under Screen.mu
	maat     image.Point
	maatTijd time.Time
	wacht    bool
}

// maatVak lays one object out over its whole area and reports the area's
// size: the enlarged chart is drawn at the size it is shown.
type maatVak struct{ onMaat func(fyne.Size) }

// Layout gives the object the whole area.
func (m *maatVak) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	m.onMaat(size)
}

// MinSize is the object's.
func (m *maatVak) MinSize(objects []fyne.CanvasObject) fyne.Size { return objects[0].MinSize() }

// Vergroting is the enlarged chart that is open, or nil.
func (s *Screen) Vergroting() *Vergroting { return s.vergroting }

// vergroot shows chart i large, with its headline message to edit.
func (s *Screen) vergroot(i int) {
	g, ok := s.grafiek(i)
	if !ok {
		return
	}
	// the tile's picture until the chart is drawn at the enlarged size
	v := &Vergroting{Naam: g.Naam, Beeld: canvas.NewImageFromImage(s.Kaarten[i].Beeld.Image), Kernboodschap: widget.NewMultiLineEntry(), grafiek: g}
	v.Beeld.FillMode = canvas.ImageFillContain
	v.Beeld.SetMinSize(fyne.NewSize(800, 450))
	v.Kernboodschap.SetText(g.Kernboodschap)
	v.Kernboodschap.SetMinRowsVisible(2)
	v.Kernboodschap.SetPlaceHolder("Kernboodschap: wat moet de raad uit deze grafiek onthouden?")
	v.Opslaan = widget.NewButton("Kernboodschap opslaan", func() { s.opslaanKernboodschap(v) })
	form := container.NewBorder(nil, nil, nil, v.Opslaan, v.Kernboodschap)
	v.Acties = uitvoer.GrafiekKnoppen(s.window, func() (dashboard.Grafiek, chart.Thema, bool) { return v.grafiek, s.Thema(), true })
	vak := container.New(&maatVak{onMaat: func(size fyne.Size) { s.grootMaat(v, size) }}, v.Beeld)
	v.Dialoog = dialog.NewCustom(g.Titel, "Sluiten", container.NewBorder(container.NewHBox(v.Acties...), form, nil, nil, vak), s.window)
	v.Dialoog.SetOnClosed(func() { s.vergroting = nil })
	size := s.window.Canvas().Size()
	v.Dialoog.Resize(fyne.NewSize(size.Width*0.92, size.Height*0.92))
	s.vergroting = v
	v.Dialoog.Show()
}

// grootMaat records the size the enlarged chart is laid out at (on the UI
// goroutine) and, once that has stayed the same for a moment (a dialog is
// laid out several times as it opens), draws it again at that size.
func (s *Screen) grootMaat(v *Vergroting, size fyne.Size) {
	scale := float32(1)
	if c := s.window.Canvas(); c != nil && c.Scale() > 0 {
		scale = c.Scale()
	}
	px := image.Pt(int(size.Width*scale+0.5), int(size.Height*scale+0.5))
	s.mu.Lock()
	defer s.mu.Unlock()
	if px == v.maat || px.X <= 0 || px.Y <= 0 {
		return
	}
	v.maat, v.maatTijd = px, time.Now()
	if v.wacht {
		return
	}
	v.wacht = true
	g := v.grafiek
	uidraad.Go(func() {
		for {
			time.Sleep(grootNa)
			s.mu.Lock()
			stil := time.Since(v.maatTijd) >= grootNa
			v.wacht = !stil
			s.mu.Unlock()
			if stil {
				s.tekenGroot(v, g)
				return
			}
		}
	})
}

// grootNa is how long the enlarged chart's size must stay the same before
// it is drawn at it.
const grootNa = 100 * time.Millisecond

// tekenGroot draws the enlarged chart off the UI goroutine at the size it
// is shown (once it is laid out), its text enlarged for the screen
// (chart.OpScherm); a drawing for a size it no longer has is dropped.
func (s *Screen) tekenGroot(v *Vergroting, g dashboard.Grafiek) {
	uidraad.Go(func() {
		s.mu.Lock()
		maat := v.maat
		s.mu.Unlock()
		if maat == (image.Point{}) {
			return
		}
		img, err := chart.TekenBeeld(g, chart.OpScherm(max(maat.X, chart.MinBreedte), max(maat.Y, chart.MinHoogte), s.Thema()))
		if err != nil {
			s.fout(err)
			return
		}
		s.mu.Lock()
		actueel := maat == v.maat
		s.mu.Unlock()
		if !actueel {
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
		s.mu.Lock()
		o := s.opties
		s.mu.Unlock()
		if err := dashboard.SetKernboodschap(s.store, v.Naam, o, text); err != nil {
			s.ui(func() { dialog.ShowError(err, s.window) })
			return
		}
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
