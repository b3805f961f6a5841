package uitvoer

import (
	"errors"
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/dashboard"
	"jeugdmonitor/data/store"
	"jeugdmonitor/ui/rapport"
	"jeugdmonitor/ui/uidraad"
)

// Knop is what the menu and the buttons call writing a report in format f.
func Knop(f rapport.Formaat) string {
	if f == rapport.PPTX {
		return lang.L("Presentatie opslaan als PowerPoint (.pptx)…")
	}
	return lang.L("Rapport voor de raad (PDF)…")
}

// Titel is the title of the dialogs that write a report in format f.
func Titel(f rapport.Formaat) string {
	if f == rapport.PPTX {
		return lang.L("Presentatie als PowerPoint")
	}
	return lang.L("Rapport voor de raad")
}

// RapportDialoog asks which saved presentation (or every chart of the
// dashboard) goes into the report, then lets the user choose the file.
// o are the years of the charts (the database's default years when o.Tot is
// 0). Its fields are reachable for tests.
type RapportDialoog struct {
	Keuze *widget.Select
	// MetLege takes charts without figures into the report too.
	MetLege *widget.Check
	Dialoog *dialog.ConfirmDialog
	// Geladen is closed once the saved presentations are in Keuze.
	Geladen chan struct{}
}

// ToonRapport opens the choice of presentation for a report in format f.
func ToonRapport(s *store.Store, w fyne.Window, f rapport.Formaat, o dashboard.Opties) *RapportDialoog {
	r := &RapportDialoog{Geladen: make(chan struct{})}
	alle := rapport.AlleGrafieken
	r.Keuze = widget.NewSelect([]string{alle}, nil)
	r.Keuze.SetSelected(alle)
	r.MetLege = widget.NewCheck(lang.L("Ook grafieken zonder cijfers"), nil)
	uitleg := widget.NewLabel(lang.L("Kies een opgeslagen presentatie (samen te stellen met Presenteren…) of alle grafieken; daarna de plaats van het bestand. Grafieken zonder cijfers voor de gekozen jaren blijven weg, tenzij u ze aanvinkt."))
	uitleg.Wrapping = fyne.TextWrapWord
	r.Dialoog = dialog.NewCustomConfirm(Titel(f), lang.L("Opslaan als…"), lang.L("Annuleren"),
		widget.NewForm(widget.NewFormItem(lang.L("Presentatie"), r.Keuze), widget.NewFormItem("", r.MetLege), widget.NewFormItem("", uitleg)), func(ok bool) {
			if ok {
				naam := r.Keuze.Selected
				if naam == alle {
					naam = ""
				}
				Rapport(s, w, f, naam, o, r.MetLege.Checked)
			}
		}, w)
	r.Dialoog.Resize(fyne.NewSize(560, r.Dialoog.MinSize().Height))
	r.Dialoog.Show()
	uidraad.Go(func() {
		saved, err := s.Presentaties()
		doe(func() {
			defer close(r.Geladen)
			if err != nil {
				toonFout(w, err)
				return
			}
			opties := []string{alle}
			for _, p := range saved {
				opties = append(opties, p.Naam)
			}
			r.Keuze.SetOptions(opties)
		})
	})
	return r
}

// Rapport writes the report of the saved presentation naam (every chart of
// the dashboard when naam is empty) in format f, to a file chosen in the
// file chooser. Charts without figures are left out unless metLege is set.
func Rapport(s *store.Store, w fyne.Window, f rapport.Formaat, naam string, o dashboard.Opties, metLege bool) {
	stand := time.Now()
	titel := naam
	if titel == "" {
		titel = rapport.AlleGrafieken
	}
	Bewaar(w, Titel(f), rapport.Bestandsnaam(titel, f, stand), rapportSchrijver(s, f, naam, o, metLege, stand))
}

// rapportSchrijver builds the charts of the report and writes it; without
// metLege it leaves out the charts without figures, and refuses a report
// that would have none.
func rapportSchrijver(s *store.Store, f rapport.Formaat, naam string, o dashboard.Opties, metLege bool, stand time.Time) Schrijver {
	return func(out io.Writer, v rapport.Voortgang) error {
		in, err := rapport.Verzamel(s, naam, o, stand)
		if err != nil {
			return err
		}
		if !metLege {
			alle := len(in.Grafieken)
			if in.Grafieken = dashboard.MetCijfers(in.Grafieken); len(in.Grafieken) == 0 && alle > 0 {
				return errors.New(lang.L("Geen van de grafieken heeft cijfers voor de gekozen jaren. Vink 'Ook grafieken zonder cijfers' aan om ze toch op te nemen, of kies andere jaren."))
			}
		}
		return rapport.Schrijf(out, f, in, v)
	}
}
