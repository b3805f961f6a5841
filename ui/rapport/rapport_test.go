package rapport

import (
	"path/filepath"
	"testing"
	"time"

	"jeugdmonitor/data/dashboard"
	"jeugdmonitor/data/register"
	"jeugdmonitor/data/store"
)

// kernboodschap is the headline message the tests give the chart
// preventie-met-gezag (the register has none for it).
const kernboodschap = "Testkernboodschap: Zwolle naast Nederland & de regio"

// stand is the moment every test report is made.
var stand = time.Date(2026, 11, 29, 9, 30, 0, 0, time.UTC)

// registerStore is a new database with the built-in register (real figures
// with their sources) and a saved presentation of two charts.
func registerStore(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "jm.db"), store.Options{Create: true, User: "test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	docs, err := register.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := register.Seed(s, docs); err != nil {
		t.Fatal(err)
	}
	if err := s.SavePresentatie(&store.Presentatie{Naam: "Raad 12 december", Dias: []string{"preventie-met-gezag", "besparingen"}}); err != nil {
		t.Fatal(err)
	}
	if err := dashboard.SetKernboodschap(s, "preventie-met-gezag", dashboard.Opties{}, kernboodschap); err != nil {
		t.Fatal(err)
	}
	return s
}

// demoStore is a new demonstration database.
func demoStore(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "demo.db"), store.Options{Create: true, User: "test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := dashboard.VulDemo(s); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestFormaatVanPicksByExtension(t *testing.T) {
	for pad, want := range map[string]Formaat{"raad.pdf": PDF, "Raad.PDF": PDF, `C:\map met spatie\raad €.pptx`: PPTX} {
		if got, err := FormaatVan(pad); err != nil || got != want {
			t.Errorf("FormaatVan(%q) = %q, %v; want %q", pad, got, err, want)
		}
	}
	for _, pad := range []string{"raad.docx", "raad", "raad.ppt", "raad.pdf.tmp"} {
		if _, err := FormaatVan(pad); err == nil {
			t.Errorf("FormaatVan(%q) gaf geen fout", pad)
		}
	}
}

func TestVerzamelSavedPresentationAndAll(t *testing.T) {
	s := registerStore(t)
	in, err := Verzamel(s, "raad 12 december", dashboard.Opties{}, stand)
	if err != nil {
		t.Fatal(err)
	}
	if in.Titel != "Raad 12 december" || len(in.Grafieken) != 2 || in.Grafieken[0].Naam != "preventie-met-gezag" || in.Demo() {
		t.Errorf("presentatie: titel %q, %d grafieken, demo %v", in.Titel, len(in.Grafieken), in.Demo())
	}
	all, err := Verzamel(s, "", dashboard.Opties{}, stand)
	if err != nil {
		t.Fatal(err)
	}
	if all.Titel != AlleGrafieken || len(all.Grafieken) != len(dashboard.Grafieken()) {
		t.Errorf("alles: titel %q, %d grafieken", all.Titel, len(all.Grafieken))
	}
	if _, err := Verzamel(s, "bestaat niet", dashboard.Opties{}, stand); err == nil {
		t.Error("een onbekende presentatie gaf geen fout")
	}
}

func TestBestandsnaam(t *testing.T) {
	for titel, want := range map[string]string{
		"Raadsvergadering 12 december": "jeugdmonitor-raadsvergadering-12-december-2026-11-29.pptx",
		AlleGrafieken:                  "jeugdmonitor-dashboard-2026-11-29.pptx",
		"€#%":                          "jeugdmonitor-dashboard-2026-11-29.pptx",
	} {
		if got := Bestandsnaam(titel, PPTX, stand); got != want {
			t.Errorf("Bestandsnaam(%q) = %q, want %q", titel, got, want)
		}
	}
}
