package geschiedenis

import (
	"strings"
	"testing"
	"time"

	"jeugdmonitor/data/domain"
)

// records is a fixed set of stored records by table and number.
type records map[string]map[uint]map[string]string

func (r records) Velden(entiteit string, id uint) map[string]string {
	f := r[entiteit][id]
	if f == nil {
		return nil
	}
	out := map[string]string{}
	for k, v := range f {
		out[k] = v
	}
	return out
}

// Laatste gives the fields of the records in trailed: removed, they are
// known only from the audit trail.
func (r records) Laatste(entiteit string, id uint, veld string) string {
	return trailed[entiteit][id][veld]
}

var trailed = records{"interventies": {12: {"naam": "Gamma"}}, "maten": {30: {"naam": "deelnemers"}}}

var stored = records{
	"interventies": {19: {"naam": "Ambulant jongerenwerk"}},
	"maten":        {7: {"naam": "jongeren", "eenheid": "jongeren", "interventie_id": "19"}},
	"bereik": {7: {"interventie_id": "19", "maat_id": "7", "periode": "2024", "waarde": "3700",
		"eenheid": "jongeren"}},
	"begrotingsdoelen": {2: {"code": "1.3", "naam": "Jeugd"}},
	"begrotingsregels": {5: {"begrotingsdoel_id": "2", "jaar": "2024", "soort": "lasten", "bedrag_cent": "47000000"}},
}

func at(hour, minute int) time.Time { return time.Date(2026, 11, 29, hour, minute, 0, 0, time.Local) }

// row is an audit row as the store writes it.
func row(tijd time.Time, who string, actie domain.Actie, table string, id uint, veld, oud, nieuw string) domain.Wijziging {
	return domain.Wijziging{Tijd: tijd, Gebruiker: who, Actie: actie, Entiteit: table, EntiteitID: id,
		Veld: veld, OudeWaarde: oud, NieuweWaarde: nieuw}
}

// TestSaveOfSeveralFieldsIsOneSentence: one save of a reach figure (its
// value and the bookkeeping fields) reads as the single sentence the
// officers asked for, with the intervention's name, Dutch numbers and time.
func TestSaveOfSeveralFieldsIsOneSentence(t *testing.T) {
	rows := []domain.Wijziging{ // newest first, as the store lists them
		row(at(14, 5), "Jan de Vries", domain.ActieGewijzigd, "bereik", 7, "vastgelegd", "2026-11-01T09:00:00Z", "2026-11-29T14:05:00Z"),
		row(at(14, 5), "Jan de Vries", domain.ActieGewijzigd, "bereik", 7, "gebruiker", "piet", "Jan de Vries"),
		row(at(14, 5), "Jan de Vries", domain.ActieGewijzigd, "bereik", 7, "waarde", "3612", "3700"),
	}
	got := Beschrijf(rows, stored)
	if len(got) != 1 {
		t.Fatalf("%d changes, want 1: %+v", len(got), got)
	}
	want := "Ambulant jongerenwerk, 2024, jongeren: bereik 3.612 ⟶ 3.700 (Jan de Vries, 29-11-2026 14:05)"
	if line := got[0].Regel(); line != want {
		t.Fatalf("line\n got %q\nwant %q", line, want)
	}
	if got[0].InterventieID != 19 || got[0].Soort != "bereik" || len(got[0].Rijen) != 3 {
		t.Fatalf("change %+v", got[0])
	}
	text := got[0].Tekst()
	for _, want := range []string{"vastgelegd door: piet ⟶ Jan de Vries", "vastgelegd op: 01-11-2026 09:00 ⟶ 29-11-2026 14:05", "bereik: 3.612 ⟶ 3.700"} {
		if !strings.Contains(text, want) {
			t.Errorf("full text lacks %q:\n%s", want, text)
		}
	}
}

