package uitwisseling

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/cbs"
	"jeugdmonitor/data/dutchnum"
	"jeugdmonitor/data/importer"
	"jeugdmonitor/data/store"
	"jeugdmonitor/ui/bestandskeuze"
	"jeugdmonitor/ui/uidraad"
)

// geenKolom is the choice for a field without a column.
const geenKolom = "(geen)"

// ImportWizard takes a spreadsheet or CBS StatLine file into the database:
// choose the file and sheet, look at the first rows, map the columns (the
// mapping of the previous file from the same source is proposed), check
// every row, confirm similar names, and import, with a progress bar and a
// cancel button. Nothing is stored until every row is right.
type ImportWizard struct {
	worker
	store  *store.Store
	window fyne.Window
	onDone func()
	dlg    dialog.Dialog

	im      *importer.Import
	rapport *importer.Rapport
	cancel  context.CancelFunc

	soort     *widget.RadioGroup
	bestand   *widget.Label
	kiesKnop  *widget.Button
	blad      *widget.Select
	voorbeeld *widget.Table
	kolommen  *fyne.Container
	selects   map[string]*widget.Select
	// gemeente and gemeenteNaam choose the municipality of a CBS file
	// (default Zwolle, GM0193); Nederland is always the comparison.
	gemeente, gemeenteNaam *widget.Entry
	namen                  *fyne.Container
	problemen              *widget.Label
	tabs                   *container.AppTabs
	voortgang              *widget.ProgressBar
	status                 *widget.Label
	controleerKnop         *widget.Button
	importeerKnop          *widget.Button
	annuleerKnop           *widget.Button
	content                fyne.CanvasObject
}

// NewImportWizard builds the wizard on the store; onDone runs after a
// successful import (to refresh the screens).
func NewImportWizard(s *store.Store, w fyne.Window, onDone func()) *ImportWizard {
	wz := &ImportWizard{store: s, window: w, onDone: onDone, selects: map[string]*widget.Select{}}
	wz.buildUI()
	return wz
}

func (wz *ImportWizard) buildUI() {
	wz.soort = widget.NewRadioGroup([]string{lang.L("Bereik"), lang.L("Indicatoren (ook CBS StatLine)")}, func(string) {
		if wz.im != nil {
			wz.LoadFile(wz.im.Pad, "")
		}
	})
	wz.soort.Horizontal = true
	wz.soort.SetSelected(lang.L("Bereik"))
	wz.bestand = widget.NewLabel(lang.L("Nog geen bestand gekozen"))
	wz.kiesKnop = widget.NewButton(lang.L("Bestand kiezen…"), wz.onChooseFile)
	wz.blad = widget.NewSelect(nil, func(name string) {
		if wz.im != nil && name != wz.im.Blad {
			wz.LoadFile(wz.im.Pad, name)
		}
	})
	wz.blad.PlaceHolder = lang.L("werkblad")
	wz.voorbeeld = widget.NewTable(wz.previewSize, func() fyne.CanvasObject { return widget.NewLabel("") }, wz.previewCell)
	wz.kolommen = container.New(layout.NewFormLayout())
	wz.namen = container.NewVBox()
	wz.problemen = widget.NewLabel("")
	wz.problemen.Wrapping = fyne.TextWrapWord
	wz.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Voorbeeld"), wz.voorbeeld),
		container.NewTabItem(lang.L("Kolommen"), container.NewVScroll(wz.kolommen)),
		container.NewTabItem(lang.L("Namen"), container.NewVScroll(wz.namen)),
		container.NewTabItem(lang.L("Controle"), container.NewVScroll(wz.problemen)),
	)
	wz.voortgang = widget.NewProgressBar()
	wz.status = widget.NewLabel("")
	wz.status.Wrapping = fyne.TextWrapWord
	wz.controleerKnop = widget.NewButton(lang.L("Controleren"), wz.Check)
	wz.importeerKnop = widget.NewButton(lang.L("Importeren"), wz.Import)
	wz.importeerKnop.Importance = widget.HighImportance
	wz.annuleerKnop = widget.NewButton(lang.L("Afbreken"), wz.Cancel)
	sluit := widget.NewButton(lang.L("Sluiten"), func() {
		wz.Cancel()
		if wz.dlg != nil {
			wz.dlg.Hide()
		}
	})
	wz.setBusy(false)
	wz.controleerKnop.Disable()
	wz.importeerKnop.Disable()
	top := container.NewVBox(
		container.NewHBox(widget.NewLabel(lang.L("Soort:")), wz.soort),
		container.NewBorder(nil, nil, wz.kiesKnop, wz.blad, wz.bestand),
	)
	bottom := container.NewVBox(wz.voortgang, wz.status,
		container.NewHBox(wz.controleerKnop, wz.importeerKnop, wz.annuleerKnop, sluit))
	wz.content = container.NewBorder(top, bottom, nil, nil, wz.tabs)
}

