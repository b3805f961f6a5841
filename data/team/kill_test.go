package team

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"testing"
	"time"

	"gorm.io/gorm"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/store"
)

// The environment of a re-executed test binary that enters figures and
// synchronises until it is killed: the database and the team database.
const (
	killDBEnv  = "JEUGDMONITOR_TEAM_KILL_DB"
	killDSNEnv = "JEUGDMONITOR_TEAM_KILL_DSN"
)

// runKillSyncer enters a figure (now and then a bulk import of several, as
// the importer writes them) and synchronises, again and again.
func runKillSyncer(path, dsn string) int {
	s, err := store.Open(path, store.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	srv, err := Connect(dsn)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	all, err := s.Interventies(false)
	if err != nil || len(all) < 2 {
		fmt.Fprintln(os.Stderr, "geen interventies", err)
		return 1
	}
	rnd := rand.New(rand.NewSource(time.Now().UnixNano()))
	for n := 0; ; n++ {
		iv := all[rnd.Intn(len(all))]
		rows := make([]domain.Bereik, 1+n%3*4)
		for k := range rows {
			id := iv.ID
			rows[k] = domain.Bereik{InterventieID: &id, Periode: fmt.Sprint(2000 + rnd.Intn(100)), Waarde: float64(rnd.Intn(1000)),
				Eenheid: "deelnemers", MaatNaam: "deelnemers", Status: domain.StatusDefinitief, Notitie: s.User()}
		}
		if len(rows) > 1 {
			err = s.Update(func(t *store.Tx) error { return t.AddBereikBulk(rows) })
		} else {
			err = s.RecordBereik(&rows[0])
		}
		if err != nil && !errors.Is(err, store.ErrDuplicate) {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		if _, err := Sync(context.Background(), s, srv, nil); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	}
}

// TestSyncKilledAtRandomConverges: two laptops enter figures and
// synchronise in processes killed (SIGKILL) at random moments, 100 times
// (20 with -short); afterwards a normal synchronisation brings both to the
// same content, and every change made on a laptop is in the team database
// exactly once.
func TestSyncKilledAtRandomConverges(t *testing.T) {
	kills := 100
	if testing.Short() {
		kills = 20
	}
	srv, dsn := teamServer(t)
	laptops := []*store.Store{founder(t, srv, "anna"), member(t, srv, "bram")}
	sync(t, laptops[0], srv)
	start, err := head(srv.db)
	if err != nil {
		t.Fatal(err)
	}
	paths, marks := make([]string, 2), make([]uint, 2)
	for i, s := range laptops {
		paths[i] = s.Path()
		if err := s.ReadRaw(func(db *gorm.DB) (err error) { marks[i], err = lastAuditRow(db); return err }); err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	rnd := rand.New(rand.NewSource(time.Now().UnixNano()))
	for k := range kills {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), killDBEnv+"="+paths[k%2], killDSNEnv+"="+dsn)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			t.Fatalf("het synchroniserende proces stopte zelf (%v): %s", err, stderr.String())
		case <-time.After(time.Duration(100+rnd.Intn(900)) * time.Millisecond):
		}
		_ = cmd.Process.Kill()
		<-done
	}
	for i := range laptops {
		s, err := store.Open(paths[i], store.Options{})
		if err != nil {
			t.Fatalf("na %d keer afbreken: %v", kills, err)
		}
		laptops[i] = s
		t.Cleanup(func() { s.Close() })
	}
	for _, s := range []*store.Store{laptops[0], laptops[1], laptops[0]} {
		sync(t, s, srv)
	}
	sameContent(t, laptops[0], laptops[1])
	total := int64(0)
	for i, s := range laptops {
		local, st := ownChangesAfter(t, s, marks[i])
		var server int64
		if err := srv.db.Raw("SELECT count(*) FROM team_wijzigingen WHERE herkomst = ? AND volgnummer > ?", st.Herkomst, start).
			Scan(&server).Error; err != nil {
			t.Fatal(err)
		}
		if local != server {
			t.Fatalf("laptop %d maakte %d wijzigingen, de teamdatabase heeft er %d van", i, local, server)
		}
		total += local
	}
	if total == 0 {
		t.Fatal("er is in de afgebroken processen niets ingevoerd")
	}
	t.Logf("%d keer afgebroken, %d wijzigingen", kills, total)
}

// ownChangesAfter counts the changes the laptop's own audit rows after row
// make (not the rows of changes it received), converted as a send would
// (in a transaction that is rolled back).
func ownChangesAfter(t *testing.T, s *store.Store, row uint) (int64, staat) {
	t.Helper()
	undo := errors.New("terugdraaien")
	var n int64
	var st staat
	err := s.UpdateRaw(func(r *store.RawTx) error {
		db := r.DB()
		var err error
		if st, _, err = readState(db); err != nil {
			return err
		}
		var rows []domain.Wijziging
		if err := db.Where("id > ? AND id NOT IN (SELECT logregel FROM team_ontvangen WHERE logregel IS NOT NULL)", row).
			Order("id").Find(&rows).Error; err != nil {
			return err
		}
		c := &converter{k: newKeys(db), t: &tables{db: db}, st: st, deleted: map[string]bool{}}
		for _, w := range rows {
			changes, err := c.convert(w)
			if err != nil {
				return err
			}
			n += int64(len(changes))
		}
		return undo
	})
	if !errors.Is(err, undo) {
		t.Fatal(err)
	}
	return n, st
}
