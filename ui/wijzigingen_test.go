package ui

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"jeugdmonitor/data/register/registertest"
	"jeugdmonitor/data/store"
)

// TestHistoryLoadsAPageAtATime saves 250 figures a minute apart: the
// history shows the newest page and offers Meer laden, which adds the
// older changes until the whole trail is there, each change once.
func TestHistoryLoadsAPageAtATime(t *testing.T) {
	m, _, _ := newTestMain(t, t.TempDir())
	now := clock()
	s := registertest.Open(t, t.TempDir(), store.Options{Now: func() time.Time {
		now = now.Add(time.Minute)
		return now
	}}, nil)
	m.useStore(s)
	for k := range 250 {
		in := store.BereikInvoer{Interventie: "Jongerencentra", Periode: strconv.Itoa(2000 + k%40), Waarde: strconv.Itoa(k + 1), Eenheid: "jongeren"}
		if _, err := s.RecordBereikInvoer(in); err != nil {
			t.Fatal(err)
		}
	}
	all, err := s.Geschiedenis(store.GeschiedenisFilter{})
	if err != nil {
		t.Fatal(err)
	}
	sc := m.navigate(pageWijzigingen).(*wijzigingenScreen)
	if len(sc.changes) < historyPage || len(sc.changes) >= len(all) || !sc.moreButton.Visible() ||
		!strings.HasPrefix(sc.count.Text, "de nieuwste ") {
		t.Fatalf("first page: %d of %d changes, count %q, more shown %v", len(sc.changes), len(all), sc.count.Text, sc.moreButton.Visible())
	}
	for clicks := 0; sc.moreButton.Visible(); clicks++ {
		if clicks > 5 {
			t.Fatal("Meer laden never reaches the end of the trail")
		}
		test.Tap(sc.moreButton)
	}
	if len(sc.changes) != len(all) || sc.count.Text != strconv.Itoa(len(all))+" wijzigingen, nieuwste eerst" {
		t.Fatalf("after Meer laden: %d of %d changes, count %q", len(sc.changes), len(all), sc.count.Text)
	}
	for k := range all {
		if sc.changes[k].Regel() != all[k].Regel() {
			t.Fatalf("change %d is %q, want %q", k, sc.changes[k].Regel(), all[k].Regel())
		}
	}
}