// Content is the wizard's layout, for a dialog or a test window.
func (wz *ImportWizard) Content() fyne.CanvasObject { return wz.content }

// Show opens the wizard in a dialog over the window.
func (wz *ImportWizard) Show() {
	wz.dlg = dialog.NewCustomWithoutButtons(lang.L("Importeren uit Excel, CSV of CBS StatLine"), wz.content, wz.window)
	wz.dlg.Resize(fyne.NewSize(960, 680))
	wz.dlg.Show()
}

func (wz *ImportWizard) kind() importer.Soort {
	if wz.soort.Selected == lang.L("Bereik") {
		return importer.SoortBereik
	}
	return importer.SoortIndicatoren
}

func (wz *ImportWizard) onChooseFile() {
	k := bestandskeuze.Keuze{Titel: lang.L("Bestand kiezen"), Extensies: []string{".xlsx", ".csv", ".txt"}}
	bestandskeuze.Open(wz.window, k, func(path string) { wz.LoadFile(path, "") })
}

// LoadFile opens a file (and sheet) and shows its first rows and the proposed
// column mapping.
func (wz *ImportWizard) LoadFile(path, sheet string) {
	soort := wz.kind()
	wz.status.SetText(fmt.Sprintf(lang.L("%s wordt gelezen…"), filepath.Base(path)))
	var im *importer.Import
	var err error
	wz.run(func() { im, err = importer.Open(wz.store, path, sheet, soort) }, func() {
		if err != nil {
			wz.forget(filepath.Base(path))
			wz.status.SetText(fmt.Sprintf(lang.L("%s is niet geopend: %s"), filepath.Base(path), err.Error()))
			return
		}
		wz.im, wz.rapport = im, nil
		wz.bestand.SetText(filepath.Base(path))
		wz.blad.Options = im.Bladen
		if im.Blad != "" {
			wz.blad.SetSelected(im.Blad)
		} else {
			wz.blad.ClearSelected()
		}
		wz.blad.Refresh()
		wz.sizePreview()
		wz.voorbeeld.Refresh()
		wz.showMapping()
		wz.namen.RemoveAll()
		wz.problemen.SetText("")
		wz.voortgang.SetValue(0)
		wz.controleerKnop.Enable()
		wz.importeerKnop.Disable()
		switch {
		case im.CBS:
			wz.status.SetText(fmt.Sprintf(lang.L("CBS StatLine-tabel %s herkend; kies de gemeente (standaard Zwolle, GM0193); Nederland is de vergelijking. Kopregel op rij %d."),
				im.CBSOpties.Tabel, im.HeaderLine))
		case im.Onthouden:
			wz.status.SetText(fmt.Sprintf(lang.L("Kopregel op rij %d. De koppeling van de vorige import van %q is overgenomen."), im.HeaderLine, im.Bron))
		default:
			wz.status.SetText(fmt.Sprintf(lang.L("Kopregel op rij %d. Controleer de koppeling van de kolommen."), im.HeaderLine))
		}
		wz.tabs.SelectIndex(0)
	})
}

