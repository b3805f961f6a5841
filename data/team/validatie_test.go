package team

import (
	"strings"
	"testing"

	"jeugdmonitor/data/store"
)

// TestFetchedChangesAreChecked: a role with the right to add writes changes
// straight into the team database (with psql, past the program): a reach
// figure of 1e308, a note longer than domain.MaxTekst, a note with a control
// character. A laptop applies none of them, keeps each as a refused change
// saying why in Dutch, and applies the valid change that follows.
func TestFetchedChangesAreChecked(t *testing.T) {
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	b := member(t, srv, "bram")
	sleutel := sentFigure(t, srv, a)
	sync(t, b, srv)
	head := int64(0)
	if err := srv.db.Raw("SELECT max(volgnummer) FROM team_wijzigingen").Scan(&head).Error; err != nil {
		t.Fatal(err)
	}
	for i, c := range [][2]string{{"waarde", "1e308"}, {"notitie", strings.Repeat("x", 10_001)},
		{"notitie", "regel\x07met BEL"}, {"notitie", "rechtstreeks\x1b[2J"}, {"waarde", "12"}} {
		if err := srv.db.Exec(`INSERT INTO team_wijzigingen (wijziging_id, herkomst, basis, gebruiker, tijd, actie, entiteit,
    sleutel, veld, oude_waarde, nieuwe_waarde) VALUES (?, 'psql', ?, 'indringer', now(), 'gewijzigd', 'bereik', ?, ?, '', ?)`,
			"psql."+string(rune('a'+i)), head, sleutel, c[0], c[1]).Error; err != nil {
			t.Fatal(err)
		}
	}
	sync(t, b, srv)
	var found bool
	r, err := b.BereikVan(interventies(t, b)[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range r {
		if x.Periode == "2026-H1" {
			found = true
			if x.Waarde != 12 || x.Notitie != "" {
				t.Fatalf("cijfer %v, notitie van %d tekens: een ongeldige wijziging is toegepast of de geldige niet", x.Waarde, len(x.Notitie))
			}
		}
	}
	if !found {
		t.Fatal("het cijfer ontbreekt")
	}
	list := conflicts(t, b)
	if len(list) != 4 {
		t.Fatalf("%d geweigerde wijzigingen, verwacht 4: %v", len(list), list)
	}
	for i, want := range []string{"geen geldig getal", "hoogstens 10.000 tekens", "stuurteken U+0007", "stuurteken U+001B"} {
		if list[i].Eerste.Actie != refusedAction || !strings.Contains(list[i].Omschrijving(), want) {
			t.Fatalf("geweigerde wijziging %d: %s; verwacht %q", i+1, list[i].Omschrijving(), want)
		}
	}
}

// TestUnknownTableIsRefused: a change about a table the team does not share
// (one that does not exist, and the laptop's own team bookkeeping) written
// into the team database past the program does not stop a synchronisation
// nor a join: each becomes a refused change naming the table, and the valid
// change after them is applied.
func TestUnknownTableIsRefused(t *testing.T) {
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	sleutel := sentFigure(t, srv, a)
	for i, c := range [][4]string{{"bestaatniet", "x", "1", "gewijzigd"}, {"team_staat", "waarde", "kapot", "gewijzigd"},
		{"bestaatniet", "y", "2", "toegevoegd"}, {"bereik", "waarde", "12", "gewijzigd"}} {
		if err := srv.db.Exec(`INSERT INTO team_wijzigingen (wijziging_id, herkomst, basis, gebruiker, tijd, actie, entiteit,
    sleutel, veld, oude_waarde, nieuwe_waarde) VALUES (?, 'psql', 0, 'indringer', now(), ?, ?, ?, ?, '', ?)`,
			"psql.t"+string(rune('a'+i)), c[3], c[0], sleutel, c[1], c[2]).Error; err != nil {
			t.Fatal(err)
		}
	}
	b := member(t, srv, "bram")
	r, err := b.BereikVan(interventies(t, b)[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	var waarde float64
	for _, x := range r {
		if x.Periode == "2026-H1" {
			waarde = x.Waarde
		}
	}
	if waarde != 12 {
		t.Fatalf("cijfer 2026-H1 na het koppelen: %v; verwacht 12", waarde)
	}
	list := conflicts(t, b)
	if len(list) != 3 {
		t.Fatalf("%d geweigerde wijzigingen, verwacht 3: %v", len(list), list)
	}
	for i, want := range []string{`onbekende tabel "bestaatniet"`, `onbekende tabel "team_staat"`, `onbekende tabel "bestaatniet"`} {
		if list[i].Eerste.Actie != refusedAction || !strings.Contains(list[i].Omschrijving(), want) ||
			!strings.Contains(list[i].Omschrijving(), "indringer") {
			t.Fatalf("geweigerde wijziging %d: %s; verwacht %q en de naam van de schrijver", i+1, list[i].Omschrijving(), want)
		}
	}
}

// TestOverlongChangeIsBounded: a note of two million characters and an
// author with an escape sequence, written into the team database past the
// program, and a change claiming to conflict with that note. The laptop
// keeps the note as a refused change that states its length, stores only
// its start, shows no control character, and the earlier side of the
// conflict is the reason, not the note.
func TestOverlongChangeIsBounded(t *testing.T) {
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	sleutel := sentFigure(t, srv, a)
	for _, c := range [][4]string{{"psql.groot", "indringer\x1b[31m", strings.Repeat("x", 2_000_000), ""},
		{"psql.kort", "indringer", "kort", "psql.groot"}} {
		if err := srv.db.Exec(`INSERT INTO team_wijzigingen (wijziging_id, herkomst, basis, gebruiker, tijd, actie, entiteit,
    sleutel, veld, oude_waarde, nieuwe_waarde, conflict_met) VALUES (?, 'psql', 0, ?, now(), 'gewijzigd', 'bereik', ?, 'notitie', '', ?, ?)`,
			c[0], c[1], sleutel, c[2], c[3]).Error; err != nil {
			t.Fatal(err)
		}
	}
	b := member(t, srv, "bram")
	var longest int
	if err := b.UpdateRaw(func(r *store.RawTx) error {
		return r.DB().Raw("SELECT max(max(length(eerste_waarde)), max(length(tweede_waarde))) FROM team_conflicten").
			Scan(&longest).Error
	}); err != nil {
		t.Fatal(err)
	}
	if longest > 1000 {
		t.Fatalf("een geweigerde wijziging houdt %d tekens; verwacht alleen het begin", longest)
	}
	list := conflicts(t, b)
	if len(list) != 2 {
		t.Fatalf("%d conflicten, verwacht 2: %v", len(list), list)
	}
	for _, c := range list {
		text := c.Omschrijving()
		if !strings.Contains(text, "2.000.000 tekens") || strings.ContainsRune(text, '\x1b') {
			t.Fatalf("conflict %q: verwacht de lengte 2.000.000 tekens en geen stuurteken", text)
		}
	}
	if !strings.Contains(list[0].Omschrijving(), `indringer\u001b[31m`) {
		t.Fatalf("conflict %q: verwacht de naam met het stuurteken zichtbaar geschreven", list[0].Omschrijving())
	}
}

// sentFigure records a reach figure (2026-H1: 10) for the first
// intervention of laptop a, synchronises it and gives the figure's
// team-wide key, for changes written past the program.
func sentFigure(t *testing.T, srv *Server, a *store.Store) string {
	t.Helper()
	reach(t, a, interventies(t, a)[0].Naam, "2026-H1", "10")
	sync(t, a, srv)
	var sleutel string
	if err := srv.db.Raw("SELECT sleutel FROM team_wijzigingen WHERE entiteit = 'bereik' AND veld = 'waarde' ORDER BY volgnummer DESC LIMIT 1").
		Scan(&sleutel).Error; err != nil || sleutel == "" {
		t.Fatalf("sleutel van het cijfer: %q, %v", sleutel, err)
	}
	return sleutel
}
