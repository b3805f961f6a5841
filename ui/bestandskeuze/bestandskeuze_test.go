package bestandskeuze

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
)

// TestToonOpensEveryKindOfChooser shows an open and a save chooser the way the
// program does; before Toon, sizing first killed the program with a nil
// pointer dereference in Fyne 2.8.1.
func TestToonOpensEveryKindOfChooser(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1366, 697))

	open := dialog.NewFileOpen(func(fyne.URIReadCloser, error) {}, w)
	Toon(open, w)
	if len(w.Canvas().Overlays().List()) == 0 {
		t.Fatal("de kiezer voor openen staat niet op het scherm")
	}
	open.Hide()

	save := dialog.NewFileSave(func(fyne.URIWriteCloser, error) {}, w)
	Toon(save, w)
	if len(w.Canvas().Overlays().List()) == 0 {
		t.Fatal("de kiezer voor opslaan staat niet op het scherm")
	}
	save.Hide()
}

// TestMaatFitsSmallWindows keeps the chooser inside a laptop window and at its
// preferred size on a large one.
func TestMaatFitsSmallWindows(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	defer w.Close()

	w.Resize(fyne.NewSize(700, 500))
	if got := Maat(w); got.Width > 700*0.9+0.5 || got.Height > 500*0.9+0.5 {
		t.Errorf("Maat in een venster van 700x500 = %v, groter dan het venster toelaat", got)
	}
	w.Resize(fyne.NewSize(1920, 1080))
	if got := Maat(w); got != Voorkeur {
		t.Errorf("Maat in een venster van 1920x1080 = %v, want %v", got, Voorkeur)
	}
}
