package overzicht

import (
	"fmt"
	"image"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/dashboard"
	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/dutchnum"
	"jeugdmonitor/data/store"
	"jeugdmonitor/ui/rapport"
	"jeugdmonitor/ui/uidraad"
	"jeugdmonitor/ui/uitvoer"
)

// nieuwePresentatie is the choice of a new, unsaved presentation.
const nieuwePresentatie = "(nieuwe presentatie)"

// Kiezer chooses and orders the slides of a presentation, saves it by name
// and starts it.
type Kiezer struct {
	// Opgeslagen picks a saved presentation to load.
	Opgeslagen *widget.Select
	Naam       *widget.Entry
	// Toevoegen appends a chart to the slides.
	Toevoegen *widget.Select
	// Lijst shows the slides in order; the selected one moves or goes.
	Lijst               *widget.List
	Omhoog, Omlaag, Weg *escKnop
	Opslaan, Start      *escKnop
	// Rapport and PowerPoint write the saved presentation as PDF report
	// or as .pptx.
	Rapport, PowerPoint *escKnop
	// MetLege shows, and writes, charts without figures for the chosen
	// years too; without it they are left out.
	MetLege     *widget.Check
	Melding     *widget.Label
	Dias        []string
	Gekozen     int
	Dialoog     *dialog.CustomDialog
	Presentatie *Presentatie
	titels      map[string]string
	namen       []string
	bewaard     store.Presentatie // as loaded or saved last
}

// Kiezer is the slide chooser that is open, or nil.
func (s *Screen) Kiezer() *Kiezer { return s.kiezer }

// Presenteer opens the slide chooser with every chart of the dashboard that
// has figures for the chosen years, with the keyboard focus on Starten: Space
// starts, Tab reaches everything else.
func (s *Screen) Presenteer() {
	k := &Kiezer{Naam: widget.NewEntry(), Melding: widget.NewLabel(""), Gekozen: -1, titels: map[string]string{}}
	leeg := s.zonderCijfers()
	var titles []string
	for _, g := range dashboard.Grafieken() {
		k.titels[g.Naam] = g.Titel
		if !leeg[g.Naam] {
			k.Dias = append(k.Dias, g.Naam)
		}
		titles = append(titles, g.Titel)
	}
	k.MetLege = widget.NewCheck(fmt.Sprintf("Ook grafieken zonder cijfers (%d)", len(leeg)), func(aan bool) { k.metLege(aan, leeg) })
	if len(leeg) == 0 {
		k.MetLege.Disable() // every chart has figures: nothing to add
	}
	switch n := len(leeg); {
	case n == 1:
		k.Melding.SetText(fmt.Sprintf("1 grafiek zonder cijfers voor %s blijft weg.", s.jarenTekst()))
	case n > 1:
		k.Melding.SetText(fmt.Sprintf("%d grafieken zonder cijfers voor %s blijven weg.", n, s.jarenTekst()))
	}
	k.Naam.SetPlaceHolder("Naam, bijvoorbeeld Raadsvergadering 12 december")
	k.Toevoegen = widget.NewSelect(titles, func(t string) { s.kiezerVoegToe(k, t) })
	k.Toevoegen.PlaceHolder = "Grafiek toevoegen…"
	k.Lijst = widget.NewList(func() int { return len(k.Dias) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(fmt.Sprintf("%d. %s", i+1, k.titels[k.Dias[i]]))
		})
	k.Lijst.OnSelected = func(i widget.ListItemID) { k.Gekozen = i }
	sluit := func() { k.Dialoog.Hide() }
	k.Omhoog = newEscKnop("Omhoog", theme.MoveUpIcon(), func() { k.verplaats(-1) }, sluit)
	k.Omlaag = newEscKnop("Omlaag", theme.MoveDownIcon(), func() { k.verplaats(1) }, sluit)
	k.Weg = newEscKnop("Weghalen", theme.DeleteIcon(), k.weg, sluit)
	k.Opslaan = newEscKnop("Opslaan", theme.DocumentSaveIcon(), func() { s.kiezerOpslaan(k) }, sluit)
	k.Start = newEscKnop("Starten", theme.MediaPlayIcon(), func() { s.kiezerStart(k) }, sluit)
	k.Rapport = newEscKnop("Rapport (PDF)…", theme.DocumentPrintIcon(), func() { s.kiezerRapport(k, rapport.PDF) }, sluit)
	k.PowerPoint = newEscKnop("PowerPoint (.pptx)…", theme.DocumentSaveIcon(), func() { s.kiezerRapport(k, rapport.PPTX) }, sluit)
	k.Opgeslagen = widget.NewSelect(nil, func(naam string) { s.kiezerLaad(k, naam) })
	k.Opgeslagen.PlaceHolder = "Kies een opgeslagen presentatie"
	s.kiezerVulOpgeslagen(k)
	top := container.NewVBox(widget.NewForm(widget.NewFormItem("Opgeslagen", k.Opgeslagen), widget.NewFormItem("Naam", k.Naam)), k.Toevoegen)
	bottom := container.NewVBox(container.NewHBox(k.Omhoog, k.Omlaag, k.Weg), k.MetLege, k.Melding, container.NewHBox(k.Opslaan, k.Start, k.Rapport, k.PowerPoint))
	k.Dialoog = dialog.NewCustom("Presentatie samenstellen", "Sluiten", container.NewBorder(top, bottom, nil, nil, k.Lijst), s.window)
	k.Dialoog.SetOnClosed(func() { s.kiezer = nil })
	k.Dialoog.Resize(fyne.NewSize(640, 620))
	s.kiezer = k
	k.Dialoog.Show()
	s.window.Canvas().Focus(k.Start)
}

