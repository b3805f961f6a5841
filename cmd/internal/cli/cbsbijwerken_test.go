package cli

import (
	"net"
	"net/http"
	"strings"
	"testing"

	"jeugdmonitor/data/cbs/odata"
	"jeugdmonitor/data/cbs/odata/odatatest"
)

// cbs-bijwerken against a local server replaying CBS's answers: without
// --bevestig only the existing indicators are filled; with it the new ones
// are made; a second run changes nothing; a dry run stores nothing.
func TestCBSBijwerken(t *testing.T) {
	db := newDatabase(t)
	srv := odatatest.Start(t, nil)
	t.Setenv(odata.URLVariabele, srv.URL)
	code, stdout, stderr := run(t, "cbs-bijwerken", "--db", db, "--dry-run", "--bevestig")
	if code != ExitOK || !strings.Contains(stdout, "[4/4] 85099NED opgehaald") ||
		!strings.Contains(stdout, "85099NED (Jeugdzorg; kerncijfers, regio (vanaf 2021)): 12 nieuw, 0 gewijzigd, 0 ongewijzigd, 6 nieuwe indicatoren") ||
		!strings.Contains(stdout, "Nieuwe indicator: cbs-jeugdbescherming (") || !strings.Contains(stdout, "Proef: er is niets opgeslagen.") {
		t.Fatalf("dry run: exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, stderr = run(t, "cbs-bijwerken", "--db", db)
	if code != ExitOK || !strings.Contains(stdout, "85099NED (Jeugdzorg; kerncijfers, regio (vanaf 2021)): 4 nieuw, 0 gewijzigd, 0 ongewijzigd, 6 reeksen zonder indicator overgeslagen") ||
		!strings.Contains(stdout, "herhaal met --bevestig") {
		t.Fatalf("without --bevestig: exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, stderr = run(t, "cbs-bijwerken", "--db", db, "--bevestig")
	if code != ExitOK || !strings.Contains(stdout, "85099NED (Jeugdzorg; kerncijfers, regio (vanaf 2021)): 8 nieuw, 0 gewijzigd, 4 ongewijzigd, 6 nieuwe indicatoren") {
		t.Fatalf("with --bevestig: exit %d\n%s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "Reservekopie vooraf: ") || !strings.Contains(stdout, "voor-import") {
		t.Fatalf("no backup before writing:\n%s", stdout)
	}
	code, stdout, _ = run(t, "cbs-bijwerken", "--db", db, "--bevestig")
	if code != ExitOK || !strings.Contains(stdout, "85099NED (Jeugdzorg; kerncijfers, regio (vanaf 2021)): 0 nieuw, 0 gewijzigd, 12 ongewijzigd\n") ||
		!strings.Contains(stdout, "Alles is al bijgewerkt: er is niets veranderd.") || strings.Contains(stdout, "Reservekopie") {
		t.Fatalf("second run: exit %d\n%s", code, stdout)
	}
	// A figure CBS corrected is named with its old and new value.
	anders := odatatest.Start(t, func(w http.ResponseWriter, r *http.Request) bool {
		if strings.HasSuffix(r.URL.Path, "/84134NED/TypedDataSet") {
			w.Write([]byte(`{"value":[{"VormenVanJeugdzorg":"A043010","RegioS":"GM0193","Perioden":"2019JJ00","JongerenMetJeugdzorg_1":5.0},` +
				`{"VormenVanJeugdzorg":"A043010","RegioS":"NL01  ","Perioden":"2019JJ00","JongerenMetJeugdzorg_1":200000.0}]}`))
			return true
		}
		return false
	})
	t.Setenv(odata.URLVariabele, anders.URL)
	code, stdout, _ = run(t, "cbs-bijwerken", "--db", db, "--bevestig")
	if code != ExitOK || !strings.Contains(stdout, "84134NED (Jeugdzorg; kerncijfers, regio (2015-2020)): 0 nieuw, 1 gewijzigd, 0 ongewijzigd\n"+
		"  Gewijzigd: Aantal jeugdigen met jeugdhulp, 2019: van 1.000 naar 5\n") {
		t.Fatalf("changed figure: exit %d\n%s", code, stdout)
	}
}

func TestCBSBijwerkenOffline(t *testing.T) {
	db := newDatabase(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	t.Setenv(odata.URLVariabele, "http://"+addr+"/ODataApi/odata")
	code, _, stderr := run(t, "cbs-bijwerken", "--db", db, "--bevestig")
	if code != ExitError || stderr != "fout: Geen verbinding met CBS ("+addr+"): de verbinding werd geweigerd. Controleer de internetverbinding; er is niets veranderd.\n" {
		t.Fatalf("exit %d: %q", code, stderr)
	}
}

// --gemeente takes only GM and four digits, checked before anything is
// fetched: NL01 would have stored the national figures as Zwolle's.
func TestCBSBijwerkenGemeenteGeweigerd(t *testing.T) {
	db := newDatabase(t)
	srv := odatatest.Start(t, nil)
	t.Setenv(odata.URLVariabele, srv.URL)
	for _, code := range []string{"NL01", "GM019", "PV23", "GM０１９３", "GM0193; drop"} {
		exit, stdout, stderr := run(t, "cbs-bijwerken", "--db", db, "--gemeente", code, "--gemeentenaam", "Zwolle", "--bevestig")
		if exit != ExitUsage || !strings.Contains(stderr, "schrijf GM en vier cijfers, bijvoorbeeld GM0193 voor Zwolle; er is niets opgehaald") ||
			!strings.Contains(stderr, code) || stdout != "" {
			t.Errorf("%q: exit %d: %q %q", code, exit, stdout, stderr)
		}
	}
	if n := len(srv.Verzoeken()); n != 0 {
		t.Fatalf("%d requests before the code was checked", n)
	}
	if exit, stdout, stderr := run(t, "cbs-bijwerken", "--db", db, "--gemeente", " gm0193 ", "--dry-run"); exit != ExitOK || !strings.Contains(stdout, "voor GM0193 en Nederland") {
		t.Fatalf("gm0193: exit %d: %s %s", exit, stdout, stderr)
	}
}
