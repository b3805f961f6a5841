package importer

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/export"
	"jeugdmonitor/data/register"
	"jeugdmonitor/data/store"
)

var loadMoment = time.Date(2026, 11, 22, 14, 0, 0, 0, time.UTC)

// usedDatabase is the register after a season of use: reach entered and one
// figure taken back (a gap in the numbers), a target revised, reach of a
// shared target, an ended target, an archived and a new intervention with a month as start,
// a measurement added and one removed.
func usedDatabase(t *testing.T) *store.Store {
	t.Helper()
	s := openRegister(t)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	match, err := s.InterventieByNaam("Match")
	must(err)
	tot := 40.0
	first := domain.Bereik{InterventieID: &match.ID, Periode: "2024-H1", Waarde: 12, Eenheid: "jongeren",
		Status: domain.StatusVoorlopig, BronTekst: "Humanitas", Notitie: "eerste helft"}
	must(s.RecordBereik(&first))
	must(s.RecordBereik(&domain.Bereik{InterventieID: &match.ID, Periode: "2024-H2", Soort: domain.SoortBandbreedte,
		Waarde: 30, WaardeTot: &tot, Eenheid: "jongeren", Status: domain.StatusDefinitief, BronTekst: "jaarverslag"}))
	must(s.DeleteBereik(first.ID))
	must(s.RecordBereik(&domain.Bereik{InterventieID: &match.ID, Periode: "2025-K1", Waarde: 7.5, Eenheid: "uren",
		Status: domain.StatusVoorlopig}))

	targets, err := s.AlleDoelstellingen()
	must(err)
	var shared *domain.Doelstelling
	for i := range targets {
		if len(targets[i].InterventieIDs) > 1 {
			shared = &targets[i]
			break
		}
	}
	if shared == nil {
		t.Fatal("the register has no shared target")
	}
	must(s.ReviseDoelstelling(shared.ID, shared.Waarde+10, nil, "bijgesteld in de voortgangsrapportage"))
	for i := range targets { // an ended target keeps its end through an export
		if len(targets[i].InterventieIDs) == 1 && targets[i].LaatsteJaar == nil {
			must(s.EndDoelstelling(targets[i].ID, 2026, "opgegaan in de nieuwe aanpak"))
			break
		}
	}
	must(s.RecordBereik(&domain.Bereik{DoelstellingID: &shared.ID, Periode: "2024", Waarde: 210, Eenheid: shared.Eenheid,
		Status: domain.StatusDefinitief, BronTekst: "gezamenlijke rapportage"}))

	all, err := s.Interventies(false)
	must(err)
	must(s.ArchiveInterventie(all[len(all)-1].ID, true))
	jaar, maand := 2025, 9
	must(s.CreateInterventie(&domain.Interventie{Naam: "Nieuwe aanpak schoolverzuim", Uitvoerder: "Gemeente Zwolle",
		Cluster: match.Cluster, Doel: "Minder verzuim", Doelgroep: "leerlingen", Werkwijze: "huisbezoek",
		StatusTekst: "gestart", StatusCategorie: match.StatusCategorie,
		Start: domain.Moment{Jaar: &jaar, Maand: &maand, Tekst: "september 2025"}, Einde: domain.Moment{Structureel: true, Tekst: "structureel"},
		Bron: domain.Bron{Sectie: "ingevoerd"}}))

	indicators, err := s.Indicatoren("")
	must(err)
	ind := indicators[0]
	m := domain.Meting{IndicatorID: ind.ID, Periode: "2030", Waarde: 1, Status: domain.StatusVoorlopig, Bron: domain.Bron{Sectie: "test"}}
	must(s.RecordMeting(&m))
	must(s.RecordMeting(&domain.Meting{IndicatorID: ind.ID, Periode: "2031", Waarde: 2, Status: domain.StatusVoorlopig}))
	must(s.DeleteMeting(m.ID))
	must(s.SavePresentatie(&store.Presentatie{Naam: "Raadsvergadering 12 december", Dias: []string{"b", "a"}}))
	must(s.Update(func(tx *store.Tx) error {
		return tx.SaveImportkoppeling("travers", "bereik", map[string]string{"interventie": "Activiteit", "waarde": "Aantal"})
	}))
	// a chart without an indicator keeps its headline message as a setting
	must(s.SetSetting("kernboodschap.bereik-jaar", "Meer bereik dan beoogd"))
	return s
}

func exportTo(t *testing.T, s *store.Store, kind export.Kind, format export.Format) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := export.Write(&buf, s, kind, format); err != nil {
		t.Fatalf("%s %s: %v", kind, format, err)
	}
	return buf.Bytes()
}

