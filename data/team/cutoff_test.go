package team

import (
	"context"
	"errors"
	"fmt"
	"testing"

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
