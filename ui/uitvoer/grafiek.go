package uitvoer

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/dashboard"
	"jeugdmonitor/ui/chart"
	"jeugdmonitor/ui/klembord"
	"jeugdmonitor/ui/rapport"
	"jeugdmonitor/ui/uidraad"
)

// Grafiek gives the chart as it is on screen, with its theme; ok is false
// while it is not drawn yet.
type Grafiek func() (g dashboard.Grafiek, t chart.Thema, ok bool)

// GrafiekMenu are the menu items of a chart: save as PNG or SVG, copy.
func GrafiekMenu(w fyne.Window, g Grafiek) []*fyne.MenuItem {
	return []*fyne.MenuItem{
		fyne.NewMenuItem(lang.L("Opslaan als PNG…"), func() { BewaarGrafiek(w, g, chart.PNG) }),
		fyne.NewMenuItem(lang.L("Opslaan als SVG…"), func() { BewaarGrafiek(w, g, chart.SVG) }),
		fyne.NewMenuItem(lang.L("Kopiëren"), func() { KopieerGrafiek(w, g) }),
	}
}

// GrafiekKnoppen are the same actions as buttons (the enlarged chart).
func GrafiekKnoppen(w fyne.Window, g Grafiek) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, it := range GrafiekMenu(w, g) {
		out = append(out, widget.NewButton(it.Label, it.Action))
	}
	return out
}

// errNogNietGetekend is the message while a chart is still being drawn.
var errNogNietGetekend = errors.New("de grafiek wordt nog getekend; probeer het zo opnieuw")

// BewaarGrafiek saves the chart at the projector size (1920x1080) as PNG
// or SVG, in the theme it is shown in.
func BewaarGrafiek(w fyne.Window, g Grafiek, f chart.Formaat) {
	gr, t, ok := g()
	if !ok {
		toonFout(w, errNogNietGetekend)
		return
	}
	naam := fmt.Sprintf("%s-%s.%s", gr.Naam, time.Now().Format("2006-01-02"), f)
	Bewaar(w, lang.L("Grafiek opslaan"), naam, func(out io.Writer, _ rapport.Voortgang) error {
		body, err := chart.Teken(gr, chart.Opties{Breedte: chart.StandaardBreedte, Hoogte: chart.StandaardHoogte, Formaat: f, Thema: t})
		if err != nil {
			return err
		}
		_, err = out.Write(body)
		return err
	})
}

// KopieerGrafiek puts the chart on the clipboard as an image; where that
// cannot be done it says so and offers to save it as PNG instead. The
// channel receives the outcome once it is on screen.
func KopieerGrafiek(w fyne.Window, g Grafiek) <-chan error {
	klaar := make(chan error, 1)
	gr, t, ok := g()
	if !ok {
		toonFout(w, errNogNietGetekend)
		klaar <- errNogNietGetekend
		return klaar
	}
	uidraad.Go(func() {
		body, err := chart.Teken(gr, chart.Opties{Breedte: chart.StandaardBreedte, Hoogte: chart.StandaardHoogte, Formaat: chart.PNG, Thema: t})
		if err == nil {
			err = klembord.KopieerPNG(body)
		}
		doe(func() {
			switch {
			case errors.Is(err, klembord.ErrNietOndersteund):
				uitleg := widget.NewLabel(zin(err.Error()) + "\n\n" + lang.L("Sla de grafiek op als PNG en voeg dat bestand in PowerPoint of Word in."))
				uitleg.Wrapping = fyne.TextWrapWord
				d := dialog.NewCustomConfirm(lang.L("Kopiëren"), lang.L("Opslaan als PNG…"), lang.L("Sluiten"), uitleg, func(ok bool) {
					if ok {
						BewaarGrafiek(w, g, chart.PNG)
					}
				}, w)
				d.Resize(fyne.NewSize(520, d.MinSize().Height))
				d.Show()
			case err != nil:
				toonFout(w, fmt.Errorf(lang.L("de grafiek kan niet worden gekopieerd: %w"), err))
			default:
				dialog.ShowInformation(lang.L("Kopiëren"), fmt.Sprintf(lang.L("%s staat op het klembord; plak de grafiek in PowerPoint of Word."), gr.Titel), w)
			}
		})
		klaar <- err
	})
	return klaar
}

// zin makes a message a sentence: a capital first and a full stop last.
func zin(s string) string {
	r := []rune(strings.TrimSuffix(s, "."))
	if len(r) == 0 {
		return ""
	}
	return strings.ToUpper(string(r[0])) + string(r[1:]) + "."
}
