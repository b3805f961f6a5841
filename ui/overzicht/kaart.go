package overzicht

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/dashboard"
)

// Kaart is a chart thumbnail (the chart carries its own title); tapping it
// enlarges the chart.
type Kaart struct {
	widget.BaseWidget
	Naam  string
	Beeld *canvas.Image
	// OnTapped is called when the card is tapped.
	OnTapped func()
}

func newKaart(b dashboard.Beschrijving) *Kaart {
	k := &Kaart{Naam: b.Naam, Beeld: canvas.NewImageFromImage(nil)}
	k.Beeld.FillMode = canvas.ImageFillContain
	k.Beeld.ScaleMode = canvas.ImageScaleSmooth
	k.ExtendBaseWidget(k)
	return k
}

// zet shows a newly drawn chart.
func (k *Kaart) zet(img image.Image) {
	k.Beeld.Image = img
	k.Beeld.Refresh()
}

// CreateRenderer draws the image on a light card.
func (k *Kaart) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(k.Beeld)
}

// Tapped enlarges the chart.
func (k *Kaart) Tapped(*fyne.PointEvent) {
	if k.OnTapped != nil {
		k.OnTapped()
	}
}

// Cursor shows a pointer: the card can be clicked.
func (k *Kaart) Cursor() desktop.Cursor { return desktop.PointerCursor }
