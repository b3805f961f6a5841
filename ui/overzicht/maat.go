package overzicht

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/dashboard"
	"jeugdmonitor/ui/uidraad"
)

// MaatKiezen is the tile menu's item that chooses the measure of the
// intervention the reach chart shows; with a reason after it while there is
// nothing to choose (see maatMenuTekst).
const MaatKiezen = "Maat kiezen…"

// MaatKeuze is the open choice of the reach chart's measure, or nil.
func (s *Screen) MaatKeuze() *widget.Select { return s.maatKeuze }

// MaatMenu is the tile menu's item Maat kiezen….
func (s *Screen) MaatMenu() *fyne.MenuItem { return s.maatMenu }

// maatKeuzeVan is the measure choice of the reach chart drawn last.
func (s *Screen) maatKeuzeVan() dashboard.Maatkeuze {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, g := range s.grafieken {
		if g.Naam == BereikInterventie {
			return g.Maatkeuze
		}
	}
	return dashboard.Maatkeuze{}
}

// maatMenuTekst is the label of Maat kiezen… and, when there is nothing to
// choose, why not; the label then says it in short: only an intervention
// with more than one measure has a choice.
func maatMenuTekst(k dashboard.Maatkeuze) (label, waaromNiet string) {
	switch {
	case len(k.Maten) > 1:
		return MaatKiezen, ""
	case len(k.Maten) == 1:
		return MaatKiezen + " (maar één maat: " + k.Maten[0].Naam + ")", k.Interventie + " heeft één maat: " + k.Maten[0].Label()
	}
	waaromNiet = "de grafiek toont nog geen interventie met bereik"
	return MaatKiezen + " (" + waaromNiet + ")", waaromNiet
}

// werkMaatMenuBij sets Maat kiezen… for the chart drawn last, before the
// tile's menu opens: disabled, with the reason, while there is no choice.
func (s *Screen) werkMaatMenuBij() {
	label, waaromNiet := maatMenuTekst(s.maatKeuzeVan())
	s.maatMenu.Label, s.maatMenu.Disabled = label, waaromNiet != ""
}

// toonMaatKeuze shows the measures of the intervention the reach chart
// shows, with the default first; the choice redraws the chart at once.
func (s *Screen) toonMaatKeuze() {
	k := s.maatKeuzeVan()
	if _, waaromNiet := maatMenuTekst(k); waaromNiet != "" {
		dialog.ShowInformation("Maat voor de grafiek", "Er is geen maat te kiezen: "+waaromNiet+".", s.window)
		return
	}
	standaard := "Standaard: " + k.Standaard
	opties := []string{standaard}
	for _, m := range k.Maten {
		opties = append(opties, m.Label())
	}
	keuze := widget.NewSelect(opties, nil)
	keuze.SetSelected(standaard)
	if gekozen := s.Opties().Maat; strings.EqualFold(gekozen, k.Maat) {
		if i := slices.IndexFunc(k.Maten, func(m dashboard.KeuzeMaat) bool { return m.Naam == k.Maat }); i >= 0 {
			keuze.SetSelected(k.Maten[i].Label())
		}
	}
	keuze.OnChanged = func(label string) {
		naam := ""
		if i := slices.IndexFunc(k.Maten, func(m dashboard.KeuzeMaat) bool { return m.Label() == label }); i >= 0 {
			naam = k.Maten[i].Naam
		}
		s.KiesMaat(k.Interventie, naam)
	}
	uitleg := widget.NewLabel("Welke maat van " + k.Interventie + " toont de grafiek \"Bereik tegenover doelstelling\"? " +
		"De standaard is de maat van de laatste doelstelling, anders die met de meeste cijfers. " +
		"De keuze blijft bewaard bij deze database, samen met de interventie, en geldt ook voor het rapport; " +
		"een andere interventie kiezen zet de maat terug op de standaard.")
	uitleg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("Maat voor de grafiek", "Sluiten", container.NewVBox(uitleg, keuze), s.window)
	d.SetOnClosed(func() { s.maatKeuze = nil })
	d.Resize(fyne.NewSize(560, 260))
	s.maatKeuze = keuze
	d.Show()
}

// KiesMaat shows the reach chart for the named measure of the intervention
// ("": its default measure) and remembers both with the database.
func (s *Screen) KiesMaat(interventie, maat string) {
	s.mu.Lock()
	s.keuze.Interventie, s.keuze.Maat = interventie, maat
	s.mu.Unlock()
	s.Status.SetText("Grafieken worden getekend…")
	uidraad.Go(func() {
		if err := dashboard.OnthoudMaat(s.store, interventie, maat); err != nil {
			s.fout(err)
			return
		}
		s.Refresh()
	})
}
