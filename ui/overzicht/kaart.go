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

// VergrotenHint is what a tile says while the pointer is on it.
const VergrotenHint = "Klik om te vergroten"

// Kaart is a chart tile (the chart carries its own title), drawn at the size
// it is shown; tapping it enlarges the chart, and with the pointer on it it
// says so. Its menu (the button in its corner, or a right click) enlarges,
// saves or copies the chart.
type Kaart struct {
	widget.BaseWidget
	Naam  string
	Beeld *canvas.Image
	// MenuKnop opens Menu.
	MenuKnop *widget.Button
	Menu     *fyne.Menu
	// Hint shows VergrotenHint and a frame while the pointer is on the tile.
	Hint *fyne.Container
	// OnTapped is called when the card is tapped.
	OnTapped func()

	// kader and hintVlak are the hint's frame and background, coloured
	// from the theme in use when the hint shows
	kader, hintVlak *canvas.Rectangle

	window fyne.Window
	// menu is the menu shown last
	menu *widget.PopUpMenu
	// onMaat is told the tile's size whenever it is laid out.
	onMaat func(fyne.Size)
	// voorMenu, when set, brings the menu's items up to date before it opens.
	voorMenu func()
}

func newKaart(b dashboard.Beschrijving, w fyne.Window, items []*fyne.MenuItem) *Kaart {
	k := &Kaart{Naam: b.Naam, Beeld: canvas.NewImageFromImage(nil), Menu: fyne.NewMenu("", items...), window: w}
	k.Beeld.FillMode = canvas.ImageFillContain
	k.Beeld.ScaleMode = canvas.ImageScaleSmooth
	// hidden until drawn: Fyne paints an image without one as an empty
	// picture the size of the tile, ten of them in the window's first frame
	k.Beeld.Hide()
	k.MenuKnop = widget.NewButtonWithIcon("", theme.MoreVerticalIcon(), func() {
		k.toonMenu(fyne.NewPos(k.MenuKnop.Size().Width, k.MenuKnop.Size().Height), k.MenuKnop, true)
	})
	frame := canvas.NewRectangle(nil)
	frame.StrokeWidth = 2
	label := widget.NewLabelWithStyle(VergrotenHint, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	bg := canvas.NewRectangle(nil)
	bg.CornerRadius = theme.InputRadiusSize()
	k.kader, k.hintVlak = frame, bg
	// at the bottom left, over the source line, beside the menu button:
	// the chart itself stays in view
	k.Hint = container.NewStack(frame, container.NewVBox(layout.NewSpacer(),
		container.NewHBox(container.NewStack(bg, container.NewHBox(widget.NewIcon(theme.ZoomInIcon()), label)), layout.NewSpacer())))
	k.Hint.Hide()
	k.ExtendBaseWidget(k)
	return k
}

// toonMenu opens the card's menu at pos within object o; with rechts the
// menu's right edge is at pos (the menu button sits at the tile's right
// edge), so the menu opens towards the tile instead of past the window.
func (k *Kaart) toonMenu(pos fyne.Position, o fyne.CanvasObject, rechts bool) {
	if k.voorMenu != nil {
		k.voorMenu()
	}
	c := k.window.Canvas()
	m := widget.NewPopUpMenu(k.Menu, c)
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(o).Add(pos)
	m.ShowAtPosition(at)
	if rechts { // its size is known once it is shown
		m.Move(fyne.NewPos(max(0, at.X-m.Size().Width), at.Y))
	}
	k.menu = m
}

// TappedSecondary opens the menu where the card was right-clicked.
func (k *Kaart) TappedSecondary(e *fyne.PointEvent) { k.toonMenu(e.Position, k, false) }

// zet shows a newly drawn chart.
func (k *Kaart) zet(img image.Image) {
	k.Beeld.Image = img
	k.Beeld.Show()
	k.Beeld.Refresh()
}

// Resize lays the tile out and tells the screen its size, which draws the
// chart again at it.
func (k *Kaart) Resize(size fyne.Size) {
	k.BaseWidget.Resize(size)
	if k.onMaat != nil {
		k.onMaat(size)
	}
}

// CreateRenderer draws the image with the menu button in its bottom right
// corner (the top right one holds the DEMO mark on demo data) and the hint
// over it.
func (k *Kaart) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(k.Beeld, k.Hint,
		container.NewVBox(layout.NewSpacer(), container.NewHBox(layout.NewSpacer(), k.MenuKnop))))
}

// Tapped enlarges the chart.
func (k *Kaart) Tapped(*fyne.PointEvent) {
	if k.OnTapped != nil {
		k.OnTapped()
	}
}

// MouseIn shows that a click enlarges the chart.
func (k *Kaart) MouseIn(*desktop.MouseEvent) {
	k.kader.StrokeColor = theme.Color(theme.ColorNamePrimary)
	k.hintVlak.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	k.Hint.Show()
	k.Hint.Refresh()
}

// MouseMoved does nothing: the hint stays while the pointer is on the tile.
func (k *Kaart) MouseMoved(*desktop.MouseEvent) {}

// MouseOut hides the hint.
func (k *Kaart) MouseOut() { k.Hint.Hide() }

// Cursor shows a pointer: the card can be clicked.
func (k *Kaart) Cursor() desktop.Cursor { return desktop.PointerCursor }
