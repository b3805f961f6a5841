package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/register/registertest"
	"jeugdmonitor/data/store"
	"jeugdmonitor/data/team"
	"jeugdmonitor/data/team/pgtest"
)

// overlayText is every label's text on the dialogs over w, joined.
func overlayText(w fyne.Window) string {
	_, _, texts := overlayWidgets(w)
	return strings.Join(texts, " ")
}

// chooseInChooser types path into the name field of the file chooser on
// top of w and confirms it with Enter, as a user does.
func chooseInChooser(t *testing.T, w fyne.Window, path string) {
	t.Helper()
	var field *widget.Entry
	walkObjects(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && field == nil {
			field = e
		}
	})
	if field == nil {
		t.Fatalf("geen bestandskiezer open: %q", overlayText(w))
	}
	field.SetText(path)
	field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

// teamSettingsOf shows Instellingen and returns its Teamdatabase part.
func teamSettingsOf(m *Main) *teamSettings {
	m.show(pageInstellingen)
	return m.screen(pageInstellingen).(*instellingenScreen).team
}

// TestInitAndJoinInTheWindow: in Instellingen > Teamdatabase, with an
// address typed, Teamdatabase inrichten sends the whole register of the
// open database to an empty team database after saying so, and keeps the
// address; it refuses a database that is in a team already and a server
// that holds a team register. Both steps can be chosen only where they can
// be done, and the page says why not otherwise. Aansluiten bij een team, from a laptop with
// its own database and own figure, says that database stays as it is,
// refuses an existing file in its chooser, makes the new file with the
// team's register and opens it in the window; a figure entered there
// reaches the first laptop with Synchroniseren.
func TestInitAndJoinInTheWindow(t *testing.T) {
	dsn := pgtest.Database(t)
	addr := pgtest.URL(dsn, "postgres")
	dir := t.TempDir()
	m, first, w := newTestMain(t, dir)
	m.open = func(path string, create bool) (*store.Store, error) {
		return store.Open(path, store.Options{Create: create, Now: clock})
	}
	firstPath := first.Path()

	ts := teamSettingsOf(m)
	if !ts.initButton.Disabled() || !ts.joinButton.Disabled() || !ts.why.Visible() || !strings.Contains(ts.why.Text, "Vul eerst het adres") {
		t.Fatalf("zonder adres zijn Inrichten en Aansluiten te kiezen, of staat er niet waarom niet: %q", ts.why.Text)
	}
	ts.address.SetText(addr)
	if ts.initButton.Disabled() || ts.joinButton.Disabled() || ts.why.Visible() {
		t.Fatalf("met een adres zijn Inrichten en Aansluiten niet te kiezen (%q)", ts.why.Text)
	}
	test.Tap(ts.testButton)
	closeTold(t, w, "Verbinding geslaagd")
	if !strings.Contains(ts.result.Text, "nog geen teamregister") || ts.initButton.Disabled() || !ts.joinButton.Disabled() ||
		!strings.Contains(ts.why.Text, "richt het eerst in met Teamdatabase inrichten") {
		t.Fatalf("na de test van een lege database: %q, inrichten uit %v, aansluiten uit %v, waarom: %q",
			ts.result.Text, ts.initButton.Disabled(), ts.joinButton.Disabled(), ts.why.Text)
	}

	test.Tap(ts.initButton)
	if text := overlayText(w); !strings.Contains(text, "Het hele register van deze database") || !strings.Contains(text, "bewaard") {
		t.Fatalf("de vraag bij Inrichten zegt niet wat er gebeurt: %q", text)
	}
	test.Tap(overlayButton(t, w, "Inrichten"))
	if !strings.Contains(ts.result.Text, "Teamdatabase ingericht met") || ts.result.Importance == widget.DangerImportance {
		t.Fatalf("uitkomst van Inrichten: %q", ts.result.Text)
	}
	if !strings.Contains(overlayText(w), "Aansluiten bij een team") {
		t.Fatalf("geen melding met de uitkomst: %q", overlayText(w))
	}
	test.Tap(overlayButton(t, w, "OK"))
	if saved, ok, err := team.SavedServer(first); err != nil || !ok || saved != addr {
		t.Fatalf("opgeslagen adres %q (%v, %v), verwacht %q", saved, ok, err, addr)
	}
	if in, err := team.InTeam(first); err != nil || !in {
		t.Fatalf("na Inrichten hoort de database niet bij het team (%v)", err)
	}
	if !ts.initButton.Disabled() || !ts.joinButton.Disabled() || !strings.Contains(ts.why.Text, "hoort al bij een team") {
		t.Fatalf("Inrichten (uit %v) en Aansluiten (uit %v) voor een database in een team; waarom: %q",
			ts.initButton.Disabled(), ts.joinButton.Disabled(), ts.why.Text)
	}
	ts.onInit()
	if !strings.Contains(ts.result.Text, "hoort al bij een team") || ts.result.Importance != widget.DangerImportance {
		t.Fatalf("Inrichten vanuit een database in een team: %q", ts.result.Text)
	}
	// without its address the database stays in the team: the page says how to go on
	test.Tap(ts.removeButton)
	test.Tap(overlayButton(t, w, "Verwijderen"))
	if !strings.Contains(ts.saved.Text, "hoort bij een team, maar het adres") || !ts.joinButton.Disabled() {
		t.Fatalf("na Adres verwijderen: %q, aansluiten uit %v", ts.saved.Text, ts.joinButton.Disabled())
	}

	// the colleague's laptop: its own database, with a figure of its own
	own := registertest.Open(t, t.TempDir(), store.Options{User: "bram", Now: clock}, nil)
	ownPath := own.Path()
	naam := interventieNaam(t, own)
	if _, err := own.RecordBereikInvoer(store.BereikInvoer{Interventie: naam, Periode: "2019", Waarde: "77", Bron: "eigen telling",
		Maat: "deelnemers", Eenheid: "deelnemers"}); err != nil {
		t.Fatal(err)
	}
	own.Close()
	m.openDatabase(ownPath, false)
	ts = teamSettingsOf(m)
	ts.address.SetText(addr)
	test.Tap(ts.initButton)
	test.Tap(overlayButton(t, w, "Inrichten"))
	if !strings.Contains(ts.result.Text, "staat al een teamregister") || ts.result.Importance != widget.DangerImportance {
		t.Fatalf("Inrichten op een server met een teamregister: %q", ts.result.Text)
	}
	if told := closeTold(t, w, "Inrichten mislukt"); !strings.Contains(told, "staat al een teamregister") {
		t.Fatalf("de melding van het mislukte inrichten: %q", told)
	}
	if ts.joinButton.Disabled() {
		t.Fatal("Aansluiten is niet te kiezen vanuit een database die niet bij een team hoort")
	}

	test.Tap(ts.joinButton)
	if text := overlayText(w); !strings.Contains(text, "blijft zoals hij is") || !strings.Contains(text, "nieuwe database") {
		t.Fatalf("de vraag bij Aansluiten zegt niet wat er met de eigen database gebeurt: %q", text)
	}
	test.Tap(overlayButton(t, w, "Bestand kiezen…"))
	taken := filepath.Join(dir, "bezet.db")
	if err := os.WriteFile(taken, []byte("van iemand anders"), 0o644); err != nil {
		t.Fatal(err)
	}
	chooseInChooser(t, w, taken)
	if text := overlayText(w); !strings.Contains(text, "bestaat al") {
		t.Fatalf("een bestaand bestand werd niet geweigerd: %q", text)
	}
	if body, _ := os.ReadFile(taken); string(body) != "van iemand anders" {
		t.Fatalf("het bestaande bestand is veranderd: %q", body)
	}
	test.Tap(overlayButton(t, w, "OK"))
	joinedPath := filepath.Join(dir, "team kopie #1.db")
	chooseInChooser(t, w, joinedPath)
	if text := overlayText(w); !strings.Contains(text, "Aangesloten bij het team") {
		t.Fatalf("geen melding na Aansluiten: %q (instellingen: %q)", text, ts.result.Text)
	}
	if m.store.Path() != joinedPath {
		t.Fatalf("het venster werkt in %s, niet in de nieuwe database %s", m.store.Path(), joinedPath)
	}
	if saved, _, _ := team.SavedServer(m.store); saved != addr {
		t.Fatalf("de nieuwe database heeft het adres %q", saved)
	}
	if reachOf(t, m.store, naam, "2019") != nil {
		t.Fatal("het eigen cijfer van de andere database staat in de teamdatabase")
	}

	// the own database stays as it was: its figure, and not in the team
	again, err := store.Open(ownPath, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if b := reachOf(t, again, naam, "2019"); b == nil || b.Waarde != 77 {
		t.Fatalf("het eigen cijfer in de eigen database: %+v", b)
	}
	if in, _ := team.InTeam(again); in {
		t.Fatal("de eigen database hoort na Aansluiten bij het team")
	}
	again.Close()

	// a figure entered in the new database reaches the first laptop
	if _, err := m.store.RecordBereikInvoer(store.BereikInvoer{Interventie: naam, Periode: "2020", Waarde: "42", Bron: "teamtelling",
		Maat: "deelnemers", Eenheid: "deelnemers"}); err != nil {
		t.Fatal(err)
	}
	m.onSync()
	if !strings.Contains(m.status.Text, "Gesynchroniseerd") {
		t.Fatalf("statusregel na synchroniseren: %q", m.status.Text)
	}
	founder, err := store.Open(firstPath, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer founder.Close()
	srv, err := team.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if _, err := team.Sync(context.Background(), founder, srv, nil); err != nil {
		t.Fatal(err)
	}
	if b := reachOf(t, founder, naam, "2020"); b == nil || b.Waarde != 42 {
		t.Fatalf("het cijfer van de collega op de eerste laptop: %+v", b)
	}
}

// interventieNaam is the name of the first intervention of the register.
func interventieNaam(t *testing.T, s *store.Store) string {
	t.Helper()
	all, err := s.Interventies(false)
	if err != nil || len(all) == 0 {
		t.Fatalf("interventies: %v", err)
	}
	return all[0].Naam
}
