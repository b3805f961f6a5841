package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"gorm.io/gorm"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/register"
	"jeugdmonitor/data/store"
	"jeugdmonitor/data/team"
	"jeugdmonitor/data/team/pgtest"
)

// newTeamTestMain is newTestMain with a team server of its own: its
// address dsn and a connection to it, closed when the test ends.
func newTeamTestMain(t *testing.T) (*Main, *store.Store, fyne.Window, *team.Server, string) {
	t.Helper()
	dsn := pgtest.Database(t)
	m, s, w := newTestMain(t, "")
	srv, err := team.Connect(dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return m, s, w, srv, dsn
}

// colleague makes s the first laptop of the team database srv (at dsn,
// remembered for the window's sync) and joins a second laptop of user
// bram to it, closed when the test ends.
func colleague(t *testing.T, s *store.Store, srv *team.Server, dsn string) *store.Store {
	t.Helper()
	if _, err := team.Init(s, srv); err != nil {
		t.Fatal(err)
	}
	if err := team.RememberServer(s, dsn); err != nil {
		t.Fatal(err)
	}
	other, err := store.Open(filepath.Join(t.TempDir(), "collega.db"), store.Options{Create: true, User: "bram"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	if err := other.SetSetting(register.SeededKey, "uit de teamdatabase"); err != nil {
		t.Fatal(err)
	}
	if _, err := team.Join(context.Background(), other, srv, nil); err != nil {
		t.Fatal(err)
	}
	return other
}

// werkwijzeConflict is a window on a laptop (user tester) whose first
// intervention's werkwijze a colleague (bram) changed too, and synchronised
// first: the window's next sync brings a conflict.
func werkwijzeConflict(t *testing.T) (*Main, *store.Store, fyne.Window) {
	t.Helper()
	m, s, w, srv, dsn := newTeamTestMain(t)
	other := colleague(t, s, srv, dsn)
	for _, db := range []*store.Store{s, other} {
		all, err := db.Interventies(false)
		if err != nil {
			t.Fatal(err)
		}
		all[0].Werkwijze = "werkwijze van " + db.User()
		if err := db.UpdateInterventie(&all[0]); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := team.Sync(context.Background(), other, srv, nil); err != nil {
		t.Fatal(err)
	}
	return m, s, w
}

// TestConflictChosenTwiceShowsNoError: a second click on a keep button
// (a double click, before the list is read again) does nothing, and a
// choice for a conflict that is no longer open says so in the status line
// instead of an error dialog that names the command line.
func TestConflictChosenTwiceShowsNoError(t *testing.T) {
	m, s, w := werkwijzeConflict(t)
	m.onSync()
	v := m.showConflicts()
	list, err := team.OpenConflicten(s)
	if err != nil || len(list) != 1 {
		t.Fatalf("open conflicten: %+v, %v", list, err)
	}
	dialogs := len(w.Canvas().Overlays().List())
	keepFirst := v.buttons[list[0].ID][0]
	test.Tap(keepFirst)
	test.Tap(keepFirst) // the same button again, as a double click does
	if n := len(w.Canvas().Overlays().List()); n != dialogs {
		t.Fatalf("na twee klikken op dezelfde knop %d dialogen in plaats van %d", n, dialogs)
	}
	if !keepFirst.Disabled() || !strings.HasPrefix(m.status.Text, "Conflict opgelost") {
		t.Fatalf("na de keuze: knop uit %v, statusregel %q", keepFirst.Disabled(), m.status.Text)
	}
	v.keep(list[0].ID, team.KeuzeTweede) // chosen already
	if n := len(w.Canvas().Overlays().List()); n != dialogs || m.status.Text != "Dit conflict was al afgehandeld" {
		t.Fatalf("keuze voor een afgehandeld conflict: %d dialogen, statusregel %q", n, m.status.Text)
	}
	if all, _ := s.Interventies(false); all[0].Werkwijze != "werkwijze van bram" {
		t.Fatalf("werkwijze na de keuzes: %q", all[0].Werkwijze)
	}
}

// TestSyncAndConflictsInTheWindow: Synchroniseren in the Bestand menu
// fetches a colleague's change, reports the conflict it makes in the status
// line and opens Conflicten, where a button keeps a value; Ook afgehandelde
// tonen then shows the settled conflict with the choice, and no buttons.
func TestSyncAndConflictsInTheWindow(t *testing.T) {
	m, s, _ := werkwijzeConflict(t)
	m.onSync()
	if got := m.status.Text; !strings.Contains(got, "Gesynchroniseerd") || !strings.Contains(got, "1 nieuw conflict") {
		t.Fatalf("statusregel na synchroniseren: %q", got)
	}
	if p := m.syncing; p == nil || p.bar.Value != 1 || !strings.Contains(p.step.Text, "van") {
		t.Fatalf("voortgang na synchroniseren: %+v", p)
	}
	// Synchroniseren again while one runs starts no second one
	if m.syncBusy {
		t.Fatal("na afloop staat het synchroniseren nog als bezig")
	}
	first := m.syncing
	m.syncBusy = true
	m.onSync()
	if m.syncing != first || !strings.Contains(m.status.Text, "al gesynchroniseerd") {
		t.Fatalf("tweede keer Synchroniseren terwijl de eerste loopt: %q", m.status.Text)
	}
	m.syncBusy = false
	v := m.showConflicts()
	list, err := team.OpenConflicten(s)
	if err != nil || len(list) != 1 {
		t.Fatalf("open conflicten: %+v, %v", list, err)
	}
	if got := list[0].Omschrijving(); !strings.Contains(got, "werkwijze van tester") || !strings.Contains(got, "werkwijze van bram") {
		t.Fatalf("conflict toont niet beide waarden: %s", got)
	}
	// the description has the whole width of the list, the buttons under it
	row := v.list.Objects[0].(*fyne.Container)
	if text := row.Objects[0].(*widget.Label); text.Size().Width < v.list.Size().Width-1 {
		t.Errorf("de omschrijving is %.0f breed in een lijst van %.0f", text.Size().Width, v.list.Size().Width)
	}
	// the buttons name the values, and the one that holds here now
	keepFirst, keepSecond := v.buttons[list[0].ID][0], v.buttons[list[0].ID][1]
	if keepFirst.Text != "Eerste houden: “werkwijze van bram”" || keepSecond.Text != "Tweede houden: “werkwijze van tester” (geldt nu)" {
		t.Fatalf("knoppen %q en %q", keepFirst.Text, keepSecond.Text)
	}
	test.Tap(keepFirst) // keep bram's, which reached the team first
	if list, _ := team.OpenConflicten(s); len(list) != 0 {
		t.Fatalf("na de keuze nog open: %+v", list)
	}
	all, _ := s.Interventies(false)
	if all[0].Werkwijze != "werkwijze van bram" {
		t.Fatalf("werkwijze na de keuze: %q", all[0].Werkwijze)
	}
	// settled, it is gone from the list until Ook afgehandelde tonen,
	// which shows it with the choice, who made it and when, and no button
	if got := gridTexts(v.list.Objects); got != "Geen open conflicten." || len(v.settled) != 0 {
		t.Fatalf("na de keuze toont Conflicten: %q", got)
	}
	v.all.SetChecked(true)
	choice := v.settled[list[0].ID]
	if choice == nil || len(v.buttons) != 0 {
		t.Fatalf("met afgehandelde: keuze %v, knoppen %v", choice, v.buttons)
	}
	if !strings.HasPrefix(choice.Text, "Afgehandeld door tester op ") || !strings.HasSuffix(choice.Text, "eerste gehouden: “werkwijze van bram”") {
		t.Fatalf("de keuze bij het afgehandelde conflict: %q", choice.Text)
	}
	shown := gridTexts(v.list.Objects)
	if !strings.Contains(shown, "werkwijze van tester") || !strings.Contains(shown, "werkwijze van bram") || strings.Contains(shown, "[opgelost") {
		t.Fatalf("het afgehandelde conflict toont: %q", shown)
	}
	var buttons int
	walkObjects(v.list, func(o fyne.CanvasObject) {
		if _, ok := o.(*widget.Button); ok {
			buttons++
		}
	})
	if buttons != 0 {
		t.Fatalf("een afgehandeld conflict heeft %d knoppen", buttons)
	}
	v.all.SetChecked(false)
	if got := gridTexts(v.list.Objects); got != "Geen open conflicten." {
		t.Fatalf("zonder afgehandelde toont Conflicten: %q", got)
	}
}

// TestRestoreRemovedInTheWindow: a figure removed here and changed by a
// colleague gets a Verwijderde terugzetten button in Conflicten, which
// brings it back with the colleague's value.
func TestRestoreRemovedInTheWindow(t *testing.T) {
	m, s, _, srv, dsn := newTeamTestMain(t)
	naam := func(db *store.Store) string {
		all, err := db.Interventies(false)
		if err != nil {
			t.Fatal(err)
		}
		return all[0].Naam
	}
	r, err := s.RecordBereikInvoer(store.BereikInvoer{Interventie: naam(s), Periode: "2025", Waarde: "50", Bron: "test",
		Maat: "deelnemers", Eenheid: "deelnemers"})
	if err != nil {
		t.Fatal(err)
	}
	other := colleague(t, s, srv, dsn)
	if err := s.DeleteBereik(r.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := other.RecordBereikInvoer(store.BereikInvoer{Interventie: naam(other), Periode: "2025", Waarde: "65", Bron: "test",
		Maat: "deelnemers", Eenheid: "deelnemers"}); err != nil {
		t.Fatal(err)
	}
	if _, err := team.Sync(context.Background(), other, srv, nil); err != nil {
		t.Fatal(err)
	}
	m.onSync()
	v := m.showConflicts()
	list, err := team.OpenConflicten(s)
	if err != nil {
		t.Fatal(err)
	}
	var id uint
	for _, c := range list {
		if c.Veld == "waarde" && c.KanTerugzetten() {
			id = c.ID
		}
	}
	if id == 0 || len(v.buttons[id]) != 3 || v.buttons[id][2].Text != "Verwijderde terugzetten" {
		t.Fatalf("geen knop Verwijderde terugzetten bij het conflict over de waarde: %+v", list)
	}
	test.Tap(v.buttons[id][2])
	var back []domain.Bereik
	if err := s.ReadRaw(func(db *gorm.DB) error { return db.Where("periode = ?", "2025").Find(&back).Error }); err != nil {
		t.Fatal(err)
	}
	if len(back) != 1 || back[0].Waarde != 65 {
		t.Fatalf("bereik 2025 na terugzetten: %+v", back)
	}
}

// TestSyncWithoutTeamExplains: a database that is not in a team gets an
// explanation, not an error.
func TestSyncWithoutTeamExplains(t *testing.T) {
	m, _, w := newTestMain(t, "")
	m.onSync()
	if m.status.Text != "" {
		t.Fatalf("statusregel: %q", m.status.Text)
	}
	var shown []string
	walkObjects(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			shown = append(shown, l.Text)
		}
	})
	if !strings.Contains(strings.Join(shown, " "), "hoort niet bij een team") {
		t.Fatalf("geen uitleg getoond: %q", shown)
	}
}

// TestSyncOutOfReachReassures: Synchroniseren with the team database out of
// reach (a closed port) says why in a dialog that is no error of the
// user's, and that what she entered stays on the laptop; the menu can
// synchronise again afterwards.
func TestSyncOutOfReachReassures(t *testing.T) {
	m, s, w := newTestMain(t, "")
	if err := team.RememberServer(s, "postgres://anna@127.0.0.1:1/jeugdmonitor"); err != nil {
		t.Fatal(err)
	}
	m.onSync()
	_, _, texts := overlayWidgets(w)
	all := strings.Join(texts, " ")
	// the reason in words is tested in data/team (on Linux: under Wine the
	// refusal may come as another error)
	if !strings.Contains(all, "Synchroniseren lukt nu niet") || !strings.Contains(all, "127.0.0.1:1") ||
		!strings.Contains(all, "blijft hier") {
		t.Fatalf("melding bij een onbereikbare teamdatabase: %q", texts)
	}
	if m.syncBusy {
		t.Fatal("na de mislukte poging staat het synchroniseren nog als bezig")
	}
}

// overlayWidgets collects the password entry, the check box and the labels
// of the dialogs on top of w.
func overlayWidgets(w fyne.Window) (password *entry, remember *keyCheck, texts []string) {
	for _, o := range w.Canvas().Overlays().List() {
		walkObjects(o, func(o fyne.CanvasObject) {
			switch x := o.(type) {
			case *entry:
				if x.Password {
					password = x
				}
			case *keyCheck:
				remember = x
			case *widget.Label:
				texts = append(texts, x.Text)
			}
		})
	}
	return password, remember, texts
}

// TestTeamSettingsAddressAndPassword: in Instellingen the team database's
// address is kept without the password typed into it; Verbinding testen
// asks for the password in the window, remembers it on request (in a file
// only the user may read, without a desktop keyring), and then says the
// server's version and that the connection is encrypted, in a message and
// under the buttons; a wrong database gets a Dutch message the same way,
// a password not given only a line under the buttons; the password can be
// forgotten and the address removed.
func TestTeamSettingsAddressAndPassword(t *testing.T) {
	config := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", config)
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	dsn := pgtest.Database(t)
	const secret = "Zwolle-Geheim-42"
	pgtest.Role(t, "instellingenrol", secret, pgtest.GroupPassword)
	addr := pgtest.URL(dsn, "instellingenrol")
	m, s, w := newTestMain(t, "")
	m.show(pageInstellingen)
	ts := m.screen(pageInstellingen).(*instellingenScreen).team
	if !strings.Contains(ts.saved.Text, "geen teamdatabase") || !ts.removeButton.Disabled() {
		t.Fatalf("zonder adres: %q", ts.saved.Text)
	}

	ts.address.SetText(addr + "?password=" + secret)
	test.Tap(ts.saveButton)
	if saved, ok, err := team.SavedServer(s); err != nil || !ok || saved != addr {
		t.Fatalf("opgeslagen adres %q (%v, %v), verwacht %q", saved, ok, err, addr)
	}
	for _, shown := range []string{ts.saved.Text, ts.address.Text, ts.result.Text} {
		if strings.Contains(shown, secret) {
			t.Fatalf("het wachtwoord staat op het scherm: %q", shown)
		}
	}
	if !strings.Contains(ts.result.Text, "wachtwoord uit het adres is niet opgeslagen") {
		t.Fatalf("melding na opslaan: %q", ts.result.Text)
	}
	if !ts.forgetButton.Disabled() {
		t.Fatal("Onthouden wachtwoord wissen kan gekozen worden zonder onthouden wachtwoord")
	}

	test.Tap(ts.testButton)
	entry, remember, texts := overlayWidgets(w)
	if entry == nil || remember == nil || remember.Text != "Onthouden op deze computer" ||
		!strings.Contains(strings.Join(texts, " "), "vraagt een wachtwoord voor gebruiker instellingenrol") {
		t.Fatalf("geen vraag om het wachtwoord: %q", texts)
	}
	entry.SetText(secret)
	remember.SetChecked(true)
	entry.OnSubmitted(secret)
	if !strings.Contains(ts.result.Text, "Verbonden met PostgreSQL") || !strings.Contains(ts.result.Text, "versleuteld (TLS)") {
		t.Fatalf("uitkomst van de test: %q", ts.result.Text)
	}
	if told := closeTold(t, w, "Verbinding geslaagd"); !strings.Contains(told, ts.result.Text) {
		t.Fatalf("de melding van de test zegt niet wat de server zei: %q", told)
	}
	file := filepath.Join(config, "jeugdmonitor", "teamwachtwoorden.json")
	if !strings.Contains(m.status.Text, file) {
		t.Fatalf("statusregel zegt niet waar het wachtwoord staat: %q", m.status.Text)
	}
	if info, err := os.Stat(file); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("wachtwoordbestand: %v", err)
	}
	if ts.forgetButton.Disabled() {
		t.Fatal("Onthouden wachtwoord wissen blijft uit nadat het wachtwoord is onthouden")
	}

	// remembered: no question the second time
	ts.result.SetText("")
	test.Tap(ts.testButton)
	if entry, _, _ := overlayWidgets(w); entry != nil {
		t.Fatal("het onthouden wachtwoord werd opnieuw gevraagd")
	}
	if !strings.Contains(ts.result.Text, "Verbonden met PostgreSQL") {
		t.Fatalf("tweede test: %q", ts.result.Text)
	}
	closeTold(t, w, "Verbinding geslaagd")
	// a password typed into the address is used for the test, then no longer shown
	ts.address.SetText(strings.Replace(addr, "instellingenrol@", "instellingenrol:"+secret+"@", 1))
	test.Tap(ts.testButton)
	if ts.address.Text != addr || !strings.Contains(ts.result.Text, "Verbonden met PostgreSQL") {
		t.Fatalf("test met wachtwoord in het adres: invoer %q, uitkomst %q", ts.address.Text, ts.result.Text)
	}
	closeTold(t, w, "Verbinding geslaagd")

	ts.address.SetText(pgtest.URL(dsn, "postgres") + "_weg")
	test.Tap(ts.testButton)
	if !strings.Contains(ts.result.Text, "bestaat niet op server") || ts.result.Importance != widget.DangerImportance {
		t.Fatalf("test van een onbekende database: %q", ts.result.Text)
	}
	if told := closeTold(t, w, "Geen verbinding met de teamdatabase"); !strings.Contains(told, "bestaat niet op server") {
		t.Fatalf("de melding van de mislukte test: %q", told)
	}
	if !strings.HasPrefix(m.status.Text, "Geen verbinding met de teamdatabase: ") || !strings.Contains(m.status.Text, "bestaat niet op server") {
		t.Fatalf("de statusregel zegt niet waarom er geen verbinding is: %q", m.status.Text)
	}
	ts.address.SetText("postgres://x@server:poort/db")
	test.Tap(ts.saveButton)
	if !strings.Contains(ts.result.Text, "adres van de teamdatabase is ongeldig") {
		t.Fatalf("opslaan van een ongeldig adres: %q", ts.result.Text)
	}
	if saved, _, _ := team.SavedServer(s); saved != addr {
		t.Fatalf("een ongeldig adres verving het opgeslagen: %q", saved)
	}

	if !ts.forgetButton.Disabled() {
		t.Fatal("Onthouden wachtwoord wissen kan gekozen worden bij een adres zonder onthouden wachtwoord")
	}
	ts.address.SetText(addr)
	test.Tap(ts.forgetButton)
	if _, err := team.ConnectWithPassword(addr, ""); err == nil {
		t.Fatal("na Onthouden wachtwoord wissen verbindt het adres nog zonder wachtwoord")
	}
	if !ts.forgetButton.Disabled() || !strings.Contains(ts.result.Text, "wachtwoord is vergeten") {
		t.Fatalf("na wissen: knop uit %v, melding %q", ts.forgetButton.Disabled(), ts.result.Text)
	}
	// asked again, and cancelled: the test says no connection was made
	ts.address.SetText(addr)
	test.Tap(ts.testButton)
	test.Tap(overlayButton(t, w, "Annuleren")) // asked for the password again after Onthouden wachtwoord wissen
	if !strings.Contains(ts.result.Text, "Geen wachtwoord opgegeven") || w.Canvas().Overlays().Top() != nil {
		t.Fatalf("na Annuleren: %q, en een melding: %q", ts.result.Text, overlayText(w))
	}
	// Escape in the field, with the password typed and Onthouden ticked,
	// cancels too, and remembers nothing
	ts.result.SetText("")
	test.Tap(ts.testButton)
	entry, remember, _ = overlayWidgets(w)
	typeInto(w, entry, secret)
	remember.SetChecked(true)
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !strings.Contains(ts.result.Text, "Geen wachtwoord opgegeven") || w.Canvas().Overlays().Top() != nil {
		t.Fatalf("na Escape: %q, en een melding: %q", ts.result.Text, overlayText(w))
	}
	if _, err := team.ConnectWithPassword(addr, ""); err == nil {
		t.Fatal("na Escape in de vraag om het wachtwoord is het toch onthouden")
	}
	test.Tap(ts.removeButton)
	test.Tap(overlayButton(t, w, "Verwijderen")) // the question of Adres verwijderen
	if _, ok, _ := team.SavedServer(s); ok || !strings.Contains(ts.saved.Text, "geen teamdatabase") {
		t.Fatalf("adres niet verwijderd: %q", ts.saved.Text)
	}
}

// closeTold checks that the dialog on top of w is titled title, closes it
// with OK and returns its text.
func closeTold(t *testing.T, w fyne.Window, title string) string {
	t.Helper()
	var texts []string
	walkObjects(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	})
	text := strings.Join(texts, " ")
	if !slices.Contains(texts, title) {
		t.Fatalf("geen melding %q bovenaan, maar: %q", title, text)
	}
	test.Tap(overlayButton(t, w, "OK"))
	return text
}

// TestTestOutcomeShowsVersionSafely: the version a server gives is shown
// without its control characters (an escape sequence or a line break in
// it would change what the window or a copied text shows).
func TestTestOutcomeShowsVersionSafely(t *testing.T) {
	got := testOutcome(team.Info{Versie: "16.4\x1b[2J\nvals\u202e", TLS: true, Teamdatabase: true})
	for _, bad := range []string{"\x1b", "\n", "\u202e"} {
		if strings.Contains(got, bad) {
			t.Fatalf("stuurteken %q in %q", bad, got)
		}
	}
	if !strings.Contains(got, `PostgreSQL 16.4\u001b[2J\u000avals\u202e;`) || !strings.Contains(got, "bevat een teamregister") {
		t.Fatalf("uitkomst: %q", got)
	}
}

// TestTestOutcomeInView: in a low window (a laptop screen with large
// letters), with the page scrolled to its top, the outcome of Verbinding
// testen is scrolled into view under the button (which then sits at the
// bottom of the page).
func TestTestOutcomeInView(t *testing.T) {
	addr := pgtest.URL(pgtest.Database(t), "postgres")
	m, _, w := newTestMain(t, "")
	w.Resize(fyne.NewSize(1366, 400))
	ts := teamSettingsOf(m)
	page := m.screen(pageInstellingen).(*instellingenScreen).content.(*container.Scroll)
	page.ScrollToTop()
	ts.address.SetText(addr)
	d := fyne.CurrentApp().Driver()
	below := func() float32 {
		return d.AbsolutePositionForObject(ts.result).Y + ts.result.Size().Height -
			(d.AbsolutePositionForObject(page).Y + page.Size().Height)
	}
	if below() <= 0 {
		t.Fatalf("de uitkomst staat ook zonder scrollen in beeld (%v onder de rand): de test toetst niets", below())
	}
	test.Tap(ts.testButton)
	closeTold(t, w, "Verbinding geslaagd")
	if over := below(); over > 0 || page.Offset.Y == 0 || !strings.Contains(ts.result.Text, "Verbonden met PostgreSQL") {
		t.Fatalf("de uitkomst %q staat %v onder de rand van de pagina (gescrold %v)", ts.result.Text, over, page.Offset.Y)
	}
}

// TestFullSentence: a message from the data layer is shown as a sentence:
// a capital first, a full stop last unless it ends in one already.
func TestFullSentence(t *testing.T) {
	for in, want := range map[string]string{
		"geen wachtwoord opgegeven": "Geen wachtwoord opgegeven.",
		"één regel.":                "Één regel.",
		"klopt de poort?":           "Klopt de poort?",
		"Verbinden…":                "Verbinden…",
		"":                          "",
	} {
		if got := fullSentence(in); got != want {
			t.Errorf("fullSentence(%q) = %q, verwacht %q", in, got, want)
		}
	}
}

// TestEscapeCancelsThePasswordPrompt: Escape cancels the question for the
// team database's password wherever the focus is in it (the field, the
// button that shows the password, the check box, the buttons), and hands
// on no password, also with one typed and Onthouden ticked; Enter in the
// field connects with the typed one.
func TestEscapeCancelsThePasswordPrompt(t *testing.T) {
	m, _, w := newTestMain(t, "")
	why := errors.New("server 127.0.0.1:5432 vraagt een wachtwoord voor gebruiker anna")
	type answer struct {
		password string
		remember bool
	}
	ask := func() (*passwordPrompt, *[]answer) {
		var got []answer
		p := m.askPassword(why, func(password string, remember bool) { got = append(got, answer{password, remember}) })
		typeInto(w, p.entry, "geheim")
		p.remember.SetChecked(true)
		return p, &got
	}
	places := map[string]func(p *passwordPrompt) fyne.Focusable{
		"het wachtwoord":      func(p *passwordPrompt) fyne.Focusable { return p.entry },
		"het oog":             func(p *passwordPrompt) fyne.Focusable { return p.entry.ActionItem.(*keyButton) },
		"Onthouden":           func(p *passwordPrompt) fyne.Focusable { return p.remember },
		"de knop Verbinden":   func(p *passwordPrompt) fyne.Focusable { return overlayKeyButton(t, w, "Verbinden") },
		"de knop Annuleren":   func(p *passwordPrompt) fyne.Focusable { return overlayKeyButton(t, w, "Annuleren") },
		"niets (het venster)": func(*passwordPrompt) fyne.Focusable { return nil },
	}
	for place, focus := range places {
		p, got := ask()
		if f := focus(p); f != nil {
			w.Canvas().Focus(f)
			f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		} else {
			w.Canvas().Unfocus()
			w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
		}
		if len(*got) != 1 || (*got)[0].password != "" || w.Canvas().Overlays().Top() != nil {
			t.Fatalf("Escape in %s: antwoorden %+v, nog open: %v", place, *got, w.Canvas().Overlays().Top() != nil)
		}
	}
	for place, focus := range map[string]func(p *passwordPrompt) fyne.Focusable{
		"het wachtwoord": func(p *passwordPrompt) fyne.Focusable { return p.entry },
		"Onthouden":      func(p *passwordPrompt) fyne.Focusable { return p.remember },
	} {
		p, got := ask()
		focus(p).TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		if len(*got) != 1 || (*got)[0] != (answer{"geheim", true}) || w.Canvas().Overlays().Top() != nil {
			t.Fatalf("Enter in %s: antwoorden %+v", place, *got)
		}
	}
}

// overlayKeyButton is the keyButton with the text on top of w.
func overlayKeyButton(t *testing.T, w fyne.Window, text string) *keyButton {
	t.Helper()
	var found *keyButton
	walkObjects(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if b, ok := o.(*keyButton); ok && b.Text == text {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("geen knop %q bovenaan", text)
	}
	return found
}

// TestFigureForRemovedInterventionInTheWindow: a colleague enters a figure
// for an intervention that was removed here meanwhile. After Synchroniseren
// Conflicten shows the figure with its value and one button, Verwijderd
// laten (it went with the intervention and cannot be kept by itself),
// which closes the conflict.
func TestFigureForRemovedInterventionInTheWindow(t *testing.T) {
	m, s, _, srv, dsn := newTeamTestMain(t)
	other := colleague(t, s, srv, dsn)
	all, err := s.Interventies(false)
	if err != nil {
		t.Fatal(err)
	}
	gone := all[len(all)-1]
	if _, err := other.RecordBereikInvoer(store.BereikInvoer{Interventie: gone.Naam, Periode: "2031", Waarde: "77",
		Bron: "test", Maat: "deelnemers", Eenheid: "deelnemers"}); err != nil {
		t.Fatal(err)
	}
	if _, err := team.Sync(context.Background(), other, srv, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteInterventie(gone.ID); err != nil {
		t.Fatal(err)
	}
	m.onSync()
	v := m.showConflicts()
	list, err := team.OpenConflicten(s)
	if err != nil {
		t.Fatal(err)
	}
	var figure *team.Conflict
	for i := range list {
		if list[i].Entiteit == "bereik" {
			figure = &list[i]
		}
	}
	if figure == nil || !figure.MeeVerwijderd() || !strings.Contains(figure.Omschrijving(), "77") ||
		!strings.Contains(figure.Omschrijving(), gone.Naam) {
		t.Fatalf("geen conflict over het cijfer 77 bij %s: %+v", gone.Naam, list)
	}
	buttons := v.buttons[figure.ID]
	if len(buttons) != 1 || buttons[0].Text != "Verwijderd laten" {
		t.Fatalf("knoppen bij het meeverwijderde cijfer: %+v", buttons)
	}
	// one button, and a line says why and what is left to do
	if shown := gridTexts(v.list.Objects); !strings.Contains(shown, "Kan niet alleen terugkomen") || !strings.Contains(shown, "opnieuw in te voeren") {
		t.Fatalf("Conflicten zegt niet wat er met het cijfer kan: %q", shown)
	}
	test.Tap(buttons[0])
	open, err := team.OpenConflicten(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range open {
		if c.ID == figure.ID {
			t.Fatalf("na Verwijderd laten nog open: %s", c.Omschrijving())
		}
	}
}

// TestSettledChoiceInWords: a settled conflict says in words which side
// was kept, by its value; a record restored or left removed with the
// record it referred to says so; a choice of another kind is shown as it
// was recorded.
func TestSettledChoiceInWords(t *testing.T) {
	first := team.Wijziging{Actie: domain.ActieGewijzigd, NieuweWaarde: "1300"}
	second := team.Wijziging{Actie: domain.ActieGewijzigd, NieuweWaarde: "1400"}
	for _, c := range []struct {
		conflict team.Conflict
		want     string
	}{
		{team.Conflict{Eerste: first, Tweede: second, Keuze: `eerste: gewijzigd "1300"`}, "eerste gehouden: “1300”"},
		{team.Conflict{Eerste: first, Tweede: second, Keuze: `tweede: gewijzigd "1400"`}, "tweede gehouden: “1400”"},
		{team.Conflict{Eerste: first, Tweede: second, Keuze: `terugzetten: gewijzigd "1400"`}, "verwijderde teruggezet"},
		{team.Conflict{Eerste: first, Tweede: team.Wijziging{Actie: "mee verwijderd"}, Keuze: `tweede: mee verwijderd ""`}, "verwijderd gelaten"},
		{team.Conflict{Eerste: team.Wijziging{Actie: domain.ActieVerwijderd}, Tweede: second, Keuze: `eerste: verwijderd ""`}, "eerste gehouden: verwijderd"},
		{team.Conflict{Eerste: first, Tweede: second, Keuze: "anders"}, "anders"},
	} {
		if got := choiceText(c.conflict); got != c.want {
			t.Errorf("keuze %q: %q, verwacht %q", c.conflict.Keuze, got, c.want)
		}
	}
}

// TestSyncKeepsTheOpenIntervention: an intervention open in the register's
// detail view stays open through Synchroniseren, with what a colleague
// changed in it; once the colleague removed it, the next synchronisation
// returns to the list and says who removed it.
func TestSyncKeepsTheOpenIntervention(t *testing.T) {
	m, s, w, srv, dsn := newTeamTestMain(t)
	other := colleague(t, s, srv, dsn)
	sc := m.navigate(pageInterventies).(*interventiesScreen)
	item, err := s.InterventieByNaam("Jongerencentra")
	if err != nil {
		t.Fatal(err)
	}
	sc.onOpen(item)
	theirs, err := other.InterventieByNaam("Jongerencentra")
	if err != nil {
		t.Fatal(err)
	}
	theirs.Werkwijze = "werkwijze van bram"
	if err := other.UpdateInterventie(&theirs); err != nil {
		t.Fatal(err)
	}
	if _, err := team.Sync(context.Background(), other, srv, nil); err != nil {
		t.Fatal(err)
	}
	m.onSync()
	if m.screens[pageInterventies] != sc || !sc.holding() || m.body.Objects[0] != sc.Content() {
		t.Fatal("na synchroniseren is de open interventie gesloten")
	}
	if sc.detail.item.ID != item.ID || sc.detail.item.Werkwijze != "werkwijze van bram" {
		t.Fatalf("de open interventie is niet opnieuw gelezen: %+v", sc.detail.item)
	}

	if err := other.DeleteInterventie(theirs.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := team.Sync(context.Background(), other, srv, nil); err != nil {
		t.Fatal(err)
	}
	m.onSync()
	if sc.holding() {
		t.Fatal("de door de collega verwijderde interventie staat nog open")
	}
	if got := overlayText(w); !strings.Contains(got, "Jongerencentra is verwijderd door bram") || !strings.Contains(got, "lijst van interventies") {
		t.Fatalf("melding na synchroniseren: %q", got)
	}
}
