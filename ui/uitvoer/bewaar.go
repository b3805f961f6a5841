// Package uitvoer lets the window make every file the command line makes:
// the report for the council (PDF), a presentation as PowerPoint (.pptx),
// and a chart as PNG or SVG or on the clipboard. Every file is chosen in the
// file chooser (bestandskeuze.Opslaan) under a sensible default name, made off
// the UI goroutine behind a progress dialog, written whole or not at all
// (data/bestand), and a message names the file written.
package uitvoer

import (
	"fmt"
	"io"
	"path/filepath"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/bestand"
	"jeugdmonitor/ui/bestandskeuze"
	"jeugdmonitor/ui/rapport"
	"jeugdmonitor/ui/uidraad"
)

// bezig counts the files being written.
var bezig atomic.Int32

// gestopt holds the program (fyne.App) that has stopped: Fyne then runs
// fyne.Do's function at once, off the UI goroutine, so work finishing later
// no longer shows its outcome.
var gestopt atomic.Value

// programma wraps an app so that atomic.Value always holds one type.
type programma struct{ app fyne.App }

// Bezig reports whether a file is being written (the program asks before
// quitting then).
func Bezig() bool { return bezig.Load() > 0 }

// Stop tells that program a stops: its work that finishes later leaves the
// window alone.
func Stop(a fyne.App) { gestopt.Store(programma{a}) }

// doe runs f on the UI goroutine, unless the program has stopped.
func doe(f func()) {
	a := fyne.CurrentApp()
	uidraad.Doe(func() {
		if p, ok := gestopt.Load().(programma); !ok || p.app != a {
			f()
		}
	})
}

// Schrijver makes a file's content, telling its progress.
type Schrijver func(w io.Writer, v rapport.Voortgang) error

// Bewaar asks for a file in the file chooser, proposing naam (whose
// extension is the file's kind, added to a name typed without it), and then
// writes it with Schrijf. An existing file is replaced only after the
// chooser asked.
func Bewaar(w fyne.Window, titel, naam string, schrijf Schrijver) {
	k := bestandskeuze.Keuze{Titel: titel, Naam: naam}
	if ext := filepath.Ext(naam); ext != "" {
		k.Extensies = []string{ext}
	}
	bestandskeuze.Opslaan(w, k, func(pad string) { Schrijf(w, titel, pad, schrijf) })
}

// Schrijf writes the file at pad behind a progress dialog and reports the
// outcome in a dialog: the file's full path, or what went wrong. The channel
// receives the error (nil on success) once the outcome is on screen.
func Schrijf(w fyne.Window, titel, pad string, schrijf Schrijver) <-chan error {
	balk := widget.NewProgressBar()
	melding := widget.NewLabel(fmt.Sprintf(lang.L("%s wordt gemaakt…"), filepath.Base(pad)))
	voortgang := dialog.NewCustomWithoutButtons(titel, container.NewVBox(melding, balk), w)
	voortgang.Show()
	klaar := make(chan error, 1)
	bezig.Add(1)
	uidraad.Go(func() {
		err := bestand.Schrijf(pad, func(f io.Writer) error {
			return schrijf(f, func(k, n int) {
				if n > 0 {
					doe(func() { balk.SetValue(float64(k) / float64(n)) })
				}
			})
		})
		bezig.Add(-1)
		doe(func() {
			voortgang.Hide()
			if err != nil {
				toonFout(w, fmt.Errorf(lang.L("%s is niet geschreven: %w"), filepath.Base(pad), err))
			} else {
				dialog.ShowInformation(titel, fmt.Sprintf(lang.L("Opgeslagen als %s"), pad), w)
			}
		})
		klaar <- err
	})
	return klaar
}

// toonFout logs an error and shows it.
func toonFout(w fyne.Window, err error) {
	fyne.LogError("uitvoer", err)
	dialog.ShowError(err, w)
}
