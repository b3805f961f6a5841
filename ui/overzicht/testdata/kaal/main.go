// Command kaal is a bare Fyne window, the yardstick of the start-up benchmark:
// it prints "eerste beeld" once its window is up.
package main

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.New()
	w := a.NewWindow("kaal")
	w.SetContent(widget.NewLabel("Kaal venster"))
	w.Resize(fyne.NewSize(1280, 720))
	go fyne.Do(func() { fmt.Fprintln(os.Stderr, "eerste beeld") })
	w.ShowAndRun()
}
