package ui

import (
	"jeugdmonitor/data/dashboard"
	"jeugdmonitor/ui/overzicht"
	"jeugdmonitor/ui/rapport"
	"jeugdmonitor/ui/uitvoer"
)

// report asks which presentation to write as report in format f (PDF or
// PowerPoint), for the years the dashboard shows.
func (m *Main) report(f rapport.Formaat) {
	if m.store == nil {
		return
	}
	var o dashboard.Opties
	if m.screens != nil {
		if sc, ok := m.screens[pageOverzicht].(*overzicht.Screen); ok {
			o = sc.Opties()
		}
	}
	uitvoer.ToonRapport(m.store, m.win, f, o)
}