func writeFullExport(t *testing.T, s *store.Store) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "alles.json")
	if err := os.WriteFile(path, exportTo(t, s, export.KindAlles, export.FormatJSON), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func openBuilt(t *testing.T, path string) *store.Store {
	t.Helper()
	s, err := store.Open(path, store.Options{User: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestFullExportRoundTrip: a full export read into an empty database gives
// the same content: every kind exports to the same bytes, in JSON and CSV,
// and the audit trail is the same with the load added at its end.
func TestFullExportRoundTrip(t *testing.T) {
	src := usedDatabase(t)
	exported := writeFullExport(t, src)
	dbPath := filepath.Join(t.TempDir(), "collega.db")
	counts, err := NewDatabaseFromExport(exported, dbPath, loadMoment)
	if err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(dbPath)); len(entries) != 1 {
		t.Fatalf("building the database left other files: %v", entries)
	}
	dst := openBuilt(t, dbPath)

	want, err := src.Tel()
	if err != nil {
		t.Fatal(err)
	}
	if inspected, full, err := Inhoud(exported); err != nil || !full || inspected != want {
		t.Errorf("inspecting the export counts %+v (full export %v, %v), the database holds %+v", inspected, full, err, want)
	}
	if inspected, full, err := Inhoud(dbPath); err != nil || full || inspected.Interventies != want.Interventies {
		t.Errorf("inspecting the database copy counts %+v (full export %v, %v)", inspected, full, err)
	}
	want.Wijzigingen += 2
	if counts != want {
		t.Errorf("counts %+v, want %+v", counts, want)
	}
	for _, k := range export.Kinds {
		if k == export.KindAlles || k == export.KindWijzigingen {
			continue
		}
		for _, f := range []export.Format{export.FormatJSON, export.FormatCSV} {
			if a, b := exportTo(t, src, k, f), exportTo(t, dst, k, f); !bytes.Equal(a, b) {
				t.Errorf("%s as %s differs after the round trip:\n%s", k, f, firstDifference(a, b))
			}
		}
	}

	var whole, rebuilt export.Alles
	json.Unmarshal(exportTo(t, src, export.KindAlles, export.FormatJSON), &whole)
	json.Unmarshal(exportTo(t, dst, export.KindAlles, export.FormatJSON), &rebuilt)
	if len(whole.Presentaties) != 1 || len(whole.Importkoppelingen) != 1 || len(rebuilt.Wijzigingen) < 2 ||
		whole.Instellingen["kernboodschap.bereik-jaar"] == "" {
		t.Fatalf("export lacks the saved presentation, mapping or setting: %+v %+v %v", whole.Presentaties,
			whole.Importkoppelingen, whole.Instellingen)
	}
	rebuilt.Wijzigingen = rebuilt.Wijzigingen[:len(rebuilt.Wijzigingen)-2]
	for _, recordsTheLoad := range []string{register.SeededKey, LoadedKey} {
		delete(whole.Instellingen, recordsTheLoad)
		delete(rebuilt.Instellingen, recordsTheLoad)
	}
	if a, b := mustJSON(t, whole), mustJSON(t, rebuilt); !bytes.Equal(a, b) {
		t.Errorf("the full export differs after the round trip:\n%s", firstDifference(a, b))
	}

	var before, after []export.Wijziging
	json.Unmarshal(exportTo(t, src, export.KindWijzigingen, export.FormatJSON), &before)
	json.Unmarshal(exportTo(t, dst, export.KindWijzigingen, export.FormatJSON), &after)
	if len(after) != len(before)+2 {
		t.Fatalf("%d audit rows after, %d before", len(after), len(before))
	}
	a, _ := json.Marshal(before)
	b, _ := json.Marshal(after[:len(before)])
	if !bytes.Equal(a, b) {
		t.Fatalf("audit trail changed:\n%s", firstDifference(a, b))
	}
	for _, w := range after[len(before):] {
		if w.Entiteit != "instellingen" || !w.Tijd.Equal(loadMoment) || w.ID <= before[len(before)-1].ID {
			t.Errorf("load not recorded at the end of the trail: %+v", w)
		}
	}
	if note, ok, _ := dst.Setting(LoadedKey); !ok || !strings.Contains(note, "alles.json") {
		t.Errorf("load note %q", note)
	}
	if _, ok, _ := dst.Setting(register.SeededKey); !ok {
		t.Error("the built database would get the built-in register on top of the export")
	}
	if report, err := dst.Check(); err != nil || !report.OK() {
		t.Fatalf("built database fails its check: %v %v", report.Problems, err)
	}
}

// TestFullExportRestoresOverDatabase: a full export can be restored over an
// existing database, which is kept as a backup first.
func TestFullExportRestoresOverDatabase(t *testing.T) {
	src := usedDatabase(t)
	exported := writeFullExport(t, src)
	target := filepath.Join(t.TempDir(), "mijn.db")
	other, err := store.Open(target, store.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := other.SetSetting("iets", "anders"); err != nil {
		t.Fatal(err)
	}
	other.Close()
	kept, err := Herstel(exported, target, loadMoment)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(kept); err != nil {
		t.Fatalf("replaced database not kept: %v", err)
	}
	dst := openBuilt(t, target)
	for _, k := range []export.Kind{export.KindInterventies, export.KindBereik, export.KindIndicatoren} {
		if a, b := exportTo(t, src, k, export.FormatJSON), exportTo(t, dst, k, export.FormatJSON); !bytes.Equal(a, b) {
			t.Errorf("%s differs after restoring the export:\n%s", k, firstDifference(a, b))
		}
	}
	if _, ok, _ := dst.Setting(RestoredKey); !ok {
		t.Error("restore not in the audit trail")
	}
}

// TestFullExportRefusesBadInput: a wrong, damaged or newer file, or an
// existing database, gives a Dutch message and leaves no file behind.
func TestFullExportRefusesBadInput(t *testing.T) {
	src := usedDatabase(t)
	good := exportTo(t, src, export.KindAlles, export.FormatJSON)
	var full map[string]any
	if err := json.Unmarshal(good, &full); err != nil {
		t.Fatal(err)
	}
	edited := func(edit func(map[string]any)) []byte {
		var m map[string]any
		json.Unmarshal(good, &m)
		edit(m)
		b, _ := json.Marshal(m)
		return b
	}
	cases := []struct {
		name, want string
		body       []byte
	}{
		{"andere export", "geen volledige export", exportTo(t, src, export.KindBereik, export.FormatJSON)},
		{"leeg", "geen volledige export", nil},
		{"afgebroken", "beschadigd", good[:len(good)/2]},
		{"nieuwer", "nieuwere versie", edited(func(m map[string]any) { m["schema"] = 999 })},
		{"onbekend veld", "beschadigd", edited(func(m map[string]any) { m["extra"] = 1 })},
		{"ongeldige waarde", "interventie", edited(func(m map[string]any) {
			m["interventies"].([]any)[0].(map[string]any)["cluster"] = "geen cluster"
		})},
		{"dubbel nummer", "twee keer", edited(func(m map[string]any) {
			list := m["beleidsteksten"].([]any)
			list[1].(map[string]any)["id"] = list[0].(map[string]any)["id"]
		})},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			in := filepath.Join(dir, "export.json")
			os.WriteFile(in, c.body, 0o644)
			_, err := NewDatabaseFromExport(in, filepath.Join(dir, "nieuw.db"), loadMoment)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one with %q", err, c.want)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Fatalf("a refused import left files: %v", entries)
			}
		})
	}

	dir := t.TempDir()
	in := filepath.Join(dir, "export.json")
	os.WriteFile(in, good, 0o644)
	existing := filepath.Join(dir, "bestaand.db")
	os.WriteFile(existing, []byte("van iemand anders"), 0o644)
	if _, err := NewDatabaseFromExport(in, existing, loadMoment); err == nil || !strings.Contains(err.Error(), "bestaat al") {
		t.Fatalf("existing file: %v", err)
	}
	if b, _ := os.ReadFile(existing); string(b) != "van iemand anders" {
		t.Fatal("an existing file was overwritten")
	}
}

// TestLoadRefusesNonEmptyDatabase: records are loaded only into an empty
// database, so nothing is mixed.
func TestLoadRefusesNonEmptyDatabase(t *testing.T) {
	s := openRegister(t)
	err := s.Load("tester", func(*store.Loader) error { return nil })
	if err != store.ErrNotEmpty {
		t.Fatalf("got %v", err)
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// firstDifference shows where two exports part, with some context.
func firstDifference(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(i-200, 0)
	return "voor:  " + string(a[from:min(i+200, len(a))]) + "\nna:    " + string(b[from:min(i+200, len(b))])
}

// FuzzReadFullExport: any file gives an export or a Dutch error, never a
// panic, and an accepted one is a full export of a schema this version knows.
func FuzzReadFullExport(f *testing.F) {
	f.Add([]byte(`{"formaat": "Jeugdmonitor volledige export", "schema": 3, "interventies": []}`))
	f.Add([]byte(`{"formaat": "Jeugdmonitor volledige export", "schema": 99}`))
	f.Add([]byte(`[{"periode": "2024"}]`))
	f.Add([]byte("\uFEFF{\"formaat\": \"Jeugdmonitor volledige export\", \"interventies\": [{\"id\": 1, \"start\": {\"jaar\": 2024}}]}"))
	f.Fuzz(func(t *testing.T, body []byte) {
		a, err := ReadFullExport(bytes.NewReader(body))
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		if a.Formaat != export.Formaat || a.Schema > store.SchemaVersion() {
			t.Fatalf("accepted %q schema %d", a.Formaat, a.Schema)
		}
	})
}
