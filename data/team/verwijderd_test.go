package team

import (
	"fmt"
	"testing"

	"jeugdmonitor/data/store"
)

// TestRemovalOfAMergedRecordInTheTrail: a figure entered on two laptops,
// one with a note, is one record with the note on a third laptop; when the
// laptop without the note removed its figure before it had the other's
// and enters it again, the third laptop's trail says the note went with
// the removal, so that its audit chain holds (randomized seed 16 of
// TestRandomRemovalsAndChoicesConverge: the figure entered again got the
// removed one's number, and the trail still gave it the note).
func TestRemovalOfAMergedRecordInTheTrail(t *testing.T) {
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	addIntervention(t, a, interventies(t, a)[0], "Gamma")
	reach(t, a, "Gamma", "2024", "4") // its measure, known to everyone
	sync(t, a, srv)
	b := member(t, srv, "bram")
	c := member(t, srv, "carla")
	enter := func(s *store.Store, waarde, notitie string) store.BereikInvoer {
		in := store.BereikInvoer{Interventie: "Gamma", Periode: "2025", Waarde: waarde, Bron: "test",
			Maat: "deelnemers", Eenheid: "deelnemers", Notitie: notitie}
		if _, err := s.RecordBereikInvoer(in); err != nil {
			t.Fatal(err)
		}
		return in
	}
	enter(c, "9", "eerste telling")
	enter(a, "1", "")
	sync(t, a, srv)
	sync(t, c, srv)
	sync(t, b, srv) // carla's figure with the note, anna's merged into it
	figures := reachOf(t, a, "Gamma")
	for _, f := range figures {
		if f.Periode == "2025" {
			if err := a.DeleteBereik(f.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	enter(a, "1", "")
	for _, s := range []*store.Store{a, b, c, a, b} {
		sync(t, s, srv)
	}
	for _, s := range []*store.Store{a, b, c} {
		if report, err := s.Check(); err != nil || !report.OK() {
			t.Fatalf("controle bij %s: %+v, %v", s.User(), report, err)
		}
	}
	sameContent(t, a, b, c)
}

// TestSameFigureUnderAnotherMeasureKeyRemovedAfterIt: two laptops enter
// the same figure offline, each with the measure it adds for it (one
// measure, known under two team keys), and the second removes its own
// before it has the first's, which reached the team before the removal.
// The two figures were one, and the removal removes it on every laptop,
// the remover's included, as on a colleague who gets everything in the
// team's order (randomized seed 17 of TestRandomRemovalsAndChoicesConverge:
// the remover compared the measures by their team keys, took the first's
// figure for another one and kept it).
func TestSameFigureUnderAnotherMeasureKeyRemovedAfterIt(t *testing.T) {
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	b := member(t, srv, "bram")
	naam := interventies(t, a)[0].Naam
	reach(t, a, naam, "2026", "9")
	removed := reach(t, b, naam, "2026", "6")
	if err := b.DeleteBereik(removed.ID); err != nil {
		t.Fatal(err)
	}
	sync(t, a, srv) // anna's figure reaches the team before bram's removal
	sync(t, b, srv)
	sync(t, a, srv)
	c := member(t, srv, "carla") // gets it all in the team's order
	sameContent(t, a, b, c)
	for _, s := range []*store.Store{a, b, c} {
		figures := reachOf(t, s, naam)
		for _, f := range figures {
			if f.Periode == "2026" {
				t.Fatalf("%s houdt het verwijderde cijfer %v", s.User(), f.Waarde)
			}
		}
	}
}

// TestFigureRemovedBeforeTheSameCameFromAColleague: a laptop enters a
// figure with a note and removes it again, offline or after changing it
// in the team; a colleague enters the same figure without a note offline
// and sends it after the removal reached the team. In the team's order the
// first figure was gone before the second came: on every laptop the second
// is a figure of its own, without the note and without a conflict, as on
// a colleague who gets everything in that order (randomized seed 21 of
// TestRandomRemovalsAndChoicesConverge: the colleague merged the removed
// figure into its own, kept its note and a conflict about the value, and
// only its key went with the removal).
func TestFigureRemovedBeforeTheSameCameFromAColleague(t *testing.T) {
	for _, changed := range []bool{false, true} {
		t.Run(fmt.Sprintf("gewijzigd %v", changed), func(t *testing.T) {
			srv, _ := teamServer(t)
			a := founder(t, srv, "anna")
			b := member(t, srv, "bram")
			naam := interventies(t, a)[0].Naam
			removed, err := a.RecordBereikInvoer(store.BereikInvoer{Interventie: naam, Periode: "2026", Waarde: "5", Bron: "test",
				Maat: "deelnemers", Eenheid: "deelnemers", Notitie: "herteld"})
			if err != nil {
				t.Fatal(err)
			}
			reach(t, b, naam, "2026", "2")
			if changed {
				// its changes reach the team before its removal: the
				// colleague who did not add it must not refuse them
				sync(t, a, srv)
				removed.Waarde, removed.Notitie = 7, "opnieuw geteld"
				if err := a.RecordBereik(&removed); err != nil {
					t.Fatal(err)
				}
				sync(t, a, srv)
			}
			if err := a.DeleteBereik(removed.ID); err != nil {
				t.Fatal(err)
			}
			sync(t, a, srv) // anna's figure and its removal reach the team before bram's figure
			sync(t, b, srv)
			sync(t, a, srv)
			c := member(t, srv, "carla") // gets it all in the team's order
			sameContent(t, a, b, c)
			for _, s := range []*store.Store{a, b, c} {
				if open := conflicts(t, s); len(open) > 0 {
					t.Fatalf("%s: conflict %s", s.User(), open[0].Omschrijving())
				}
				figures := reachOf(t, s, naam)
				var of2026 []string
				for _, f := range figures {
					if f.Periode == "2026" {
						of2026 = append(of2026, fmt.Sprintf("%v %q", f.Waarde, f.Notitie))
					}
				}
				if len(of2026) != 1 || of2026[0] != `2 ""` {
					t.Fatalf("%s: cijfers voor 2026 %v, verwacht alleen 2 zonder notitie", s.User(), of2026)
				}
			}
		})
	}
}
