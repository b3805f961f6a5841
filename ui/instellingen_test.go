package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"jeugdmonitor/data/backup"
)

// makeBackups writes n backups of the open database, a day apart.
func makeBackups(t *testing.T, m *Main, n int) {
	t.Helper()
	for i := range n {
		if _, err := backup.Make(m.store, backup.ReasonImport, time.Date(2026, 11, 1+i, 9, 0, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
	}
}

// TestTeamSettingsInViewWithoutScrolling: at a laptop screen's size, with
// backups in the list, Instellingen shows the team database's address, its
// buttons and the line under them without scrolling; Tab from the
// database's last button goes on to the address.
func TestTeamSettingsInViewWithoutScrolling(t *testing.T) {
	m, _, w := newTestMain(t, t.TempDir())
	makeBackups(t, m, 4)
	w.Resize(fyne.NewSize(1366, 700)) // 768 less the taskbar and the title bar
	sc := m.navigate(pageInstellingen).(*instellingenScreen)
	sc.backups.Refresh()
	if len(sc.backups.items) != 4 {
		t.Fatalf("%d reservekopieën in de lijst, verwacht 4", len(sc.backups.items))
	}
	page := sc.content.(*container.Scroll)
	page.ScrollToTop()
	d := fyne.CurrentApp().Driver()
	bottom := d.AbsolutePositionForObject(page).Y + page.Size().Height
	for name, o := range map[string]fyne.CanvasObject{"het adres": sc.team.address, "Verbinding testen": sc.team.testButton,
		"Teamdatabase inrichten": sc.team.initButton, "de regel onder de knoppen": sc.team.result} {
		if end := d.AbsolutePositionForObject(o).Y + o.Size().Height; end > bottom {
			t.Errorf("%s staat %v onder de rand van de pagina", name, end-bottom)
		}
	}
	w.Canvas().Focus(sc.backupButton)
	w.Canvas().FocusNext()
	if w.Canvas().Focused() != sc.team.address {
		t.Fatalf("Tab na Reservekopie maken… gaat naar %T, niet naar het adres van de teamdatabase", w.Canvas().Focused())
	}
}

// TestBackupListAsTallAsItsRows: the list of backups is one row high
// without backups (for the line that says so), a row per backup, and at
// most maxBackupRows, below which it scrolls.
func TestBackupListAsTallAsItsRows(t *testing.T) {
	m, _, _ := newTestMain(t, t.TempDir())
	sc := m.navigate(pageInstellingen).(*instellingenScreen)
	b := sc.backups
	row := b.empty.MinSize().Height
	heights := map[int]float32{}
	for _, n := range []int{0, 2, maxBackupRows + 3} {
		makeBackups(t, m, n-len(b.items))
		b.Refresh()
		if len(b.items) != n {
			t.Fatalf("%d reservekopieën in de lijst, verwacht %d", len(b.items), n)
		}
		heights[n] = b.list.Size().Height
		if h := b.content.MinSize().Height; h < heights[n] {
			t.Fatalf("%d kopieën: het deel is %v hoog, de lijst %v", n, h, heights[n])
		}
	}
	for n, rows := range map[int]float32{0: 1, 2: 2, maxBackupRows + 3: maxBackupRows} {
		if h := heights[n]; h < rows*row || h >= (rows+1)*row {
			t.Errorf("%d kopieën: de lijst is %v hoog, verwacht %v rijen van %v", n, h, rows, row)
		}
	}
}
