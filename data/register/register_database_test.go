package register

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/store"
)

// builtDatabase is a new database with the built-in register loaded, as
// `jeugdmonitor nieuw` and the window make it.
func builtDatabase(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "register.db"), store.Options{Create: true, User: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	docs, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Seed(s, docs); err != nil {
		t.Fatal(err)
	}
	return s
}

// sourceText finds the document a stored source reference names (its title,
// alone or followed by ", section") and returns its text.
func sourceText(t *testing.T, docs map[string]Document, seeds map[string]string, ref string) (string, bool) {
	t.Helper()
	for file, doc := range docs {
		if ref == doc.Titel || strings.HasPrefix(ref, doc.Titel+", ") {
			return seeds[file], true
		}
	}
	return "", false
}

// TestDatabaseMatchesDocuments builds a database from the register and checks
// what it holds, not the JSON it was built from, against the source
// documents: every reach figure (Spoor 3, the Routekaart, Begroting 2021) with its measure (none lost to
// another measure of the same intervention and period), every number stored
// as a target, reach, measurement, budget line or saving is written in the
// document its source names, the shared target of 300 is one target of four
// interventions, and loading changed no figure it had stored.
func TestDatabaseMatchesDocuments(t *testing.T) {
	seeds := readSeeds(t)
	docs := loadRegister(t)
	s := builtDatabase(t)
	inNumbers := func(where, ref string, values ...*float64) {
		text, ok := sourceText(t, docs, seeds, ref)
		if !ok {
			t.Errorf("%s: bron %q is geen document van het register", where, ref)
			return
		}
		numbers := numbersIn(text)
		for _, v := range values {
			if v != nil && !numbers[*v] {
				t.Errorf("%s: het getal %v staat niet in het document van %q", where, *v, ref)
			}
		}
	}

	type reach struct {
		interventie, maat, periode, soort string
		waarde, tot                       float64
		eenheid                           string
	}
	wantReach := []reach{
		{"Praktijkklas Ambelt", "jeugdigen", "2023/2024", "ongeveer", 15, 0, "jeugdigen"},
		{"Hervorming dyslexie", "diagnostiek", "2019 t/m 2023", "bandbreedte", 106, 161, "leerlingen"},
		{"Hervorming dyslexie", "behandeling", "2019 t/m 2023", "bandbreedte", 94, 140, "leerlingen"},
		{"Relatie- en scheidingsteam", "gezinnen", "2022 t/m 2023", "ongeveer", 150, 0, "gezinnen"},
		{"Proeftuin samenspel in de wijk", "casussen besproken", "2022 t/m 2024", "precies", 179, 0, "casussen"},
		{"Proeftuin samenspel in de wijk", "partners betrokken", "2022 t/m 2024", "precies", 115, 0, "partners"},
		{"Proeftuin samenspel in de wijk", "professionals betrokken", "2022 t/m 2024", "meer dan", 60, 0, "professionals"},
		// Figures the review of issue 12 found missing.
		{"Doorbraakmethode IPW", "gezinnen geholpen in de pilotfase", "2023", "precies", 17, 0, "gezinnen"},
		{"Deltion Jongerenteam", "studenten begeleid per schooljaar", "2022/2023", "ongeveer", 700, 0, "studenten"},
		{"Jeugd- en gezinswerkers bij de huisarts", "huisartsen met een jeugd- en gezinswerker", "2023", "precies", 80, 0, "procent van de huisartsen"},
		{"Jeugd- en gezinswerkers bij de huisarts", "huisartsenpraktijken met een jeugd- en gezinswerker", "2019", "precies", 73, 0, "procent van de huisartsenpraktijken"},
	}
	interventies, err := s.Interventies(true)
	if err != nil {
		t.Fatal(err)
	}
	maten, err := s.AlleMaten()
	if err != nil {
		t.Fatal(err)
	}
	names := map[uint]string{}
	var gotReach []reach
	for _, in := range interventies {
		names[in.ID] = in.Naam
		figures, err := s.BereikVan(in.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range figures {
			r := reach{in.Naam, maten[*b.MaatID].Naam, b.Periode, string(b.Soort), b.Waarde, 0, b.Eenheid}
			if b.WaardeTot != nil {
				r.tot = *b.WaardeTot
			}
			gotReach = append(gotReach, r)
			inNumbers("bereik "+in.Naam, b.BronTekst, &b.Waarde, b.WaardeTot)
		}
	}
	for _, w := range wantReach {
		if !slices.Contains(gotReach, w) {
			t.Errorf("bereik ontbreekt in de database: %v", w)
		}
	}
	if len(gotReach) != len(wantReach) {
		t.Errorf("%d bereikcijfers in de database, verwacht %d: %v", len(gotReach), len(wantReach), gotReach)
	}

	// Statuses as the documents give them: Spoor 3 says implementation of
	// the Doorbraakmethode began in 2023 and the Relatie- en scheidingsteam is
	// structural from 1 January 2024; the Preventie met Gezag plan starts in
	// July 2024; Spoor 3 names no organisation for the Parentshouse; "meer
	// dan 60 professionals" counts a period that had not ended.
	byName := map[string]domain.Interventie{}
	for _, in := range interventies {
		byName[in.Naam] = in
	}
	for naam, want := range map[string]domain.StatusCategorie{"Doorbraakmethode IPW": domain.StatusLopend,
		"Relatie- en scheidingsteam": domain.StatusStructureel, "Preventief Halt in de wijk": domain.StatusGepland} {
		if got := byName[naam].StatusCategorie; got != want {
			t.Errorf("%s: status %q, verwacht %q", naam, got, want)
		}
	}
	for _, in := range interventies {
		if in.Cluster == domain.ClusterPreventieGezag && in.StatusCategorie != domain.StatusGepland {
			t.Errorf("%s: status %q, het plan start in juli 2024", in.Naam, in.StatusCategorie)
		}
	}
	if u := byName["Parentshouse"].Uitvoerder; u != "" {
		t.Errorf("Parentshouse: uitvoerder %q, het document noemt er geen", u)
	}
	for _, in := range interventies {
		figures, _ := s.BereikVan(in.ID)
		for _, b := range figures {
			if b.Soort == domain.SoortMeerDan && b.Status != domain.StatusVoorlopig {
				t.Errorf("%s: meer dan %v %s is %s; de periode was nog niet voorbij", in.Naam, b.Waarde, b.Eenheid, b.Status)
			}
		}
	}

	targets, err := s.AlleDoelstellingen()
	if err != nil {
		t.Fatal(err)
	}
	nTargets := 0
	for _, doc := range docs {
		nTargets += len(doc.Doelstellingen)
	}
	if len(targets) != nTargets {
		t.Errorf("%d doelstellingen in de database, %d in het register", len(targets), nTargets)
	}
	shared := 0
	for _, d := range targets {
		inNumbers("doelstelling "+d.Omschrijving, d.Bron.Document, &d.Waarde, d.WaardeTot)
		if d.Waarde == 300 {
			shared++
			var members []string
			for _, id := range d.InterventieIDs {
				members = append(members, names[id])
			}
			if len(members) != 4 {
				t.Errorf("de doelstelling van 300 hoort bij %v, verwacht vier activiteiten", members)
			}
		}
	}
	if shared != 1 {
		t.Errorf("%d doelstellingen van 300, verwacht één gedeelde", shared)
	}

	indicators, err := s.Indicatoren("")
	if err != nil {
		t.Fatal(err)
	}
	for _, ind := range indicators {
		metingen, err := s.Metingen(ind.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range metingen {
			inNumbers(fmt.Sprintf("meting %s %s", ind.Code, m.Periode), m.Bron.Document, &m.Waarde, m.Vergelijkingswaarde)
		}
	}
	goals, err := s.Begrotingsdoelen()
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range goals {
		lines, err := s.Begrotingsregels(g.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range lines {
			euro := domain.Euros(r.BedragCent)
			inNumbers(fmt.Sprintf("begrotingsregel %s %d %s", g.Code, r.Jaar, r.Soort), r.Bron.Document, &euro)
		}
	}
	savings, err := s.Besparingen()
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range savings {
		euro := domain.Euros(b.BedragCent)
		inNumbers("besparing "+b.Periode, b.Bron.Document, &euro)
	}

	// Loading adds; it never replaces a figure it stored before.
	changed, err := s.Wijzigingen(store.WijzigingFilter{Gebruiker: SeedUser})
	if err != nil {
		t.Fatal(err)
	}
	if len(changed) < len(gotReach)+len(targets) {
		t.Fatalf("%d regels van het register in het wijzigingenlogboek", len(changed))
	}
	for _, w := range changed {
		if w.Actie != domain.ActieToegevoegd {
			t.Errorf("het laden van het register wijzigde %s %d %s: %q -> %q", w.Entiteit, w.EntiteitID, w.Veld, w.OudeWaarde, w.NieuweWaarde)
		}
	}
}
