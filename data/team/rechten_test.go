package team

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"gorm.io/gorm"

	"jeugdmonitor/data/team/pgtest"
)

// TestRolesAndAppendOnly: a read-only role can fetch the register but not
// send a change; a writing role can send; no role, not even the owner, can
// change, remove or empty the team's changes.
func TestRolesAndAppendOnly(t *testing.T) {
	srv, dsn := teamServer(t)
	a := founder(t, srv, "anna")
	suffix := fmt.Sprint(os.Getpid())
	lezer, schrijver := "lezer"+suffix, "schrijver"+suffix
	for _, role := range []string{lezer, schrijver} {
		if err := srv.db.Exec("DROP ROLE IF EXISTS " + role).Error; err != nil {
			t.Fatal(err)
		}
		if err := srv.db.Exec("CREATE ROLE " + role + " LOGIN").Error; err != nil {
			t.Fatal(err)
		}
	}
	if err := srv.Grant(lezer, RechtLezen); err != nil {
		t.Fatal(err)
	}
	if err := srv.Grant(schrijver, RechtSchrijven); err != nil {
		t.Fatal(err)
	}
	if err := srv.Grant("bestaat_niet", RechtLezen); err == nil || !strings.Contains(err.Error(), "bestaat niet") {
		t.Fatalf("recht voor een onbekende rol: %v", err)
	}
	asLezer, asSchrijver := connectAs(t, dsn, lezer), connectAs(t, dsn, schrijver)

	l := member(t, asLezer, "lisa")
	sameContent(t, a, l)
	reach(t, l, interventies(t, l)[0].Naam, "2025", "9")
	if _, err := Sync(context.Background(), l, asLezer, nil); err == nil || !strings.Contains(err.Error(), "alleen leesrechten") || !strings.Contains(err.Error(), "Rechten geven") {
		t.Fatalf("sync met leesrechten en een wijziging: %v", err)
	}
	// a colleague without any right is told who gives them, not sent back to Rechten geven
	zonder := "zonder" + suffix
	for _, stmt := range []string{"DROP ROLE IF EXISTS " + zonder, "CREATE ROLE " + zonder + " LOGIN"} {
		if err := srv.db.Exec(stmt).Error; err != nil {
			t.Fatal(err)
		}
	}
	if err := connectAs(t, dsn, zonder).Grant(lezer, RechtLezen); err == nil || !strings.Contains(err.Error(), "alleen de eigenaar") {
		t.Fatalf("rechten geven zonder enig recht: %v", err)
	}
	if err := asLezer.Grant(lezer, RechtSchrijven); err == nil || !strings.Contains(err.Error(), "eigenaar") {
		t.Fatalf("een lezer gaf zichzelf schrijfrechten: %v", err)
	}

	w := member(t, asSchrijver, "willem")
	reach(t, w, interventies(t, w)[0].Naam, "2025", "12")
	sync(t, w, asSchrijver)
	sync(t, a, srv)
	sameContent(t, a, w)

	before := serverCount(t, srv)
	for _, who := range []*Server{asSchrijver, asLezer, srv} {
		for _, stmt := range []string{"UPDATE team_wijzigingen SET nieuwe_waarde = 'x'", "DELETE FROM team_wijzigingen",
			"TRUNCATE team_wijzigingen", "UPDATE team_info SET waarde = 'x'"} {
			if err := who.db.Exec(stmt).Error; err == nil && stmt != "UPDATE team_info SET waarde = 'x'" {
				t.Fatalf("%q lukte", stmt)
			} else if err == nil && who != srv {
				t.Fatalf("%q lukte voor een teamlid", stmt)
			}
		}
	}
	if after := serverCount(t, srv); after != before {
		t.Fatalf("het logboek van het team veranderde: %d -> %d", before, after)
	}
}

// TestWritersFillOnlyTheirColumnsAndWaitTheirTurn: a writing role fills
// only the columns a send fills: it cannot choose a change's number (every
// laptop would skip the changes after it) or the role that sent it. Every
// insert, also one past the program, waits for the turn to send: in a team
// database of this version the row of team_beurt, which a reader cannot
// lock and whose advisory lock no longer counts; in one of an earlier
// version the advisory lock, a guard Grant gives it again.
func TestWritersFillOnlyTheirColumnsAndWaitTheirTurn(t *testing.T) {
	for _, earlier := range []bool{false, true} {
		t.Run(fmt.Sprintf("eerdere versie %v", earlier), func(t *testing.T) { writersWaitTheirTurn(t, earlier) })
	}
}

