package uitwisseling

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/bestand"
	"jeugdmonitor/data/dutchnum"
	"jeugdmonitor/data/export"
	"jeugdmonitor/data/importer"
	"jeugdmonitor/data/store"
	"jeugdmonitor/ui/bestandskeuze"
)

// ExportDialog writes a kind of data to a file the user chooses, as Excel
// workbook, CSV or JSON.
type ExportDialog struct {
	worker
	store  *store.Store
	window fyne.Window
	soort  *widget.Select
	format *widget.RadioGroup
	status *widget.Label
	dlg    dialog.Dialog
}

// NewExportDialog builds the export dialog on the store.
func NewExportDialog(s *store.Store, w fyne.Window) *ExportDialog {
	d := &ExportDialog{store: s, window: w, status: widget.NewLabel("")}
	d.status.Wrapping = fyne.TextWrapWord
	var kinds []string
	for _, k := range export.Kinds {
		kinds = append(kinds, string(k))
	}
	d.soort = widget.NewSelect(kinds, func(string) { d.checkFormat() })
	d.soort.SetSelected(string(export.KindAlles))
	d.format = widget.NewRadioGroup([]string{"xlsx", "csv", "json"}, func(string) { d.checkFormat() })
	d.format.Horizontal = true
	d.format.SetSelected("xlsx")
	return d
}

// checkFormat says when a combination cannot be written.
func (d *ExportDialog) checkFormat() {
	if d.soort == nil || d.format == nil {
		return
	}
	if d.soort.Selected == string(export.KindAlles) && d.format.Selected == "csv" {
		d.setStatus(lang.L("\"alles\" kan als Excel-werkmap (een blad per soort) of JSON; CSV bevat één soort."))
		return
	}
	if d.soort.Selected == string(export.KindAlles) && d.format.Selected == "json" {
		d.setStatus(lang.L("Volledige export: een collega zet hem terug met Reservekopie terugzetten en heeft dan dezelfde gegevens en hetzelfde wijzigingenlogboek."))
		return
	}
	d.setStatus("")
}

// setStatus shows a hint under the form and lets the open dialog grow to fit it.
func (d *ExportDialog) setStatus(text string) {
	d.status.SetText(text)
	if d.dlg != nil {
		d.dlg.Resize(fyne.NewSize(560, d.dlg.MinSize().Height))
	}
}

// Show opens the dialog; "Opslaan als…" asks for the file.
func (d *ExportDialog) Show() {
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Wat"), d.soort),
		widget.NewFormItem(lang.L("Formaat"), d.format),
	)
	d.dlg = dialog.NewCustomConfirm(lang.L("Exporteren"), lang.L("Opslaan als…"), lang.L("Annuleren"),
		container.NewVBox(form, d.status), func(ok bool) {
			if ok {
				d.chooseFile()
			}
		}, d.window)
	d.dlg.Resize(fyne.NewSize(560, d.dlg.MinSize().Height))
	d.dlg.Show()
}

func (d *ExportDialog) chooseFile() {
	k := bestandskeuze.Keuze{
		Titel:     lang.L("Exporteren"),
		Naam:      fmt.Sprintf("jeugdmonitor-%s-%s.%s", d.soort.Selected, time.Now().Format("2006-01-02"), d.format.Selected),
		Extensies: []string{"." + d.format.Selected},
	}
	bestandskeuze.Opslaan(d.window, k, func(path string) {
		d.Write(path, func(err error) {
			if err != nil {
				showError("exporteren", err, d.window)
				return
			}
			dialog.ShowInformation(lang.L("Exporteren"), fmt.Sprintf(lang.L("Opgeslagen als %s"), path), d.window)
		})
	})
}

// Write exports the chosen kind and format to path off the UI goroutine and
// then calls done in the UI. The whole export is made first and written
// beside path before it takes path's place, so a failed export leaves no
// file and an existing file as it was.
func (d *ExportDialog) Write(path string, done func(error)) {
	kind, format := export.Kind(d.soort.Selected), export.Format(d.format.Selected)
	var err error
	d.run(func() {
		var buf bytes.Buffer
		if err = export.Write(&buf, d.store, kind, format); err == nil {
			err = bestand.Schrijf(path, func(w io.Writer) error {
				_, err := w.Write(buf.Bytes())
				return err
			})
		}
	}, func() { done(err) })
}

// BackupDialog writes a copy of the whole database to a file the user
// chooses, while the program keeps running.
type BackupDialog struct {
	worker
	store  *store.Store
	window fyne.Window
}

// NewBackupDialog builds the backup dialog on the store.
func NewBackupDialog(s *store.Store, w fyne.Window) *BackupDialog {
	return &BackupDialog{store: s, window: w}
}

