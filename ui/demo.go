package ui

import (
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2/lang"

	"jeugdmonitor/data/dashboard"
	"jeugdmonitor/data/store"
	"jeugdmonitor/ui/bestandskeuze"
	"jeugdmonitor/ui/uitwisseling"
)

// importWizard opens the import of a CBS download, Excel or CSV file into
// the open database (the menu and the dashboard's Begin hier panel).
func (m *Main) importWizard() {
	if m.store != nil {
		uitwisseling.NewImportWizard(m.store, m.win, m.reload).Show()
	}
}

// openDemo makes a separate demonstration database (fictitious figures, every
// chart marked DEMO) in a file the user names, beside the open database, and
// opens it; an existing file is refused, never replaced.
func (m *Main) openDemo() {
	k := bestandskeuze.Keuze{Titel: lang.L("Demodatabase maken"), Naam: "jeugdmonitor-demo.db", Extensies: dbExtensies, Nieuw: true}
	if m.store != nil {
		k.Map = filepath.Dir(m.store.Path())
	}
	bestandskeuze.Opslaan(m.win, k, func(path string) {
		m.setStatus(lang.L("Demodatabase wordt gemaakt…"))
		m.background(func() error { return maakDemo(path) }, func(err error) {
			if err != nil {
				m.showError(err)
				return
			}
			m.openDatabase(path, false)
		})
	})
}

// maakDemo writes a new demonstration database at path: whole or not at all.
func maakDemo(path string) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf(lang.L("%s bestaat al en wordt niet overschreven; kies een andere naam."), path)
	}
	s, err := store.Open(path, store.Options{Create: true})
	if err != nil {
		return err
	}
	abs := s.Path()
	err = dashboard.VulDemo(s)
	s.Close()
	if err != nil {
		store.Remove(abs)
	}
	return err
}
