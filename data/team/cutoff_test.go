package team

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"gorm.io/gorm"

	"jeugdmonitor/data/store"
)

// serverCount is how many changes the team database holds.
func serverCount(t *testing.T, srv *Server) int64 {
	t.Helper()
	n, err := head(srv.db)
	if err != nil {
		t.Fatal(err)
	}
	var rows int64
	if err := srv.db.Raw("SELECT count(*) FROM team_wijzigingen").Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	if rows > n {
		t.Fatalf("%d rijen maar laatste volgnummer %d", rows, n)
	}
	return rows
}

// TestSyncCutOffContinues: a synchronisation cut off after the team
// database stored the changes but before the laptop noted them, or after a
// batch was applied but before it was committed, loses nothing and
// duplicates nothing: the next one continues and all laptops converge.
func TestSyncCutOffContinues(t *testing.T) {
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	b := member(t, srv, "bram")
	iv := interventies(t, a)
	for i := range 3 {
		reach(t, a, iv[i].Naam, "2025", fmt.Sprint(100+i))
		reach(t, b, iv[i+3].Naam, "2025", fmt.Sprint(200+i))
	}
	lost := errors.New("netwerk weg")
	for _, moment := range []string{"verzonden", "toegepast"} {
		cutOff = func(m string) error {
			if m == moment {
				return lost
			}
			return nil
		}
		for _, s := range []*store.Store{a, b} {
			if _, err := Sync(context.Background(), s, srv, nil); !errors.Is(err, lost) && !(moment == "toegepast" && err == nil) {
				t.Fatalf("%s, afgebroken bij %s: %v", s.User(), moment, err)
			}
		}
	}
	cutOff = nil
	before := serverCount(t, srv)
	for _, s := range []*store.Store{a, b, a} {
		sync(t, s, srv)
	}
	if after := serverCount(t, srv); after != before {
		t.Fatalf("na het afbreken stuurde een nieuwe sync %d wijzigingen opnieuw", after-before)
	}
	sameContent(t, a, b)
	for _, s := range []*store.Store{a, b} {
		r, err := s.BereikInPeriode("2025")
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, list := range r {
			n += len(list)
		}
		if n != 6 {
			t.Fatalf("%s heeft %d cijfers voor 2025, verwacht 6", s.User(), n)
		}
	}
}

// TestSendCheckedInParts: when the team has changes after a laptop's team
// version, the laptop's send is checked and stored a part at a time: a
// send cut off after the team database stored it is skipped whole the
// next time (and not counted as sent again), the changes to a figure
// another laptop changed meanwhile are marked in whichever part they are,
// and the laptops converge.
func TestSendCheckedInParts(t *testing.T) {
	smallBatches(t)
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	b := member(t, srv, "bram")
	iv := interventies(t, a)
	for k, i := range iv[:10] {
		for _, year := range []string{"2020", "2021", "2022"} {
			reach(t, b, i.Naam, year, fmt.Sprint(100+k))
		}
	}
	// a text of the register, changed on both: in bram's last part
	for _, s := range []*store.Store{b, a} {
		i := interventies(t, s)[0]
		i.Werkwijze = "werkwijze volgens " + s.User()
		if err := s.UpdateInterventie(&i); err != nil {
			t.Fatal(err)
		}
	}
	sync(t, a, srv)
	lost := errors.New("netwerk weg")
	cutOff = func(m string) error {
		if m == "verzonden" {
			return lost
		}
		return nil
	}
	_, err := Sync(context.Background(), b, srv, nil)
	cutOff = nil
	if !errors.Is(err, lost) {
		t.Fatalf("afgebroken na het opslaan: %v", err)
	}
	stored := serverCount(t, srv)
	var sends []int
	res, err := Sync(context.Background(), b, srv, func(v Voortgang) {
		if v.Stap == StapVersturen && v.Verzonden > 0 {
			sends = append(sends, v.Verzonden)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if after := serverCount(t, srv); after != stored || res.Verzonden != 0 {
		t.Fatalf("opnieuw verstuurd: %d verzonden gemeld, %d wijzigingen erbij", res.Verzonden, after-stored)
	}
	if len(sends) < 3 || !slices.IsSorted(sends) {
		t.Fatalf("voortgang van het versturen in delen: %v", sends)
	}
	var marked int64
	if err := srv.db.Raw("SELECT count(*) FROM team_wijzigingen WHERE herkomst <> (SELECT herkomst FROM team_wijzigingen " +
		"WHERE volgnummer = 1) AND conflict_met <> ''").Scan(&marked).Error; err != nil {
		t.Fatal(err)
	}
	if marked == 0 {
		t.Fatal("geen wijziging van bram gemarkeerd als conflict met die van anna")
	}
	sync(t, a, srv)
	sameContent(t, a, b)
}

// TestSendAloneFetchesNothingBack: a laptop that sends while the team has
// nothing new for it has everything up to its own last change once the
// send commits, and does not fetch and apply its own changes again; a
// laptop that sends after a colleague did still fetches the colleague's.
func TestSendAloneFetchesNothingBack(t *testing.T) {
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	b := member(t, srv, "bram")
	iv := interventies(t, a)
	applied := errors.New("ontvangen toegepast")
	cutOff = func(m string) error {
		if m == "toegepast" {
			return applied
		}
		return nil
	}
	t.Cleanup(func() { cutOff = nil })

	reach(t, a, iv[0].Naam, "2025", "120")
	if _, err := Sync(context.Background(), a, srv, nil); err != nil {
		t.Fatalf("alleen verstuurd, toch iets ontvangen en toegepast: %v", err)
	}
	var st staat
	if err := a.ReadRaw(func(db *gorm.DB) (err error) { st, _, err = readState(db); return err }); err != nil {
		t.Fatal(err)
	}
	if last := serverCount(t, srv); st.OntvangenTot != last || st.EigenTot != last {
		t.Fatalf("na alleen versturen: ontvangen tot %d, eigen tot %d, laatste in het team %d", st.OntvangenTot, st.EigenTot, last)
	}

	reach(t, b, iv[1].Naam, "2025", "80")
	if _, err := Sync(context.Background(), b, srv, nil); !errors.Is(err, applied) {
		t.Fatalf("bram verstuurde na anna en moest haar wijziging ophalen: %v", err)
	}
	cutOff = nil
	sync(t, b, srv)
	sync(t, a, srv)
	sameContent(t, a, b)
}
