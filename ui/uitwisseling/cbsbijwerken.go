package uitwisseling

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/cbs"
	"jeugdmonitor/data/cbs/odata"
	"jeugdmonitor/data/store"
	"jeugdmonitor/ui/uidraad"
)

// CBSDialog brings the indicators up to date from CBS's open data service:
// it fetches the known tables for the municipality and Nederland, with a
// progress bar per table and a cancel button, shows per table what is new,
// changed and unchanged and which indicators would be created, and, when
// the user says so, makes a backup and stores it all in one transaction.
// Without a connection it says so and changes nothing.
type CBSDialog struct {
	worker
	store  *store.Store
	window fyne.Window
	onDone func()
	client *odata.Client
	nu     func() time.Time

	results []*cbs.Resultaat
	cancel  context.CancelFunc

	gemeente     *widget.Entry
	gemeenteNaam *widget.Entry
	balken       map[string]*widget.ProgressBar
	stappen      map[string]string
	status       *widget.Label
	samenvatting *widget.Label
	nieuwe       *widget.Check
	ophaalKnop   *widget.Button
	opslaanKnop  *widget.Button
	annuleerKnop *widget.Button
	content      fyne.CanvasObject
	dlg          dialog.Dialog
}

// NewCBSDialog builds the dialog on the store with the service that
// JEUGDMONITOR_CBS_URL names (CBS's own by default); onDone runs after the
// values are stored.
func NewCBSDialog(s *store.Store, w fyne.Window, onDone func()) *CBSDialog {
	d := &CBSDialog{store: s, window: w, onDone: onDone, client: odata.Nieuw(), nu: time.Now,
		balken: map[string]*widget.ProgressBar{}, stappen: map[string]string{}}
	d.buildUI()
	return d
}

func (d *CBSDialog) buildUI() {
	tabellen := container.New(layout.NewFormLayout())
	for _, id := range odata.Tabellen() {
		bar := widget.NewProgressBar()
		bar.TextFormatter = func() string {
			switch stap := d.stappen[id]; {
			case stap != "":
				return stap
			case bar.Value == 0:
				return lang.L("wacht")
			}
			return fmt.Sprintf("%.0f%%", bar.Value*100)
		}
		d.balken[id] = bar
		tabellen.Add(widget.NewLabelWithStyle(id+" · "+cbs.Tabellen[id], fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		tabellen.Add(bar)
	}
	d.status = widget.NewLabel("")
	d.status.Wrapping = fyne.TextWrapWord
	d.samenvatting = widget.NewLabel("")
	d.samenvatting.Wrapping = fyne.TextWrapWord
	d.nieuwe = widget.NewCheck("", nil)
	d.nieuwe.Hide()
	d.ophaalKnop = widget.NewButton(lang.L("Ophalen"), d.Ophalen)
	d.opslaanKnop = widget.NewButton(lang.L("Opslaan"), d.Opslaan)
	d.opslaanKnop.Importance = widget.HighImportance
	d.opslaanKnop.Disable()
	d.annuleerKnop = widget.NewButton(lang.L("Afbreken"), d.Afbreken)
	d.annuleerKnop.Disable()
	sluit := widget.NewButton(lang.L("Sluiten"), func() {
		d.Afbreken()
		if d.dlg != nil {
			d.dlg.Hide()
		}
	})
	uitleg := widget.NewLabel(fmt.Sprintf(lang.L("Haalt de CBS-tabellen over jeugdzorg op bij %s voor de gemeente en Nederland. Er verandert niets voordat u op Opslaan klikt."),
		d.client.Host()))
	uitleg.Wrapping = fyne.TextWrapWord
	d.gemeente, d.gemeenteNaam = widget.NewEntry(), widget.NewEntry()
	d.gemeente.SetText(cbs.Zwolle)
	d.gemeenteNaam.SetText("Zwolle")
	keuze := container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.L("Gemeentecode")), d.gemeente, widget.NewLabel(lang.L("Gemeentenaam")), d.gemeenteNaam)
	top := container.NewVBox(uitleg, keuze, tabellen)
	bottom := container.NewVBox(d.nieuwe, d.status, container.NewHBox(d.ophaalKnop, d.opslaanKnop, d.annuleerKnop, sluit))
	d.content = container.NewBorder(top, bottom, nil, nil, container.NewVScroll(d.samenvatting))
}

// Content is the dialog's layout, for a dialog or a test window.
func (d *CBSDialog) Content() fyne.CanvasObject { return d.content }

// Show opens the dialog and starts fetching.
func (d *CBSDialog) Show() {
	d.dlg = dialog.NewCustomWithoutButtons(lang.L("Bijwerken vanuit CBS"), d.content, d.window)
	d.dlg.Resize(fyne.NewSize(900, 660))
	d.dlg.Show()
	d.Ophalen()
}

// ui runs a widget change from any goroutine (at once in tests).
func (d *CBSDialog) ui(f func()) {
	if d.sync {
		f()
	} else {
		uidraad.Doe(f)
	}
}

// setBusy arms the cancel button while work runs and the other buttons after.
func (d *CBSDialog) setBusy(busy bool) {
	if busy {
		d.ophaalKnop.Disable()
		d.opslaanKnop.Disable()
		d.annuleerKnop.Enable()
		return
	}
	d.ophaalKnop.Enable()
	d.annuleerKnop.Disable()
}

