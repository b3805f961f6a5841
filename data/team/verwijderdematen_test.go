package team

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"gorm.io/gorm"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/register/registertest"
	"jeugdmonitor/data/store"
)

// figureIn enters a figure for intervention in measure maat on laptop s.
func figureIn(t *testing.T, s *store.Store, interventie, maat, periode, waarde string) store.BereikUndo {
	t.Helper()
	_, u, err := s.RecordBereikInvoerUndoable(store.BereikInvoer{Interventie: interventie, Periode: periode, Waarde: waarde,
		Bron: "test", Maat: maat, Eenheid: "deelnemers"})
	if err != nil {
		t.Fatalf("bereik %s %s %s: %v", interventie, maat, periode, err)
	}
	return u
}

// settled checks that the laptops agree, keep no open conflict (unless
// openAllowed) and no key of a record that is gone, and that their trails
// agree with their records.
func settled(t *testing.T, openAllowed bool, laptops ...*store.Store) {
	t.Helper()
	sameContent(t, laptops...)
	for _, s := range laptops {
		if open := conflicts(t, s); len(open) != 0 && !openAllowed {
			t.Fatalf("%s: open conflict %s", s.User(), open[0].Omschrijving())
		}
		keysNameRecords(t, s)
	}
	trailAgrees(t, laptops...)
}

// TestInterventionRemovedOnBothLaptops: two laptops remove the same
// intervention with its measures and figures, and both give the removed
// measures' numbers to new measures before synchronising, in either order.
func TestInterventionRemovedOnBothLaptops(t *testing.T) {
	for _, first := range []int{0, 1} {
		t.Run(fmt.Sprint(first), func(t *testing.T) {
			srv, _ := teamServer(t)
			a := founder(t, srv, "anna")
			base := interventies(t, a)[0]
			for _, n := range []string{"Alfa", "Beta", "Gamma"} {
				addIntervention(t, a, base, n)
			}
			figureIn(t, a, "Alfa", "deelnemers", "2025", "1")
			figureIn(t, a, "Alfa", "casussen", "2025", "2")
			sync(t, a, srv)
			b := member(t, srv, "bram")
			laptops := []*store.Store{a, b}
			for k, s := range laptops {
				removeIntervention(t, s, "Alfa")
				figureIn(t, s, "Beta", "gezinnen "+s.User(), "2025", fmt.Sprint(10+k))
				figureIn(t, s, "Gamma", "deelnemers", "2025", fmt.Sprint(20+k))
			}
			order := []*store.Store{laptops[first], laptops[1-first], laptops[first], laptops[1-first]}
			for _, s := range order {
				sync(t, s, srv)
			}
			settled(t, true, a, b)
		})
	}
}

// TestUndoneMeasureWithAColleaguesFigure: a figure that created a measure
// is undone (the measure goes with it) after a colleague entered a figure
// in that measure; and a number so freed is given again before the sync.
func TestUndoneMeasureWithAColleaguesFigure(t *testing.T) {
	for _, colleagueFirst := range []bool{false, true} {
		t.Run(fmt.Sprint(colleagueFirst), func(t *testing.T) {
			srv, _ := teamServer(t)
			a := founder(t, srv, "anna")
			base := interventies(t, a)[0]
			addIntervention(t, a, base, "Alfa")
			addIntervention(t, a, base, "Beta")
			sync(t, a, srv)
			b := member(t, srv, "bram")
			u := figureIn(t, a, "Alfa", "casussen", "2025", "5")
			sync(t, a, srv)
			sync(t, b, srv)
			figureIn(t, b, "Alfa", "casussen", "2024", "7")
			if colleagueFirst {
				sync(t, b, srv)
			}
			if err := a.UndoBereik(u); err != nil {
				t.Fatal(err)
			}
			figureIn(t, a, "Beta", "gezinnen", "2025", "9")
			for _, s := range []*store.Store{a, b, a, b} {
				sync(t, s, srv)
			}
			settled(t, true, a, b)
		})
	}
}

// TestUndoneMeasureNumberGivenAgainBeforeSync: a figure with a new measure
// is entered, sent, undone, and another new measure takes its number, all
// before the colleague synchronises.
func TestUndoneMeasureNumberGivenAgainBeforeSync(t *testing.T) {
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	base := interventies(t, a)[0]
	addIntervention(t, a, base, "Alfa")
	addIntervention(t, a, base, "Beta")
	sync(t, a, srv)
	b := member(t, srv, "bram")
	u := figureIn(t, a, "Alfa", "casussen", "2025", "5")
	sync(t, a, srv)
	if err := a.UndoBereik(u); err != nil {
		t.Fatal(err)
	}
	figureIn(t, a, "Beta", "gezinnen", "2025", "9")
	for _, s := range []*store.Store{a, b, a, b} {
		sync(t, s, srv)
	}
	settled(t, false, a, b)
}