// forget drops the file opened before, its preview, mapping and check, when
// the file named name could not be opened: what the wizard shows is then
// about that file only, and nothing of the earlier one can be checked or
// imported by mistake.
func (wz *ImportWizard) forget(name string) {
	wz.im, wz.rapport = nil, nil
	wz.bestand.SetText(name)
	wz.blad.Options = nil
	wz.blad.ClearSelected()
	wz.voorbeeld.Refresh()
	wz.kolommen.RemoveAll()
	wz.selects = map[string]*widget.Select{}
	wz.namen.RemoveAll()
	wz.problemen.SetText("")
	wz.voortgang.SetValue(0)
	wz.controleerKnop.Disable()
	wz.importeerKnop.Disable()
}

func (wz *ImportWizard) previewSize() (int, int) {
	if wz.im == nil {
		return 0, 0
	}
	return len(wz.im.Voorbeeld) + 1, len(wz.im.Header)
}

// sizePreview makes each preview column as wide as its widest text, within limits.
func (wz *ImportWizard) sizePreview() {
	size, style := fyne.CurrentApp().Settings().Theme().Size("text"), fyne.TextStyle{Bold: true}
	for col := range wz.im.Header {
		width := fyne.MeasureText(wz.im.Kolom(col), size, style).Width
		for _, row := range wz.im.Voorbeeld {
			width = max(width, fyne.MeasureText(row.Cell(col).Text, size, fyne.TextStyle{}).Width)
		}
		wz.voorbeeld.SetColumnWidth(col, min(width+24, 320))
	}
}

func (wz *ImportWizard) previewCell(id widget.TableCellID, o fyne.CanvasObject) {
	label := o.(*widget.Label)
	label.TextStyle.Bold = id.Row == 0
	if id.Row == 0 {
		label.SetText(wz.im.Kolom(id.Col))
		return
	}
	label.SetText(wz.im.Voorbeeld[id.Row-1].Cell(id.Col).Text)
}

// showMapping builds one choice per field, set to the proposed column.
func (wz *ImportWizard) showMapping() {
	wz.kolommen.RemoveAll()
	wz.selects = map[string]*widget.Select{}
	if wz.im.CBS {
		wz.kolommen.Add(widget.NewLabel(lang.L("CBS-bestand")))
		wz.kolommen.Add(widget.NewLabel(lang.L("De kolommen van StatLine worden vanzelf herkend.")))
		wz.showMunicipality()
		return
	}
	options := []string{geenKolom}
	for i := range wz.im.Header {
		options = append(options, wz.im.Kolom(i))
	}
	for _, v := range importer.Velden(wz.im.Soort) {
		label := v.Label
		if v.Verplicht {
			label += " *"
		}
		sel := widget.NewSelect(options, nil)
		if col, ok := wz.im.Koppeling[v.Naam]; ok && col >= 0 {
			sel.SetSelected(options[col+1])
		} else {
			sel.SetSelected(geenKolom)
		}
		veld := v.Naam
		sel.OnChanged = func(choice string) {
			wz.im.Koppeling[veld] = indexOf(options, choice) - 1
			wz.importeerKnop.Disable()
		}
		wz.selects[veld] = sel
		wz.kolommen.Add(widget.NewLabel(label))
		wz.kolommen.Add(sel)
	}
}

// showMunicipality adds the choice of municipality for a CBS file: its region
// code (GM0193) and, for files with region names, its name.
func (wz *ImportWizard) showMunicipality() {
	opt := &wz.im.CBSOpties
	if opt.Gemeente == "" {
		opt.Gemeente, opt.GemeenteNaam = cbs.Zwolle, "Zwolle"
	}
	wz.gemeente, wz.gemeenteNaam = widget.NewEntry(), widget.NewEntry()
	wz.gemeente.SetText(opt.Gemeente)
	wz.gemeenteNaam.SetText(opt.GemeenteNaam)
	wz.gemeente.OnChanged = func(code string) {
		opt.Gemeente = strings.ToUpper(strings.TrimSpace(code))
		wz.importeerKnop.Disable()
	}
	wz.gemeenteNaam.OnChanged = func(naam string) {
		opt.GemeenteNaam = strings.TrimSpace(naam)
		wz.importeerKnop.Disable()
	}
	wz.kolommen.Add(widget.NewLabel(lang.L("Gemeentecode")))
	wz.kolommen.Add(wz.gemeente)
	wz.kolommen.Add(widget.NewLabel(lang.L("Gemeentenaam")))
	wz.kolommen.Add(wz.gemeenteNaam)
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return 0
}

