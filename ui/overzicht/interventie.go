package overzicht

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/dashboard"
	"jeugdmonitor/ui/uidraad"
)

// BereikInterventie names the chart of one intervention's reach against its
// target, whose tile menu chooses the intervention.
const BereikInterventie = "bereik-interventie"

// InterventieKiezen is the tile menu's item that chooses the intervention.
const InterventieKiezen = "Interventie kiezen…"

// automatisch is the choice that leaves the intervention to the chart.
const automatisch = "Automatisch: de interventie met het recentste bereik tegenover een doelstelling"

// InterventieKeuze is the open choice of the intervention of the reach
// chart, or nil.
func (s *Screen) InterventieKeuze() *widget.Select { return s.interventieKeuze }

// toonInterventieKeuze lists the interventions with reach per year in the
// chosen years (read off the UI goroutine) and shows them to choose from;
// the choice redraws the chart at once.
func (s *Screen) toonInterventieKeuze() {
	o := s.Opties()
	uidraad.Go(func() {
		namen, err := dashboard.Interventiekeuzes(s.store, o)
		if err != nil {
			s.fout(err)
			return
		}
		s.ui(func() {
			keuze := widget.NewSelect(append([]string{automatisch}, namen...), nil)
			keuze.SetSelected(automatisch)
			if o.Interventie != "" {
				keuze.SetSelected(o.Interventie)
			}
			keuze.OnChanged = func(naam string) {
				if naam == automatisch {
					naam = ""
				}
				s.KiesInterventie(naam)
			}
			uitleg := widget.NewLabel("Welke interventie toont de grafiek \"Bereik tegenover doelstelling\"? " +
				"De keuze blijft bewaard bij deze database en geldt ook voor het rapport; de grafiek toont de interventie in haar standaardmaat (Maat kiezen… kiest een andere).")
			uitleg.Wrapping = fyne.TextWrapWord
			d := dialog.NewCustom("Interventie voor de grafiek", "Sluiten", container.NewVBox(uitleg, keuze), s.window)
			d.SetOnClosed(func() { s.interventieKeuze = nil })
			d.Resize(fyne.NewSize(560, 220))
			s.interventieKeuze = keuze
			d.Show()
		})
	})
}

// KiesInterventie shows the reach chart for the named intervention ("": the
// chart picks one) in its default measure and remembers the choice with the
// database.
func (s *Screen) KiesInterventie(naam string) {
	s.mu.Lock()
	s.keuze.Interventie, s.keuze.Maat = naam, ""
	s.mu.Unlock()
	s.Status.SetText("Grafieken worden getekend…")
	uidraad.Go(func() {
		if err := dashboard.OnthoudInterventie(s.store, naam); err != nil {
			s.fout(err)
			return
		}
		s.Refresh()
	})
}
