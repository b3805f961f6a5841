package ui

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/team"
	"jeugdmonitor/data/team/pgtest"
)

// TestGrantInTheWindow: in Instellingen > Teamdatabase the owner of the
// team database gives a colleague's server user the right to read and
// send (only the columns a send fills), or to read only, with Rechten
// geven (its button, or Enter in the name); the page and a message say
// what the colleague may now do.
func TestGrantInTheWindow(t *testing.T) {
	m, s, w, srv, dsn := newTeamTestMain(t)
	if _, err := team.Init(s, srv); err != nil {
		t.Fatal(err)
	}
	role := fmt.Sprintf("collega%d", os.Getpid())
	pgtest.Role(t, role, "")
	db, err := pgtest.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	if sqlDB, err := db.DB(); err == nil {
		t.Cleanup(func() { sqlDB.Close() })
	}
	ts := teamSettingsOf(m)
	if !ts.grantButton.Disabled() {
		t.Fatal("Rechten geven is te kiezen zonder adres")
	}
	ts.address.SetText(pgtest.URL(dsn, "postgres"))
	for _, c := range []struct {
		choice, says                    string
		read, sendValue, sendVolgnummer bool
	}{
		{rechtLezenTekst, "mag nu het teamregister lezen, maar geen wijzigingen versturen", true, false, false},
		{rechtSchrijvenTekst, "mag nu het teamregister lezen en eigen wijzigingen versturen", true, true, false},
	} {
		test.Tap(ts.grantButton)
		var name *widget.Entry
		var right *widget.RadioGroup
		walkObjects(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
			switch o := o.(type) {
			case *widget.Entry:
				name = o
			case *widget.RadioGroup:
				right = o
			}
		})
		if name == nil || right == nil {
			t.Fatalf("geen formulier voor Rechten geven: %q", overlayText(w))
		}
		right.SetSelected(c.choice)
		test.Type(name, role)
		if c.choice == rechtLezenTekst {
			test.Tap(overlayButton(t, w, "Rechten geven"))
		} else {
			name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter in the name gives too
		}
		if !strings.Contains(ts.result.Text, c.says) || !strings.Contains(overlayText(w), c.says) {
			t.Fatalf("na Rechten geven (%s): pagina %q, melding %q", c.choice, ts.result.Text, overlayText(w))
		}
		test.Tap(overlayButton(t, w, "OK"))
		for what, want := range map[string]bool{
			"has_table_privilege('" + role + "', 'team_wijzigingen', 'SELECT')":                   c.read,
			"has_column_privilege('" + role + "', 'team_wijzigingen', 'nieuwe_waarde', 'INSERT')": c.sendValue,
			"has_column_privilege('" + role + "', 'team_wijzigingen', 'volgnummer', 'INSERT')":    c.sendVolgnummer,
		} {
			var got bool
			if err := db.Raw("SELECT " + what).Scan(&got).Error; err != nil || got != want {
				t.Fatalf("%s: %v (%v), verwacht %v", what, got, err, want)
			}
		}
	}
}
