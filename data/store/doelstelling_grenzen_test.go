package store

import (
	"strings"
	"testing"

	"jeugdmonitor/data/domain"
)

// TestTargetRevisionAndEndBounds: a revision to the value a target already
// has, a revision of an ended target and the end of a yearly target in a
// year before its interventions began are refused at their field, in
// Dutch, through the command line's way in and the window's alike, and
// nothing is stored or logged.
func TestTargetRevisionAndEndBounds(t *testing.T) {
	s := openTemp(t)
	in := newIntervention(t, s, "Meldpunt") // started in 2012
	yearly, err := s.CreateDoelstellingInvoer(DoelstellingInvoer{Interventies: []string{in.Naam}, Periode: "jaarlijks", Waarde: "5", Eenheid: "meldingen"})
	if err != nil {
		t.Fatal(err)
	}
	band, err := s.CreateDoelstellingInvoer(DoelstellingInvoer{Interventies: []string{in.Naam}, Periode: "2025", Waarde: "90-135", Eenheid: "meldingen"})
	if err != nil {
		t.Fatal(err)
	}
	before := len(auditRows(t, s, "doelstellingen", yearly.ID)) + len(auditRows(t, s, "doelstellingen", band.ID))
	refused := func(what string, err error, veld string, words ...string) {
		t.Helper()
		msg := fieldMessage(err, veld)
		for _, w := range words {
			if !strings.Contains(msg, w) {
				t.Errorf("%s: %v (want at %s: %q)", what, err, veld, w)
				return
			}
		}
	}
	same := "de nieuwe waarde is gelijk aan de huidige"
	refused("5 -> 5", s.ReviseDoelstellingInvoer(yearly.ID, "5", "", "geen verandering"), "waarde", same)
	refused("5 -> 5,0", s.ReviseDoelstellingInvoer(yearly.ID, "5,0", "", "geen verandering"), "waarde", same)
	refused("band -> same band", s.ReviseDoelstellingInvoer(band.ID, "90-135", "", "geen verandering"), "waarde", same)
	refused("window 5 -> 5", s.CheckDoelstellingWijzigingen([]DoelstellingWijziging{{Actie: DoelstellingHerzien, ID: yearly.ID, Waarde: "5", Reden: "x"}}), "waarde", same)
	if err := s.ReviseDoelstellingInvoer(band.ID, "90-140", "", "nieuwe afspraak"); err != nil {
		t.Errorf("a band with a new upper bound is a change: %v", err)
	}

	early := "2000 ligt voor het begin van de interventie Meldpunt (2012)"
	refused("end na 2000", s.EndDoelstelling(yearly.ID, 2000, "gestopt"), "laatste jaar", early)
	refused("window end na 2000", s.CheckDoelstellingWijzigingen([]DoelstellingWijziging{{Actie: DoelstellingBeeindigen, ID: yearly.ID, LaatsteJaar: "2000", Reden: "x"}}),
		"laatste jaar", early)
	if err := s.EndDoelstelling(yearly.ID, 2012, "gestopt"); err != nil {
		t.Fatalf("ending in the year the intervention began: %v", err)
	}
	ended := []string{"beëindigd na 2012", "niet meer herzien"}
	refused("revise ended", s.ReviseDoelstellingInvoer(yearly.ID, "6", "", "nieuwe afspraak"), "waarde", ended...)
	refused("window revise ended", s.CheckDoelstellingWijzigingen([]DoelstellingWijziging{{Actie: DoelstellingHerzien, ID: yearly.ID, Waarde: "6", Reden: "x"}}),
		"waarde", ended...)
	refused("window end then revise", s.CheckDoelstellingWijzigingen([]DoelstellingWijziging{
		{Actie: DoelstellingBeeindigen, ID: band.ID, LaatsteJaar: "2025", Reden: "x"},
		{Actie: DoelstellingHerzien, ID: band.ID, Waarde: "100", Reden: "x"}}), "waarde", "beëindigd na 2025")
	got, _ := s.Doelstelling(yearly.ID)
	if got.Waarde != 5 || got.LaatsteJaar == nil || *got.LaatsteJaar != 2012 {
		t.Errorf("stored: waarde %v, laatste jaar %v", got.Waarde, got.LaatsteJaar)
	}
	if revisions, _ := s.Herzieningen(yearly.ID); len(revisions) != 0 {
		t.Errorf("refused revisions were kept: %+v", revisions)
	}
	// one row for the band's new upper bound, two for the yearly end (year and reason)
	if after := len(auditRows(t, s, "doelstellingen", yearly.ID)) + len(auditRows(t, s, "doelstellingen", band.ID)); after != before+3 {
		t.Errorf("audit rows %d -> %d, want 3 more", before, after)
	}

	// an intervention with no known start gives no bound beyond the years the program knows
	unknown := domain.Interventie{Naam: "Zonder start", Uitvoerder: "Travers", Cluster: domain.ClusterSocialeBasis,
		StatusCategorie: domain.StatusStructureel, Einde: domain.Moment{Structureel: true, Tekst: "Structureel"}}
	if err := s.CreateInterventie(&unknown); err != nil {
		t.Fatal(err)
	}
	other, err := s.CreateDoelstellingInvoer(DoelstellingInvoer{Interventies: []string{unknown.Naam}, Periode: "jaarlijks", Waarde: "5", Eenheid: "meldingen"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.EndDoelstelling(other.ID, 2001, "gestopt"); err != nil {
		t.Errorf("ending a yearly target of an intervention without a start year: %v", err)
	}
}