// writersWaitTheirTurn is TestWritersFillOnlyTheirColumnsAndWaitTheirTurn
// for a team database of this version, or of version 2 (earlier).
func writersWaitTheirTurn(t *testing.T, earlier bool) {
	srv, dsn := teamServer(t)
	a := founder(t, srv, "anna")
	suffix := fmt.Sprintf("%d_%v", os.Getpid(), earlier) // roles are the whole server's
	role, reader := "invoerder"+suffix, "kijker"+suffix
	setup := []string{"DROP ROLE IF EXISTS " + role, "CREATE ROLE " + role + " LOGIN", "DROP ROLE IF EXISTS " + reader,
		"CREATE ROLE " + reader + " LOGIN", "DROP TRIGGER team_wijzigingen_op_volgorde ON team_wijzigingen"} // Grant gives it again
	if earlier {
		setup = append(setup, "DROP TABLE team_beurt", "UPDATE team_info SET waarde = '"+historySchemaVersion+"' WHERE sleutel = 'schema'")
	}
	for _, stmt := range setup {
		if err := srv.db.Exec(stmt).Error; err != nil {
			t.Fatal(err)
		}
	}
	if err := srv.Grant(role, RechtSchrijven); err != nil {
		t.Fatal(err)
	}
	if err := srv.Grant(reader, RechtLezen); err != nil {
		t.Fatal(err)
	}
	writer, watcher := connectAs(t, dsn, role), connectAs(t, dsn, reader)
	values := "'mallory', 0, 'mallory', now(), 'gewijzigd', 'interventies', 'k', 'werkwijze', '', 'x'"
	insert := func(id, extraColumn, extraValue string) error {
		return writer.db.Exec("INSERT INTO team_wijzigingen (wijziging_id, herkomst, basis, gebruiker, tijd, actie, entiteit, sleutel, veld, " +
			"oude_waarde, nieuwe_waarde" + extraColumn + ") OVERRIDING SYSTEM VALUE VALUES ('" + id + "', " + values + extraValue + ")").Error
	}
	for _, c := range []struct{ column, value string }{{", volgnummer", ", 9000000000000000000"}, {", verzonden_door", ", 'anna'"},
		{", ontvangen", ", now() - interval '1 year'"}} {
		if err := insert("mallory.1", c.column, c.value); err == nil || !strings.Contains(err.Error(), "42501") {
			t.Fatalf("een schrijver vulde%s in: %v", c.column, err)
		}
	}
	if err := insert("mallory.2", "", ""); err != nil {
		t.Fatalf("een schrijver kon geen wijziging toevoegen: %v", err)
	}
	var by string
	if err := srv.db.Raw("SELECT verzonden_door FROM team_wijzigingen WHERE wijziging_id = 'mallory.2'").Scan(&by).Error; err != nil || by != role {
		t.Fatalf("verzonden door %q (%v), verwacht %s", by, err, role)
	}

	// a function of the lock's name that a writer made (on a server where
	// anyone may create in public, as before PostgreSQL 15) is not called
	if err := srv.db.Exec("GRANT CREATE ON SCHEMA public TO " + role).Error; err != nil {
		t.Fatal(err)
	}
	if err := writer.db.Exec("CREATE FUNCTION public.pg_advisory_xact_lock(integer) RETURNS void LANGUAGE sql AS 'SELECT NULL::void'").Error; err != nil {
		t.Fatal(err)
	}
	// while holder holds the turn (another laptop sending, or a reader
	// holding the advisory lock), does fn wait for it?
	holding := func(holder *Server, hold string, fn func() error) error {
		return holder.withConn(func(c *pgx.Conn) error {
			return pgx.BeginFunc(context.Background(), c, func(tx pgx.Tx) error {
				if _, err := tx.Exec(context.Background(), hold); err != nil {
					return err
				}
				return fn()
			})
		})
	}
	insertWaiting := func() error {
		return writer.db.Transaction(func(w *gorm.DB) error {
			if err := w.Exec("SET LOCAL lock_timeout = '300ms'").Error; err != nil {
				return err
			}
			return w.Exec("INSERT INTO team_wijzigingen (wijziging_id, herkomst, basis, gebruiker, tijd, actie, entiteit, sleutel, veld, " +
				"oude_waarde, nieuwe_waarde) VALUES ('mallory.3', " + values + ")").Error
		})
	}
	advisory := fmt.Sprintf("SELECT pg_catalog.pg_advisory_xact_lock(%d::bigint)", sendLock)
	hold := "SELECT 1 FROM team_beurt FOR UPDATE"
	if earlier {
		hold = advisory
	} else {
		reach(t, a, interventies(t, a)[0].Naam, "2025", "5")
		if err := holding(watcher, advisory, func() error {
			_, err := Sync(context.Background(), a, srv, nil)
			return errors.Join(err, insertWaiting())
		}); err != nil {
			t.Fatalf("een lezer met het oude slot hield het versturen tegen: %v", err)
		}
		if err := watcher.db.Exec("SELECT 1 FROM team_beurt FOR UPDATE").Error; err == nil || !strings.Contains(err.Error(), "42501") {
			t.Fatalf("een lezer kon de beurt nemen: %v", err)
		}
	}
	err := holding(srv, hold, insertWaiting)
	if msg := describe(err); msg == nil || !strings.Contains(msg.Error(), "houdt de beurt om wijzigingen te versturen vast") {
		t.Fatalf("een toevoeging wachtte niet op de lopende verzending: %v (%v)", err, msg)
	}
	if earlier {
		// the program's own send takes the advisory lock there
		reach(t, a, interventies(t, a)[0].Naam, "2025", "6")
		sync(t, a, srv)
		return
	}
	// the turn's row removed past the program: no send goes on without it
	if err := srv.db.Exec("DELETE FROM team_beurt").Error; err != nil {
		t.Fatal(err)
	}
	if msg := describe(insert("mallory.4", "", "")); msg == nil || msg.Error() != emptyTurn {
		t.Fatalf("toevoegen zonder beurt: %v", msg)
	}
	reach(t, a, interventies(t, a)[0].Naam, "2025", "7")
	if _, err := Sync(context.Background(), a, srv, nil); err == nil || err.Error() != emptyTurn {
		t.Fatalf("versturen zonder beurt: %v", err)
	}
}

