package cli

import (
	"strings"
	"testing"

	"jeugdmonitor/data/store"
)

// TestBereikTwoUnitsOnePeriodKeepsBoth records 3.612 jongeren and 41
// activiteiten for one intervention and period from the command line:
// both are stored, each in its own measure.
func TestBereikTwoUnitsOnePeriodKeepsBoth(t *testing.T) {
	db := newDatabase(t)
	for _, args := range [][]string{
		{"bereik", "--db", db, "--interventie", "Ambulant jongerenwerk", "--periode", "2024", "--waarde", "3.612"},
		{"bereik", "--db", db, "--interventie", "Ambulant jongerenwerk", "--periode", "2024", "--waarde", "41", "--eenheid", "activiteiten"},
	} {
		if code, stdout, stderr := run(t, args...); code != ExitOK || !strings.HasPrefix(stdout, "Opgeslagen: Ambulant jongerenwerk") {
			t.Fatalf("%v: exit %d, %q %q", args, code, stdout, stderr)
		}
	}
	code, _, stderr := run(t, "bereik", "--db", db, "--interventie", "Hervorming dyslexie", "--periode", "2024", "--waarde", "100")
	if code != ExitError || !strings.Contains(stderr, "fout in maat: deze interventie heeft meer maten (diagnostiek, behandeling); kies er een") {
		t.Errorf("two measures, none chosen: exit %d, %q", code, stderr)
	}
	if code, _, stderr := run(t, "bereik", "--db", db, "--interventie", "Hervorming dyslexie", "--maat", "behandeling", "--periode", "2024", "--waarde", "100"); code != ExitOK {
		t.Errorf("--maat: exit %d, %q", code, stderr)
	}
	s, err := store.Open(db, store.Options{User: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	i, _ := s.InterventieByNaam("Ambulant jongerenwerk")
	reach, _ := s.BereikVan(i.ID)
	got := map[string]float64{}
	for _, b := range reach {
		if b.Periode == "2024" {
			got[b.Eenheid] = b.Waarde
		}
	}
	if len(got) != 2 || got["jongeren"] != 3612 || got["activiteiten"] != 41 {
		t.Fatalf("2024 after two units: %v", got)
	}
}

// TestDoelstellingAddReviseEndList puts next year's target in, revises it
// with a reason, ends a yearly one and lists them, and refuses bad input in
// Dutch with nothing stored.
func TestDoelstellingAddReviseEndList(t *testing.T) {
	db := newDatabase(t)
	code, stdout, stderr := run(t, "doelstelling", "toevoegen", "--db", db, "--interventie", "Ambulant jongerenwerk",
		"--periode", "2024", "--soort", "minimum", "--waarde", "3.500", "--bron", "Begroting 2024")
	if code != ExitOK || !strings.Contains(stdout, "minimaal 3.500 jongeren (2024)") {
		t.Fatalf("toevoegen: exit %d, %q %q", code, stdout, stderr)
	}
	id := strings.Fields(strings.TrimPrefix(stdout, "Doelstelling "))[0]
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"toevoegen", "--interventie", "Ambulant jongerenwerk", "--periode", "2024", "--waarde", "135-90"}, "fout in waarde tot: ligt onder de ondergrens 135"},
		{[]string{"toevoegen", "--interventie", "Ambulant jongerenwerk", "--periode", "volgend jaar", "--waarde", "10"}, "fout in periode:"},
		{[]string{"toevoegen", "--interventie", "Bestaat niet", "--periode", "2024", "--waarde", "10", "--eenheid", "jongeren"}, "fout in interventie:"},
		{[]string{"herzien", "--nummer", id, "--waarde", "3.700"}, "fout in reden: geef de reden van de herziening op"},
		{[]string{"beeindigen", "--nummer", id, "--laatste-jaar", "2024"}, "fout in reden:"},
	} {
		code, _, stderr := run(t, append(append([]string{"doelstelling"}, c.args...), "--db", db)...)
		if code != ExitError || !strings.Contains(stderr, c.want) || !strings.Contains(stderr, "Er is niets opgeslagen.") {
			t.Errorf("%v: exit %d, %q (want %q)", c.args, code, stderr, c.want)
		}
	}
	if code, _, stderr := run(t, "doelstelling", "herzien", "--db", db, "--nummer", id, "--waarde", "3.700", "--reden", "Routekaart 2024"); code != ExitOK {
		t.Fatalf("herzien: exit %d, %q", code, stderr)
	}
	code, stdout, _ = run(t, "doelstelling", "lijst", "--db", db, "--interventie", "Ambulant jongerenwerk")
	if code != ExitOK || !strings.Contains(stdout, id+"\t2024\tminimaal 3.700 jongeren\tAmbulant jongerenwerk") ||
		!strings.Contains(stdout, "3.500 -> 3.700 (Routekaart 2024)") {
		t.Fatalf("lijst: exit %d, %q", code, stdout)
	}
	if code, _, stderr := run(t, "doelstelling", "beeindigen", "--db", db, "--nummer", id, "--laatste-jaar", "2024", "--reden", "vervangen door jaarlijks doel"); code != ExitOK {
		t.Fatalf("beeindigen: exit %d, %q", code, stderr)
	}
	_, stdout, _ = run(t, "doelstelling", "lijst", "--db", db)
	if !strings.Contains(stdout, "beëindigd na 2024: vervangen door jaarlijks doel") {
		t.Errorf("lijst after ending: %q", stdout)
	}
	s, err := store.Open(db, store.Options{User: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	audit, _ := s.Wijzigingen(store.WijzigingFilter{Entiteit: "doelstellingen"})
	var revised bool
	for _, w := range audit {
		revised = revised || w.Veld == "waarde" && w.OudeWaarde == "3500" && w.NieuweWaarde == "3700"
	}
	if !revised {
		t.Error("the revision is not in the audit trail")
	}
}

// TestDoelstellingFlagErrorsInDutch: a number the option cannot hold is
// refused in Dutch, naming the option and the value, not in the flag
// package's English.
func TestDoelstellingFlagErrorsInDutch(t *testing.T) {
	db := newDatabase(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"herzien", "--nummer", "-1", "--waarde", "5"}, `ongeldige waarde "-1" voor --nummer: geef een geheel getal van 0 of meer`},
		{[]string{"herzien", "--nummer", "99999999999999999999", "--waarde", "5"}, `ongeldige waarde "99999999999999999999" voor --nummer: dat getal is te groot of te klein`},
		{[]string{"beeindigen", "--nummer", "twee"}, `ongeldige waarde "twee" voor --nummer: geef een geheel getal van 0 of meer`},
		{[]string{"herzien", "--nummr", "1"}, "onbekende optie --nummr"},
		{[]string{"herzien", "--nummer"}, "de optie --nummer heeft een waarde nodig"},
	} {
		code, stdout, stderr := run(t, append([]string{"doelstelling", c.args[0], "--db", db}, c.args[1:]...)...)
		if code != ExitUsage || !strings.Contains(stderr, c.want) || stdout != "" {
			t.Errorf("%v: exit %d, stderr %q (want %q)", c.args, code, stderr, c.want)
		}
		for _, english := range []string{"invalid value", "parse error", "out of range", "not defined", "needs an argument"} {
			if strings.Contains(stderr, english) {
				t.Errorf("%v: English in %q", c.args, stderr)
			}
		}
	}
}
