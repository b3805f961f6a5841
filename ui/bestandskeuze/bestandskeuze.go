// Package bestandskeuze shows Fyne's file choosers in one safe way for the
// whole program, and lets the user type a whole path in them.
//
// Fyne 2.8.1 dereferences a nil window when a FileDialog is resized before it
// is shown (dialog.(*FileDialog).MinSize), which kills the program. Every file
// chooser therefore goes through Toon, which shows first and sizes after.
//
// Open and Opslaan build on Toon: their chooser takes a typed path in its
// name field ("D:\Raad 2027\bereik #3.xlsx", "~/Documenten/jeugd ë.db", or a
// name in the folder on show), checks it and says in Dutch what is wrong, and
// hands the caller a plain path. Opslaan never creates or empties a file: the
// caller writes it, and an existing file is only offered after the user
// agreed to replace it.
package bestandskeuze

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Voorkeur is the size a file chooser gets when the window has room for it.
var Voorkeur = fyne.NewSize(900, 600)

// Toon shows the file chooser d over w and then sizes it to Voorkeur, or to
// nine tenths of the window when that is smaller (a 1366x768 laptop).
func Toon(d *dialog.FileDialog, w fyne.Window) {
	d.Show()
	d.Resize(Maat(w))
}

// Maat is the size Toon gives a file chooser over w.
func Maat(w fyne.Window) fyne.Size {
	size := Voorkeur
	if w == nil || w.Canvas() == nil {
		return size
	}
	c := w.Canvas().Size()
	if c.Width > 0 && c.Width*0.9 < size.Width {
		size.Width = c.Width * 0.9
	}
	if c.Height > 0 && c.Height*0.9 < size.Height {
		size.Height = c.Height * 0.9
	}
	return size
}

// Keuze describes a file chooser.
type Keuze struct {
	// Titel heads the chooser; empty: "Bestand openen" or "Bestand opslaan"
	// (Fyne's own title puts the Dutch words in English order).
	Titel string
	// Naam is the file name proposed when saving.
	Naam string
	// Map is the folder the chooser starts in; empty: the last one used.
	Map string
	// Extensies lists the extensions shown (".xlsx"); the first is added to
	// a typed name that has none of them when saving. Empty shows every file.
	Extensies []string
	// Nieuw refuses an existing file when saving (a backup, a new database)
	// instead of asking to replace it.
	Nieuw bool
}

// Open shows a chooser for an existing file over w and calls gekozen with
// its path when the user confirms one; cancelling calls nothing.
func Open(w fyne.Window, k Keuze, gekozen func(pad string)) *dialog.FileDialog {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(err, w)
			return
		}
		if r != nil {
			r.Close()
			gekozen(padVan(r.URI()))
		}
	}, w)
	if k.Titel == "" {
		k.Titel = lang.L("Bestand openen")
	}
	k.toon(d, w, gekozen)
	return d
}

// Opslaan shows a chooser for the file to write over w and calls gekozen
// with its path when the user confirms one; cancelling calls nothing. The
// file is not created: gekozen writes it.
func Opslaan(w fyne.Window, k Keuze, gekozen func(pad string)) *dialog.FileDialog {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			dialog.ShowError(err, w)
			return
		}
		if wc == nil {
			return
		}
		// Fyne's own confirmation (a double click on a file) has made the
		// file, empty, after asking to overwrite; the caller writes it anew
		path := padVan(wc.URI())
		wc.Close()
		if info, err := os.Stat(path); err == nil && info.Size() == 0 {
			os.Remove(path)
		}
		gekozen(path)
	}, w)
	d.SetFileName(k.Naam)
	if k.Titel == "" {
		k.Titel = lang.L("Bestand opslaan")
	}
	k.toon(d, w, gekozen)
	return d
}

// toon prepares d as k says, shows it with Toon and makes its name field
// take a typed path.
func (k Keuze) toon(d *dialog.FileDialog, w fyne.Window, gekozen func(pad string)) {
	if k.Titel != "" {
		d.SetTitleText(k.Titel)
	}
	if len(k.Extensies) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(k.Extensies))
	}
	if k.Map != "" {
		if dir, err := storage.ListerForURI(storage.NewFileURI(k.Map)); err == nil {
			d.SetLocation(dir)
		}
	}
	Toon(d, w)
	popup := popUp(w.Canvas().Overlays().Top())
	if popup == nil {
		return // a platform's own chooser: it takes typed paths itself
	}
	v := zoekVelden(popup.Content)
	if v.naam == nil || v.bevestig == nil {
		fyne.LogError("bestandskeuze: het naamveld van de kiezer is niet gevonden", nil)
		return
	}
	b := &bevestiging{keuze: k, dialog: d, window: w, gekozen: gekozen, velden: v, inhoud: popup.Content}
	b.koppel()
}

