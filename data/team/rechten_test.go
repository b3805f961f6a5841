package team

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

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
