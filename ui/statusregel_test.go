package ui

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestLongStatusReadWhole: a message longer than the status line has room
// for is cut off there, with Hele melding… beside it, which shows the whole
// message wrapped and selectable in a dialog; a message that fits has no
// button, and widening the window far enough takes it away.
func TestLongStatusReadWhole(t *testing.T) {
	m, _, w := newTestMain(t, "")
	m.setStatus("Conflict opgelost")
	if m.statusWhole.Visible() {
		t.Fatal("Hele melding… naast een korte melding")
	}
	long := failure("Geen verbinding met de teamdatabase", errors.New("server teamdb.zwolle.nl:5432 weigert de verbinding: "+
		"de rol anna mag de database jeugdteam niet openen (geen CONNECT-recht); vraag IT om het recht, of controleer het adres"))
	m.setStatus(long)
	line := m.statusLine.Size().Width
	if !m.statusWhole.Visible() || m.status.Size().Width+m.statusWhole.Size().Width > line ||
		m.statusWhole.Position().X+m.statusWhole.Size().Width > line {
		t.Fatalf("lange melding: knop zichtbaar %v, melding %v + knop %v breed in %v",
			m.statusWhole.Visible(), m.status.Size().Width, m.statusWhole.Size().Width, line)
	}
	test.Tap(m.statusWhole)
	var shown *widget.Label
	walkObjects(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text == long {
			shown = l
		}
	})
	if shown == nil || shown.Wrapping != fyne.TextWrapWord || !shown.Selectable {
		t.Fatalf("de hele melding staat niet afgebroken en selecteerbaar bovenaan: %q", overlayText(w))
	}
	if one := widget.NewLabel("x").MinSize().Height; shown.Size().Height < 2*one-1 {
		t.Fatalf("de melding staat op één regel (%v hoog)", shown.Size().Height)
	}
	test.Tap(overlayButton(t, w, "Sluiten"))
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("Sluiten sloot de melding niet")
	}

	// fits in a wide window only: the button comes and goes with the width
	m.setStatus("Teamdatabase ingericht met 3202 wijzigingen uit deze database; het adres is bij deze database bewaard.")
	if !m.statusWhole.Visible() {
		t.Fatalf("melding van %v breed in een regel van %v, zonder Hele melding…", m.status.MinSize().Width, m.statusLine.Size().Width)
	}
	w.Resize(fyne.NewSize(2400, 720))
	if m.statusWhole.Visible() || m.status.Size().Width != m.statusLine.Size().Width {
		t.Fatal("in een breed venster past de melding, maar Hele melding… staat er nog")
	}
}
