package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/team"
)

// onSync synchronises the open database with the team database it
// remembers, off the UI goroutine, with each step in the status line; new
// conflicts open the Conflicten view.
func (m *Main) onSync() {
	if m.store == nil {
		return
	}
	s := m.store
	var res team.Resultaat
	var noTeam bool
	m.setStatus(lang.L("Synchroniseren met het team…"))
	m.background(func() error {
		dsn, ok, err := team.SavedServer(s)
		if err != nil || !ok {
			noTeam = !ok
			return err
		}
		srv, err := team.Connect(dsn)
		if err != nil {
			return err
		}
		defer srv.Close()
		res, err = team.Sync(s, srv, func(step string) { m.do(func() { m.setStatus(step) }) })
		return err
	}, func(err error) {
		switch {
		case err != nil:
			m.setStatus(lang.L("Synchroniseren mislukt"))
			m.showError(err)
		case noTeam:
			m.setStatus("")
			dialog.ShowInformation(lang.L("Synchroniseren"), lang.L("Deze database hoort niet bij een team. "+
				"Een team begint met 'jeugdmonitor team init'; een collega koppelt met 'jeugdmonitor team koppel' "+
				"(zie de README, Team)."), m.win)
		default:
			m.setStatus(fmt.Sprintf(lang.L("Gesynchroniseerd: %d verstuurd, %d ontvangen, %d nieuwe conflicten"),
				res.Verzonden, res.Ontvangen, res.Conflicten))
			m.reload()
			if res.Conflicten > 0 {
				m.showConflicts()
			}
		}
	})
}

// conflictsView lists the open conflicts, each with both values and a
// button per value to keep it.
type conflictsView struct {
	m    *Main
	list *fyne.Container
	// buttons are the keep buttons by conflict number (tests tap them)
	buttons map[uint][2]*widget.Button
}

// showConflicts opens the Conflicten view on the open database.
func (m *Main) showConflicts() *conflictsView {
	if m.store == nil {
		return nil
	}
	v := &conflictsView{m: m, list: container.NewVBox()}
	d := dialog.NewCustom(lang.L("Conflicten"), lang.L("Sluiten"), container.NewVScroll(v.list), m.win)
	v.refresh()
	d.Show()
	d.Resize(fyne.NewSize(900, 500))
	return v
}

// refresh reads the open conflicts again and shows them.
func (v *conflictsView) refresh() {
	var list []team.Conflict
	v.m.background(func() (err error) {
		list, err = team.OpenConflicten(v.m.store)
		return err
	}, func(err error) {
		if err != nil {
			v.m.showError(err)
			return
		}
		v.buttons = map[uint][2]*widget.Button{}
		v.list.RemoveAll()
		if len(list) == 0 {
			v.list.Add(widget.NewLabel(lang.L("Geen open conflicten.")))
		}
		for _, c := range list {
			text := widget.NewLabel(c.Omschrijving())
			text.Wrapping = fyne.TextWrapWord
			first := widget.NewButton(lang.L("Eerste houden"), func() { v.keep(c.ID, team.KeuzeEerste) })
			second := widget.NewButton(lang.L("Tweede houden"), func() { v.keep(c.ID, team.KeuzeTweede) })
			v.buttons[c.ID] = [2]*widget.Button{first, second}
			v.list.Add(container.NewBorder(nil, nil, nil, container.NewHBox(first, second), text))
		}
		v.list.Refresh()
	})
}

// keep resolves a conflict by keeping one value.
func (v *conflictsView) keep(id uint, keuze string) {
	v.m.background(func() error { return team.Resolve(v.m.store, id, keuze) }, func(err error) {
		if err != nil {
			v.m.showError(err)
			return
		}
		v.m.setStatus(lang.L("Conflict opgelost; synchroniseer om het team dit te laten weten"))
		v.m.reload()
		v.refresh()
	})
}