// progress shows a check's or import's progress; safe from any goroutine.
func (wz *ImportWizard) progress(v importer.Voortgang) {
	update := func() {
		if v.Totaal > 0 {
			wz.voortgang.SetValue(float64(v.Rijen) / float64(v.Totaal))
		}
		wz.status.SetText(v.Fase + ": " + rijen(v.Rijen))
	}
	if wz.sync {
		update()
	} else {
		uidraad.Doe(update)
	}
}

func (wz *ImportWizard) setBusy(busy bool) {
	for _, b := range []*widget.Button{wz.kiesKnop, wz.controleerKnop, wz.importeerKnop} {
		if busy {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	if busy {
		wz.annuleerKnop.Enable()
	} else {
		wz.annuleerKnop.Disable()
	}
}

// task runs a check or import off the UI goroutine with the cancel button
// armed, then shows its outcome with then.
func (wz *ImportWizard) task(work func(context.Context, func(importer.Voortgang)) (*importer.Rapport, error),
	then func(*importer.Rapport, error)) {
	if wz.im == nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	wz.cancel = cancel
	wz.setBusy(true)
	var r *importer.Rapport
	var err error
	wz.run(func() { r, err = work(ctx, wz.progress) }, func() {
		cancel()
		wz.setBusy(false)
		then(r, err)
	})
}

// Check reads every row and shows the names to confirm and the problems,
// writing nothing.
func (wz *ImportWizard) Check() {
	wz.task(func(ctx context.Context, p func(importer.Voortgang)) (*importer.Rapport, error) {
		return wz.im.Controleer(ctx, p)
	}, func(r *importer.Rapport, err error) {
		if err != nil {
			wz.status.SetText(err.Error())
			wz.importeerKnop.Disable()
			return
		}
		wz.rapport = r
		wz.showReport(r)
	})
}

// showReport fills the names and problems tabs and the summary.
func (wz *ImportWizard) showReport(r *importer.Rapport) {
	wz.namen.RemoveAll()
	for _, m := range r.Namen {
		switch m.Zekerheid {
		case importer.Gelijkend:
			match := m
			check := widget.NewCheck(fmt.Sprintf(lang.L("%q is %q (%s)"), m.InBestand, m.Naam, rijen(m.Rijen)), func(ok bool) {
				if ok {
					wz.im.Bevestig(match.InBestand, match.Naam)
				} else {
					wz.im.Bevestig(match.InBestand, "")
				}
				wz.updateImportButton()
			})
			wz.namen.Add(check)
		case importer.Exact, importer.Bevestigd:
			wz.namen.Add(widget.NewLabel(fmt.Sprintf(lang.L("%q: %s (%s)"), m.InBestand, lang.L(string(m.Zekerheid)), rijen(m.Rijen))))
		}
	}
	wz.showNewIndicators(r)
	var lines []string
	for _, p := range r.Problemen {
		lines = append(lines, "• "+p.String())
	}
	if r.MeerProblemen > 0 {
		lines = append(lines, fmt.Sprintf(lang.L("… en nog %s"), fouten(r.MeerProblemen)))
	}
	for _, p := range r.Overgeslagen {
		lines = append(lines, "○ "+p.String())
	}
	for _, n := range r.NieuweIndicatoren {
		lines = append(lines, lang.L("Nieuwe indicator: ")+n)
	}
	for _, w := range r.Wijzigingen {
		lines = append(lines, lang.L("Gewijzigd: ")+w)
	}
	wz.problemen.SetText(strings.Join(lines, "\n"))
	switch {
	case !r.OK():
		wz.status.SetText(fmt.Sprintf(lang.L("%s gelezen, %s: er wordt niets opgeslagen. Zie Controle."), rijen(r.Rijen), fouten(len(r.Problemen)+r.MeerProblemen)))
		wz.tabs.SelectIndex(3)
	case len(r.TeBevestigen()) > 0:
		wz.status.SetText(fmt.Sprintf(lang.L("%s in orde. Bevestig de namen die erop lijken (tab Namen)."), rijen(r.Rijen)))
		wz.tabs.SelectIndex(2)
	case wz.im.CBS && len(r.NieuweIndicatoren) > 0 && !wz.im.IndicatorenBevestigd:
		wz.status.SetText(fmt.Sprintf(lang.L("%s in orde. Bevestig de nieuwe indicatoren (tab Namen): %d nieuw, %d bijgewerkt."), rijen(r.Rijen), r.Nieuw, r.Bijgewerkt))
		wz.tabs.SelectIndex(2)
	default:
		wz.status.SetText(fmt.Sprintf(lang.L("%s in orde: %d nieuw, %d bijgewerkt, %d overgeslagen."), rijen(r.Rijen), r.Nieuw, r.Bijgewerkt, len(r.Overgeslagen)))
	}
	wz.updateImportButton()
}

// showNewIndicators adds, for a CBS file, a tick per indicator the import
// would create: nothing is created until the user ticks them all.
func (wz *ImportWizard) showNewIndicators(r *importer.Rapport) {
	if !wz.im.CBS || len(r.NieuweIndicatoren) == 0 {
		return
	}
	wz.im.IndicatorenBevestigd = false
	wz.namen.Add(widget.NewLabelWithStyle(lang.L("Nieuwe indicatoren uit dit CBS-bestand (aanvinken om ze aan te maken):"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	var checks []*widget.Check
	for _, n := range r.NieuweIndicatoren {
		check := widget.NewCheck(n, func(bool) {
			all := true
			for _, c := range checks {
				all = all && c.Checked
			}
			wz.im.IndicatorenBevestigd = all
			wz.updateImportButton()
		})
		checks = append(checks, check)
		wz.namen.Add(check)
	}
}

// updateImportButton allows the import once the check found no problems and
// every similar name and new CBS indicator is ticked.
func (wz *ImportWizard) updateImportButton() {
	ready := wz.rapport != nil && wz.rapport.OK()
	for _, o := range wz.namen.Objects {
		if c, ok := o.(*widget.Check); ok && !c.Checked {
			ready = false
		}
	}
	if ready {
		wz.importeerKnop.Enable()
	} else {
		wz.importeerKnop.Disable()
	}
}

// Import checks the file again and stores all rows in one transaction.
func (wz *ImportWizard) Import() {
	wz.task(func(ctx context.Context, p func(importer.Voortgang)) (*importer.Rapport, error) {
		return wz.im.Uitvoeren(ctx, p)
	}, func(r *importer.Rapport, err error) {
		switch {
		case errors.Is(err, context.Canceled):
			wz.status.SetText(lang.L("Afgebroken: er is niets opgeslagen."))
			wz.voortgang.SetValue(0)
		case err != nil:
			if r != nil {
				wz.showReport(r)
			}
			wz.status.SetText(err.Error())
			wz.importeerKnop.Disable()
		default:
			wz.voortgang.SetValue(1)
			wz.status.SetText(fmt.Sprintf(lang.L("Opgeslagen: %d nieuw, %d bijgewerkt."), r.Nieuw, r.Bijgewerkt))
			wz.importeerKnop.Disable()
			if wz.onDone != nil {
				wz.onDone()
			}
		}
	})
}

// Cancel stops a running check or import; the database stays as it was.
func (wz *ImportWizard) Cancel() {
	if wz.cancel != nil {
		wz.cancel()
	}
}

// rijen writes a count of rows: "1 rij", "3 rijen".
func rijen(n int) string { return dutchnum.Aantal(n, lang.L("rij"), lang.L("rijen")) }

// fouten writes a count of problems: "1 fout", "3 fouten".
func fouten(n int) string { return dutchnum.Aantal(n, lang.L("fout"), lang.L("fouten")) }
