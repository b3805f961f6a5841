package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"jeugdmonitor/data/backup"
	"jeugdmonitor/data/store"
)

// backupInterval is how often the program checks whether today's backup is
// made, while it runs.
const backupInterval = time.Hour

// startDailyBackups makes today's backup of s now and checks every hour while
// s is the open database, until stop is closed. A read-only database gets
// none: it cannot change.
func (m *Main) startDailyBackups(s *store.Store) {
	if m.stopBackups != nil {
		close(m.stopBackups)
		m.stopBackups = nil
	}
	if s.ReadOnly() || m.sync {
		return
	}
	stop := make(chan struct{})
	m.stopBackups = stop
	go func() {
		ticker := time.NewTicker(backupInterval)
		defer ticker.Stop()
		for {
			path, err := backup.MakeDaily(s, time.Now())
			switch {
			case err != nil:
				fyne.LogError("dagelijkse reservekopie", err)
				m.do(func() {
					m.setStatus(lang.L("Dagelijkse reservekopie mislukt: {{.Fout}}", map[string]any{"Fout": err.Error()}))
				})
			case path != "":
				m.do(func() { m.dailyBackupMade(path) })
			}
			select {
			case <-stop:
				return
			case <-ticker.C:
			}
		}
	}()
}

// dailyBackupMade says in the status line that today's backup is at path,
// and lists it under Reservekopieën if that page is built: after opening
// or joining with the page in view, the list was read before the backup
// was there and said there were none.
func (m *Main) dailyBackupMade(path string) {
	m.setStatus(lang.L("Dagelijkse reservekopie gemaakt: {{.Pad}}", map[string]any{"Pad": path}))
	if len(m.screens) > pageInstellingen {
		if sc, ok := m.screens[pageInstellingen].(*instellingenScreen); ok {
			sc.backups.Refresh()
		}
	}
}

// showReadOnlyNotice tells the user why the database is open read-only (in
// use elsewhere, a read-only file or folder), in the status line and once in
// a dialog.
func (m *Main) showReadOnlyNotice(s *store.Store) {
	if s.Notice() == "" {
		return
	}
	msg := lang.L("Alleen-lezen geopend: {{.Reden}}. Wijzigingen worden niet opgeslagen.", map[string]any{"Reden": s.Notice()})
	m.setStatus(msg)
	if !m.sync {
		dialog.ShowInformation(lang.L("Alleen-lezen"), msg, m.win)
	}
}
