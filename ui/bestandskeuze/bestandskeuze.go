// Package bestandskeuze shows Fyne's file choosers in one safe way for the
// whole program.
//
// Fyne 2.8.1 dereferences a nil window when a FileDialog is resized before it
// is shown (dialog.(*FileDialog).MinSize), which kills the program. Every file
// chooser therefore goes through Toon, which shows first and sizes after.
package bestandskeuze

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// Voorkeur is the size a file chooser gets when the window has room for it.
var Voorkeur = fyne.NewSize(900, 600)

// Toon shows the file chooser d over w and then sizes it to Voorkeur, or to
// nine tenths of the window when that is smaller (a 1366x768 laptop).
func Toon(d *dialog.FileDialog, w fyne.Window) {
	d.Show()
	d.Resize(Maat(w))
}

// Maat is the size Toon gives a file chooser over w.
func Maat(w fyne.Window) fyne.Size {
	size := Voorkeur
	if w == nil || w.Canvas() == nil {
		return size
	}
	c := w.Canvas().Size()
	if c.Width > 0 && c.Width*0.9 < size.Width {
		size.Width = c.Width * 0.9
	}
	if c.Height > 0 && c.Height*0.9 < size.Height {
		size.Height = c.Height * 0.9
	}
	return size
}
