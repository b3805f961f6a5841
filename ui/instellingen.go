package ui

import (
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/backup"
	"jeugdmonitor/ui/bestandskeuze"
	"jeugdmonitor/ui/overzicht"
)

// instellingenScreen chooses the database (open another, make a new one,
// write a backup copy), its team database, the name in the audit trail,
// and the theme. The team database comes right after the database, above
// the list of backups: at a laptop's screen size it shows without
// scrolling, and Tab reaches it from the database's buttons.
type instellingenScreen struct {
	m *Main

	path         *widget.Label
	openButton   *widget.Button
	newButton    *widget.Button
	backupButton *widget.Button
	naam         *entry
	naamButton   *widget.Button
	theme        *widget.RadioGroup
	message      *widget.Label
	backups      *backupList
	team         *teamSettings
	content      fyne.CanvasObject
}

func newInstellingenScreen(m *Main) *instellingenScreen {
	s := &instellingenScreen{m: m}
	s.buildUI()
	return s
}

func (s *instellingenScreen) buildUI() {
	s.path = widget.NewLabel("")
	s.path.Wrapping = fyne.TextWrapBreak
	s.openButton = widget.NewButtonWithIcon(lang.L("Andere database openen…"), theme.FolderOpenIcon(), s.onOpen)
	s.newButton = widget.NewButtonWithIcon(lang.L("Nieuwe database maken…"), theme.FileIcon(), s.onCreate)
	s.backupButton = widget.NewButtonWithIcon(lang.L("Reservekopie maken…"), theme.DownloadIcon(), s.onBackup)
	s.naam = newEntry(lang.L("uw naam"))
	s.naam.OnSubmitted = func(string) { s.onSave() }
	s.naamButton = widget.NewButton(lang.L("Naam gebruiken (Enter)"), s.onSave)
	s.theme = widget.NewRadioGroup([]string{themeLicht, themeDonker, themeHoogContrast}, nil)
	s.theme.Horizontal = true
	s.theme.Required = true
	// the theme in use is shown, not applied again (which redraws the whole
	// program and the dashboard's charts)
	s.theme.SetSelected(s.m.app.Preferences().StringWithFallback(prefTheme, themeLicht))
	s.theme.OnChanged = s.onTheme
	s.message = widget.NewLabel("")
	s.message.Wrapping = fyne.TextWrapWord
	s.message.Importance = widget.SuccessImportance
	s.backups = newBackupList(s.m)
	s.team = newTeamSettings(s.m)

	heading := func(text string) fyne.CanvasObject {
		l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.SizeName = theme.SizeNameSubHeadingText
		return l
	}
	explain := func(text string) fyne.CanvasObject { return lowLabel(text) }
	// the scroll bar is drawn over the right edge of what scrolls: the
	// buttons at the right end of a row (Adres opslaan, Naam gebruiken) keep
	// clear of it
	clearOfBar := layout.NewCustomPaddedLayout(0, 0, 0, theme.ScrollBarSize())
	page := container.NewVScroll(container.New(clearOfBar, container.NewVBox(
		heading(lang.L("Database")),
		s.path,
		container.NewHBox(s.openButton, s.newButton, s.backupButton),
		explain(lang.L("Een nieuwe database begint met het ingebouwde register uit de brondocumenten. Een reservekopie overschrijft nooit een bestaand bestand.")),
		widget.NewSeparator(),
		heading(lang.L("Teamdatabase")),
		s.team.content,
		widget.NewSeparator(),
		heading(lang.L("Reservekopieën")),
		explain(lang.L("Het programma maakt elke dag een reservekopie, en ook voor elke import, schema-update en terugzetting; bewaard worden 7 dagelijkse, 4 wekelijkse en de 10 laatste overige kopieën, in de map backups naast de database.")),
		s.backups.content,
		widget.NewSeparator(),
		heading(lang.L("Naam in het wijzigingenlogboek")),
		container.NewBorder(nil, nil, nil, s.naamButton, s.naam),
		explain(lang.L("Elke wijziging wordt vastgelegd op deze naam. Standaard is dat uw Windows-gebruikersnaam.")),
		widget.NewSeparator(),
		heading(lang.L("Weergave")),
		s.theme,
		explain(lang.L("Hoog contrast: zwarte tekst op wit, grotere letters; bedoeld voor de beamer in de raadzaal.")),
		widget.NewSeparator(),
		s.message)))
	s.team.reveal = func(o fyne.CanvasObject) {
		// a text just set is laid out on the next frame: now, to know where it is
		fitContent(page)
		scrollIntoView(page, o)
	}
	s.backups.resized = func() { fitContent(page) }
	s.content = page
}