// TestChangesAreGroupedPerRecordAndMoment: rows of two saves at different
// moments, and of two records in one save, stay apart; order is kept.
func TestChangesAreGroupedPerRecordAndMoment(t *testing.T) {
	rows := []domain.Wijziging{
		row(at(15, 0), "Jan", domain.ActieGewijzigd, "begrotingsregels", 5, "bedrag_cent", "46000000", "47000000"),
		row(at(14, 5), "Jan", domain.ActieGewijzigd, "bereik", 7, "waarde", "3600", "3612"),
		row(at(14, 5), "Jan", domain.ActieGewijzigd, "interventies", 19, "doelgroep", "", "12-23 jaar"),
		row(at(14, 0), "Jan", domain.ActieGewijzigd, "bereik", 7, "waarde", "3500", "3600"),
	}
	got := Beschrijf(rows, stored)
	var lines []string
	for _, w := range got {
		lines = append(lines, w.Regel())
	}
	want := []string{
		"Begroting 1.3, 2024, lasten: bedrag € 460.000 ⟶ € 470.000 (Jan, 29-11-2026 15:00)",
		"Ambulant jongerenwerk, 2024, jongeren: bereik 3.600 ⟶ 3.612 (Jan, 29-11-2026 14:05)",
		"Ambulant jongerenwerk: doelgroep – ⟶ 12-23 jaar (Jan, 29-11-2026 14:05)",
		"Ambulant jongerenwerk, 2024, jongeren: bereik 3.500 ⟶ 3.600 (Jan, 29-11-2026 14:00)",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Fatalf("lines\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

// TestAddedAndRemovedRecordsAreNamedByTheirOwnFields: a saving that is
// added and one that is removed (and no longer stored) are named from the
// change's own fields; a bulk import's one-row record is read field by field.
func TestAddedAndRemovedRecordsAreNamedByTheirOwnFields(t *testing.T) {
	rows := []domain.Wijziging{
		row(at(10, 0), "An", domain.ActieVerwijderd, "besparingen", 9, "bedrag_cent", "12345", ""),
		row(at(10, 0), "An", domain.ActieVerwijderd, "besparingen", 9, "omschrijving", "Inkoop", ""),
		row(at(10, 0), "An", domain.ActieVerwijderd, "besparingen", 9, "periode", "2021", ""),
		row(at(9, 0), "An", domain.ActieToegevoegd, "bereik", 40, AlleVelden, "",
			`{"interventie_id":"19","periode":"2025","waarde":"1250.5","eenheid":"jongeren","bron":"travers.xlsx"}`),
		row(at(8, 0), "An", domain.ActieToegevoegd, "besparingen", 8, "bedrag_cent", "", "2500000"),
		row(at(8, 0), "An", domain.ActieToegevoegd, "besparingen", 8, "omschrijving", "", "Minder verwijzingen"),
		row(at(8, 0), "An", domain.ActieToegevoegd, "besparingen", 8, "periode", "", "2024"),
	}
	got := Beschrijf(rows, stored)
	want := []string{
		"Besparing 2021, Inkoop: besparing verwijderd, bedrag € 123,45 (An, 29-11-2026 10:00)",
		"Ambulant jongerenwerk, 2025, jongeren: bereik toegevoegd, bereik 1.250,5 (An, 29-11-2026 09:00)",
		"Besparing 2024, Minder verwijzingen: besparing toegevoegd, bedrag € 25.000 (An, 29-11-2026 08:00)",
	}
	if len(got) != len(want) {
		t.Fatalf("%d changes, want %d", len(got), len(want))
	}
	for i := range want {
		if line := got[i].Regel(); line != want[i] {
			t.Errorf("line %d\n got %q\nwant %q", i, line, want[i])
		}
	}
	if !strings.Contains(got[1].Tekst(), "bron: travers.xlsx") || got[1].InterventieID != 19 {
		t.Errorf("imported figure: %+v\n%s", got[1], got[1].Tekst())
	}
}

// TestReferencesAndSettingsAreWrittenInWords: a removed intervention is
// named by number, a link names its intervention, and a rename of the user
// reads as such.
func TestReferencesAndSettingsAreWrittenInWords(t *testing.T) {
	rows := []domain.Wijziging{
		row(at(12, 0), "Jan", domain.ActieGewijzigd, Gebruikersnaam, 0, "naam", "jan", "Jan de Vries"),
		row(at(11, 0), "Jan", domain.ActieGewijzigd, "bereik", 99, "interventie_id", "19", "23"),
	}
	got := Beschrijf(rows, stored)
	if line := got[0].Regel(); line != "Gebruikersnaam: naam jan ⟶ Jan de Vries (Jan, 29-11-2026 12:00)" {
		t.Errorf("rename: %q", line)
	}
	if line := got[1].Regel(); !strings.Contains(line, "interventie Ambulant jongerenwerk ⟶ interventie nr. 23") {
		t.Errorf("reference: %q", line)
	}
}

// TestRemovedInterventionIsNamedFromTheTrail: the figures and measures of
// an intervention that was removed (not stored any more) are named by the
// name the audit trail last recorded for it, not by its number.
func TestRemovedInterventionIsNamedFromTheTrail(t *testing.T) {
	rows := []domain.Wijziging{
		row(at(12, 0), "Bram", domain.ActieVerwijderd, "bereik", 31, "waarde", "65", ""),
		row(at(12, 0), "Bram", domain.ActieVerwijderd, "bereik", 31, "periode", "2025", ""),
		row(at(12, 0), "Bram", domain.ActieVerwijderd, "bereik", 31, "maat_id", "30", ""),
		row(at(12, 0), "Bram", domain.ActieVerwijderd, "bereik", 31, "interventie_id", "12", ""),
		row(at(11, 0), "Bram", domain.ActieVerwijderd, "maten", 30, "naam", "deelnemers", ""),
		row(at(11, 0), "Bram", domain.ActieVerwijderd, "maten", 30, "interventie_id", "12", ""),
	}
	got := Beschrijf(rows, stored)
	want := []string{
		"Gamma, 2025, deelnemers: bereik verwijderd, bereik 65 (Bram, 29-11-2026 12:00)",
		"Gamma, maat deelnemers: maat verwijderd (Bram, 29-11-2026 11:00)",
	}
	if len(got) != len(want) {
		t.Fatalf("%d changes, want %d", len(got), len(want))
	}
	for i := range want {
		if line := got[i].Regel(); line != want[i] {
			t.Errorf("line %d\n got %q\nwant %q", i, line, want[i])
		}
	}
	if text := got[0].Tekst(); !strings.Contains(text, "interventie: Gamma") || strings.Contains(text, "nr.") {
		t.Errorf("full text names the intervention by number:\n%s", text)
	}
}

// TestRestoreIsTold reads the setting a restore writes as the sentence it
// stands for, not as "Instelling toegevoegd".
func TestRestoreIsTold(t *testing.T) {
	note := "uit db-20261128-dagelijks.db op 29-11-2026 14:05; de vervangen database is bewaard als db-20261129-voor-terugzetten.db"
	got := Beschrijf([]domain.Wijziging{row(at(14, 5), "Jan de Vries", domain.ActieToegevoegd, "instellingen", 0, InstellingTeruggezet, "", note)}, stored)
	if len(got) != 1 {
		t.Fatalf("%d changes", len(got))
	}
	want := "Reservekopie teruggezet " + note + " (Jan de Vries, 29-11-2026 14:05)"
	if line := got[0].Regel(); line != want {
		t.Errorf("line %q, want %q", line, want)
	}
	if text := got[0].Tekst(); strings.Contains(text, "instelling") || !strings.Contains(text, "Reservekopie teruggezet uit") {
		t.Errorf("full text %q", text)
	}
}

// TestTargetIsNamedWithItsPeriodOnce: a target whose description already
// names its period (as the window writes it) does not get the period twice;
// one that does not gets it after the description.
func TestTargetIsNamedWithItsPeriodOnce(t *testing.T) {
	rows := []domain.Wijziging{
		row(at(10, 0), "An", domain.ActieToegevoegd, "doelstellingen", 3, AlleVelden, "",
			`{"omschrijving":"Minimaal 3.700 jongeren (2025)","periode":"2025","soort":"minimaal","waarde":"3700","eenheid":"jongeren"}`),
		row(at(9, 0), "An", domain.ActieToegevoegd, "doelstellingen", 4, AlleVelden, "",
			`{"omschrijving":"Bereik jongerencentra","periode":"2024","soort":"minimaal","waarde":"1500","eenheid":"jongeren"}`),
	}
	got := Beschrijf(rows, stored)
	want := []string{"Minimaal 3.700 jongeren (2025): doelstelling toegevoegd", "Bereik jongerencentra, 2024: doelstelling toegevoegd"}
	if len(got) != len(want) {
		t.Fatalf("%d changes, want %d", len(got), len(want))
	}
	for i := range want {
		if line := got[i].Regel(); !strings.HasPrefix(line, want[i]) {
			t.Errorf("line %d\n got %q\nwant it to begin %q", i, line, want[i])
		}
	}
}

// TestConflictChoiceIsNamedInWords: the choice made in a conflict with a
// colleague reads as such, not as the table that keeps conflicts.
func TestConflictChoiceIsNamedInWords(t *testing.T) {
	got := Beschrijf([]domain.Wijziging{row(at(15, 0), "Anna", domain.ActieGewijzigd, "team_conflicten", 1, "keuze", "",
		`eerste: gewijzigd "125"`)}, stored)
	if line := got[0].Regel(); !strings.HasPrefix(line, "Conflict met een collega") || strings.Contains(line, "team") {
		t.Errorf("keuze in een conflict: %q", line)
	}
}