// TestRestoreFigureOfRemovedIntervention: an intervention is removed with
// its measure while a colleague changes its figure; every conflict that
// offers to restore is restored on the colleague's laptop, and the
// laptops end alike with no stale key.
func TestRestoreFigureOfRemovedIntervention(t *testing.T) {
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	base := interventies(t, a)[0]
	addIntervention(t, a, base, "Alfa")
	addIntervention(t, a, base, "Beta")
	figureIn(t, a, "Alfa", "casussen", "2025", "5")
	sync(t, a, srv)
	b := member(t, srv, "bram")
	removeIntervention(t, a, "Alfa")
	figureIn(t, a, "Beta", "gezinnen", "2025", "9")
	figureIn(t, b, "Alfa", "casussen", "2025", "6")
	figureIn(t, b, "Alfa", "casussen", "2024", "4")
	for _, s := range []*store.Store{a, b, a, b} {
		sync(t, s, srv)
	}
	for _, c := range conflicts(t, b) {
		if c.KanTerugzetten() {
			// the measure went with the intervention: refused, saying why
			if err := Resolve(b, c.ID, KeuzeTerugzetten); err != nil && (!strings.HasPrefix(err.Error(), "terugzetten kan niet: ") || strings.Contains(err.Error(), "_id")) {
				t.Fatalf("terugzetten %s: %v", c.Omschrijving(), err)
			}
		}
	}
	for _, s := range []*store.Store{b, a, b, a} {
		sync(t, s, srv)
	}
	settled(t, true, a, b)
}

// TestSyncCutBetweenInterventionAndMeasureRemoval: the synchronisation
// that sends an intervention's removal and its measures' removals fails at
// each statement; later ones converge, with no stale key.
func TestSyncCutBetweenInterventionAndMeasureRemoval(t *testing.T) {
	smallBatches(t)
	fetchBatch = 20
	for at := int64(1); at <= 14; at += 2 {
		t.Run(fmt.Sprint(at), func(t *testing.T) {
			srv, _ := teamServer(t)
			a := founder(t, srv, "anna")
			base := interventies(t, a)[0]
			addIntervention(t, a, base, "Alfa")
			addIntervention(t, a, base, "Beta")
			figureIn(t, a, "Alfa", "casussen", "2025", "5")
			figureIn(t, a, "Alfa", "gezinnen", "2025", "6")
			sync(t, a, srv)
			b := member(t, srv, "bram")
			failing := failingStatements(t, srv)
			removeIntervention(t, a, "Alfa")
			figureIn(t, a, "Beta", "deelnemers", "2025", "9")
			_ = failing.syncFailingAt(a, srv, at)
			figureIn(t, a, "Beta", "kinderen", "2025", "3")
			_ = failing.syncFailingAt(b, srv, at)
			for _, s := range []*store.Store{a, b, a, b} {
				sync(t, s, srv)
			}
			settled(t, false, a, b)
		})
	}
}

// TestInitWithMeasuresRemovedWithTheirIntervention: team init from a
// laptop whose trail has an intervention removed with its measures and
// their numbers given again; with the measure removal rows in the trail
// and without them (an older program did not log them).
func TestInitWithMeasuresRemovedWithTheirIntervention(t *testing.T) {
	for _, oldTrail := range []bool{false, true} {
		t.Run(fmt.Sprint(oldTrail), func(t *testing.T) {
			srv, _ := teamServer(t)
			a := registertest.Open(t, "", store.Options{User: "anna", Now: clock()}, nil)
			base := interventies(t, a)[0]
			addIntervention(t, a, base, "Alfa")
			addIntervention(t, a, base, "Beta")
			figureIn(t, a, "Alfa", "casussen", "2025", "5")
			figureIn(t, a, "Alfa", "gezinnen", "2025", "6")
			removeIntervention(t, a, "Alfa")
			if oldTrail {
				dropMeasureRemovals(t, a)
			}
			figureIn(t, a, "Beta", "kinderen", "2025", "9")
			figureIn(t, a, "Beta", "jongeren", "2025", "3")
			if _, err := Init(a, srv); err != nil {
				t.Fatal(err)
			}
			b := member(t, srv, "bram")
			removeIntervention(t, b, "Beta")
			figureIn(t, a, "Beta", "jongeren", "2024", "2")
			for _, s := range []*store.Store{a, b, a, b} {
				sync(t, s, srv)
			}
			settled(t, true, a, b)
			var n int64
			if err := b.ReadRaw(func(db *gorm.DB) error {
				return db.Raw("SELECT count(*) FROM maten m JOIN interventies i ON i.id = m.interventie_id WHERE i.naam IN ('Alfa', 'Beta')").Scan(&n).Error
			}); err != nil || n != 0 {
				t.Fatalf("bram houdt %d maten van Alfa en Beta over (%v)", n, err)
			}
		})
	}
}