// popUp is the pop-up on an overlay: Fyne 2.8.1 wraps a modal pop-up in an
// internal overlay container whose exported field Content holds it.
func popUp(o fyne.CanvasObject) *widget.PopUp {
	if p, ok := o.(*widget.PopUp); ok || o == nil {
		return p
	}
	v := reflect.ValueOf(o)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	f := v.Elem().FieldByName("Content")
	if !f.IsValid() || !f.CanInterface() {
		return nil
	}
	p, _ := f.Interface().(*widget.PopUp)
	return p
}

// velden are the parts of Fyne's chooser that a typed path needs.
type velden struct {
	naam      *container.Scroll // holds the name: an entry (save) or label (open)
	bestanden fyne.CanvasObject // the files on show (grid or list)
	bevestig  *widget.Button    // Openen / Opslaan
	weergave  *widget.Button    // switches between grid and list (new files widget)
}

// zoekVelden finds the name field, the files and the confirm button in the
// chooser's content (Fyne 2.8.1: the name sits alone in a horizontal scroll
// in the footer, the files in the other scroll, the confirm button is the
// one of high importance).
func zoekVelden(o fyne.CanvasObject) velden {
	var v velden
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch t := o.(type) {
		case *fyne.Container:
			for _, c := range t.Objects {
				walk(c)
			}
		case *container.Split:
			walk(t.Leading)
			walk(t.Trailing)
		case *container.Scroll:
			switch c := t.Content.(type) {
			case *widget.Entry, *widget.Label:
				v.naam = t
			case *fyne.Container:
				if len(c.Objects) == 1 {
					switch c.Objects[0].(type) {
					case *widget.GridWrap, *widget.List:
						v.bestanden = c.Objects[0]
						return
					}
				}
				walk(c)
			}
		case *widget.Button:
			switch {
			case t.Importance == widget.HighImportance:
				v.bevestig = t
			case t.Text == "" && t.Icon != nil &&
				(t.Icon.Name() == theme.ListIcon().Name() || t.Icon.Name() == theme.GridIcon().Name()):
				v.weergave = t
			}
		}
	}
	walk(o)
	return v
}

// bevestiging confirms a chooser with the path in its name field.
type bevestiging struct {
	keuze   Keuze
	dialog  *dialog.FileDialog
	window  fyne.Window
	gekozen func(pad string)
	velden  velden
	inhoud  fyne.CanvasObject // the chooser's content

	veld     *widget.Entry // where the path is typed
	gekozen0 *widget.Label // open: the name of the file clicked in the list
	fyneKnop func()        // the confirm button's own action
}

// koppel makes the name field take a path and the confirm button use it. In
// an open chooser the field is Fyne's label: an entry takes its place and
// follows the file clicked.
func (b *bevestiging) koppel() {
	b.fyneKnop = b.velden.bevestig.OnTapped
	switch t := b.velden.naam.Content.(type) {
	case *widget.Entry:
		b.veld = t
	case *widget.Label:
		b.gekozen0 = t
		b.veld = widget.NewEntry()
		b.veld.SetPlaceHolder(lang.L("Kies een bestand of typ een pad"))
		b.veld.OnChanged = func(s string) {
			if strings.TrimSpace(s) == "" && t.Text == "" {
				b.velden.bevestig.Disable()
			} else {
				b.velden.bevestig.Enable()
			}
		}
		b.velden.naam.Content = b.veld
		b.velden.naam.Refresh()
		b.volgKlik()
		if knop := b.velden.weergave; knop != nil {
			eigen := knop.OnTapped
			knop.OnTapped = func() {
				eigen()
				b.velden.bestanden = zoekVelden(b.inhoud).bestanden
				b.volgKlik()
			}
		}
	}
	b.veld.OnSubmitted = func(string) { b.bevestig() }
	b.velden.bevestig.OnTapped = b.bevestig
	if b.velden.bestanden != nil {
		b.velden.bestanden.Refresh() // a double click on a file confirms through bevestig too
	}
	b.window.Canvas().Focus(b.veld)
}