// TestGrantWaitsForASendAWhile: granting changes the guards of the table a
// send in progress holds; it waits a limited time for the send and then
// says in Dutch that the team database is busy, changing nothing. Once the
// send is done it succeeds.
func TestGrantWaitsForASendAWhile(t *testing.T) {
	srv, _ := teamServer(t)
	founder(t, srv, "anna")
	role := "collega" + fmt.Sprint(os.Getpid())
	for _, stmt := range []string{"DROP ROLE IF EXISTS " + role, "CREATE ROLE " + role + " LOGIN"} {
		if err := srv.db.Exec(stmt).Error; err != nil {
			t.Fatal(err)
		}
	}
	defer func(wait time.Duration) { grantLockWait = wait }(grantLockWait)
	grantLockWait = 300 * time.Millisecond
	err := srv.withConn(func(c *pgx.Conn) error {
		return pgx.BeginFunc(context.Background(), c, func(tx pgx.Tx) error {
			if _, err := tx.Exec(context.Background(), "INSERT INTO team_wijzigingen (wijziging_id, herkomst, basis, gebruiker, tijd, "+
				"actie, entiteit, sleutel, veld, oude_waarde, nieuwe_waarde) VALUES ('bezig.1', 'bezig', 0, 'bram', now(), "+
				"'gewijzigd', 'interventies', 'k', 'werkwijze', '', 'x')"); err != nil {
				return err
			}
			start := time.Now()
			err := srv.Grant(role, RechtLezen)
			if err == nil || !strings.Contains(err.Error(), "de teamdatabase is bezig") || time.Since(start) > 30*time.Second {
				t.Errorf("rechten geven tijdens een verzending: %v (na %v)", err, time.Since(start))
			}
			return errors.New("verzending afgebroken")
		})
	})
	if err == nil || err.Error() != "verzending afgebroken" {
		t.Fatal(err)
	}
	if err := srv.Grant(role, RechtLezen); err != nil {
		t.Fatalf("rechten geven na de verzending: %v", err)
	}
}

// connectAs connects to the team database at dsn as role, until the test ends.
func connectAs(t *testing.T, dsn, role string) *Server {
	t.Helper()
	s, err := Connect(pgtest.DSN(dsn, role))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
