package importer

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jeugdmonitor/data/bestand/bestandtest"
	"jeugdmonitor/data/export"
)

// TestExportThatDisagreesWithItsTrailIsRefused (issue 13): a full export
// whose audit trail was emptied or cut short, or in which a figure was
// changed without a trail row, is refused by import and by restore with a
// Dutch message that names the first record that differs; import leaves no
// file, restore leaves the database byte for byte as it was.
func TestExportThatDisagreesWithItsTrailIsRefused(t *testing.T) {
	src := usedDatabase(t)
	good := exportTo(t, src, export.KindAlles, export.FormatJSON)
	edited := func(edit func(m map[string]any)) []byte {
		var m map[string]any
		if err := json.Unmarshal(good, &m); err != nil {
			t.Fatal(err)
		}
		edit(m)
		return mustJSON(t, m)
	}
	const prefix = "de gegevens kloppen niet met het wijzigingenlogboek: "
	cases := []struct {
		name string
		body []byte
		want string
	}{
		{"logboek leeggemaakt", edited(func(m map[string]any) { m["wijzigingen"] = []any{} }),
			prefix + "interventies nummer 1 staat in de gegevens zonder regels in het wijzigingenlogboek"},
		{"logboek ingekort", edited(func(m map[string]any) {
			rows := m["wijzigingen"].([]any)
			m["wijzigingen"] = rows[:len(rows)-12]
		}), prefix},
		{"cijfer veranderd zonder logboekregel", edited(func(m map[string]any) {
			for _, in := range m["interventies"].([]any) {
				for _, b := range in.(map[string]any)["bereik"].([]any) {
					if b := b.(map[string]any); b["periode"] == "2025-K1" && b["waarde"] == 7.5 {
						b["waarde"] = 75
					}
				}
			}
		}), `veld waarde, is "75", maar volgens het wijzigingenlogboek "7.5"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if string(c.body) == string(good) {
				t.Fatal("the export was not changed")
			}
			dir := t.TempDir()
			in := filepath.Join(dir, "export.json")
			if err := os.WriteFile(in, c.body, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := NewDatabaseFromExport(in, filepath.Join(dir, "nieuw.db"), loadMoment)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("import: %v, want %q", err, c.want)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Fatalf("a refused import left files: %v", entries)
			}
			if _, err := CheckFullExport(in, loadMoment); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("dry run: %v, want %q", err, c.want)
			}
			target := filepath.Join(t.TempDir(), "mijn.db")
			dbWith(t, target, "Oud")
			before := bestandtest.Som(t, target)
			if _, err := Herstel(in, target, loadMoment); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("restore: %v, want %q", err, c.want)
			}
			if bestandtest.Som(t, target) != before {
				t.Fatal("the refused export changed the database")
			}
		})
	}
	in := filepath.Join(t.TempDir(), "export.json")
	os.WriteFile(in, good, 0o644)
	if _, err := CheckFullExport(in, loadMoment); err != nil {
		t.Fatalf("the untouched export: %v", err)
	}
}
