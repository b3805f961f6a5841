package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/backup"
	"jeugdmonitor/data/dutchnum"
	"jeugdmonitor/ui/overzicht"
	"jeugdmonitor/ui/uitwisseling"
)

// backupList shows the backups beside the open database (date, reason,
// size) and restores a chosen one after showing what it holds; the current
// database is kept as a backup of its own first.
type backupList struct {
	m             *Main
	items         []backup.Info
	list          *widget.List
	restoreButton *widget.Button
	empty         *widget.Label
	selected      int
	content       fyne.CanvasObject
	// resized lays the page out again when the list's height changed (set
	// by the page).
	resized func()
}

func newBackupList(m *Main) *backupList {
	b := &backupList{m: m, selected: -1, resized: func() {}}
	b.buildUI()
	return b
}

func (b *backupList) buildUI() {
	b.list = widget.NewList(
		func() int { return len(b.items) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(describeBackup(b.items[id]))
		})
	b.list.OnSelected = func(id widget.ListItemID) {
		b.selected = id
		b.restoreButton.Enable()
	}
	b.restoreButton = widget.NewButtonWithIcon(lang.L("Gekozen reservekopie terugzetten…"), theme.HistoryIcon(), b.onRestore)
	b.restoreButton.Disable()
	b.empty = widget.NewLabel(lang.L("Nog geen reservekopieën van deze database."))
	b.content = container.NewBorder(nil, container.NewHBox(b.restoreButton), nil, nil,
		container.New(givenHeight(b.height), b.list, container.NewVBox(b.empty)))
}

// maxBackupRows is the most rows the list of backups shows at once; it
// scrolls through more.
const maxBackupRows = 5

// height is the list's height for its rows: one per backup (one for the
// line saying there are none), at most maxBackupRows, so that the sections
// below it are not pushed out of view by empty space.
func (b *backupList) height() float32 {
	rows := float32(min(max(len(b.items), 1), maxBackupRows))
	// the list puts a padding between its rows, which are labels as b.empty is
	return rows*b.empty.MinSize().Height + (rows-1)*theme.Padding()
}

// describeBackup is one line of the list: "22-11-2026 09:00 · dagelijks · 1,2 MB".
func describeBackup(i backup.Info) string {
	return fmt.Sprintf("%s · %s · %s", i.Made.Format("02-01-2006 15:04"), i.Reason, fileSize(i.Size))
}

// fileSize writes a file's size as people read it: whole kB (rounded up, so
// a small copy never shows as nothing) below one MB, else MB with one decimal.
func fileSize(n int64) string {
	if n < 1<<20 {
		return dutchnum.Format(float64((n+1023)/1024), 0) + " kB"
	}
	return dutchnum.Format(float64(n)/(1<<20), 1) + " MB"
}

// Refresh reads the list of backups again, off the UI goroutine.
func (b *backupList) Refresh() {
	if b.m.store == nil {
		return
	}
	path := b.m.store.Path()
	var items []backup.Info
	b.m.load(func() (err error) {
		items, err = backup.List(path)
		return err
	}, func() {
		b.items, b.selected = items, -1
		b.empty.Hidden = len(items) > 0
		b.empty.Refresh()
		b.list.UnselectAll()
		b.restoreButton.Disable()
		b.list.Refresh()
		b.resized()
	})
}

// onRestore shows what the chosen backup holds and restores it on approval.
func (b *backupList) onRestore() {
	if b.selected < 0 || b.selected >= len(b.items) || b.m.store == nil {
		return
	}
	b.m.restoreDialog().Confirm(b.items[b.selected].Path)
}

// restoreDialog restores a backup over the open database: it closes the
// database first (the dashboard stops reading it) and opens the restored
// file afterwards.
func (m *Main) restoreDialog() *uitwisseling.RestoreDialog {
	target, s := m.store.Path(), m.store
	dashboard, _ := m.screenIfBuilt(pageOverzicht).(*overzicht.Screen)
	closeStore := func() error { // on the restore's goroutine
		if dashboard != nil {
			dashboard.Stop()
		}
		return s.Close()
	}
	return uitwisseling.NewRestoreDialog(target, m.win, closeStore, func() { m.openDatabase(target, false) })
}
