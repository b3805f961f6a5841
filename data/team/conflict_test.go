package team

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"gorm.io/gorm"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/store"
)

func conflicts(t *testing.T, s *store.Store) []Conflict {
	t.Helper()
	list, err := OpenConflicten(s)
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// TestSameFieldOnTwoLaptops: the same text changed on two laptops since
// they last synchronised ends with the same value on both (the one that
// reached the team last) and, on both, an open conflict with both values.
func TestSameFieldOnTwoLaptops(t *testing.T) {
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	b := member(t, srv, "bram")
	sameFieldChanged(t, srv, a, b, nil)
	for _, s := range []*store.Store{a, b} {
		list := conflicts(t, s)
		if len(list) != 1 {
			t.Fatalf("%s: %d conflicten: %+v", s.User(), len(list), list)
		}
		c := list[0]
		if c.Veld != "werkwijze" || c.Eerste.NieuweWaarde != "werkwijze volgens anna" || c.Eerste.Gebruiker != "anna" ||
			c.Tweede.NieuweWaarde != "werkwijze volgens bram" || c.Tweede.Gebruiker != "bram" || c.LokaalID == 0 {
			t.Fatalf("%s: conflict %+v", s.User(), c)
		}
		// it says which of the two values holds here now: the one that reached the team last
		if !c.Geldt(c.Tweede) || c.Geldt(c.Eerste) || !strings.Contains(c.Omschrijving(), "nu geldt de tweede waarde") {
			t.Fatalf("%s: geldend %q, omschrijving %q", s.User(), c.Nu, c.Omschrijving())
		}
		// named as people know the record and say what happened, not
		// "interventies nummer 1, veld werkwijze: eerst gewijzigd"
		want := fmt.Sprintf(`1. Interventie %s, werkwijze: eerst wijzigde anna het in "werkwijze volgens anna" (`, interventies(t, s)[0].Naam)
		if !strings.HasPrefix(c.Omschrijving(), want) || strings.Contains(c.Omschrijving(), "nummer") {
			t.Errorf("%s: %q\nbegint niet met %q", s.User(), c.Omschrijving(), want)
		}
	}

	// anna keeps her own value: it becomes the value on both laptops,
	// without a new conflict, and the choice is recorded
	if conflicts(t, a)[0].KanTerugzetten() || Resolve(a, conflicts(t, a)[0].ID, KeuzeTerugzetten) == nil {
		t.Fatal("een conflict tussen twee wijzigingen kon als terugzetten worden opgelost")
	}
	if err := Resolve(a, conflicts(t, a)[0].ID, KeuzeEerste); err != nil {
		t.Fatal(err)
	}
	if err := Resolve(a, conflicts(t, b)[0].ID, KeuzeEerste); err == nil {
		t.Fatal("een opgelost conflict kon nog eens worden opgelost")
	}
	sync(t, a, srv)
	// the kept value and the choice, which closes the conflict here too
	if res := sync(t, b, srv); res.Conflicten != 0 || res.Toegepast != 2 {
		t.Fatalf("bram na annas keuze: %+v", res)
	}
	sameContent(t, a, b)
	if got := interventies(t, b)[0].Werkwijze; got != "werkwijze volgens anna" {
		t.Fatalf("bram: werkwijze %q na annas keuze", got)
	}
	var all []Conflict
	if err := a.ReadRaw(func(db *gorm.DB) (err error) { all, err = listConflicts(db, true); return err }); err != nil {
		t.Fatal(err)
	}
	if len(conflicts(t, a)) != 0 || len(all) != 1 || all[0].OpgelostDoor != "anna" || all[0].Keuze == "" || all[0].OpgelostOp == nil {
		t.Fatalf("anna na haar keuze: open %d, alle %+v", len(conflicts(t, a)), all)
	}
}

// TestDeleteVersusEdit: a figure removed on one laptop and changed on the
// other is removed on both, and both keep the conflict with the changed value.
func TestDeleteVersusEdit(t *testing.T) {
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	naam := interventies(t, a)[0].Naam
	r := reach(t, a, naam, "2025", "50")
	sync(t, a, srv)
	b := member(t, srv, "bram")
	if err := a.DeleteBereik(r.ID); err != nil {
		t.Fatal(err)
	}
	reach(t, b, naam, "2025", "65")
	sync(t, a, srv)
	sync(t, b, srv)
	sync(t, a, srv)
	sameContent(t, a, b)
	for _, s := range []*store.Store{a, b} {
		list := conflicts(t, s)
		if len(list) == 0 {
			t.Fatalf("%s: geen conflict", s.User())
		}
		found := false
		for _, c := range list {
			if c.Entiteit == "bereik" && c.Veld == "waarde" && c.Tweede.NieuweWaarde == "65" && c.Tweede.Gebruiker == "bram" {
				found = true
			}
		}
		if !found {
			t.Fatalf("%s: het gewijzigde cijfer 65 ontbreekt in de conflicten: %+v", s.User(), list)
		}
	}
}

// TestChoiceClosesConflictEverywhere: a conflict resolved on one of three
// laptops is closed on the other two at their next synchronisation, with
// the choice, who made it and when; the kept value is everywhere, and
// there the conflict cannot be resolved again.
func TestChoiceClosesConflictEverywhere(t *testing.T) {
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	b := member(t, srv, "bram")
	c := member(t, srv, "carla")
	d := member(t, srv, "daan") // synchronises only after carla's choice
	for _, s := range []*store.Store{a, b} {
		iv := interventies(t, s)[0]
		iv.Werkwijze = "werkwijze volgens " + s.User()
		if err := s.UpdateInterventie(&iv); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range []*store.Store{a, b, c, a} {
		sync(t, s, srv)
	}
	for _, s := range []*store.Store{a, b, c} {
		if n := len(conflicts(t, s)); n != 1 {
			t.Fatalf("%s: %d open conflicten, verwacht 1", s.User(), n)
		}
	}
	if err := Resolve(c, conflicts(t, c)[0].ID, KeuzeEerste); err != nil {
		t.Fatal(err)
	}
	sync(t, c, srv)
	for _, s := range []*store.Store{a, b} {
		if res := sync(t, s, srv); res.Conflicten != 0 {
			t.Fatalf("%s na carla's keuze: %+v", s.User(), res)
		}
		if open := conflicts(t, s); len(open) != 0 {
			t.Fatalf("%s: het conflict dat carla oploste is hier nog open: %+v", s.User(), open)
		}
		var all []Conflict
		if err := s.ReadRaw(func(db *gorm.DB) (err error) { all, err = listConflicts(db, true); return err }); err != nil {
			t.Fatal(err)
		}
		if len(all) != 1 || all[0].OpgelostDoor != "carla" || all[0].Keuze != `eerste: gewijzigd "werkwijze volgens anna"` ||
			all[0].OpgelostOp == nil {
			t.Fatalf("%s: conflict na carla's keuze: %+v", s.User(), all)
		}
		if text := all[0].Omschrijving(); !strings.HasSuffix(text, "[opgelost door carla: de eerste waarde gehouden]") {
			t.Fatalf("%s: de keuze in woorden: %s", s.User(), text)
		}
		if got := interventies(t, s)[0].Werkwijze; got != "werkwijze volgens anna" {
			t.Fatalf("%s: werkwijze %q na carla's keuze", s.User(), got)
		}
	}
	sync(t, c, srv)
	sameContent(t, a, b)
	sameContent(t, a, c)
	// daan gets the conflict and carla's choice in one go: nothing to decide
	if res := sync(t, d, srv); res.Conflicten != 0 || res.AlOpgelost != 1 || len(conflicts(t, d)) != 0 ||
		res.ConflictenTekst() != "0 nieuwe conflicten en 1 conflict dat een collega al had opgelost" {
		t.Fatalf("daan: %+v, %q", res, res.ConflictenTekst())
	}
	sameContent(t, a, d)

	// closed here, the conflict cannot be resolved a second time
	var all []Conflict
	if err := b.ReadRaw(func(db *gorm.DB) (err error) { all, err = listConflicts(db, true); return err }); err != nil {
		t.Fatal(err)
	}
	if err := Resolve(b, all[0].ID, KeuzeTweede); !errors.Is(err, ErrConflictNotFound) {
		t.Fatalf("bram kon het door carla opgeloste conflict nog eens oplossen: %v", err)
	}
}

// TestRestoreRemoved: a figure removed on one laptop and changed on
// another can be restored with the changed value from the conflict, on a
// third laptop: afterwards every laptop has the figure with that value and
// its other fields, and the conflict is closed everywhere with the choice.
func TestRestoreRemoved(t *testing.T) {
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	naam := interventies(t, a)[0].Naam
	r := reach(t, a, naam, "2025", "50")
	sync(t, a, srv)
	b := member(t, srv, "bram")
	c := member(t, srv, "carla")
	if err := a.DeleteBereik(r.ID); err != nil {
		t.Fatal(err)
	}
	reach(t, b, naam, "2025", "65")
	for _, s := range []*store.Store{a, b, c, a} {
		sync(t, s, srv)
	}
	var restorable []Conflict
	for _, k := range conflicts(t, c) {
		if k.Veld == "waarde" && k.KanTerugzetten() {
			restorable = append(restorable, k)
		}
	}
	if len(restorable) != 1 {
		t.Fatalf("niet één conflict over de waarde om terug te zetten bij carla: %+v", conflicts(t, c))
	}
	if err := Resolve(c, restorable[0].ID, KeuzeTerugzetten); err != nil {
		t.Fatal(err)
	}
	for _, s := range []*store.Store{c, a, b, c} {
		sync(t, s, srv)
	}
	sameContent(t, a, b)
	sameContent(t, a, c)
	for _, s := range []*store.Store{a, b, c} {
		var found []domain.Bereik
		if err := s.ReadRaw(func(db *gorm.DB) error { return db.Where("periode = ?", "2025").Find(&found).Error }); err != nil {
			t.Fatal(err)
		}
		if len(found) != 1 || found[0].Waarde != 65 || found[0].BronTekst != r.BronTekst || found[0].Eenheid != "deelnemers" {
			t.Fatalf("%s: bereik 2025 na terugzetten: %+v", s.User(), found)
		}
		var all []Conflict
		if err := s.ReadRaw(func(db *gorm.DB) (err error) { all, err = listConflicts(db, true); return err }); err != nil {
			t.Fatal(err)
		}
		closed := false
		for _, k := range all {
			if k.Veld == "waarde" && k.OpgelostDoor == "carla" && k.Keuze == `terugzetten: gewijzigd "65"` && k.LokaalID == found[0].ID {
				closed = true
			}
		}
		if !closed {
			t.Fatalf("%s: het conflict over de waarde is niet gesloten met carla's keuze: %+v", s.User(), all)
		}
	}
}

// TestKeepRemovalSettlesEverywhere: a figure removed on one laptop and
// changed on another is one conflict on each of three laptops, whichever
// reached the team first; keeping the removal on the removing laptop
// settles it on all three, with no second conflict to click away.
func TestKeepRemovalSettlesEverywhere(t *testing.T) {
	for _, removerFirst := range []bool{true, false} {
		t.Run(map[bool]string{true: "verwijderen eerst", false: "wijzigen eerst"}[removerFirst], func(t *testing.T) {
			srv, _ := teamServer(t)
			a := founder(t, srv, "anna")
			naam := interventies(t, a)[0].Naam
			r := reach(t, a, naam, "2025", "50")
			sync(t, a, srv)
			b := member(t, srv, "bram")
			c := member(t, srv, "carla")
			if err := a.DeleteBereik(r.ID); err != nil {
				t.Fatal(err)
			}
			reach(t, b, naam, "2025", "65")
			order := []*store.Store{b, a, c, b}
			if removerFirst {
				order = []*store.Store{a, b, c, a}
			}
			for _, s := range order {
				sync(t, s, srv)
			}
			for _, s := range []*store.Store{a, b, c} {
				open := conflicts(t, s)
				if len(open) != 1 {
					t.Fatalf("%s: %d open conflicten, verwacht 1: %+v", s.User(), len(open), open)
				}
				if removal, change, ok := open[0].restoreSides(); !ok || removal.Gebruiker != "anna" || change.NieuweWaarde != "65" {
					t.Fatalf("%s: geen conflict van verwijderen tegen wijzigen: %s", s.User(), open[0].Omschrijving())
				}
			}
			keuze := KeuzeTweede
			if conflicts(t, a)[0].Eerste.Actie == domain.ActieVerwijderd {
				keuze = KeuzeEerste
			}
			if err := Resolve(a, conflicts(t, a)[0].ID, keuze); err != nil {
				t.Fatal(err)
			}
			for _, s := range []*store.Store{a, b, c, a} {
				if res := sync(t, s, srv); res.Conflicten != 0 {
					t.Fatalf("%s na annas keuze: %+v", s.User(), res)
				}
			}
			sameContent(t, a, b, c)
			for _, s := range []*store.Store{a, b, c} {
				if open := conflicts(t, s); len(open) != 0 {
					t.Fatalf("%s: nog open na annas keuze: %s", s.User(), open[0].Omschrijving())
				}
				all, err := AlleConflicten(s)
				if err != nil {
					t.Fatal(err)
				}
				if len(all) != 1 || all[0].OpgelostDoor != "anna" || all[0].Keuze != keuze+`: verwijderd ""` {
					t.Fatalf("%s: conflicten na annas keuze: %+v", s.User(), all)
				}
				var left []domain.Bereik
				if err := s.ReadRaw(func(db *gorm.DB) error { return db.Where("periode = ?", "2025").Find(&left).Error }); err != nil {
					t.Fatal(err)
				}
				if len(left) != 0 {
					t.Fatalf("%s: het verwijderde cijfer is er nog: %+v", s.User(), left)
				}
			}
		})
	}
}

// TestEarlierTeamDatabaseAndLaptop: a team database set up by an earlier
// version (an index on table, key, field and number where it now has a
// hash index on the key) and laptops whose state is from before EigenTot
// still find the conflict and end with the value that reached the team
// last; the next synchronisation notes how far a laptop's changes reach.
func TestEarlierTeamDatabaseAndLaptop(t *testing.T) {
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	b := member(t, srv, "bram")
	if err := srv.db.Exec("DROP INDEX team_wijzigingen_sleutel; " +
		"CREATE INDEX team_wijzigingen_veld ON team_wijzigingen (entiteit, sleutel, veld, volgnummer)").Error; err != nil {
		t.Fatal(err)
	}
	sameFieldChanged(t, srv, a, b, func(s *store.Store) {
		if err := s.UpdateRaw(func(r *store.RawTx) error {
			return r.DB().Exec("DELETE FROM team_staat WHERE sleutel = ?", staatEigenTot).Error
		}); err != nil {
			t.Fatal(err)
		}
		if st := state(t, s); st.EigenTot != math.MaxInt64 {
			t.Fatalf("%s: EigenTot %d zonder opgeslagen waarde", s.User(), st.EigenTot)
		}
	})
	for _, s := range []*store.Store{a, b} {
		if st := state(t, s); st.EigenTot == math.MaxInt64 || st.EigenTot > st.OntvangenTot {
			t.Fatalf("%s: EigenTot %d, ontvangen tot %d", s.User(), st.EigenTot, st.OntvangenTot)
		}
	}
}

// sameFieldChanged changes the first intervention's werkwijze on laptop a
// (anna) and on b (bram) before either synchronises (each first prepared
// by prepare, when not nil), then synchronises a, b, a: one conflict on
// each, and both end with bram's value, which reached the team last.
func sameFieldChanged(t *testing.T, srv *Server, a, b *store.Store, prepare func(*store.Store)) {
	t.Helper()
	for _, s := range []*store.Store{a, b} {
		if prepare != nil {
			prepare(s)
		}
		iv := interventies(t, s)[0]
		iv.Werkwijze = "werkwijze volgens " + s.User()
		if err := s.UpdateInterventie(&iv); err != nil {
			t.Fatal(err)
		}
	}
	sync(t, a, srv)
	if res := sync(t, b, srv); res.Conflicten != 1 {
		t.Fatalf("bram: %+v, verwacht 1 conflict", res)
	}
	if res := sync(t, a, srv); res.Conflicten != 1 {
		t.Fatalf("anna: %+v, verwacht 1 conflict", res)
	}
	sameContent(t, a, b)
	for _, s := range []*store.Store{a, b} {
		if got := interventies(t, s)[0].Werkwijze; got != "werkwijze volgens bram" {
			t.Fatalf("%s: werkwijze %q", s.User(), got)
		}
	}
}

// state reads a laptop's team state.
func state(t *testing.T, s *store.Store) staat {
	t.Helper()
	var st staat
	if err := s.UpdateRaw(func(r *store.RawTx) error {
		var err error
		st, _, err = readState(r.DB())
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return st
}

// TestConflictSaysWhichValueHolds: a number holds whether it is written
// as the change wrote it or as SQLite gives it back; a refused change or
// a value not read never holds.
func TestConflictSaysWhichValueHolds(t *testing.T) {
	c := Conflict{Nu: "165.0", NuBekend: true}
	for value, want := range map[string]bool{"165": true, "165.0": true, "170": false, "": false} {
		if got := c.Geldt(Wijziging{Actie: domain.ActieGewijzigd, NieuweWaarde: value}); got != want {
			t.Errorf("%q geldt: %v, verwacht %v", value, got, want)
		}
	}
	if c.Geldt(Wijziging{Actie: refusedAction, NieuweWaarde: "165"}) || (Conflict{Nu: "165"}).Geldt(Wijziging{NieuweWaarde: "165"}) {
		t.Error("een geweigerde wijziging of een niet gelezen waarde geldt")
	}
}

// TestRefusedFieldChangeLeavesTheRest: two laptops give two interventions
// the same name, which the register refuses (names are unique). Each keeps
// the other's renaming as a refused change, open as a conflict, leaves
// that intervention as it was, and applies the rest of what it received
// in the same batch.
func TestRefusedFieldChangeLeavesTheRest(t *testing.T) {
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	b := member(t, srv, "bram")
	const name = "Gedeelde naam"
	var names []string
	for _, iv := range interventies(t, a)[:4] {
		names = append(names, iv.Naam)
	}
	for k, s := range []*store.Store{a, b} {
		renameIntervention(t, s, names[k], name)
	}
	reach(t, a, names[2], "2025", "41")
	reach(t, b, names[3], "2025", "42")
	sync(t, a, srv)
	sync(t, b, srv)
	sync(t, a, srv)
	for k, s := range []*store.Store{a, b} {
		list, err := OpenConflicten(s)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 1 || !strings.Contains(list[0].Omschrijving(), "weigert de wijziging: de waarde moet uniek zijn") ||
			list[0].Tweede.NieuweWaarde != name {
			t.Fatalf("%s: conflicten %v; verwacht één geweigerde naamswijziging", s.User(), list)
		}
		if _, err := s.InterventieByNaam(names[1-k]); err != nil {
			t.Fatalf("%s: de interventie die de ander hernoemde heet niet meer %q: %v", s.User(), names[1-k], err)
		}
		for i, waarde := range map[int]float64{2: 41, 3: 42} {
			iv, err := s.InterventieByNaam(names[i])
			if err != nil {
				t.Fatal(err)
			}
			figures, err := s.BereikVan(iv.ID)
			if err != nil {
				t.Fatal(err)
			}
			found := slices.IndexFunc(figures, func(f domain.Bereik) bool { return f.Periode == "2025" && f.Waarde == waarde })
			if found < 0 {
				t.Fatalf("%s: %s heeft voor 2025 niet %v: %+v", s.User(), names[i], waarde, figures)
			}
		}
	}
}

// TestFigureForRemovedIntervention: one laptop removes an intervention
// while a colleague enters a figure for it offline. The removal stands on
// every laptop, the figure going with it, in whichever order they
// synchronise; each laptop has the figure, with its value, as an open
// conflict, the same one everywhere, so that keeping the removal on one
// laptop closes it on all.
func TestFigureForRemovedIntervention(t *testing.T) {
	for _, removerFirst := range []bool{true, false} {
		t.Run(map[bool]string{true: "verwijderen eerst", false: "cijfer eerst"}[removerFirst], func(t *testing.T) {
			srv, _ := teamServer(t)
			a := founder(t, srv, "anna")
			addIntervention(t, a, interventies(t, a)[0], "Gamma")
			sync(t, a, srv)
			b := member(t, srv, "bram")
			c := member(t, srv, "carla")
			removeIntervention(t, a, "Gamma")
			reach(t, b, "Gamma", "2025", "65")
			order := []*store.Store{b, a, c, b}
			if removerFirst {
				order = []*store.Store{a, b, c, a}
			}
			for _, s := range order {
				sync(t, s, srv)
			}
			sameContent(t, a, b, c)
			for _, s := range []*store.Store{a, b, c} {
				if _, err := s.InterventieByNaam("Gamma"); err == nil {
					t.Fatalf("%s: de verwijderde interventie is er nog", s.User())
				}
				open := conflicts(t, s)
				figure := slices.IndexFunc(open, func(c Conflict) bool {
					return c.Entiteit == "bereik" && c.Tweede.Actie == removedWithAction && strings.Contains(c.Omschrijving(), "65")
				})
				if figure < 0 {
					t.Fatalf("%s: het cijfer 65 staat niet als conflict open: %+v", s.User(), open)
				}
				// what happened, in words: who entered it, and that it went with Gamma, removed by anna
				text := open[figure].Omschrijving()
				if !strings.Contains(text, "Bereik (hier verwijderd): eerst voerde ") || !strings.Contains(text, " het in: ") ||
					!strings.Contains(text, "daarna werd het mee verwijderd met interventie Gamma door anna (") || strings.Contains(text, "veld") ||
					!strings.Contains(text, "periode 2025") || strings.Contains(text, "soort periode") || strings.Contains(text, "jaar 2025") {
					t.Fatalf("%s: %s", s.User(), text)
				}
			}
			for _, open := range conflicts(t, a) {
				if err := Resolve(a, open.ID, KeuzeTweede); err != nil {
					t.Fatalf("%s: %v", open.Omschrijving(), err)
				}
			}
			for _, s := range []*store.Store{a, b, c, a} {
				sync(t, s, srv)
			}
			sameContent(t, a, b, c)
			for _, s := range []*store.Store{a, b, c} {
				if open := conflicts(t, s); len(open) != 0 {
					t.Fatalf("%s: nog open na annas keuze: %s", s.User(), open[0].Omschrijving())
				}
			}
		})
	}
}

// TestChoiceForARecordRemovedSince: a figure added on two laptops with
// different values is an open conflict; when one of them then removes the
// figure (or its intervention), the conflict stays open on both with the
// record gone, and no side can be restored (neither removed it in the
// conflict). Each button the Conflicten view offers must still settle it,
// here and, with the next synchronisation, on the colleague's laptop
// (randomized seed 1 of TestRandomRemovalsAndChoicesConverge: no choice
// worked, and the conflict could never be closed).
func TestChoiceForARecordRemovedSince(t *testing.T) {
	for _, keuze := range []string{KeuzeEerste, KeuzeTweede} {
		for _, whole := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s, interventie weg %v", keuze, whole), func(t *testing.T) {
				srv, _ := teamServer(t)
				a := founder(t, srv, "anna")
				addIntervention(t, a, interventies(t, a)[0], "Gamma")
				sync(t, a, srv)
				b := member(t, srv, "bram")
				gone := reach(t, a, "Gamma", "2025", "3")
				reach(t, b, "Gamma", "2025", "5")
				for _, s := range []*store.Store{a, b, a} {
					sync(t, s, srv)
				}
				if len(conflicts(t, a)) == 0 || len(conflicts(t, b)) == 0 {
					t.Fatalf("het verschil 3/5 is geen open conflict: %v / %v", conflicts(t, a), conflicts(t, b))
				}
				if whole {
					removeIntervention(t, a, "Gamma")
				} else if err := a.DeleteBereik(gone.ID); err != nil {
					t.Fatal(err)
				}
				for _, s := range []*store.Store{a, b} {
					sync(t, s, srv)
				}
				for _, open := range conflicts(t, b) {
					if open.KanTerugzetten() || open.MeeVerwijderd() {
						continue // other buttons: not this test's case
					}
					if err := Resolve(b, open.ID, keuze); err != nil {
						t.Fatalf("bram kiest %s bij %s: %v", keuze, open.Omschrijving(), err)
					}
				}
				for _, s := range []*store.Store{b, a, b} {
					sync(t, s, srv)
				}
				sameContent(t, a, b)
				for _, s := range []*store.Store{a, b} {
					if open := conflicts(t, s); len(open) != 0 {
						t.Fatalf("%s: nog open: %s", s.User(), open[0].Omschrijving())
					}
					if report, err := s.Check(); err != nil || !report.OK() {
						t.Fatalf("controle bij %s: %+v, %v", s.User(), report, err)
					}
				}
			})
		}
	}
}

// TestSyncTellsSettledConflictsApart: a laptop that synchronises after a
// colleague settled one of two conflicts gets both, and the result counts
// only the open one as new, the settled one apart, in its text too.
func TestSyncTellsSettledConflictsApart(t *testing.T) {
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	b := member(t, srv, "bram")
	d := member(t, srv, "daan")
	for _, s := range []*store.Store{a, b} {
		for _, iv := range interventies(t, s)[:2] {
			iv.Werkwijze = "werkwijze volgens " + s.User()
			if err := s.UpdateInterventie(&iv); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, s := range []*store.Store{a, b, a} {
		sync(t, s, srv)
	}
	if open := conflicts(t, a); len(open) != 2 {
		t.Fatalf("anna: %d open conflicten, verwacht 2", len(open))
	} else if err := Resolve(a, open[0].ID, KeuzeEerste); err != nil {
		t.Fatal(err)
	}
	sync(t, a, srv)
	res := sync(t, d, srv)
	want := "1 nieuw conflict en 1 conflict dat een collega al had opgelost"
	if res.Conflicten != 1 || res.AlOpgelost != 1 || res.ConflictenTekst() != want || !strings.HasSuffix(res.Tekst(), want) {
		t.Fatalf("daan: %+v, %q; verwacht %q", res, res.Tekst(), want)
	}
	if open := conflicts(t, d); len(open) != 1 {
		t.Fatalf("daan: %d open conflicten, verwacht 1", len(open))
	}
}
