package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"jeugdmonitor/data/cbs/odata"
	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/register/registertest"
	"jeugdmonitor/data/store"
	"jeugdmonitor/data/team/pgtest"
)

func TestMain(m *testing.M) {
	time.Local = time.UTC // the times in the goldens do not depend on the machine's zone
	// Bijwerken vanuit CBS never reaches the internet from a test: a closed
	// local port answers at once that there is no connection
	os.Setenv(odata.URLVariabele, "http://127.0.0.1:1/ODataApi/odata")
	os.Exit(pgtest.Main(m))
}

// clock is a fixed moment, so the audit trail and the goldens are stable.
func clock() time.Time { return time.Date(2026, 11, 22, 10, 30, 0, 0, time.UTC) }

// newTestMain opens the built-in register in a fresh database at dir and
// shows the main window on it, with background work run synchronously.
func newTestMain(t *testing.T, dir string) (*Main, *store.Store, fyne.Window) {
	t.Helper()
	return newTestMainShowing(t, dir, nil)
}

// newTestMainShowing is newTestMain with the window writing database paths
// through pathText (nil: as they are).
func newTestMainShowing(t *testing.T, dir string, pathText func(string) string) (*Main, *store.Store, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	s := registertest.Open(t, dir, store.Options{Now: clock}, nil)
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	m := newMain(a, w, nil)
	m.sync = true
	m.pathText = pathText
	// Start on the register: the Overzicht draws its charts on goroutines of
	// its own (tested in its package), which would race with these tests.
	m.current = pageInterventies
	w.SetContent(m.content())
	w.Resize(fyne.NewSize(1280, 720))
	m.useStore(s)
	return m, s, w
}

// enter presses Enter in an entry.
func enter(e *entry) { e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) }

// typeInto focuses an entry in its window and types text into it.
func typeInto(w fyne.Window, e *entry, text string) {
	w.Canvas().Focus(e)
	test.Type(e, text)
}