// dropMeasureRemovals takes the rows that log measures removed with their
// intervention off the end of s's trail, as an older program wrote it
// (they must be its last rows: the chain before them holds).
func dropMeasureRemovals(t *testing.T, s *store.Store) {
	t.Helper()
	if err := s.UpdateRaw(func(r *store.RawTx) error {
		for _, q := range []string{"DROP TRIGGER wijzigingen_alleen_toevoegen_delete",
			"DELETE FROM wijzigingen WHERE entiteit = 'maten' AND actie = 'verwijderd'",
			"CREATE TRIGGER wijzigingen_alleen_toevoegen_delete BEFORE DELETE ON wijzigingen BEGIN" +
				" SELECT RAISE(ABORT, 'het wijzigingenlogboek kan niet worden aangepast'); END"} {
			if err := r.DB().Exec(q).Error; err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

// TestMeasureNumberGivenAgainAfterAnOlderProgram: an older program removed
// an intervention with its measure and sent that, without logging the
// measure's removal, so the laptop kept the measure's team key. After the
// update a new measure gets its number.
func TestMeasureNumberGivenAgainAfterAnOlderProgram(t *testing.T) {
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	base := interventies(t, a)[0]
	addIntervention(t, a, base, "Alfa")
	addIntervention(t, a, base, "Beta")
	figureIn(t, a, "Alfa", "casussen", "2025", "1")
	sync(t, a, srv)
	b := member(t, srv, "bram")
	removeIntervention(t, a, "Alfa")
	dropMeasureRemovals(t, a)
	sync(t, a, srv)
	figureIn(t, a, "Beta", "gezinnen", "2025", "2")
	for _, s := range []*store.Store{a, b, a, b} {
		sync(t, s, srv)
	}
	settled(t, false, a, b)
}

// measureRemovals lists the rows of s's trail that remove a measure, by
// author, field and value.
func measureRemovals(t *testing.T, s *store.Store) []string {
	t.Helper()
	var rows []domain.Wijziging
	if err := s.ReadRaw(func(db *gorm.DB) error {
		return db.Where("entiteit = ? AND actie = ?", "maten", domain.ActieVerwijderd).Order("id").Find(&rows).Error
	}); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, w := range rows {
		if w.Veld == "interventie_id" {
			w.OudeWaarde = "" // a local number
		}
		out = append(out, fmt.Sprintf("%s %s %q", w.Gebruiker, w.Veld, w.OudeWaarde))
	}
	return out
}

// TestReceivedMeasureRemovalInTheTrail: a colleague who receives the
// removal of an intervention with measures has their removal in the trail
// too, as the remover has (the database removes them with the intervention
// before their own removal arrives): Wijzigingen shows them gone on every
// laptop.
func TestReceivedMeasureRemovalInTheTrail(t *testing.T) {
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	base := interventies(t, a)[0]
	addIntervention(t, a, base, "Alfa")
	addIntervention(t, a, base, "Beta")
	figureIn(t, a, "Alfa", "casussen", "2025", "1")
	figureIn(t, a, "Alfa", "gezinnen", "2025", "2")
	sync(t, a, srv)
	b := member(t, srv, "bram")
	removeIntervention(t, a, "Alfa")
	for _, s := range []*store.Store{a, b} {
		sync(t, s, srv)
	}
	settled(t, false, a, b)
	want := measureRemovals(t, a)
	if len(want) != 6 {
		t.Fatalf("anna's trail removes the measures in %v", want)
	}
	got := measureRemovals(t, b)
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(want, got) {
		t.Fatalf("bram's trail removes the measures in\n%v\nanna's in\n%v", got, want)
	}
}
