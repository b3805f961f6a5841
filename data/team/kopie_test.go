package team

import (
	"errors"
	"fmt"
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
	if err == nil || !strings.Contains(err.Error(), "al een andere wijziging") {
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
		}, "duplicate key"},
	} {
		t.Run(name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() { done <- srv.transaction(func(tx txn) error { return sendIn(tx, "h", 0, tc.src, nil) }) }()
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