// fitContent lays page out again at the height its content needs now (a
// text or a list just changed) at once, rather than on the next frame.
func fitContent(page *container.Scroll) {
	size := fyne.NewSize(page.Content.Size().Width, max(page.Content.MinSize().Height, page.Size().Height))
	if size == page.Content.Size() {
		page.Content.Refresh()
	} else {
		page.Content.Resize(size)
	}
	page.Refresh()
}

// Content is the screen's canvas object.
func (s *instellingenScreen) Content() fyne.CanvasObject { return s.content }

// Refresh shows the open database and the name in use.
func (s *instellingenScreen) Refresh() {
	if s.m.store == nil {
		s.path.SetText(lang.L("Geen database geopend."))
		s.backupButton.Disable()
		return
	}
	s.backupButton.Enable()
	s.backups.Refresh()
	s.team.Refresh()
	s.path.SetText(lang.L("Geopend: {{.Pad}}", map[string]any{"Pad": s.m.storePath()}))
	s.naam.SetText(s.m.store.User())
}

// dbExtensies are the extensions of database files shown in the choosers.
var dbExtensies = []string{".db", ".sqlite", ".jeugdmonitor"}

// onOpen lets the user pick another database file and opens it.
func (s *instellingenScreen) onOpen() {
	k := bestandskeuze.Keuze{Titel: lang.L("Database openen"), Map: s.m.storeFolder(), Extensies: dbExtensies}
	bestandskeuze.Open(s.m.win, k, func(path string) { s.switchTo(path, false) })
}

// onCreate lets the user name a new database file and makes it; an existing
// file is refused rather than replaced.
func (s *instellingenScreen) onCreate() {
	k := bestandskeuze.Keuze{Titel: lang.L("Nieuwe database"), Naam: "jeugdmonitor-nieuw.db",
		Map: s.m.storeFolder(), Extensies: dbExtensies, Nieuw: true}
	bestandskeuze.Opslaan(s.m.win, k, func(path string) { s.switchTo(path, true) })
}

// storeFolder is the folder of the open database, where the choosers
// start ("" without one: the last one used).
func (m *Main) storeFolder() string {
	if m.store == nil {
		return ""
	}
	return filepath.Dir(m.store.Path())
}

// switchTo opens (or makes) a database and makes it the one the window uses.
func (s *instellingenScreen) switchTo(path string, create bool) {
	s.message.SetText(lang.L("Database wordt geopend…"))
	s.m.openDatabase(path, create)
}

// onBackup writes a copy of the open database into its backups folder.
func (s *instellingenScreen) onBackup() {
	var target string
	st := s.m.store
	s.m.load(func() (err error) {
		target, err = backup.Make(st, backup.ReasonManual, time.Now())
		return err
	}, func() {
		s.message.SetText(lang.L("Reservekopie geschreven: {{.Pad}}", map[string]any{"Pad": target}))
		s.backups.Refresh()
	})
}

// onSave records the name for the audit trail, now and in later sessions.
func (s *instellingenScreen) onSave() {
	name := strings.TrimSpace(s.naam.Text)
	if name == "" || s.m.store == nil {
		return
	}
	if err := s.m.store.RenameUser(name); err != nil {
		s.m.showError(err)
		return
	}
	s.m.app.Preferences().SetString(prefUser, s.m.store.User())
	s.m.updateWhere()
	s.message.SetText(lang.L("Wijzigingen worden nu vastgelegd op naam van {{.Naam}}.", map[string]any{"Naam": s.m.store.User()}))
}

// onTheme switches the theme and remembers it.
func (s *instellingenScreen) onTheme(name string) {
	if name == "" {
		return
	}
	s.m.app.Preferences().SetString(prefTheme, name)
	applyTheme(s.m.app, name)
	if sc, ok := s.m.screens[pageOverzicht].(*overzicht.Screen); ok {
		sc.SetThema(chartTheme(name))
	}
}
