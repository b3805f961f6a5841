package team

import (
	"testing"

	"jeugdmonitor/data/store"
)

// TestMeasureNumberGivenAgain: an intervention is removed with its
// measure (the database removes the measure with it), and before the next
// synchronisation a figure is entered for another intervention, whose new
// measure gets the removed measure's number. The new measure reaches the
// colleague as a record of its own, with its figure, and no laptop keeps a
// key for the measure that is gone (randomized seeds 4 and 10 of
// TestRandomRemovalsAndChoicesConverge: the new measure went under the
// removed one's key, and the colleague refused its figure).
func TestMeasureNumberGivenAgain(t *testing.T) {
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	base := interventies(t, a)[0]
	addIntervention(t, a, base, "Alfa")
	addIntervention(t, a, base, "Beta")
	reach(t, a, "Alfa", "2025", "1")
	sync(t, a, srv)
	b := member(t, srv, "bram")
	removeIntervention(t, a, "Alfa")
	reach(t, a, "Beta", "2025", "2")
	for _, s := range []*store.Store{a, b, a, b} {
		sync(t, s, srv)
	}
	sameContent(t, a, b)
	for _, s := range []*store.Store{a, b} {
		if open := conflicts(t, s); len(open) != 0 {
			t.Fatalf("%s: %s", s.User(), open[0].Omschrijving())
		}
		keysNameRecords(t, s)
	}
}
