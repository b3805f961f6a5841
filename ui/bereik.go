package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
)

// bereikScreen is "Bereik invoeren": the form for one intervention and the
// grid for many interventions in one period, each on a tab.
type bereikScreen struct {
	m    *Main
	form *bereikForm
	bulk *bulkGrid
	tabs *container.AppTabs
}

func newBereikScreen(m *Main) *bereikScreen {
	s := &bereikScreen{m: m}
	s.buildUI()
	return s
}

func (s *bereikScreen) buildUI() {
	s.form = newBereikForm(s.m)
	s.bulk = newBulkGrid(s.m)
	s.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Eén interventie"), theme.DocumentCreateIcon(), s.form.Content()),
		container.NewTabItemWithIcon(lang.L("Meerdere interventies (tabel)"), theme.GridIcon(), s.bulk.Content()))
	s.tabs.OnSelected = func(*container.TabItem) { s.onSearch() }
}

// Content is the screen's canvas object.
func (s *bereikScreen) Content() fyne.CanvasObject { return s.tabs }

// Refresh reads the interventions again for both tabs.
func (s *bereikScreen) Refresh() {
	s.form.Refresh()
	s.bulk.Refresh()
}

func (s *bereikScreen) onBulk() bool { return s.tabs.SelectedIndex() == 1 }

// onSearch puts the cursor in the first field of the tab on show.
func (s *bereikScreen) onSearch() {
	if s.onBulk() {
		s.m.win.Canvas().Focus(s.bulk.periode)
		return
	}
	s.m.win.Canvas().Focus(s.form.interventie)
}

// onNew starts a new entry: an empty form.
func (s *bereikScreen) onNew() {
	s.tabs.SelectIndex(0)
	s.form.Cancel()
}

func (s *bereikScreen) onSave() {
	if s.onBulk() {
		s.bulk.onSave()
		return
	}
	s.form.onSave()
}

func (s *bereikScreen) onUndo() bool { return !s.onBulk() && s.form.onUndo() }

func (s *bereikScreen) forgetUndos() { s.form.forgetUndos() }

func (s *bereikScreen) Cancel() {
	if s.onBulk() {
		s.bulk.Cancel()
		return
	}
	s.form.Cancel()
}

func (s *bereikScreen) dirty() bool { return s.form.dirty() || s.bulk.dirty() }