// Cancel closes the slide chooser or the enlarged chart, whichever is
// open (Escape with nothing focused).
func (s *Screen) Cancel() {
	if s.kiezer != nil {
		s.kiezer.Dialoog.Hide()
	}
	if s.vergroting != nil {
		s.vergroting.Dialoog.Hide()
	}
}

// escKnop is a button of the chooser on which Escape closes the chooser:
// the keyboard focus rests on one (Starten when it opens), and a focused
// widget gets every key.
type escKnop struct {
	widget.Button
	onEscape func()
}

func newEscKnop(label string, icon fyne.Resource, tapped, escape func()) *escKnop {
	b := &escKnop{onEscape: escape}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey closes the chooser on Escape and is a button's otherwise.
func (b *escKnop) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		b.onEscape()
		return
	}
	b.Button.TypedKey(k)
}

// kiezerVulOpgeslagen lists the saved presentations, read off the UI goroutine.
func (s *Screen) kiezerVulOpgeslagen(k *Kiezer) {
	var saved []store.Presentatie
	s.achtergrond(func() (err error) {
		saved, err = s.store.Presentaties()
		return err
	}, func(err error) {
		if err != nil {
			k.Melding.SetText("Fout: " + err.Error())
			return
		}
		k.namen = []string{nieuwePresentatie}
		for _, p := range saved {
			k.namen = append(k.namen, p.Naam)
		}
		k.Opgeslagen.SetOptions(k.namen)
	})
}

// achtergrond runs work off the UI goroutine and then klaar on it with
// work's error.
func (s *Screen) achtergrond(work func() error, klaar func(error)) {
	uidraad.Go(func() {
		err := work()
		s.ui(func() { klaar(err) })
	})
}

func (s *Screen) kiezerVoegToe(k *Kiezer, title string) {
	for naam, t := range k.titels {
		if t == title {
			k.Dias = append(k.Dias, naam)
		}
	}
	k.Toevoegen.ClearSelected()
	k.Lijst.Refresh()
}

// verplaats moves the selected slide up (-1) or down (1).
func (k *Kiezer) verplaats(d int) {
	i, j := k.Gekozen, k.Gekozen+d
	if i < 0 || j < 0 || j >= len(k.Dias) {
		return
	}
	k.Dias[i], k.Dias[j] = k.Dias[j], k.Dias[i]
	k.Lijst.Refresh()
	k.Lijst.Select(j)
}

// weg removes the selected slide.
func (k *Kiezer) weg() {
	if k.Gekozen < 0 || k.Gekozen >= len(k.Dias) {
		return
	}
	k.Dias = slices.Delete(k.Dias, k.Gekozen, k.Gekozen+1)
	k.Lijst.UnselectAll()
	k.Gekozen = -1
	k.Lijst.Refresh()
}

// kiezerLaad loads a saved presentation's name and slides.
func (s *Screen) kiezerLaad(k *Kiezer, naam string) {
	if naam == nieuwePresentatie || naam == "" {
		return
	}
	var p store.Presentatie
	s.achtergrond(func() (err error) {
		p, err = s.store.PresentatieByNaam(naam)
		return err
	}, func(err error) {
		if err != nil {
			k.Melding.SetText("Fout: " + err.Error())
			return
		}
		k.Naam.SetText(p.Naam)
		k.Dias = slices.Clone(p.Dias)
		k.bewaard = p
		k.Lijst.Refresh()
	})
}