// Ophalen fetches every known table for the chosen municipality and shows
// what storing would do.
func (d *CBSDialog) Ophalen() {
	code, err := cbs.GemeenteCode(d.gemeente.Text)
	if err != nil {
		d.results = nil
		d.opslaanKnop.Disable()
		d.nieuwe.Hide()
		d.samenvatting.SetText("")
		d.status.SetText(err.Error() + ".")
		return
	}
	opt := cbs.Opties{Gemeente: code, GemeenteNaam: strings.TrimSpace(d.gemeenteNaam.Text)}
	ctx, cancel := context.WithCancel(context.Background())
	d.cancel = cancel
	d.results = nil
	d.setBusy(true)
	d.nieuwe.Hide()
	d.samenvatting.SetText("")
	for id, bar := range d.balken {
		d.stappen[id] = ""
		bar.SetValue(0)
	}
	d.status.SetText(fmt.Sprintf(lang.L("Verbinding maken met %s…"), d.client.Host()))
	var results []*cbs.Resultaat
	var preview []cbs.Telling
	d.run(func() {
		results, err = d.client.Ophalen(ctx, d.store, opt, d.nu(), func(v odata.Voortgang) {
			d.ui(func() {
				d.stappen[v.Tabel] = v.Stap
				d.balken[v.Tabel].SetValue(v.Deel)
				d.status.SetText(fmt.Sprintf(lang.L("Tabel %d van %d: %s, %s…"), v.Nummer, v.Aantal, v.Tabel, v.Stap))
			})
		})
		if err == nil {
			preview, err = cbs.Bijwerken(ctx, d.store, results, true, false)
		}
	}, func() {
		cancel()
		d.setBusy(false)
		if err != nil {
			d.fout(err)
			return
		}
		d.results = results
		d.toonVoorbeeld(preview)
	})
}

// fout shows why fetching or storing failed; nothing changed.
func (d *CBSDialog) fout(err error) {
	for id, bar := range d.balken {
		if bar.Value < 1 {
			d.stappen[id] = lang.L("niet opgehaald")
			bar.Refresh()
		}
	}
	switch {
	case errors.Is(err, odata.ErrAfgebroken) || errors.Is(err, context.Canceled):
		d.status.SetText(lang.L("Afgebroken: er is niets veranderd."))
	default:
		d.status.SetText(err.Error())
	}
}

// toonVoorbeeld shows per table what storing would do, and the new
// indicators to confirm.
func (d *CBSDialog) toonVoorbeeld(preview []cbs.Telling) {
	var lines, nieuwe []string
	wijzigingen := 0
	lines = tellingRegels(preview)
	for _, t := range preview {
		nieuwe = append(nieuwe, t.NieuweIndicatoren...)
		wijzigingen += t.Nieuw + t.Gewijzigd
	}
	if len(nieuwe) > 0 {
		lines = append(lines, "", lang.L("Nieuwe indicatoren (alleen met het vinkje hieronder):"))
		for _, n := range nieuwe {
			lines = append(lines, "• "+n)
		}
		d.nieuwe.Text = fmt.Sprintf(lang.L("De %d nieuwe indicatoren aanmaken (zie de lijst)"), len(nieuwe))
		d.nieuwe.SetChecked(false)
		d.nieuwe.Show()
	}
	d.samenvatting.SetText(strings.Join(lines, "\n"))
	if wijzigingen == 0 && len(nieuwe) == 0 {
		d.status.SetText(lang.L("Alles is al bijgewerkt: er verandert niets."))
		return
	}
	d.status.SetText(lang.L("Opgehaald. Controleer wat er verandert en klik op Opslaan; tot dan is er niets veranderd."))
	d.opslaanKnop.Enable()
}

// tellingRegels says per table what storing does, with every stored figure
// it changes (indicator, period, old and new).
func tellingRegels(tellingen []cbs.Telling) []string {
	var lines []string
	for _, t := range tellingen {
		lines = append(lines, fmt.Sprintf("%s · %s: %s", t.Tabel, cbs.Tabellen[t.Tabel], t))
		for _, w := range t.Wijzigingen {
			lines = append(lines, "   "+lang.L("Gewijzigd: ")+w.String())
		}
	}
	return lines
}

// Opslaan stores the fetched values in one transaction: new indicators only
// when ticked.
func (d *CBSDialog) Opslaan() {
	if d.results == nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	d.cancel = cancel
	d.setBusy(true)
	metNieuwe := d.nieuwe.Visible() && d.nieuwe.Checked
	d.status.SetText(lang.L("Opslaan…"))
	var tellingen []cbs.Telling
	var pad string
	var err error
	d.run(func() { tellingen, pad, err = odata.Opslaan(ctx, d.store, d.results, metNieuwe, d.nu()) }, func() {
		cancel()
		d.setBusy(false)
		if err != nil {
			d.fout(err)
			return
		}
		d.results = nil
		d.nieuwe.Hide()
		d.samenvatting.SetText(strings.Join(tellingRegels(tellingen), "\n"))
		d.status.SetText(fmt.Sprintf(lang.L("Opgeslagen, met de wijzigingen in het logboek. Reservekopie vooraf: %s"), pad))
		if d.onDone != nil {
			d.onDone()
		}
	})
}

// Afbreken stops fetching or storing; the database stays as it was.
func (d *CBSDialog) Afbreken() {
	if d.cancel != nil {
		d.cancel()
	}
}
