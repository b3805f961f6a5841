package team

import (
	"strings"
	"testing"
	"time"
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
	if _, err := srv.send([]Wijziging{c}, nil); err != nil {
		t.Fatal(err)
	}
	before := serverCount(t, srv)
	if _, err := srv.send([]Wijziging{c}, nil); err != nil {
		t.Fatalf("dezelfde wijziging opnieuw: %v", err)
	}
	c.NieuweWaarde = "81"
	// with a new change before it: that one is not stored either
	d := c
	d.ID, d.Veld = "h.12.0123456789abcdef", "notitie"
	_, err := srv.send([]Wijziging{d, c}, nil)
	if err == nil || !strings.Contains(err.Error(), "al een andere wijziging") {
		t.Fatalf("andere inhoud onder een bekend nummer: %v", err)
	}
	if n := serverCount(t, srv); n != before {
		t.Fatalf("%d wijzigingen in de teamdatabase, verwacht %d", n, before)
	}
}
