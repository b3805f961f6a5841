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
	connect := func(role string) *Server {
		s, err := Connect(pgtest.DSN(dsn, role))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	asLezer, asSchrijver := connect(lezer), connect(schrijver)

	l := member(t, asLezer, "lisa")
	sameContent(t, a, l)
	reach(t, l, interventies(t, l)[0].Naam, "2025", "9")
	if _, err := Sync(context.Background(), l, asLezer, nil); err == nil || !strings.Contains(err.Error(), "alleen leesrechten") {
		t.Fatalf("sync met leesrechten en een wijziging: %v", err)
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
// insert, also one past the program, waits for the lock that serialises
// sends; Grant gives a team database of an earlier version that guard.
func TestWritersFillOnlyTheirColumnsAndWaitTheirTurn(t *testing.T) {
	srv, dsn := teamServer(t)
	founder(t, srv, "anna")
	role := "invoerder" + fmt.Sprint(os.Getpid())
	for _, stmt := range []string{"DROP ROLE IF EXISTS " + role, "CREATE ROLE " + role + " LOGIN",
		"DROP TRIGGER team_wijzigingen_op_volgorde ON team_wijzigingen"} { // as a team database of an earlier version
		if err := srv.db.Exec(stmt).Error; err != nil {
			t.Fatal(err)
		}
	}
	if err := srv.Grant(role, RechtSchrijven); err != nil {
		t.Fatal(err)
	}
	writer, err := Connect(pgtest.DSN(dsn, role))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { writer.Close() })
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
	// another laptop is sending (it holds the lock): an insert past the
	// program waits for it, and a send says so in Dutch when waiting too long
	err = srv.withConn(func(c *pgx.Conn) error {
		if _, err := c.Exec(context.Background(), "SELECT pg_advisory_lock($1)", int64(sendLock)); err != nil {
			return err
		}
		defer c.Exec(context.Background(), "SELECT pg_advisory_unlock($1)", int64(sendLock))
		return writer.db.Transaction(func(tx *gorm.DB) error {
			if err := tx.Exec("SET LOCAL lock_timeout = '300ms'").Error; err != nil {
				return err
			}
			return tx.Exec("INSERT INTO team_wijzigingen (wijziging_id, herkomst, basis, gebruiker, tijd, actie, entiteit, sleutel, veld, " +
				"oude_waarde, nieuwe_waarde) VALUES ('mallory.3', " + values + ")").Error
		})
	})
	if msg := describe(err); msg == nil || !strings.Contains(msg.Error(), "houdt de beurt om wijzigingen te versturen vast") {
		t.Fatalf("een toevoeging wachtte niet op de lopende verzending: %v (%v)", err, msg)
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
