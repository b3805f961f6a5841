package team

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"gorm.io/gorm"

	"jeugdmonitor/data/store"
)

// TestSyncFailingAtEachStatementConverges: two laptops change figures and
// the same fields, and synchronise with the team database failing at the
// first, second, ... statement the program runs through gorm (a lost
// connection at each moment of sending, checking for a copy, counting and
// fetching); afterwards normal synchronisations bring both to the same
// content, each change made on a laptop is in the team database exactly
// once, and both audit trails are intact.
func TestSyncFailingAtEachStatementConverges(t *testing.T) {
	smallBatches(t)
	fetchBatch = 20
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	b := member(t, srv, "bram")
	laptops := []*store.Store{a, b}
	marks := make([]uint, len(laptops))
	for i, s := range laptops {
		if err := s.ReadRaw(func(db *gorm.DB) (err error) { marks[i], err = lastAuditRow(db); return err }); err != nil {
			t.Fatal(err)
		}
	}
	start, err := head(srv.db)
	if err != nil {
		t.Fatal(err)
	}
	failing := failingStatements(t, srv)
	iv := interventies(t, a)
	failed := map[int]bool{}
	for n := range 60 {
		for k, s := range laptops {
			reach(t, s, iv[(n+k)%len(iv)].Naam, fmt.Sprint(2000+n%30), fmt.Sprint(10*n+k))
			changed, err := s.InterventieByNaam(iv[n%len(iv)].Naam)
			if err != nil {
				t.Fatal(err)
			}
			changed.Werkwijze = fmt.Sprintf("werkwijze van %s, ronde %d", s.User(), n)
			if err := s.UpdateInterventie(&changed); err != nil {
				t.Fatal(err)
			}
		}
		for _, s := range laptops {
			at := int64(n%15 + 1)
			if err := failing.syncFailingAt(s, srv, at); err != nil {
				failed[int(at)] = true
			}
		}
	}
	if len(failed) < 10 {
		t.Fatalf("alleen afgebroken bij de opdrachten %v", failed)
	}
	for _, s := range []*store.Store{a, b, a} {
		sync(t, s, srv)
	}
	sameContent(t, a, b)
	for i, s := range laptops {
		local, st := ownChangesAfter(t, s, marks[i])
		var server int64
		if err := srv.db.Raw("SELECT count(*) FROM team_wijzigingen WHERE herkomst = ? AND volgnummer > ?", st.Herkomst, start).
			Scan(&server).Error; err != nil {
			t.Fatal(err)
		}
		if local != server {
			t.Fatalf("%s maakte %d wijzigingen, de teamdatabase heeft er %d van", s.User(), local, server)
		}
		if report, err := s.Check(); err != nil || !report.OK() {
			t.Fatalf("controle van %s: %+v, %v", s.User(), report, err)
		}
	}
}

// TestSyncCancelledWhileCountingLeavesNoGoroutine: a synchronisation
// cancelled while it counts the team's changes for the progress bar (on a
// goroutine of its own, while a batch is applied) stops with
// ErrAfgebroken, leaves no goroutine running once it returns, and the next
// one reaches the team's content.
func TestSyncCancelledWhileCountingLeavesNoGoroutine(t *testing.T) {
	smallBatches(t)
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	b := member(t, srv, "bram")
	bulkFigures(t, a, 3000)
	sync(t, a, srv)
	var cancel context.CancelFunc
	counting := func(db *gorm.DB) {
		if strings.HasPrefix(db.Statement.SQL.String(), "SELECT count(*) FROM team_wijzigingen") && cancel != nil {
			cancel()
		}
	}
	if err := srv.db.Callback().Row().After("gorm:row").Register("test:tellen", counting); err != nil {
		t.Fatal(err)
	}
	before := runtime.NumGoroutine()
	for range 3 {
		var ctx context.Context
		ctx, cancel = context.WithCancel(context.Background())
		_, err := Sync(ctx, b, srv, nil)
		cancel()
		if !errors.Is(err, ErrAfgebroken) {
			t.Fatalf("afgebroken tijdens het tellen: %v", err)
		}
	}
	cancel = nil
	// a batch fetched ahead may still be on its way when a cancelled
	// synchronisation returns: it ends by itself
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if after := runtime.NumGoroutine(); after > before {
		buf := make([]byte, 1<<16)
		t.Fatalf("%d goroutines voor, %d na het afbreken:\n%s", before, after, buf[:runtime.Stack(buf, true)])
	}
	sync(t, b, srv)
	sameContent(t, a, b)
	if report, err := b.Check(); err != nil || !report.OK() {
		t.Fatalf("controle van bram: %+v, %v", report, err)
	}
}

// statementFailer makes one statement of the team database, counted from
// the start of a synchronisation, fail as a lost connection would.
type statementFailer struct {
	// counted from the sync's own goroutines too (the next batch fetched
	// and the changes counted while a batch is applied)
	count, failAt atomic.Int64
}

// failingStatements puts a statementFailer between gorm and the team
// database srv; it fails nothing until syncFailingAt.
func failingStatements(t *testing.T, srv *Server) *statementFailer {
	t.Helper()
	f := &statementFailer{}
	lost := errors.New("verbinding weg")
	fail := func(db *gorm.DB) {
		if f.count.Add(1) == f.failAt.Load() {
			db.AddError(lost)
		}
	}
	cb := srv.db.Callback()
	for _, err := range []error{cb.Raw().Before("gorm:raw").Register("test:weg", fail),
		cb.Row().Before("gorm:row").Register("test:weg", fail), cb.Query().Before("gorm:query").Register("test:weg", fail)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	return f
}

// syncFailingAt synchronises s with its at-th statement failing, and gives
// the synchronisation's error.
func (f *statementFailer) syncFailingAt(s *store.Store, srv *Server, at int64) error {
	f.count.Store(0)
	f.failAt.Store(at)
	defer f.failAt.Store(0)
	_, err := Sync(context.Background(), s, srv, nil)
	return err
}
