package team

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"jeugdmonitor/data/store"
)

// TestKnownIDWithOtherContentIsRefused: the team database skips a change
// sent again with the same content (a retried synchronisation), but refuses
// a different change under an id it has, instead of dropping it silently,
// and then stores nothing of what was sent with it.
func TestKnownIDWithOtherContentIsRefused(t *testing.T) {
	srv, _ := teamServer(t)
	founder(t, srv, "anna")
	c := Wijziging{ID: "h.11.0123456789abcdef", Herkomst: "h", Gebruiker: "anna", Tijd: time.Now(), Actie: "gewijzigd",
		Entiteit: "bereik", Sleutel: "k", Veld: "waarde", NieuweWaarde: "80"}
	if err := sendAll(srv, []Wijziging{c}); err != nil {
		t.Fatal(err)
	}
	before := serverCount(t, srv)
	if err := sendAll(srv, []Wijziging{c}); err != nil {
		t.Fatalf("dezelfde wijziging opnieuw: %v", err)
	}
	c.NieuweWaarde = "81"
	// with a new change before it: that one is not stored either
	d := c
	d.ID, d.Veld = "h.12.0123456789abcdef", "notitie"
	err := sendAll(srv, []Wijziging{d, c})
	if !errors.Is(err, errIDTaken) || !strings.Contains(err.Error(), "al een andere wijziging") {
		t.Fatalf("andere inhoud onder een bekend nummer: %v", err)
	}
	if n := serverCount(t, srv); n != before {
		t.Fatalf("%d wijzigingen in de teamdatabase, verwacht %d", n, before)
	}
}

// TestSendStopsWholeWhenConvertingOrStoringFails: changes are converted
// while the team database stores them; when converting fails halfway, or
// the team database refuses a change halfway (here: an id twice), the
// send ends with the error, without waiting for ever, and stores nothing.
func TestSendStopsWholeWhenConvertingOrStoringFails(t *testing.T) {
	srv, _ := teamServer(t)
	founder(t, srv, "anna")
	before := serverCount(t, srv)
	change := func(i int) Wijziging {
		return Wijziging{ID: fmt.Sprintf("h.%d.0123456789abcdef", i), Herkomst: "h", Gebruiker: "anna", Tijd: time.Now(),
			Actie: "gewijzigd", Entiteit: "bereik", Sleutel: "k", Veld: "waarde", NieuweWaarde: fmt.Sprint(i)}
	}
	broken := errors.New("logboekregel 3001 is onleesbaar")
	for name, tc := range map[string]struct {
		src  changeSource
		want string
	}{
		"omzetten mislukt": {func(emit func([]Wijziging) error) error {
			for i := range 5000 {
				if i == 3000 {
					return broken
				}
				if err := emit([]Wijziging{change(i)}); err != nil {
					return err
				}
			}
			return nil
		}, broken.Error()},
		"opslaan geweigerd": {func(emit func([]Wijziging) error) error {
			for i := range 5000 {
				if err := emit([]Wijziging{change(i % 2500)}); err != nil {
					return err
				}
			}
			return nil
		}, "al een andere wijziging"},
	} {
		t.Run(name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() {
				done <- srv.transaction(func(tx txn) error { _, _, err := sendIn(tx, "h", 0, tc.src, nil); return err })
			}()
			select {
			case err := <-done:
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("fout %v, verwacht %q", err, tc.want)
				}
			case <-time.After(time.Minute):
				t.Fatal("het versturen bleef hangen")
			}
			if n := serverCount(t, srv); n != before {
				t.Fatalf("%d wijzigingen in de teamdatabase, verwacht %d", n, before)
			}
		})
	}
}

