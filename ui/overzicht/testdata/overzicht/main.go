// Command overzicht opens a database and shows only the Overzicht, for the
// start-up benchmark: it prints "eerste beeld" once its window is up and the
// Overzicht prints its own line when every chart is drawn.
package main

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"jeugdmonitor/data/store"
	"jeugdmonitor/ui/overzicht"
)

func main() {
	a := app.New()
	w := a.NewWindow("overzicht")
	s, err := store.Open(os.Args[1], store.Options{ReadOnly: true})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	sc := overzicht.New(s, w)
	w.SetContent(sc.Content())
	w.Resize(fyne.NewSize(1280, 720))
	sc.Refresh()
	go fyne.Do(func() { fmt.Fprintln(os.Stderr, "eerste beeld") })
	w.ShowAndRun()
}