// kiezerOpslaan saves the slides under the name, replacing a presentation
// of the same name.
func (s *Screen) kiezerOpslaan(k *Kiezer) {
	p := store.Presentatie{Naam: k.Naam.Text, Dias: slices.Clone(k.Dias)}
	s.achtergrond(func() error { return s.store.SavePresentatieOnderNaam(&p) }, func(err error) {
		if problems := domain.FieldProblems(err); problems != nil {
			k.Melding.SetText(problems[0].Veld + ": " + problems[0].Melding)
			return
		}
		if err != nil {
			dialog.ShowError(err, s.window)
			return
		}
		k.Melding.SetText(fmt.Sprintf("Opgeslagen: %s (%d dia's)", p.Naam, len(p.Dias)))
		k.bewaard = p
		s.kiezerVulOpgeslagen(k)
	})
}

// kiezerRapport writes the saved presentation as PDF report or PowerPoint;
// slides that are not saved yet are not in it, so it asks to save first.
func (s *Screen) kiezerRapport(k *Kiezer, f rapport.Formaat) {
	if k.bewaard.Naam == "" || strings.TrimSpace(k.Naam.Text) != strings.TrimSpace(k.bewaard.Naam) || !slices.Equal(k.Dias, k.bewaard.Dias) {
		k.Melding.SetText("Sla de presentatie eerst op: het rapport en PowerPoint nemen de opgeslagen dia's.")
		return
	}
	uitvoer.Rapport(s.store, s.window, f, k.bewaard.Naam, s.Opties(), k.MetLege.Checked)
}

// kiezerStart starts the presentation of the chosen slides.
func (s *Screen) kiezerStart(k *Kiezer) {
	if len(k.Dias) == 0 {
		k.Melding.SetText("Kies ten minste één grafiek.")
		return
	}
	s.mu.Lock()
	built := s.grafieken
	s.mu.Unlock()
	var dias []dashboard.Grafiek
	var beelden []image.Image
	overgeslagen := 0
	for _, naam := range k.Dias {
		i := slices.IndexFunc(built, func(g dashboard.Grafiek) bool { return g.Naam == naam })
		if i < 0 {
			k.Melding.SetText("De grafieken zijn nog niet klaar; probeer het zo opnieuw.")
			return
		}
		if !k.MetLege.Checked && !built[i].HeeftGegevens() {
			overgeslagen++
			continue
		}
		dias = append(dias, built[i])
		beelden = append(beelden, s.Kaarten[i].Beeld.Image)
	}
	if len(dias) == 0 {
		k.Melding.SetText("Geen van deze grafieken heeft cijfers voor " + s.jarenTekst() + "; vink 'Ook grafieken zonder cijfers' aan om ze toch te tonen.")
		return
	}
	if overgeslagen > 0 {
		k.Melding.SetText(dutchnum.Aantal(overgeslagen, "dia", "dia's") + " zonder cijfers voor " + s.jarenTekst() +
			" overgeslagen; vink 'Ook grafieken zonder cijfers' aan om ze te tonen.")
	}
	k.Presentatie = s.presenteer(dias, beelden)
}

// metLege adds the charts without figures to the slides (at the end) or
// takes them out again.
func (k *Kiezer) metLege(aan bool, leeg map[string]bool) {
	if aan {
		for _, g := range dashboard.Grafieken() {
			if leeg[g.Naam] && !slices.Contains(k.Dias, g.Naam) {
				k.Dias = append(k.Dias, g.Naam)
			}
		}
	} else {
		k.Dias = slices.DeleteFunc(k.Dias, func(naam string) bool { return leeg[naam] })
	}
	k.Lijst.UnselectAll()
	k.Gekozen = -1
	k.Lijst.Refresh()
}

// zonderCijfers names the charts drawn last that have no figures.
func (s *Screen) zonderCijfers() map[string]bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]bool{}
	for _, g := range s.grafieken {
		if !g.HeeftGegevens() {
			out[g.Naam] = true
		}
	}
	return out
}

// jarenTekst writes the chosen years: "2020-2024".
func (s *Screen) jarenTekst() string {
	o := s.Opties()
	return fmt.Sprintf("%d-%d", o.Van, o.Tot)
}
