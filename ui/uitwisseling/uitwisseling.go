// Package uitwisseling holds the dialogs that exchange data with other
// programs: the import wizard for spreadsheets and CBS StatLine files, the
// export dialog, and backup and restore of the whole database. Work on files
// and the database runs off the UI goroutine; widgets change only in fyne.Do.
package uitwisseling

import (
	"errors"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
)

// worker runs background work and then a UI update; tests set sync so both
// run at once on the calling goroutine.
type worker struct {
	sync bool
}

// run does work off the UI goroutine and then applies its result in fyne.Do.
func (wk *worker) run(work func(), then func()) {
	if wk.sync {
		work()
		then()
		return
	}
	go func() {
		work()
		fyne.Do(then)
	}()
}

// showError logs an error and shows it in the window.
func showError(context string, err error, w fyne.Window) {
	fyne.LogError(context, err)
	dialog.ShowError(err, w)
}

// filter limits a file dialog to extensions.
func filter(exts ...string) storage.FileFilter {
	return storage.NewExtensionFileFilter(exts)
}

// removeEmpty removes a file only when it is empty (as a save dialog leaves
// it), so an existing backup is never overwritten.
func removeEmpty(path string) error {
	info, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if info.Size() > 0 {
		return fmt.Errorf(lang.L("%s bestaat al; een reservekopie overschrijft geen bestaand bestand"), path)
	}
	return os.Remove(path)
}