// Show asks for the new file and writes the copy.
func (d *BackupDialog) Show() {
	k := bestandskeuze.Keuze{
		Titel:     lang.L("Reservekopie maken"),
		Naam:      fmt.Sprintf("jeugdmonitor-%s.db", time.Now().Format("2006-01-02")),
		Extensies: []string{".db"},
		Nieuw:     true,
	}
	bestandskeuze.Opslaan(d.window, k, func(path string) {
		d.Write(path, func(err error) {
			if err != nil {
				showError("reservekopie", err, d.window)
				return
			}
			dialog.ShowInformation(lang.L("Reservekopie"), fmt.Sprintf(lang.L("De hele database staat nu in %s. Terugzetten kan via Reservekopie terugzetten."), path), d.window)
		})
	})
}

// Write makes the copy at path off the UI goroutine; an existing file is
// never overwritten.
func (d *BackupDialog) Write(path string, done func(error)) {
	var err error
	d.run(func() { err = d.store.BackupTo(path) }, func() { done(err) })
}

// RestoreDialog puts a backup copy, or a database built from a full export,
// in place of the open database. The
// program's main window owns the store: close must close it (and stop using
// it), reopen opens the restored database and rebuilds the screens.
type RestoreDialog struct {
	worker
	target string
	window fyne.Window
	close  func() error
	reopen func()
}

// NewRestoreDialog builds the restore dialog for the database at target.
func NewRestoreDialog(target string, w fyne.Window, close func() error, reopen func()) *RestoreDialog {
	return &RestoreDialog{target: target, window: w, close: close, reopen: reopen}
}

// Show asks for the backup file (a copy of the database, or a full export as
// JSON), shows what it holds and asks to confirm.
func (d *RestoreDialog) Show() {
	k := bestandskeuze.Keuze{Titel: lang.L("Reservekopie terugzetten"), Extensies: []string{".db", ".json"}}
	bestandskeuze.Open(d.window, k, d.Confirm)
}

// Confirm shows what the copy (a database file or a full export) at path
// holds and restores it when the user agrees.
func (d *RestoreDialog) Confirm(path string) {
	var counts store.Tellingen
	var full bool
	var err error
	d.run(func() { counts, full, err = importer.Inhoud(path) }, func() {
		text := fmt.Sprintf(lang.L("%s bevat %s, %s, %s met %s en %s."), filepath.Base(path),
			dutchnum.Aantal(counts.Interventies, lang.L("interventie"), lang.L("interventies")),
			dutchnum.Aantal(counts.Bereik, lang.L("bereikcijfer"), lang.L("bereikcijfers")),
			dutchnum.Aantal(counts.Indicatoren, lang.L("indicator"), lang.L("indicatoren")),
			dutchnum.Aantal(counts.Metingen, lang.L("meting"), lang.L("metingen")),
			dutchnum.Aantal(counts.Wijzigingen, lang.L("wijziging"), lang.L("wijzigingen")))
		if err != nil {
			text = fmt.Sprintf(lang.L("De inhoud van %s kan niet vooraf worden geteld (%v); bij het terugzetten wordt het bestand volledig gecontroleerd."), filepath.Base(path), err)
		}
		msg := widget.NewLabel(text + "\n\n" + lang.L("De huidige database wordt eerst bewaard in de map backups ernaast en daarna vervangen. Doorgaan?"))
		msg.Wrapping = fyne.TextWrapWord
		title := lang.L("Reservekopie terugzetten")
		if full {
			title = lang.L("Volledige export terugzetten")
		}
		c := dialog.NewCustomConfirm(title, lang.L("Terugzetten"), lang.L("Annuleren"), msg, func(ok bool) {
			if ok {
				d.Restore(path, func(kept string, err error) { d.done(title, path, kept, err) })
			}
		}, d.window)
		c.Resize(fyne.NewSize(560, 260))
		c.Show()
	})
}

// done reports the end of a restore under the confirmation's title.
func (d *RestoreDialog) done(title, path, kept string, err error) {
	if err != nil {
		showError("terugzetten", err, d.window)
	} else {
		msg := fmt.Sprintf(lang.L("%s is teruggezet."), filepath.Base(path))
		if kept != "" {
			msg += " " + fmt.Sprintf(lang.L("De vorige database is bewaard als %s."), kept)
		}
		dialog.ShowInformation(title, msg, d.window)
	}
	if d.reopen != nil {
		d.reopen()
	}
}

// Restore closes the open database, puts the copy (or the database built
// from a full export) in its place, or leaves it as it was on any error, and
// calls done in the UI; done should reopen it.
func (d *RestoreDialog) Restore(path string, done func(kept string, err error)) {
	var kept string
	var err error
	d.run(func() {
		if d.close != nil {
			if err = d.close(); err != nil {
				return
			}
		}
		kept, err = importer.Herstel(path, d.target, time.Now())
	}, func() { done(kept, err) })
}
