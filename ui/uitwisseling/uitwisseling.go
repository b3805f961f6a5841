// Package uitwisseling holds the dialogs that exchange data with other
// programs: the import wizard for spreadsheets and CBS StatLine files, the
// export dialog, and backup and restore of the whole database. Work on files
// and the database runs off the UI goroutine; widgets change only through
// uidraad.Doe (fyne.Do).
package uitwisseling

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"jeugdmonitor/ui/uidraad"
)

// worker runs background work and then a UI update; tests set sync so both
// run at once on the calling goroutine.
type worker struct {
	sync bool
}

// run does work off the UI goroutine and then applies its result on it.
func (wk *worker) run(work func(), then func()) {
	if wk.sync {
		work()
		then()
		return
	}
	uidraad.Go(func() {
		work()
		uidraad.Doe(then)
	})
}

// showError logs an error and shows it in the window.
func showError(context string, err error, w fyne.Window) {
	fyne.LogError(context, err)
	dialog.ShowError(err, w)
}