// reachOf returns the stored reach of the named intervention in a period.
func reachOf(t *testing.T, s *store.Store, naam, periode string) *domain.Bereik {
	t.Helper()
	i, err := s.InterventieByNaam(naam)
	if err != nil {
		t.Fatal(err)
	}
	all, err := s.BereikVan(i.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range all {
		if b.Periode == periode {
			return &b
		}
	}
	return nil
}

func countChanges(t *testing.T, s *store.Store) int {
	t.Helper()
	rows, err := s.Wijzigingen(store.WijzigingFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return len(rows)
}

func TestReachFormTypingAndEnterStoresRowAndAudit(t *testing.T) {
	m, s, w := newTestMain(t, t.TempDir())
	f := m.navigate(pageBereik).(*bereikScreen).form

	typeInto(w, f.interventie, "ambulant jongeren")
	if len(f.suggestions) == 0 || f.suggestions[0].Naam != "Ambulant jongerenwerk" {
		t.Fatalf("picker offers %v, want Ambulant jongerenwerk first", f.suggestions)
	}
	enter(f.interventie)
	if f.interventie.Text != "Ambulant jongerenwerk" {
		t.Fatalf("picker chose %q", f.interventie.Text)
	}
	typeInto(w, f.periode, "2023")
	typeInto(w, f.waarde, "3.612")
	if !strings.Contains(f.preview.Text, "minimaal 3.500 jongeren") || !strings.Contains(f.preview.Text, "103%") {
		t.Errorf("live preview = %q, want the 2023 target and 103%%", f.preview.Text)
	}
	if !strings.Contains(f.preview.Text, "103% gerealiseerd; gehaald: 112 jongeren boven het minimum.") {
		t.Errorf("live preview = %q, want how far over the minimum", f.preview.Text)
	}
	typeInto(w, f.bron, "jaarverslag Travers 2023")
	enter(f.bron)

	b := reachOf(t, s, "Ambulant jongerenwerk", "2023")
	if b == nil || b.Waarde != 3612 || b.Eenheid != "jongeren" || b.Gebruiker != "tester" {
		t.Fatalf("stored reach = %+v", b)
	}
	audit, err := s.Wijzigingen(store.WijzigingFilter{Entiteit: "bereik", EntiteitID: b.ID})
	if err != nil || len(audit) == 0 {
		t.Fatalf("no audit rows for the reach (%v)", err)
	}
	for _, a := range audit {
		if a.Gebruiker != "tester" || a.Actie != domain.ActieToegevoegd {
			t.Errorf("audit row %+v", a)
		}
	}
	if len(f.history) == 0 || f.history[len(f.history)-1].ID != b.ID {
		t.Errorf("history does not show the saved entry: %+v", f.history)
	}
	if !strings.Contains(historyWho(f.history[len(f.history)-1]), "tester") {
		t.Errorf("history does not say who: %q", historyWho(f.history[len(f.history)-1]))
	}
	if !strings.Contains(f.message.Text, "Opgeslagen") || f.waarde.Text != "" || f.dirty() {
		t.Errorf("after saving: message %q, value %q", f.message.Text, f.waarde.Text)
	}
}

func TestReachFormInvalidInputShowsErrorAndStoresNothing(t *testing.T) {
	m, s, w := newTestMain(t, t.TempDir())
	f := m.navigate(pageBereik).(*bereikScreen).form
	before := countChanges(t, s)

	f.interventie.SetText("Ambulant jongerenwerk")
	typeInto(w, f.periode, "2024-H3")
	typeInto(w, f.waarde, "12,5")
	m.save()

	if msg := f.fields.message("periode"); !strings.Contains(msg, "halfjaar 3") {
		t.Errorf("periode message = %q", msg)
	}
	if msg := f.fields.message("waarde"); !strings.Contains(msg, "geen heel aantal") {
		t.Errorf("waarde message = %q", msg)
	}
	if after := countChanges(t, s); after != before {
		t.Errorf("audit trail grew from %d to %d", before, after)
	}
	if !f.dirty() {
		t.Error("the rejected input should still be there")
	}
	f.interventie.SetText("")
	m.save()
	if msg := f.fields.message("interventie"); msg == "" {
		t.Error("no message at the intervention")
	}
}

func TestSearchNarrowsTheRegister(t *testing.T) {
	m, _, w := newTestMain(t, t.TempDir())
	sc := m.navigate(pageInterventies).(*interventiesScreen)
	all := len(sc.rows)
	typeInto(w, sc.search, "humanitas")
	if len(sc.rows) == 0 || len(sc.rows) >= all {
		t.Fatalf("search kept %d of %d rows", len(sc.rows), all)
	}
	for _, r := range sc.rows {
		if !r.heading && !strings.Contains(strings.ToLower(r.item.Uitvoerder+r.item.Naam+r.item.Werkwijze+r.item.Doel), "humanitas") {
			t.Errorf("%q does not match", r.item.Naam)
		}
	}
	sc.search.SetText("")
	sc.cluster.SetSelected(string(domain.ClusterHVA))
	if sc.rows[0].title != string(domain.ClusterHVA) || sc.rows[0].meta != "4 interventies" {
		t.Errorf("cluster heading = %q / %q", sc.rows[0].title, sc.rows[0].meta)
	}
	if len(sc.rows) != 5 {
		t.Errorf("cluster filter shows %d rows, want heading + 4", len(sc.rows))
	}
	enter(sc.search)
	if sc.root.Objects[0] != sc.detail.Content() || sc.detail.item.Cluster != domain.ClusterHVA {
		t.Error("Enter in the search did not open the first intervention")
	}
	m.cancel()
	if sc.root.Objects[0] != sc.listPage {
		t.Error("Esc did not return to the list")
	}
}

func TestUndoRestoresThePreviousValue(t *testing.T) {
	m, s, w := newTestMain(t, t.TempDir())
	f := m.navigate(pageBereik).(*bereikScreen).form
	save := func(value string) {
		f.interventie.SetText("Jongerencentra")
		f.periode.SetText("2024")
		typeInto(w, f.waarde, value)
		m.save()
	}
	save("1.400")
	save("1.550")
	if b := reachOf(t, s, "Jongerencentra", "2024"); b == nil || b.Waarde != 1550 {
		t.Fatalf("after two saves: %+v", b)
	}
	m.undoKey()
	if b := reachOf(t, s, "Jongerencentra", "2024"); b == nil || b.Waarde != 1400 {
		t.Fatalf("after undo: %+v, want 1400 again", b)
	}
	m.undoKey()
	if b := reachOf(t, s, "Jongerencentra", "2024"); b != nil {
		t.Fatalf("after second undo: %+v, want no reach", b)
	}
	audit, _ := s.Wijzigingen(store.WijzigingFilter{Entiteit: "bereik"})
	var changed, removed bool
	for _, a := range audit {
		changed = changed || (a.Actie == domain.ActieGewijzigd && a.Veld == "waarde" && a.OudeWaarde == "1550" && a.NieuweWaarde == "1400")
		removed = removed || (a.Actie == domain.ActieVerwijderd && a.Veld == "waarde")
	}
	if !changed || !removed {
		t.Errorf("undo is not in the audit trail (changed %v, removed %v)", changed, removed)
	}
	if f.onUndo() {
		t.Error("nothing left to undo, yet undo reported success")
	}
}

func TestBulkGridSavesAllOrNothing(t *testing.T) {
	m, s, w := newTestMain(t, t.TempDir())
	sc := m.navigate(pageBereik).(*bereikScreen)
	sc.tabs.SelectIndex(1)
	g := sc.bulk
	g.organisatie.SetSelected("Travers")
	if len(g.rows) < 3 {
		t.Fatalf("Travers has %d rows", len(g.rows))
	}
	typeInto(w, g.periode, "2024")
	typeInto(w, g.rows[0].waarde, "3.700")
	typeInto(w, g.rows[1].waarde, "veel")
	before := countChanges(t, s)
	m.save()
	if g.rows[1].err.Text == "" || g.rows[0].err.Text != "" {
		t.Fatalf("row messages: %q / %q", g.rows[0].err.Text, g.rows[1].err.Text)
	}
	if reachOf(t, s, g.rows[0].item.Naam, "2024") != nil || countChanges(t, s) != before {
		t.Fatal("a failed batch stored something")
	}
	g.rows[1].waarde.SetText("2.900")
	m.save()
	for _, k := range []int{0, 1} {
		if reachOf(t, s, g.rows[k].item.Naam, "2024") == nil {
			t.Errorf("row %d (%s) not stored", k, g.rows[k].item.Naam)
		}
	}
	if g.rows[1].err.Text != "" || !strings.Contains(g.message.Text, "Opgeslagen: 2") {
		t.Errorf("after saving: %q, %q", g.rows[1].err.Text, g.message.Text)
	}
	if g.rows[0].current.Text != "3.700" {
		t.Errorf("current value shown = %q", g.rows[0].current.Text)
	}
	for _, k := range []int{0, 1} {
		b := reachOf(t, s, g.rows[k].item.Naam, "2024")
		audit, err := s.Wijzigingen(store.WijzigingFilter{Entiteit: "bereik", EntiteitID: b.ID})
		if err != nil || len(audit) == 0 || audit[0].Gebruiker != "tester" {
			t.Errorf("row %d saved from the grid has no audit rows: %v %v", k, audit, err)
		}
	}
}

func TestDeleteAsksAndArchiveKeeps(t *testing.T) {
	m, s, _ := newTestMain(t, t.TempDir())
	sc := m.navigate(pageInterventies).(*interventiesScreen)
	i, err := s.InterventieByNaam("Fakkelteit")
	if err != nil {
		t.Fatal(err)
	}
	sc.onOpen(i)
	test.Tap(sc.detail.archiveButton)
	if got, _ := s.Interventie(i.ID); !got.Gearchiveerd {
		t.Error("archive did not archive")
	}
	test.Tap(sc.detail.deleteButton)
	if _, err := s.Interventie(i.ID); err != nil {
		t.Error("delete removed without asking")
	}
}

// TestDeleteQuestionSaysWhatGoes: the question before removing an
// intervention names its figures and measures, and says plainly when it
// has no figures (it said "met 0 bereikcijfers").
func TestDeleteQuestionSaysWhatGoes(t *testing.T) {
	if got := deleteQuestion("Hervorming dyslexie", 3); !strings.HasPrefix(got,
		"Hervorming dyslexie wordt verwijderd met 3 bereikcijfers, haar maten en de koppelingen aan doelstellingen. Dit blijft") {
		t.Errorf("met cijfers: %q", got)
	}
	if got := deleteQuestion("Samen voor een stevige basis", 0); strings.Contains(got, "0 bereikcijfers") ||
		!strings.HasPrefix(got, "Samen voor een stevige basis wordt verwijderd met haar maten en de koppelingen aan doelstellingen; bereikcijfers heeft ze niet. Dit blijft") {
		t.Errorf("zonder cijfers: %q", got)
	}
}

// goldenMain is newTestMain for a test that compares images: the window
// writes the database's folder as /tmp/dirName whatever the temporary folder
// is (the goldens show it), and the theme is the program's light theme,
// which users see and which has every font the screens use (Help needs bold
// monospace, which the test theme lacks).
func goldenMain(t *testing.T, dirName string) (*Main, *store.Store, fyne.Window) {
	t.Helper()
	// Fyne stamps a widget's renderer with the clock of the last drawing
	// (any canvas's Capture) and drops the ones stamped over a minute ago at
	// the next: in a test process that drew nothing for a minute (the race
	// detector's run of this package) the screens came out with widgets
	// missing or not laid out. Drawing an empty canvas brings the clock up
	// to date before the screens are built.
	test.NewTempWindow(t, nil).Canvas().Capture()
	dir := t.TempDir()
	m, s, w := newTestMainShowing(t, dir, func(p string) string {
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			t.Fatalf("database %s not in %s: %v", p, dir, err)
		}
		return "/tmp/" + dirName + "/" + filepath.ToSlash(rel)
	})
	test.ApplyTheme(t, themeFor(themeLicht))
	w.Resize(fyne.NewSize(1280, 720))
	return m, s, w
}

// TestGoldenScreens compares every main screen on the built-in register with
// its image in testdata (the Overzicht has its own goldens in its package).
// The window writes the database's folder as a fixed path because the goldens show it.
func TestGoldenScreens(t *testing.T) {
	m, _, w := goldenMain(t, "jeugdmonitor-ui-golden")
	names := map[int]string{pageInterventies: "interventies", pageBereik: "bereik", pageCijfers: "cijfers",
		pageBegroting: "begroting", pagePreventie: "preventie", pageBesparingen: "besparingen",
		pageWijzigingen: "wijzigingen", pageInstellingen: "instellingen", pageHelp: "help"}
	for id := pageInterventies; id <= pageHelp; id++ {
		m.navigate(id)
		test.AssertImageMatches(t, "screen_"+names[id]+".png", w.Canvas().Capture())
	}
	sc := m.navigate(pageInterventies).(*interventiesScreen)
	i, _ := m.store.InterventieByNaam("Ambulant jongerenwerk")
	sc.onOpen(i)
	test.AssertImageMatches(t, "screen_interventie_detail.png", w.Canvas().Capture())
	m.navigate(pageBereik).(*bereikScreen).tabs.SelectIndex(1)
	test.AssertImageMatches(t, "screen_bereik_tabel.png", w.Canvas().Capture())
}

// TestAuditRowShownWhole: the history shows an imported figure as one
// sentence naming its intervention; choosing it shows it whole, and one
// click shows its audit row as stored.
func TestAuditRowShownWhole(t *testing.T) {
	m, s, w := goldenMain(t, "jeugdmonitor-ui-golden-detail")
	match, err := s.InterventieByNaam("Match")
	if err != nil {
		t.Fatal(err)
	}
	rows := []domain.Bereik{{InterventieID: &match.ID, Periode: "2024", Waarde: 4100, Eenheid: "jongeren",
		Status: domain.StatusDefinitief, BronTekst: "travers.xlsx, blad Blad1, rij 2"}}
	if err := s.Update(func(tx *store.Tx) error { return tx.AddBereikBulk(rows) }); err != nil {
		t.Fatal(err)
	}
	sc := m.navigate(pageWijzigingen).(*wijzigingenScreen)
	if sc.detailBox.Visible() {
		t.Fatal("detail shown before a change is chosen")
	}
	want := "Match, 2024, jongeren: bereik toegevoegd, bereik 4.100 (" + s.User() + ", 22-11-2026 10:30)"
	if len(sc.changes) == 0 || sc.changes[0].Regel() != want {
		t.Fatalf("newest change is not the imported figure as a sentence: %q", sc.changes[0].Regel())
	}
	sc.list.Select(0)
	text := sc.detail.Text
	for _, want := range []string{"Match, 2024, jongeren", "bereik: 4.100", "bron: travers.xlsx, blad Blad1, rij 2"} {
		if !strings.Contains(text, want) {
			t.Fatalf("detail lacks %q:\n%s", want, text)
		}
	}
	if !sc.detailBox.Visible() {
		t.Fatal("detail not shown")
	}
	test.AssertImageMatches(t, "screen_wijzigingen_detail.png", w.Canvas().Capture())
	test.Tap(sc.rawButton)
	if raw := sc.detail.Text; !strings.Contains(raw, "bereik nr. ") || !strings.Contains(raw, "veld "+store.AlleVelden) ||
		!strings.Contains(raw, `\"waarde\":\"4100\"`) {
		t.Fatalf("audit row as stored not shown:\n%s", raw)
	}
	test.Tap(sc.rawButton)
	if sc.detail.Text != text {
		t.Fatalf("second click does not go back to the text:\n%s", sc.detail.Text)
	}
	sc.onFilter()
	if sc.detailBox.Visible() {
		t.Fatal("detail of a change left standing after filtering again")
	}
}

// TestHistoryFilters: the intervention filter keeps the changes of one
// intervention's figures; the kind filter keeps one kind of record.
func TestHistoryFilters(t *testing.T) {
	m, s, _ := newTestMain(t, t.TempDir())
	aj, err := s.InterventieByNaam("Ambulant jongerenwerk")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordBereikInvoer(store.BereikInvoer{Interventie: aj.Naam, Periode: "2025", Waarde: "3.700", Eenheid: "jongeren"}); err != nil {
		t.Fatal(err)
	}
	sc := m.navigate(pageWijzigingen).(*wijzigingenScreen)
	all := len(sc.changes)
	sc.interventie.SetSelected(aj.Naam)
	if len(sc.changes) == 0 || len(sc.changes) >= all {
		t.Fatalf("intervention filter: %d of %d", len(sc.changes), all)
	}
	for _, c := range sc.changes {
		if c.InterventieID != aj.ID {
			t.Fatalf("filter kept %q", c.Regel())
		}
	}
	if !strings.HasPrefix(sc.changes[0].Regel(), "Ambulant jongerenwerk, 2025, jongeren: bereik toegevoegd, bereik 3.700") {
		t.Fatalf("newest change %q", sc.changes[0].Regel())
	}
	sc.interventie.SetSelectedIndex(0)
	sc.soort.SetSelected("besparing")
	if len(sc.changes) == 0 {
		t.Fatal("no savings in the history of the register")
	}
	for _, c := range sc.changes {
		if c.Entiteit != "besparingen" {
			t.Fatalf("kind filter kept %q", c.Regel())
		}
	}
}

// TestBulkGridErrorListStaysOnScreen: a save with an error in every row lists
// them all under the grid, but the list scrolls after five lines instead of
// making the screen taller than a laptop's (the window grew past 768 px).
func TestBulkGridErrorListStaysOnScreen(t *testing.T) {
	m, _, w := newTestMain(t, t.TempDir())
	sc := m.navigate(pageBereik).(*bereikScreen)
	sc.tabs.SelectIndex(1)
	g := sc.bulk
	typeInto(w, g.periode, "2024")
	for _, r := range g.rows[:30] {
		typeInto(w, r.waarde, "veel")
	}
	m.save()
	if n := strings.Count(g.message.Text, "\n"); n < 30 {
		t.Fatalf("message lists %d rows: %q", n, g.message.Text)
	}
	if h, limit := g.content.MinSize().Height, float32(600); h > limit {
		t.Errorf("the grid with 30 row errors needs %.0f px, more than %.0f", h, limit)
	}
}