// volgKlik copies the name of a file clicked in the list into the entry.
func (b *bevestiging) volgKlik() {
	var sel *func(int)
	switch f := b.velden.bestanden.(type) {
	case *widget.GridWrap:
		sel = &f.OnSelected
	case *widget.List:
		sel = &f.OnSelected
	default:
		return
	}
	eigen := *sel
	*sel = func(id int) {
		if eigen != nil {
			eigen(id)
		}
		b.veld.SetText(b.gekozen0.Text)
	}
}

// bevestig confirms the chooser: with the file clicked in the list (Fyne's
// own action), or with the typed path after checking it.
func (b *bevestiging) bevestig() {
	tekst := strings.TrimSpace(b.veld.Text)
	if b.gekozen0 != nil && b.gekozen0.Text != "" && tekst == b.gekozen0.Text {
		b.fyneKnop()
		return
	}
	if tekst == "" {
		return
	}
	pad, err := b.keuze.pad(tekst, huidigeMap(), b.gekozen0 == nil)
	if err != nil {
		dialog.ShowError(err, b.window)
		return
	}
	if b.gekozen0 != nil {
		b.klaar(pad)
		return
	}
	if _, err := os.Stat(pad); err == nil {
		b.vervang(pad)
		return
	}
	b.klaar(pad)
}

// vervang asks before an existing file is written over.
func (b *bevestiging) vervang(pad string) {
	dialog.ShowConfirm(lang.L("Bestand bestaat al"),
		fmt.Sprintf(lang.L("%s bestaat al. Wilt u het vervangen?"), pad),
		func(ok bool) {
			if ok {
				b.klaar(pad)
			}
		}, b.window)
}

// klaar closes the chooser and hands over the path.
func (b *bevestiging) klaar(pad string) {
	b.dialog.Hide()
	b.gekozen(pad)
}

// heeftExtensie reports whether pad ends in one of k's extensions (in any
// case: "Raad.PDF").
func (k Keuze) heeftExtensie(pad string) bool {
	for _, ext := range k.Extensies {
		if strings.EqualFold(filepath.Ext(pad), ext) {
			return true
		}
	}
	return false
}

// huidigeMap is the folder the chooser shows: Fyne 2.8.1 remembers it in the
// app's preferences on every change of folder.
func huidigeMap() string {
	u, err := storage.ParseURI(fyne.CurrentApp().Preferences().String("fyne:fileDialogLastFolder"))
	if err != nil || u.Scheme() != "file" {
		return ""
	}
	return padVan(u)
}

// padVan is the path of the file URI u as the system writes it: Fyne gives
// "C:/users/..." on Windows, where the user and the messages expect
// "C:\users\...".
func padVan(u fyne.URI) string {
	return filepath.FromSlash(u.Path())
}

// pad turns what the user typed into the path of the file meant, relative to
// map, and checks it: an existing file to open, or a file in an existing
// folder to write (with the first extension added to a bare name).
func (k Keuze) pad(getypt, map_ string, opslaan bool) (string, error) {
	pad := getypt
	if pad == "~" || strings.HasPrefix(pad, "~/") || strings.HasPrefix(pad, `~\`) {
		if home, err := os.UserHomeDir(); err == nil {
			pad = filepath.Join(home, pad[1:])
		}
	}
	if !filepath.IsAbs(pad) {
		if map_ == "" {
			return "", fmt.Errorf(lang.L("Typ het volledige pad van het bestand, bijvoorbeeld %s"), filepath.Join(os.TempDir(), "bestand.xlsx"))
		}
		pad = filepath.Join(map_, pad)
	}
	pad = filepath.Clean(pad)
	if !opslaan {
		info, err := os.Stat(pad)
		switch {
		case err != nil:
			return "", fmt.Errorf(lang.L("Het bestand %s bestaat niet of is niet te lezen."), pad)
		case info.IsDir():
			return "", fmt.Errorf(lang.L("%s is een map, geen bestand."), pad)
		}
		return pad, nil
	}
	if len(k.Extensies) > 0 && !k.heeftExtensie(pad) {
		pad += k.Extensies[0]
	}
	if info, err := os.Stat(filepath.Dir(pad)); err != nil || !info.IsDir() {
		return "", fmt.Errorf(lang.L("De map %s bestaat niet."), filepath.Dir(pad))
	}
	info, err := os.Stat(pad)
	switch {
	case err == nil && info.IsDir():
		return "", fmt.Errorf(lang.L("%s is een map, geen bestand."), pad)
	case err == nil && k.Nieuw:
		return "", fmt.Errorf(lang.L("%s bestaat al en wordt niet overschreven; kies een andere naam."), pad)
	}
	return pad, nil
}
