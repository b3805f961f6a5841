package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// labelTexts joins the texts of the labels among objs.
func labelTexts(objs []fyne.CanvasObject) string {
	var parts []string
	for _, o := range objs {
		if l, ok := o.(*widget.Label); ok {
			parts = append(parts, l.Text)
		}
	}
	return strings.Join(parts, "\n")
}

// TestDerivedValuesShownAsSuch opens an intervention whose organisation,
// end, category and reach periods the register derived: the list and the
// page mark each "afgeleid" and the page gives the reasoning; once a user
// enters the organisation, its mark is gone.
func TestDerivedValuesShownAsSuch(t *testing.T) {
	m, s, _ := newTestMain(t, t.TempDir())
	sc := m.navigate(pageInterventies).(*interventiesScreen)
	i, err := s.InterventieByNaam("Proeftuin samenspel in de wijk")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range sc.rows {
		if r.item.ID == i.ID && !strings.Contains(r.meta, "Sociaal wijkteam (afgeleid)") {
			t.Errorf("lijst: %q markeert de afgeleide uitvoerder niet", r.meta)
		}
	}
	sc.onOpen(i)
	d := sc.detail
	if !strings.Contains(d.meta.Text, "uitvoering: Sociaal wijkteam (afgeleid)") {
		t.Errorf("kop: %q", d.meta.Text)
	}
	text := labelTexts(d.text.Objects)
	for _, want := range []string{
		"Beoogd einde: looptijd 2 jaar (afgeleid: april 2024)",
		"Categorie: pilot (afgeleid)",
		"Afgeleid, niet letterlijk uit de bron",
		"• beoogd einde: Berekend: “Start april 2022, looptijd 2 jaar” geeft april 2024",
		"• uitvoering: De kaart noemt geen uitvoerder",
		"• bereik 2022 t/m 2024 (casussen), periode: Spoor 3 noemt geen periode",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("pagina mist %q", want)
		}
	}
	if grid := gridTexts(d.reachGrid.Objects); strings.Count(grid, "periode") != 3 {
		t.Errorf("bereiktabel: de drie afgeleide perioden zijn niet gemarkeerd:\n%s", grid)
	}

	edited := d.item
	edited.Uitvoerder = "Sociaal Wijkteam Zwolle"
	if err := s.UpdateInterventie(&edited); err != nil {
		t.Fatal(err)
	}
	d.Refresh()
	if strings.Contains(d.meta.Text, "(afgeleid)") || strings.Contains(labelTexts(d.text.Objects), "• uitvoering:") {
		t.Errorf("de uitvoerder is door een gebruiker ingevuld maar staat nog als afgeleid: %q", d.meta.Text)
	}
	if !strings.Contains(labelTexts(d.text.Objects), "• beoogd einde:") {
		t.Error("het einde is niet veranderd, maar de toelichting is weg")
	}

	// Praktijkklas Ambelt: the section its status is quoted from.
	p, err := s.InterventieByNaam("Praktijkklas Ambelt")
	if err != nil {
		t.Fatal(err)
	}
	sc.onOpen(p)
	if !strings.Contains(labelTexts(d.text.Objects), "status: Borging") {
		t.Error("Praktijkklas Ambelt: de bron van de status (Borging) staat niet op de pagina")
	}
}
