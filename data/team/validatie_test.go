package team

import (
	"strings"
	"testing"
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
	naam := interventies(t, a)[0].Naam
	reach(t, a, naam, "2026-H1", "10")
	sync(t, a, srv)
	sync(t, b, srv)
	var sleutel string
	if err := srv.db.Raw("SELECT sleutel FROM team_wijzigingen WHERE entiteit = 'bereik' AND veld = 'waarde' ORDER BY volgnummer DESC LIMIT 1").
		Scan(&sleutel).Error; err != nil || sleutel == "" {
		t.Fatalf("sleutel van het cijfer: %q, %v", sleutel, err)
	}
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
