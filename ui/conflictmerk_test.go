package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/store"
	"jeugdmonitor/data/team"
)

// TestConflictMarksInTheScreens: a figure and a measurement changed on
// two laptops are marked in Interventies, the intervention's detail,
// Bereik invoeren's history and Cijfers after the synchronisation, and
// the marks are gone once the conflicts are settled in Conflicten.
func TestConflictMarksInTheScreens(t *testing.T) {
	m, s, w, srv, dsn := newTeamTestMain(t)
	jongerencentra2024(t, s, "50")
	other := colleague(t, s, srv, dsn)
	// a measurement of the first indicator with one, changed on both laptops
	measurement := func(db *store.Store, waarde string) (domain.Indicator, domain.Meting) {
		t.Helper()
		inds, err := db.Indicatoren("")
		if err != nil {
			t.Fatal(err)
		}
		for _, ind := range inds {
			list, err := db.Metingen(ind.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(list) > 0 {
				mt := list[0]
				if _, err := db.RecordMetingInvoer(store.MetingInvoer{IndicatorID: ind.ID, Periode: mt.Periode, Waarde: waarde,
					Status: string(mt.Status), BronDocument: "test", BronSectie: "test"}); err != nil {
					t.Fatal(err)
				}
				return ind, mt
			}
		}
		t.Fatal("geen indicator met metingen")
		return domain.Indicator{}, domain.Meting{}
	}

	register := m.navigate(pageInterventies).(*interventiesScreen)
	if rows := markedRows(register); len(rows) != 0 {
		t.Fatalf("gemarkeerd zonder conflict: %v", rows)
	}
	jongerencentra2024(t, s, "60")
	jongerencentra2024(t, other, "65")
	ind, meting := measurement(s, "11")
	measurement(other, "12")
	if _, err := team.Sync(context.Background(), other, srv, nil); err != nil {
		t.Fatal(err)
	}
	m.onSync()
	if !strings.Contains(m.status.Text, "2 nieuwe conflicten") {
		t.Fatalf("statusregel na synchroniseren: %q", m.status.Text)
	}

	// the register marks Jongerencentra, and only that one
	register = m.navigate(pageInterventies).(*interventiesScreen)
	if rows := markedRows(register); len(rows) != 1 || rows[0].title != "Jongerencentra" ||
		!strings.HasPrefix(rows[0].meta, "open conflict: kies bij Bestand > Conflicten · ") {
		t.Fatalf("gemarkeerde interventies: %+v", rows)
	}
	// the detail names the figure by its period and field, with a way to Conflicten
	register.onOpen(markedRows(register)[0].item)
	d := register.detail
	if !d.conflict.box.Visible() || !strings.Contains(d.conflict.text.Text, "Open conflict bij bereik 2024 (bereik)") {
		t.Fatalf("melding in het detail: %v %q", d.conflict.box.Visible(), d.conflict.text.Text)
	}
	if !strings.Contains(gridTexts(d.reachGrid.Objects), "65 deelnemers (conflict)") &&
		!strings.Contains(gridTexts(d.reachGrid.Objects), "60 deelnemers (conflict)") {
		t.Fatalf("bereik per periode markeert het cijfer niet: %s", gridTexts(d.reachGrid.Objects))
	}
	before := len(w.Canvas().Overlays().List())
	test.Tap(d.conflict.button)
	if len(w.Canvas().Overlays().List()) != before+1 {
		t.Fatal("de knop Conflicten… opent het venster Conflicten niet")
	}

	// Bereik invoeren: the history of the intervention marks the figure
	f := m.navigate(pageBereik).(*bereikScreen).form
	typeInto(w, f.interventie, "Jongerencentra")
	typeInto(w, f.periode, "2025")
	if !f.conflict.box.Visible() || !strings.Contains(f.historyTexts(), "open conflict: bereik") {
		t.Fatalf("geschiedenis zonder markering: %v %q", f.conflict.box.Visible(), f.historyTexts())
	}

	// Cijfers: the indicator in the list, and the measurement by its period
	c := m.navigate(pageCijfers).(*cijfersScreen)
	for k := range c.indicators {
		if c.indicators[k].ID == ind.ID {
			c.list.Select(k)
		}
	}
	if !c.marks.indicator(ind.ID) || !strings.Contains(c.conflict.text.Text, "meting "+meting.Periode+" (waarde)") {
		t.Fatalf("Cijfers markeert de meting niet: %q", c.conflict.text.Text)
	}

	// settling both conflicts in Conflicten takes the marks away
	v := m.showConflicts()
	for id, buttons := range v.buttons {
		test.Tap(buttons[0])
		if _, open := v.buttons[id]; open {
			t.Fatalf("conflict %d na de keuze nog open", id)
		}
	}
	if c.conflict.box.Visible() || c.marks.indicator(ind.ID) {
		t.Fatalf("Cijfers houdt de markering na het oplossen: %q", c.conflict.text.Text)
	}
	register = m.navigate(pageInterventies).(*interventiesScreen)
	if rows := markedRows(register); len(rows) != 0 {
		t.Fatalf("na het oplossen nog gemarkeerd: %+v", rows)
	}
	m.navigate(pageBereik)
	if f.conflict.box.Visible() || strings.Contains(f.historyTexts(), "open conflict") {
		t.Fatalf("geschiedenis houdt de markering na het oplossen: %q", f.historyTexts())
	}
}

// markedRows are the interventions the register marks with a conflict.
func markedRows(s *interventiesScreen) (rows []registerRow) {
	for _, r := range s.rows {
		if strings.Contains(r.meta, "open conflict") {
			rows = append(rows, r)
		}
	}
	return rows
}

// historyTexts is the text of the history pane of Bereik invoeren.
func (f *bereikForm) historyTexts() string { return gridTexts(f.historyBox.Objects) }

// gridTexts is the text of the labels among objs and in their containers, a line each.
func gridTexts(objs []fyne.CanvasObject) string {
	var texts []string
	for _, o := range objs {
		switch o := o.(type) {
		case *widget.Label:
			texts = append(texts, o.Text)
		case *fyne.Container:
			texts = append(texts, gridTexts(o.Objects))
		}
	}
	return strings.Join(texts, "\n")
}
