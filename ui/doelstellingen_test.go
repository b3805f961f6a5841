package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/store"
)

// overlayEntries lists the entries on the window's top overlay, in order.
func overlayEntries(w fyne.Window) []*entry {
	var out []*entry
	walkObjects(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*entry); ok {
			out = append(out, e)
		}
	})
	return out
}

// targetsOf reads the targets of the named intervention.
func targetsOf(t *testing.T, s *store.Store, naam string) []domain.Doelstelling {
	t.Helper()
	i, err := s.InterventieByNaam(naam)
	if err != nil {
		t.Fatal(err)
	}
	targets, err := s.Doelstellingen(i.ID)
	if err != nil {
		t.Fatal(err)
	}
	return targets
}

// TestTargetEditingInTheEditForm adds next year's target in Interventie
// bewerken (a bad period is refused at its field, nothing stored), revises
// it with a reason (refused without one) and ends it.
func TestTargetEditingInTheEditForm(t *testing.T) {
	m, s, w := newTestMain(t, t.TempDir())
	item, err := s.InterventieByNaam("Ambulant jongerenwerk")
	if err != nil {
		t.Fatal(err)
	}
	f := showInterventieForm(m, &item, nil)
	p := f.targets
	if p == nil || len(p.targets) != 1 || !strings.Contains(p.targetLine(p.targets[0]), "2023: minimaal 3.500 jongeren") {
		t.Fatalf("targets panel: %+v", p)
	}
	typeInto(w, p.periode, "volgend jaar")
	typeInto(w, p.waarde, "3.612")
	test.Tap(p.add)
	if !strings.Contains(p.fields.message("periode"), "geen periode") || len(targetsOf(t, s, item.Naam)) != 1 {
		t.Fatalf("bad period: message %q, %d targets", p.fields.message("periode"), len(targetsOf(t, s, item.Naam)))
	}
	p.periode.SetText("2024")
	enter(p.periode)
	targets := targetsOf(t, s, item.Naam)
	if len(targets) != 2 || targets[1].Periode != "2024" || targets[1].Waarde != 3612 || targets[1].Eenheid != "jongeren" {
		t.Fatalf("after adding: %+v", targets)
	}
	if len(p.list.Objects) != 2 || p.periode.Text != "" {
		t.Fatalf("the panel shows %d targets, period %q", len(p.list.Objects), p.periode.Text)
	}

	p.showRevise(targets[1])
	entries := overlayEntries(w)
	if len(entries) != 2 || entries[0].Text != "3.612" {
		t.Fatalf("revise dialog entries: %d", len(entries))
	}
	entries[0].SetText("3.700")
	test.Tap(overlayButton(t, w, "Herzien"))
	if got := targetsOf(t, s, item.Naam)[1].Waarde; got != 3612 {
		t.Fatalf("revised without a reason: %v", got)
	}
	entries[1].SetText("Begroting 2024 verhoogd")
	test.Tap(overlayButton(t, w, "Herzien"))
	if got := targetsOf(t, s, item.Naam)[1].Waarde; got != 3700 {
		t.Fatalf("after revising: %v", got)
	}
	if line := p.targetLine(p.targets[1]); !strings.Contains(line, "3.612 ⟶ 3.700 (Begroting 2024 verhoogd)") {
		t.Errorf("revision not shown: %q", line)
	}

	p.showEnd(p.targets[0])
	entries = overlayEntries(w)
	entries[0].SetText("2023")
	entries[1].SetText("vervangen door de doelstelling voor 2024")
	test.Tap(overlayButton(t, w, "Beëindigen"))
	ended := targetsOf(t, s, item.Naam)[0]
	if ended.LaatsteJaar == nil || *ended.LaatsteJaar != 2023 || !strings.Contains(p.targetLine(p.targets[0]), "beëindigd na 2023") {
		t.Fatalf("after ending: %+v", ended)
	}
}

// TestBulkGridMeasuresAndShareOfTarget shows a row per measure, the share of
// the target a typed value is, and stores a second unit for one period as
// its own series.
func TestBulkGridMeasuresAndShareOfTarget(t *testing.T) {
	m, s, w := newTestMain(t, t.TempDir())
	sc := m.navigate(pageBereik).(*bereikScreen)
	sc.tabs.SelectIndex(1)
	g := sc.bulk
	var dyslexie []string
	for _, r := range g.rows {
		if r.item.Naam == "Hervorming dyslexie" {
			dyslexie = append(dyslexie, r.maat.Text)
		}
	}
	if strings.Join(dyslexie, ",") != "diagnostiek,behandeling" {
		t.Fatalf("dyslexia rows: %v", dyslexie)
	}
	g.organisatie.SetSelected("Travers")
	typeInto(w, g.periode, "2023")
	var ambulant *bulkRow
	for _, r := range g.rows {
		if r.item.Naam == "Ambulant jongerenwerk" {
			ambulant = r
		}
	}
	if ambulant == nil || ambulant.target.Text != "2023: minimaal 3.500" {
		t.Fatalf("target cell: %+v", ambulant)
	}
	typeInto(w, ambulant.waarde, "3.612")
	if ambulant.pct.Text != "103%" {
		t.Errorf("share of the target: %q", ambulant.pct.Text)
	}
	m.save()
	g.Refresh()
	for _, r := range g.rows {
		if r.item.Naam == "Ambulant jongerenwerk" {
			ambulant = r
		}
	}
	typeInto(w, ambulant.maat, "activiteiten")
	typeInto(w, ambulant.waarde, "41")
	if ambulant.target.Text != "–" || ambulant.pct.Text != "" {
		t.Errorf("another unit has no target: %q %q", ambulant.target.Text, ambulant.pct.Text)
	}
	m.save()
	values := map[string]float64{}
	item, _ := s.InterventieByNaam("Ambulant jongerenwerk")
	reach, _ := s.BereikVan(item.ID)
	for _, b := range reach {
		if b.Periode == "2023" {
			values[b.Eenheid] = b.Waarde
		}
	}
	if len(values) != 2 || values["jongeren"] != 3612 || values["activiteiten"] != 41 {
		t.Fatalf("2023 after two units from the grid: %v", values)
	}
}
