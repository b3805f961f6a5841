package overzicht

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/dashboard"
)

// Kaart is a chart thumbnail (the chart carries its own title); tapping it
// enlarges the chart. Its menu (the button in its corner, or a right click)
// enlarges, saves or copies the chart.
type Kaart struct {
	widget.BaseWidget
	Naam  string
	Beeld *canvas.Image
	// MenuKnop opens Menu.
	MenuKnop *widget.Button
	Menu     *fyne.Menu
	// OnTapped is called when the card is tapped.
	OnTapped func()

	window fyne.Window
}

func newKaart(b dashboard.Beschrijving, w fyne.Window, items []*fyne.MenuItem) *Kaart {
	k := &Kaart{Naam: b.Naam, Beeld: canvas.NewImageFromImage(nil), Menu: fyne.NewMenu("", items...), window: w}
	k.Beeld.FillMode = canvas.ImageFillContain
	k.Beeld.ScaleMode = canvas.ImageScaleSmooth
	k.MenuKnop = widget.NewButtonWithIcon("", theme.MoreVerticalIcon(), func() {
		k.toonMenu(fyne.NewPos(0, k.MenuKnop.Size().Height), k.MenuKnop)
	})
	k.ExtendBaseWidget(k)
	return k
}

// toonMenu opens the card's menu at pos within object o.
func (k *Kaart) toonMenu(pos fyne.Position, o fyne.CanvasObject) {
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(o).Add(pos)
	widget.ShowPopUpMenuAtPosition(k.Menu, k.window.Canvas(), at)
}

// TappedSecondary opens the menu where the card was right-clicked.
func (k *Kaart) TappedSecondary(e *fyne.PointEvent) { k.toonMenu(e.Position, k) }

// zet shows a newly drawn chart.
func (k *Kaart) zet(img image.Image) {
	k.Beeld.Image = img
	k.Beeld.Refresh()
}

// CreateRenderer draws the image with the menu button in its bottom right
// corner (the top right one holds the DEMO mark on demo data).
func (k *Kaart) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(k.Beeld,
		container.NewVBox(layout.NewSpacer(), container.NewHBox(layout.NewSpacer(), k.MenuKnop))))
}

// Tapped enlarges the chart.
func (k *Kaart) Tapped(*fyne.PointEvent) {
	if k.OnTapped != nil {
		k.OnTapped()
	}
}

// Cursor shows a pointer: the card can be clicked.
func (k *Kaart) Cursor() desktop.Cursor { return desktop.PointerCursor }
