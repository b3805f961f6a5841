package team

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"gorm.io/gorm"

	"jeugdmonitor/data/register"
	"jeugdmonitor/data/store"
)

// TestSyncProgress: a synchronisation reports the own changes it sends
// (so many of so many) and the team changes it applies, batch by batch, up
// to all of them.
func TestSyncProgress(t *testing.T) {
	smallBatches(t)
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	b := emptyLaptop(t, "bram")
	var seen []Voortgang
	if _, err := Join(context.Background(), b, srv, func(v Voortgang) { seen = append(seen, v) }); err != nil {
		t.Fatal(err)
	}
	total := int(serverCount(t, srv))
	var batches, last int
	for _, v := range seen {
		if v.TeVerwerken == 0 {
			continue
		}
		if v.TeVerwerken != total || v.Verwerkt < last || v.Verwerkt > total {
			t.Fatalf("voortgang %+v na %d, verwacht tot %d", v, last, total)
		}
		batches, last = batches+1, v.Verwerkt
	}
	if last != total || batches < total/fetchBatch || batches < 3 {
		t.Fatalf("%d van %d verwerkt in %d stappen", last, total, batches)
	}
	iv := interventies(t, a)
	for i := range 3 {
		reach(t, a, iv[i].Naam, "2025", fmt.Sprint(300+i))
	}
	seen = nil
	if _, err := Sync(context.Background(), a, srv, func(v Voortgang) { seen = append(seen, v) }); err != nil {
		t.Fatal(err)
	}
	// waiting for the turn is said first (a colleague may be sending),
	// then how far the send is, up to all of it
	waited, turn, sent := -1, -1, false
	for i, v := range seen {
		switch {
		case v.String() == StapBeurt:
			waited = i
		case v.Stap == StapVersturen && v.TeVerzenden > 0 && v.Verzonden == 0 && turn < 0:
			turn = i
		case v.TeVerzenden > 0 && v.Verzonden == v.TeVerzenden && v.String() == fmt.Sprintf("%s: %d van %d", StapVersturen, v.Verzonden, v.TeVerzenden):
			sent = true
		}
	}
	if waited < 0 || turn < waited || !sent {
		t.Fatalf("geen voortgang 'wachten op de beurt', dan versturen tot alles verzonden: %+v", seen)
	}
}

// TestSyncCancelled: a synchronisation cancelled while it applies the
// team's changes stops with ErrAfgebroken, keeps what it committed, and
// the next one continues to the same content as the team.
func TestSyncCancelled(t *testing.T) {
	smallBatches(t)
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	b := emptyLaptop(t, "bram")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var at int
	_, err := Join(ctx, b, srv, func(v Voortgang) {
		if v.Verwerkt > 0 && at == 0 {
			at = v.Verwerkt
			cancel()
		}
	})
	if !errors.Is(err, ErrAfgebroken) {
		t.Fatalf("afgebroken sync: %v", err)
	}
	var st staat
	if err := b.ReadRaw(func(db *gorm.DB) (err error) { st, _, err = readState(db); return err }); err != nil {
		t.Fatal(err)
	}
	left, err := srv.countAfter(st.OntvangenTot, st.Herkomst)
	if err != nil {
		t.Fatal(err)
	}
	if st.OntvangenTot == 0 || left == 0 {
		t.Fatalf("na afbreken bij %d: ontvangen tot %d, nog %d: niet halverwege afgebroken", at, st.OntvangenTot, left)
	}
	before := serverCount(t, srv)
	sync(t, b, srv)
	if after := serverCount(t, srv); after != before {
		t.Fatalf("de sync na het afbreken stuurde %d wijzigingen", after-before)
	}
	sameContent(t, a, b)
}

// emptyLaptop is a new, empty laptop database that has not joined yet.
func emptyLaptop(t testing.TB, user string) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "laptop.db"), store.Options{Create: true, User: user, Now: clock()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.SetSetting(register.SeededKey, "uit de teamdatabase"); err != nil {
		t.Fatal(err)
	}
	return s
}

// smallBatches makes a synchronisation apply the team's changes in batches
// of 200, so that the register makes several.
func smallBatches(t *testing.T) {
	fetch, check := fetchBatch, checkBatch
	fetchBatch, checkBatch = 200, 50
	t.Cleanup(func() { fetchBatch, checkBatch = fetch, check })
}

// TestCountsWithThousands: the result and the progress of a large
// synchronisation write their counts as Dutch numbers ("12.384").
func TestCountsWithThousands(t *testing.T) {
	res := Resultaat{Verzonden: 12384, Ontvangen: 1032, Toegepast: 1000}
	if got := res.Tekst(); !strings.HasPrefix(got, "Gesynchroniseerd: 12.384 wijzigingen verstuurd, 1.032 ontvangen (1.000 toegepast), ") {
		t.Fatalf("%q", got)
	}
	v := Voortgang{Stap: StapVersturen, Verzonden: 4032, TeVerzenden: 12384}
	if got := v.String(); got != StapVersturen+": 4.032 van 12.384" {
		t.Fatalf("%q", got)
	}
}