// TestChangesForgedUnderALaptopsName: a change written into the team
// database past the program under a laptop's origin, with an id that
// origin never gives, is applied by that laptop too (it takes a new origin,
// as a copy does), so all laptops agree; and a change of someone else under
// the id a laptop gives its next change does not block that laptop: it
// takes a new origin and sends its change under new ids.
func TestChangesForgedUnderALaptopsName(t *testing.T) {
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	b := member(t, srv, "bram")
	var key string // of anna's first intervention
	if err := a.ReadRaw(func(db *gorm.DB) error {
		return db.Raw("SELECT sleutel FROM team_sleutels WHERE entiteit = 'interventies' AND lokaal_id = ?", interventies(t, a)[0].ID).
			Scan(&key).Error
	}); err != nil || key == "" {
		t.Fatalf("sleutel %q: %v", key, err)
	}
	forge := func(id, herkomst, value string) {
		t.Helper()
		if err := srv.db.Exec(`INSERT INTO team_wijzigingen (wijziging_id, herkomst, basis, gebruiker, tijd, actie, entiteit, sleutel,
    veld, oude_waarde, nieuwe_waarde) VALUES (?, ?, 0, 'mallory', now(), 'gewijzigd', 'interventies', ?, 'werkwijze', '', ?)`,
			id, herkomst, key, value).Error; err != nil {
			t.Fatal(err)
		}
	}
	first := func(s *store.Store) string { return interventies(t, s)[0].Werkwijze }
	before := state(t, b).Herkomst
	forge(before+".vals", before, "vals onder de naam van bram")
	sync(t, a, srv)
	sync(t, b, srv)
	if first(a) != "vals onder de naam van bram" || first(b) != first(a) {
		t.Fatalf("werkwijze bij anna %q, bij bram %q", first(a), first(b))
	}
	if state(t, b).Herkomst == before {
		t.Fatal("bram hield zijn herkomst na een wijziging onder zijn naam die hij niet maakte")
	}
	sameContent(t, a, b)

	iv := interventies(t, b)[1]
	iv.Werkwijze = "van bram"
	if err := b.UpdateInterventie(&iv); err != nil {
		t.Fatal(err)
	}
	next := pending(t, b)
	if len(next) == 0 {
		t.Fatal("niets te versturen")
	}
	forge(next[0].ID, "mallory", "bezet")
	sync(t, b, srv)
	sync(t, a, srv)
	if got := interventies(t, a)[1].Werkwijze; got != "van bram" {
		t.Fatalf("de wijziging van bram kwam niet aan bij anna: %q", got)
	}
	sameContent(t, a, b)
}

// TestNewOriginDoesNotApplyOwnChangesAgain: a laptop that sent a figure
// but was cut off before it received (so the team has its change after
// the point up to which it received), and then takes a new origin because
// a change was written under its name, does not apply its own figure a
// second time as if a colleague had added it.
func TestNewOriginDoesNotApplyOwnChangesAgain(t *testing.T) {
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	b := member(t, srv, "bram")
	reach(t, a, interventies(t, a)[0].Naam, "2030", "7") // something for bram to receive
	sync(t, a, srv)
	reach(t, b, interventies(t, b)[1].Naam, "2031", "5")
	cutOff = func(m string) error {
		if m == "toegepast" {
			return errors.New("netwerk weg")
		}
		return nil
	}
	_, err := Sync(context.Background(), b, srv, nil)
	cutOff = nil
	if err == nil {
		t.Fatal("de sync werd niet afgebroken")
	}
	before := state(t, b).Herkomst
	if err := srv.db.Exec(`INSERT INTO team_wijzigingen (wijziging_id, herkomst, basis, gebruiker, tijd, actie, entiteit, sleutel,
    veld, oude_waarde, nieuwe_waarde) VALUES (?, ?, 0, 'mallory', now(), 'gewijzigd', 'interventies', 'onbekend', 'werkwijze', '', 'x')`,
		before+".vals", before).Error; err != nil {
		t.Fatal(err)
	}
	trail := func() int {
		t.Helper()
		rows, err := b.Wijzigingen(store.WijzigingFilter{Entiteit: "bereik"})
		if err != nil {
			t.Fatal(err)
		}
		return len(rows)
	}
	own := trail()
	res := sync(t, b, srv)
	if state(t, b).Herkomst == before {
		t.Fatal("bram kreeg geen nieuwe herkomst")
	}
	// anna's figure arrives (one row); bram's own is not applied again
	if got := trail(); got != own+1 {
		t.Fatalf("logboek van bram over bereik: %d regels, daarvoor %d (verwacht %d); %+v", got, own, own+1, res)
	}
	sync(t, a, srv)
	sameContent(t, a, b)
}
