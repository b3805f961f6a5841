package backup

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/store"
)

func openStore(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "jeugdmonitor.db"), store.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	i := domain.Interventie{Naam: "Match", Cluster: domain.ClusterSocialeBasis, StatusCategorie: domain.StatusStructureel}
	if err := s.CreateInterventie(&i); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestMakeWritesAConsistentCopyWhileOpen(t *testing.T) {
	s := openStore(t)
	now := time.Date(2026, 11, 22, 9, 0, 0, 0, time.Local)
	path, err := Make(s, ReasonImport, now)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(path) != Dir(s.Path()) || !strings.HasSuffix(path, "jeugdmonitor-20261122-090000-voor-import.db") {
		t.Fatalf("backup path %s", path)
	}
	want, _ := s.Tel()
	got, err := Inspect(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != want || got.Interventies != 1 {
		t.Fatalf("backup holds %+v, database %+v", got, want)
	}
	// The store stays usable after the copy.
	j := domain.Interventie{Naam: "Home-Start", Cluster: domain.ClusterSocialeBasis, StatusCategorie: domain.StatusStructureel}
	if err := s.CreateInterventie(&j); err != nil {
		t.Fatal(err)
	}
	second, err := Make(s, ReasonImport, now)
	if err != nil || second == path {
		t.Fatalf("a second copy in the same second: %q %v", second, err)
	}
	if first, err := Inspect(path); err != nil || first.Interventies != 1 {
		t.Fatalf("the first copy changed: %+v %v", first, err)
	}
}

func TestMakeDailyOncePerDay(t *testing.T) {
	s := openStore(t)
	day := time.Date(2026, 11, 22, 9, 0, 0, 0, time.Local)
	first, err := MakeDaily(s, day)
	if err != nil || first == "" {
		t.Fatalf("first daily copy: %q %v", first, err)
	}
	again, err := MakeDaily(s, day.Add(3*time.Hour))
	if err != nil || again != "" {
		t.Fatalf("second daily copy on the same day: %q %v", again, err)
	}
	next, err := MakeDaily(s, day.Add(24*time.Hour))
	if err != nil || next == "" {
		t.Fatalf("daily copy on the next day: %q %v", next, err)
	}
	all, _ := List(s.Path())
	if len(all) != 2 || all[0].Path != next || all[0].Size == 0 {
		t.Fatalf("list %+v", all)
	}
}

// touch makes an (empty) backup file with a name for the moment and reason.
func touch(t *testing.T, dir string, made time.Time, reason string) string {
	t.Helper()
	path := filepath.Join(dir, "jeugdmonitor-"+made.Format(timeLayout)+"-"+reason+".db")
	if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestPruneKeepsSevenDaysFourWeeksAndTenEvents(t *testing.T) {
	dir := t.TempDir()
	start := time.Date(2026, 9, 1, 8, 0, 0, 0, time.Local) // a Tuesday
	for d := 0; d < 60; d++ {
		touch(t, dir, start.AddDate(0, 0, d), ReasonDaily)
		touch(t, dir, start.AddDate(0, 0, d).Add(time.Hour), ReasonDaily) // a second copy that day
	}
	for k := 0; k < 15; k++ {
		touch(t, dir, start.Add(time.Duration(k)*time.Minute), ReasonImport)
	}
	other := filepath.Join(dir, "notities.txt")
	os.WriteFile(other, []byte("blijft"), 0o644)
	if err := Prune(dir, "jeugdmonitor"); err != nil {
		t.Fatal(err)
	}
	all, err := list(dir, "jeugdmonitor")
	if err != nil {
		t.Fatal(err)
	}
	var daily, events []string
	for _, b := range all {
		if b.Reason == ReasonDaily {
			daily = append(daily, b.Made.Format("2006-01-02 15:04"))
		} else {
			events = append(events, b.Made.Format("15:04"))
		}
	}
	sort.Strings(daily)
	last := start.AddDate(0, 0, 59)
	var want []string
	// Newest copy of each of the last 7 days...
	for d := 6; d >= 0; d-- {
		want = append(want, last.AddDate(0, 0, -d).Add(time.Hour).Format("2006-01-02 15:04"))
	}
	// ...and the newest of each of the last 4 ISO weeks (the newest week is
	// already among the days): the Sundays that end the three weeks before.
	for _, d := range weekEnds(last, KeepWeeks) {
		s := d.Add(time.Hour).Format("2006-01-02 15:04")
		if !contains(want, s) {
			want = append(want, s)
		}
	}
	sort.Strings(want)
	if strings.Join(daily, ",") != strings.Join(want, ",") {
		t.Fatalf("daily copies kept:\n%v\nwant:\n%v", daily, want)
	}
	if len(events) != KeepEvents || events[0] != start.Add(14*time.Minute).Format("15:04") {
		t.Fatalf("event copies kept: %v", events)
	}
	if _, err := os.Stat(other); err != nil {
		t.Fatal("pruning removed a file that is not a backup")
	}
}

// weekEnds gives, for the n newest ISO weeks up to last, the newest day of
// that week that is not after last.
func weekEnds(last time.Time, n int) []time.Time {
	var out []time.Time
	d := last
	for len(out) < n {
		out = append(out, d)
		// step back to the Sunday before d's week
		for {
			d = d.AddDate(0, 0, -1)
			if d.Weekday() == time.Sunday {
				break
			}
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestCopiesWithinOneSecondGetTheirOwnName(t *testing.T) {
	s := openStore(t)
	now := time.Date(2026, 11, 22, 9, 0, 0, 0, time.Local)
	var paths []string
	for k := 0; k < 3; k++ {
		p, err := Make(s, ReasonImport, now)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	all, _ := List(s.Path())
	if len(all) != 3 || all[0].Path != paths[2] || all[2].Path != paths[0] || all[0].Reason != ReasonImport {
		t.Fatalf("copies made within one second: %+v", all)
	}
}
