package team

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	gosync "sync"
	"testing"

	"jeugdmonitor/data/register/registertest"
	"jeugdmonitor/data/store"
	"jeugdmonitor/data/team/pgtest"
)

// TestInitAtTheSameMoment: two laptops set up one empty team database at
// the same moment; one does, the other waits and is told the database
// already holds a team register.
func TestInitAtTheSameMoment(t *testing.T) {
	_, dsn := teamServer(t)
	var wg gosync.WaitGroup
	errs := make([]error, 2)
	for i, user := range []string{"anna", "bram"} {
		srv, err := Connect(dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { srv.Close() })
		s := registertest.Open(t, "", store.Options{User: user, Now: clock()}, nil)
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = Init(s, srv)
		}()
	}
	wg.Wait()
	ok, refused := 0, 0
	for _, err := range errs {
		switch {
		case err == nil:
			ok++
		case errors.Is(err, ErrServerNotEmpty):
			refused++
		default:
			t.Fatalf("team init tegelijk: %v", err)
		}
	}
	if ok != 1 || refused != 1 {
		t.Fatalf("team init tegelijk: %v; verwacht één gelukt en één 'bevat al een teamregister'", errs)
	}
}

// TestServerErrorsInDutch: team init by a role without the right to make
// tables, a team database changed by hand (a column, then a table gone),
// and a server that is not there, each give a Dutch message naming the
// problem.
func TestServerErrorsInDutch(t *testing.T) {
	srv, dsn := teamServer(t)
	role := fmt.Sprint("zonder_create", os.Getpid())
	pgtest.Role(t, role, "")
	if err := srv.db.Exec("REVOKE CREATE ON SCHEMA public FROM PUBLIC").Error; err != nil {
		t.Fatal(err)
	}
	weak, err := Connect(pgtest.DSN(dsn, role))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { weak.Close() })
	s := registertest.Open(t, "", store.Options{User: "wim", Now: clock()}, nil)
	if _, err := Init(s, weak); err == nil || !strings.HasPrefix(err.Error(), "geen recht") || strings.Contains(err.Error(), "SQLSTATE") {
		t.Fatalf("team init zonder recht CREATE: %v", err)
	}

	a := founder(t, srv, "anna")
	for _, c := range []struct{ stmt, want string }{
		{"ALTER TABLE team_wijzigingen DROP COLUMN conflict_met CASCADE", "kolom w.conflict_met ontbreekt"},
		{"DROP TABLE team_info", "tabel team_info ontbreekt"},
	} {
		if err := srv.db.Exec(c.stmt).Error; err != nil {
			t.Fatal(err)
		}
		_, err := Sync(context.Background(), a, srv, nil)
		if err == nil || !strings.Contains(err.Error(), "buiten het programma om veranderd") || !strings.Contains(err.Error(), c.want) {
			t.Fatalf("sync na %s: %v; verwacht %q", c.stmt, err, c.want)
		}
	}

	if _, err := Connect("host=" + t.TempDir() + "/weg user=anna dbname=team"); err == nil || !strings.Contains(err.Error(), "onbereikbaar") {
		t.Fatalf("verbinden met een server die er niet is: %v", err)
	}
}

// TestStrangeSchemaVersionIsCutShort: a schema version of 100.000
// characters with an escape sequence, written into team_info by hand, is
// named in the message only by its start, without the control character.
func TestStrangeSchemaVersionIsCutShort(t *testing.T) {
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	if err := srv.db.Exec("UPDATE team_info SET waarde = ? WHERE sleutel = 'schema'", "\x1b[2J"+strings.Repeat("9", 100_000)).Error; err != nil {
		t.Fatal(err)
	}
	_, err := Sync(context.Background(), a, srv, nil)
	if err == nil || !strings.Contains(err.Error(), "schemaversie") || len(err.Error()) > 500 || strings.ContainsRune(err.Error(), '\x1b') {
		t.Fatalf("sync met een vreemde schemaversie: %.600v", err)
	}
}
